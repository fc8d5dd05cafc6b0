/**
 * A co-production session: one occurrence of a Teams meeting and its chat (DESIGN.md "State and
 * storage"). The session row holds facilitator-edited state only; what many people do at once
 * (consent, answers, notes) lives in rows of its own.
 *
 * Occurrences. A recurring meeting keeps one meeting id and one chat for every occurrence, so the
 * meeting id alone cannot tell this week's session from last week's. We key a session on the
 * meeting id plus the UTC calendar date of the occurrence's start. Callers pass the occurrence's
 * scheduled start from the meeting details when there is one (every path — setup before the
 * meeting, the start event, a live command — can ask for it and gets the same answer); otherwise
 * the first moment we saw the occurrence (the start event, or the setup itself for a "Meet now").
 * A date, not a minute, so a scheduled start and a late actual start still land on one session.
 * Known limit: two occurrences on one UTC day share a session, and an occurrence whose scheduled
 * and actual starts fall either side of UTC midnight splits unless the scheduled start is used.
 */
import type { PersonKey } from './facilitators';
import { compositeKey } from './keys';
import { ok, type Result } from './result';

export const LIMITS = {
  /** Characters in each free-text answer about the purpose. */
  text: 500,
  safeguardingContact: 300,
  programmeId: 100,
  /** The creator plus the people they name. */
  facilitators: 10,
  notetakers: 5,
} as const;

export interface Purpose {
  /** What the session hopes to achieve. */
  readonly outcome: string;
  /** Whether the group is open to outcomes nobody planned, with an optional note. */
  readonly openToUnexpected: { readonly open: boolean; readonly note?: string };
  /** Who is responsible for acting on what is heard. */
  readonly responsible?: string;
  /** How what is heard will be captured (recording, notetaker, flip charts…). */
  readonly capture?: string;
}

export interface Session {
  /** Store partition for everything about this session; also the plan scope for its jobs. */
  readonly sessionKey: string;
  readonly meetingId: string;
  readonly conversationId: string;
  /** UTC date of the occurrence's start, `YYYY-MM-DD`. */
  readonly occurrence: string;
  readonly purpose: Purpose;
  /** Whoever first set the session up; never changes. */
  readonly creator: PersonKey;
  /** The creator first, then the people they named. */
  readonly facilitators: readonly PersonKey[];
  /** Notetakers are facilitators too (facilitators.ts), listed apart for the digest. */
  readonly notetakers: readonly PersonKey[];
  /** An explicit programme (series) the session belongs to; never inferred from the chat. */
  readonly programmeId?: string;
  /** Name, phone or web address shown wherever people may need support. Free text. */
  readonly safeguardingContact?: string;
  /** IANA time zone of the facilitator who last saved the setup, for date-only reminders. */
  readonly timeZone?: string;
  /** Someone's access needs ask for more breaks: the time budget check tightens. */
  readonly needsMoreBreaks: boolean;
  /** Count (never read) chat messages towards quiet voices. Off unless the facilitator turns it on. */
  readonly countChat: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** 1 when created, one more on each edit. */
  readonly version: number;
}

/** What the setup card form gives, after the handler has read it. Identity never comes from here. */
export interface SetupInput {
  readonly meetingId: string;
  readonly conversationId: string;
  /** ISO start of this occurrence: scheduled start when known, else the first moment seen. */
  readonly occurrenceStart: string;
  readonly purpose: {
    readonly outcome: string;
    readonly openToUnexpected: boolean;
    readonly openToUnexpectedNote?: string;
    readonly responsible?: string;
    readonly capture?: string;
  };
  /** The people named as facilitators; the creator is added (first) whether named or not. */
  readonly facilitators?: readonly PersonKey[];
  readonly notetakers?: readonly PersonKey[];
  readonly programmeId?: string;
  readonly safeguardingContact?: string;
  /** From the activity's `localTimezone`; ignored when not a time zone this runtime knows. */
  readonly timeZone?: string;
  readonly needsMoreBreaks?: boolean;
  readonly countChat?: boolean;
}

const ISO_START = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** The occurrence label for a start time: its UTC date. Undefined when the time is unreadable. */
export function occurrenceOf(startIso: string): string | undefined {
  if (!ISO_START.test(startIso)) return undefined;
  const ms = Date.parse(startIso);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString().slice(0, 10);
}

/** The session key for a meeting and an occurrence start; undefined when the time is unreadable. */
export function occurrenceKey(meetingId: string, startIso: string): string | undefined {
  const occurrence = occurrenceOf(startIso);
  return occurrence === undefined ? undefined : sessionKeyOf(meetingId, occurrence);
}

function sessionKeyOf(meetingId: string, occurrence: string): string {
  return compositeKey('session', meetingId, occurrence);
}

/**
 * Creates the session, or edits it when this occurrence already has one (a second `setup` edits,
 * it never duplicates). The caller has already checked that `actor` may set up this session.
 */
export function setupSession(existing: Session | undefined, input: SetupInput, actor: PersonKey, now: Date): Result<Session> {
  const problems: string[] = [];
  const occurrence = occurrenceOf(input.occurrenceStart);
  if (!input.meetingId || !input.conversationId || occurrence === undefined) {
    // Not the person's fault: the handler could not tell which meeting this is.
    return { ok: false, problems: ['Coproduce could not tell which meeting this is. Try again from the meeting chat.'] };
  }
  if (existing && (existing.meetingId !== input.meetingId || existing.conversationId !== input.conversationId || existing.occurrence !== occurrence)) {
    return { ok: false, problems: ['This setup belongs to a different meeting, so it was not changed.'] };
  }

  const outcome = clean(input.purpose.outcome);
  if (!outcome) problems.push('Say what you hope the session will achieve.');
  const purpose: Purpose = {
    outcome: outcome ?? '',
    openToUnexpected: withOptional({ open: input.purpose.openToUnexpected === true }, 'note', clean(input.purpose.openToUnexpectedNote)),
    ...optional('responsible', clean(input.purpose.responsible)),
    ...optional('capture', clean(input.purpose.capture)),
  };
  tooLong(problems, 'What you hope to achieve', purpose.outcome, LIMITS.text);
  tooLong(problems, 'The note about unexpected outcomes', purpose.openToUnexpected.note, LIMITS.text);
  tooLong(problems, 'Who is responsible', purpose.responsible, LIMITS.text);
  tooLong(problems, 'How you will capture what you hear', purpose.capture, LIMITS.text);

  const safeguardingContact = clean(input.safeguardingContact);
  tooLong(problems, 'The safeguarding contact', safeguardingContact, LIMITS.safeguardingContact);
  const programmeId = clean(input.programmeId);
  tooLong(problems, 'The programme', programmeId, LIMITS.programmeId);

  const creator = existing?.creator ?? actor;
  const facilitators = distinct([creator, ...(input.facilitators ?? [])]);
  const notetakers = distinct(input.notetakers ?? []).filter((p) => !facilitators.some((f) => samePerson(f, p)));
  if (facilitators.length > LIMITS.facilitators) {
    problems.push(`A session can have at most ${LIMITS.facilitators} facilitators, including you. Remove ${facilitators.length - LIMITS.facilitators}.`);
  }
  if (notetakers.length > LIMITS.notetakers) {
    problems.push(`A session can have at most ${LIMITS.notetakers} notetakers. Remove ${notetakers.length - LIMITS.notetakers}.`);
  }
  if (problems.length > 0) return { ok: false, problems };

  const at = now.toISOString();
  const timeZone = isKnownTimeZone(input.timeZone) ? input.timeZone : existing?.timeZone;
  return ok({
    sessionKey: sessionKeyOf(input.meetingId, occurrence),
    meetingId: input.meetingId,
    conversationId: input.conversationId,
    occurrence,
    purpose,
    creator,
    facilitators,
    notetakers,
    ...optional('programmeId', programmeId),
    ...optional('safeguardingContact', safeguardingContact),
    ...optional('timeZone', timeZone),
    needsMoreBreaks: input.needsMoreBreaks ?? existing?.needsMoreBreaks ?? false,
    countChat: input.countChat ?? existing?.countChat ?? false,
    createdAt: existing?.createdAt ?? at,
    updatedAt: at,
    version: (existing?.version ?? 0) + 1,
  });
}

/** True when both keys name the same person (ids compared without regard to case, as Teams mixes it). */
export function samePerson(a: PersonKey, b: PersonKey): boolean {
  if ('aadObjectId' in a && 'aadObjectId' in b) {
    return a.aadObjectId.toLowerCase() === b.aadObjectId.toLowerCase() && a.tenantId.toLowerCase() === b.tenantId.toLowerCase();
  }
  if ('userId' in a && 'userId' in b) return a.userId === b.userId;
  return false;
}

function distinct(people: readonly PersonKey[]): PersonKey[] {
  const out: PersonKey[] = [];
  for (const person of people) if (!out.some((p) => samePerson(p, person))) out.push(person);
  return out;
}

/** Trimmed text, or undefined when nothing is left. */
function clean(value: string | undefined): string | undefined {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  return trimmed === '' ? undefined : trimmed;
}

function tooLong(problems: string[], label: string, value: string | undefined, max: number): void {
  // Count characters as people see them, not UTF-16 units.
  const length = value === undefined ? 0 : [...value].length;
  if (length > max) problems.push(`${label} is ${length} characters long. Please keep it to ${max} or fewer.`);
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function withOptional<T extends object, K extends string, V>(base: T, key: K, value: V | undefined): T & { [P in K]?: V } {
  return { ...base, ...optional(key, value) };
}

function isKnownTimeZone(zone: string | undefined): zone is string {
  if (!zone || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
