/**
 * Access needs that change what Coproduce does, not a form that is filed and forgotten:
 * - easy read: that person's consent and answer cards open in easy read;
 * - more breaks: the session's time budget check asks for more breaks;
 * - captions or BSL: a private reminder to the facilitators when the meeting starts;
 * - papers before: a reminder to the organisers some days ahead, so pre-reads go out in time.
 *
 * A person enters their own needs, or a facilitator enters them with the person's agreement
 * (recorded as such). Only facilitators see them; they are kept with the session and go when it
 * is purged. Table 'accessNeeds', partition = session key, row = the person's `who`.
 */
import { ok, refused, type Result } from './result';

export const ACCESS_NEEDS_TABLE = 'accessNeeds';
export const ACCESS_NEEDS = ['easyRead', 'moreBreaks', 'captions', 'bsl', 'preReads'] as const;
export type AccessNeed = (typeof ACCESS_NEEDS)[number];
export const MAX_OTHER_CHARACTERS = 300;
/** How many days before the session the organisers are reminded about papers. */
export const DEFAULT_PRE_READ_DAYS = 3;

export interface AccessNeeds {
  readonly who: string;
  readonly needs: readonly AccessNeed[];
  /** Anything else, in the person's words. Facilitators only. */
  readonly other?: string;
  readonly enteredBy: 'self' | 'facilitator';
  /** The name shown to facilitators (the person's Teams name, or as the facilitator typed it). */
  readonly name?: string;
  readonly updatedAt: string;
}

export function isAccessNeed(value: unknown): value is AccessNeed {
  return typeof value === 'string' && (ACCESS_NEEDS as readonly string[]).includes(value);
}

export interface AccessNeedsInput {
  readonly needs: readonly unknown[];
  readonly other?: unknown;
  /** A facilitator entering needs for someone must say the person agreed. */
  readonly agreed?: boolean;
}

export function decideAccessNeeds(who: string, input: AccessNeedsInput, enteredBy: 'self' | 'facilitator', name: string | undefined, now: Date): Result<AccessNeeds> {
  if (enteredBy === 'facilitator' && input.agreed !== true) {
    return refused('Please check the person agreed to you recording this for them, then tick the box.');
  }
  const needs = ACCESS_NEEDS.filter((need) => input.needs.includes(need));
  const other = typeof input.other === 'string' && input.other.trim() !== '' ? input.other.trim() : undefined;
  if (other && [...other].length > MAX_OTHER_CHARACTERS) return refused(`Please keep "anything else" to ${MAX_OTHER_CHARACTERS} characters or fewer.`);
  return ok({ who, needs, enteredBy, updatedAt: now.toISOString(), ...(other ? { other } : {}), ...(name ? { name } : {}) });
}

/** What the session's needs change, all together. Counts only: reminders never name anyone. */
export interface AccessEffects {
  readonly easyReadWho: ReadonlySet<string>;
  readonly moreBreaks: boolean;
  readonly captions: number;
  readonly bsl: number;
  readonly preReads: number;
}

export function accessEffects(records: readonly AccessNeeds[]): AccessEffects {
  const count = (need: AccessNeed) => records.filter((r) => r.needs.includes(need)).length;
  return {
    easyReadWho: new Set(records.filter((r) => r.needs.includes('easyRead')).map((r) => r.who)),
    moreBreaks: count('moreBreaks') > 0,
    captions: count('captions'),
    bsl: count('bsl'),
    preReads: count('preReads'),
  };
}

/**
 * When to remind the organisers about papers: `days` before the session starts, at the same time
 * of day; straight away when that moment has passed but the session has not started yet.
 * Undefined once the session has started: a reminder then would be no use.
 */
export function preReadReminderAt(sessionStart: Date, now: Date, days = DEFAULT_PRE_READ_DAYS): Date | undefined {
  if (now.getTime() >= sessionStart.getTime()) return undefined;
  const ahead = new Date(sessionStart.getTime() - days * 86_400_000);
  return ahead.getTime() > now.getTime() ? ahead : now;
}

export function accessNeedsToProps(record: AccessNeeds): Record<string, string> {
  return { data: JSON.stringify(record) };
}

export function accessNeedsFromJson(json: unknown): AccessNeeds | undefined {
  if (typeof json !== 'string') return undefined;
  try {
    const value = JSON.parse(json) as Partial<AccessNeeds>;
    if (typeof value.who !== 'string' || !Array.isArray(value.needs) || typeof value.updatedAt !== 'string') return undefined;
    if (value.enteredBy !== 'self' && value.enteredBy !== 'facilitator') return undefined;
    return {
      who: value.who,
      needs: value.needs.filter(isAccessNeed),
      enteredBy: value.enteredBy,
      updatedAt: value.updatedAt,
      ...(typeof value.other === 'string' ? { other: value.other } : {}),
      ...(typeof value.name === 'string' ? { name: value.name } : {}),
    };
  } catch {
    return undefined;
  }
}
