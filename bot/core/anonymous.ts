/**
 * Anonymous actions: "unsaid" notes and "I need a pause" (DESIGN.md "Anonymity"). The rules, pure:
 * - no author: the input type has no place for a person, and any extra property fails to compile;
 *   the row is built from named fields only, so one smuggled in at run time is dropped too;
 * - a random row key (passed in from the Ids port), so row order says nothing about who or when;
 * - no creation time: only the index of the coarse batch window the action fell in. The window is
 *   kept (rather than nothing) so a count can freeze at the last boundary without a stored
 *   snapshot, and so notes appear only once their window has closed. It says no more than the
 *   batched count itself already shows;
 * - shown in shuffled order, and only from completed windows (reports wait one more window:
 *   see REPORT_LAG_WINDOWS).
 * Never passed to quiet voices; counts go to facilitators only (the caller's permission check).
 *
 * The Store may keep its own write time (Azure Tables' Timestamp); nothing here reads it.
 */
import { compositeKey } from './keys';
import type { Entity, EntityInput } from './ports';

export const ANONYMOUS_TABLE = 'anonymous';
export const MAX_UNSAID_CHARACTERS = 1000;
/** The default window: long enough that several people may act in it, short enough to be useful. */
export const DEFAULT_BATCH_MINUTES = 5;
/** A row key shorter than this is not a random id (and could be guessed or be a person's id). */
const MIN_RANDOM_ID_LENGTH = 16;
const RANDOM_ID = /^[A-Za-z0-9_-]+$/;

export type AnonymousKind = 'unsaid' | 'pause';

/** Everything an anonymous row may be built from. There is deliberately no person here. */
export interface AnonymousInput {
  readonly kind: AnonymousKind;
  readonly sessionKey: string;
  /** The note, for 'unsaid' only. */
  readonly text?: string;
  /** From the Ids port: unguessable, unrelated to the person. */
  readonly randomId: string;
  /** When the action happened; reduced to a window index at once and not kept. */
  readonly now: Date;
  readonly batchMinutes?: number;
}

/** Any property beyond AnonymousInput's is typed `never`, so a person id cannot be passed. */
export type OnlyAnonymousInput<T> = T & { readonly [K in Exclude<keyof T, keyof AnonymousInput>]: never };

/** An anonymous row as read back: what it says and which window it fell in, nothing more. */
export interface AnonymousRow {
  readonly kind: AnonymousKind;
  readonly sessionKey: string;
  readonly rowKey: string;
  readonly batch: number;
  readonly text?: string;
}

export type NewAnonymousResult =
  | { readonly ok: true; readonly entity: EntityInput }
  | { readonly ok: false; readonly reason: 'empty' | 'tooLong' };

export function anonymousPartition(sessionKey: string, kind: AnonymousKind): string {
  return compositeKey(sessionKey, kind);
}

/** The index of the window `at` falls in: window n covers [n·minutes, (n+1)·minutes). */
export function batchIndex(at: Date, batchMinutes: number = DEFAULT_BATCH_MINUTES): number {
  return Math.floor(at.getTime() / (batchMinutes * 60_000));
}

/**
 * Builds the entity to insert. A random id that does not look random is a bug in the caller and
 * throws; an empty or overlong note is an expected answer.
 */
export function newAnonymousRow<T extends AnonymousInput>(input: OnlyAnonymousInput<T>): NewAnonymousResult {
  const { kind, sessionKey, randomId, now } = input;
  if (randomId.length < MIN_RANDOM_ID_LENGTH || !RANDOM_ID.test(randomId)) {
    throw new Error('Anonymous rows need a random id from the Ids port.');
  }
  const props: Record<string, string | number> = { kind, sessionKey, batch: batchIndex(now, input.batchMinutes) };
  if (kind === 'unsaid') {
    const text = input.text?.trim() ?? '';
    if (text === '') return { ok: false, reason: 'empty' };
    if (text.length > MAX_UNSAID_CHARACTERS) return { ok: false, reason: 'tooLong' };
    props.text = text;
  }
  return { ok: true, entity: { partitionKey: anonymousPartition(sessionKey, kind), rowKey: randomId, props } };
}

/** Reads only the fields we wrote; anything else on the row (a store timestamp) is ignored. */
export function anonymousFromEntity(entity: Entity | EntityInput): AnonymousRow | undefined {
  const { kind, sessionKey, batch, text } = entity.props;
  if ((kind !== 'unsaid' && kind !== 'pause') || typeof sessionKey !== 'string' || typeof batch !== 'number') return undefined;
  return { kind, sessionKey, rowKey: entity.rowKey, batch, ...(typeof text === 'string' ? { text } : {}) };
}

/**
 * A new array in random order. Items are first put in row-key order, so the result depends only
 * on the random source and never on the order the store (or a clock) handed them over.
 * `random` returns numbers in [0, 1), like Math.random.
 */
export function shuffle<T extends { readonly rowKey: string }>(items: readonly T[], random: () => number): T[] {
  const out = [...items].sort((a, b) => (a.rowKey < b.rowKey ? -1 : a.rowKey > b.rowKey ? 1 : 0));
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.min(i, Math.floor(random() * (i + 1)));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Rows whose window has closed: a note is never shown while its writer is the only one who just typed. */
export function visibleRows<T extends { readonly batch: number }>(rows: readonly T[], now: Date, batchMinutes: number = DEFAULT_BATCH_MINUTES): T[] {
  const current = batchIndex(now, batchMinutes);
  return rows.filter((row) => row.batch < current);
}

export interface BatchedCount {
  readonly count: number;
  /** The boundary the count is as of. */
  readonly asOf: Date;
  /** When the count may next change: refresh the facilitator view then, not sooner. */
  readonly nextUpdateAt: Date;
}

/**
 * How many, as of the last completed window boundary. A click now shows only at the next
 * boundary, together with everyone else's in the same window, so the count never rises the
 * moment one person acts.
 */
export function batchedCount(rows: readonly { readonly batch: number }[], now: Date, batchMinutes: number = DEFAULT_BATCH_MINUTES): BatchedCount {
  const current = batchIndex(now, batchMinutes);
  const windowMs = batchMinutes * 60_000;
  return {
    count: visibleRows(rows, now, batchMinutes).length,
    asOf: new Date(current * windowMs),
    nextUpdateAt: new Date((current + 1) * windowMs),
  };
}

/**
 * Facilitators hear about a window one whole window after it closes, never at its boundary: a
 * click just before a boundary would otherwise show a second later and point at the clicker.
 * So anything done in window n is reported at the end of window n + 1.
 */
export const REPORT_LAG_WINDOWS = 1;

/** When the report of window `batch` goes to the facilitators. */
export function reportDueAt(batch: number, batchMinutes: number = DEFAULT_BATCH_MINUTES): Date {
  return new Date((batch + 1 + REPORT_LAG_WINDOWS) * batchMinutes * 60_000);
}

/** Rows already reported at `now`: what any facilitator view may show, and nothing newer. */
export function reportedRows<T extends { readonly batch: number }>(rows: readonly T[], now: Date, batchMinutes: number = DEFAULT_BATCH_MINUTES): T[] {
  return visibleRows(rows, new Date(now.getTime() - REPORT_LAG_WINDOWS * batchMinutes * 60_000), batchMinutes);
}
