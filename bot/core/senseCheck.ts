/**
 * Sense checks ("here is what we heard"): a facilitator posts one to five statements, each person
 * answers agree / partly / disagree per statement and may add what we missed. One row per person
 * per statement (DESIGN.md "No hot single row"), changeable until the sense check is closed.
 * Pure: the caller loads the check and the person's existing row, calls `answer`, and saves.
 *
 * Wording people read lives in cards/strings; here outcomes are values with a reason.
 */
import { compositeKey } from './keys';
import type { Entity, EntityInput, Properties } from './ports';

export const SENSE_ANSWERS_TABLE = 'senseAnswers';
export const MAX_STATEMENTS = 5;
export const MAX_STATEMENT_CHARACTERS = 300;
export const MAX_MISSED_CHARACTERS = 1000;

export type SenseCheckStatus = 'open' | 'closed';
export type Level = 'agree' | 'partly' | 'disagree';
export const LEVELS: readonly Level[] = ['agree', 'partly', 'disagree'];

/** self: the person pressed a button. The others: a facilitator recorded it for them. */
export type AnswerMethod = 'self' | 'verbal' | 'phone' | 'paper' | 'inRoom';
export const ANSWER_METHODS: readonly AnswerMethod[] = ['self', 'verbal', 'phone', 'paper', 'inRoom'];

export interface SenseCheck {
  readonly id: string;
  readonly sessionKey: string;
  readonly statements: readonly string[];
  readonly status: SenseCheckStatus;
  /** Keyed pseudonym of the facilitator; never shown on public cards. */
  readonly openedBy: string;
  readonly openedAt: Date;
  readonly closedAt?: Date;
}

export interface Answer {
  readonly senseCheckId: string;
  readonly statementIndex: number;
  /** Keyed pseudonym of the person the answer belongs to (the caller derives it, never card data). */
  readonly respondent: string;
  readonly level: Level;
  readonly missed?: string;
  readonly method: AnswerMethod;
  /** The facilitator who recorded an answer given out loud, by phone, on paper or in the room. */
  readonly recordedBy?: string;
  /** For a recorded answer only: the name the facilitator typed. Shown to facilitators, never in a shared chat. */
  readonly respondentName?: string;
  readonly answeredAt: Date;
}

export type AnswerInput = Omit<Answer, 'answeredAt' | 'senseCheckId'>;

export type OpenResult =
  | { readonly ok: true; readonly check: SenseCheck }
  | { readonly ok: false; readonly reason: 'noStatements' | 'tooManyStatements' | 'statementTooLong' };

export type AnswerResult =
  | { readonly ok: true; readonly answer: Answer; /** Same as before: record nothing new. */ readonly unchanged: boolean }
  | {
      readonly ok: false;
      readonly reason: 'closed' | 'noSuchStatement' | 'missedTooLong' | 'recorderMissing' | 'recorderNotAllowed';
    };

/** Statements are trimmed and blank ones dropped, so a form with empty boxes still works. */
export function openSenseCheck(input: Omit<SenseCheck, 'status' | 'closedAt'>): OpenResult {
  const statements = input.statements.map((s) => s.trim()).filter((s) => s !== '');
  if (statements.length === 0) return { ok: false, reason: 'noStatements' };
  if (statements.length > MAX_STATEMENTS) return { ok: false, reason: 'tooManyStatements' };
  if (statements.some((s) => s.length > MAX_STATEMENT_CHARACTERS)) return { ok: false, reason: 'statementTooLong' };
  return { ok: true, check: { ...input, statements, status: 'open' } };
}

/** Closing twice keeps the first closing time. */
export function closeSenseCheck(check: SenseCheck, now: Date): SenseCheck {
  return check.status === 'closed' ? check : { ...check, status: 'closed', closedAt: now };
}

/**
 * Records or changes one person's answer to one statement. A blank "what did we miss" keeps what
 * they wrote before, so pressing another level does not wipe their words.
 */
export function answer(check: SenseCheck, existing: Answer | undefined, input: AnswerInput, now: Date): AnswerResult {
  if (check.status === 'closed') return { ok: false, reason: 'closed' };
  const index = input.statementIndex;
  if (!Number.isInteger(index) || index < 0 || index >= check.statements.length) return { ok: false, reason: 'noSuchStatement' };
  if (input.method === 'self' && input.recordedBy !== undefined) return { ok: false, reason: 'recorderNotAllowed' };
  if (input.method !== 'self' && !input.recordedBy) return { ok: false, reason: 'recorderMissing' };

  const typed = input.missed?.trim();
  if (typed && typed.length > MAX_MISSED_CHARACTERS) return { ok: false, reason: 'missedTooLong' };
  const missed = typed || existing?.missed;

  const respondentName = input.method === 'self' ? undefined : input.respondentName?.trim() || undefined;
  if (
    existing &&
    existing.level === input.level &&
    existing.missed === missed &&
    existing.method === input.method &&
    existing.respondentName === respondentName
  ) {
    return { ok: true, answer: existing, unchanged: true };
  }
  const next: Answer = {
    senseCheckId: check.id,
    statementIndex: index,
    respondent: input.respondent,
    level: input.level,
    method: input.method,
    answeredAt: now,
    ...(missed ? { missed } : {}),
    ...(input.recordedBy ? { recordedBy: input.recordedBy } : {}),
    ...(respondentName ? { respondentName } : {}),
  };
  return { ok: true, answer: next, unchanged: false };
}

export type Split = Readonly<Record<Level, number>>;

/**
 * What everyone may see about one statement. While open only how many have answered (a split
 * shown live would push people towards the majority); the split only once closed.
 */
export interface Tally {
  readonly answered: number;
  /** Never below `answered`, so the card never says "5 of 4". Undefined when nobody knows. */
  readonly expected?: number;
  readonly split?: Split;
}

/** Pass one statement's answers. Each respondent counts once even if rows repeat. */
export function tally(answers: readonly Answer[], expectedCount: number | undefined, status: SenseCheckStatus): Tally {
  const latest = latestPerRespondent(answers);
  const answered = latest.length;
  const expected = expectedCount === undefined || expectedCount <= 0 ? undefined : Math.max(expectedCount, answered);
  const base = expected === undefined ? { answered } : { answered, expected };
  if (status !== 'closed') return base;
  const split = { agree: 0, partly: 0, disagree: 0 };
  for (const a of latest) split[a.level] += 1;
  return { ...base, split };
}

/** One tally per statement, in statement order. */
export function tallies(check: SenseCheck, answers: readonly Answer[], expectedCount: number | undefined): Tally[] {
  return check.statements.map((_s, index) =>
    tally(
      answers.filter((a) => a.statementIndex === index),
      expectedCount,
      check.status,
    ),
  );
}

/**
 * Answers whose level fewer people chose than the largest group, per statement, with what they
 * said we missed: the views a summary must not drop because they were outnumbered.
 */
export function minorityAnswers(answers: readonly Answer[]): Answer[] {
  const out: Answer[] = [];
  const indexes = [...new Set(answers.map((a) => a.statementIndex))].sort((a, b) => a - b);
  for (const index of indexes) {
    const latest = latestPerRespondent(answers.filter((a) => a.statementIndex === index));
    const counts = new Map<Level, number>();
    for (const a of latest) counts.set(a.level, (counts.get(a.level) ?? 0) + 1);
    const largest = Math.max(...counts.values());
    out.push(...latest.filter((a) => (counts.get(a.level) ?? 0) < largest));
  }
  return out;
}

function latestPerRespondent(answers: readonly Answer[]): Answer[] {
  const byPerson = new Map<string, Answer>();
  for (const a of answers) {
    const seen = byPerson.get(a.respondent);
    if (!seen || seen.answeredAt.getTime() <= a.answeredAt.getTime()) byPerson.set(a.respondent, a);
  }
  return [...byPerson.values()];
}

// ---------------------------------------------------------------------------------------------
// Store rows: partition per sense check, row per person per statement.
// ---------------------------------------------------------------------------------------------

export function answerPartition(sessionKey: string, senseCheckId: string): string {
  return compositeKey(sessionKey, senseCheckId);
}

export function answerRowKey(respondent: string, statementIndex: number): string {
  return compositeKey(respondent, String(statementIndex));
}

export function answerToEntity(sessionKey: string, a: Answer): EntityInput {
  const props: Record<string, string | number> = {
    senseCheckId: a.senseCheckId,
    statementIndex: a.statementIndex,
    respondent: a.respondent,
    level: a.level,
    method: a.method,
    answeredAt: a.answeredAt.toISOString(),
  };
  if (a.missed !== undefined) props.missed = a.missed;
  if (a.recordedBy !== undefined) props.recordedBy = a.recordedBy;
  if (a.respondentName !== undefined) props.respondentName = a.respondentName;
  return { partitionKey: answerPartition(sessionKey, a.senseCheckId), rowKey: answerRowKey(a.respondent, a.statementIndex), props };
}

/** Undefined for a row that is not a well-formed answer (skip it rather than fail a whole tally). */
export function answerFromEntity(entity: Entity | EntityInput): Answer | undefined {
  const p: Properties = entity.props;
  const level = LEVELS.find((l) => l === p.level);
  const method = ANSWER_METHODS.find((m) => m === p.method);
  const answeredAt = typeof p.answeredAt === 'string' ? new Date(p.answeredAt) : undefined;
  if (typeof p.senseCheckId !== 'string' || typeof p.respondent !== 'string' || typeof p.statementIndex !== 'number') return undefined;
  if (!level || !method || !answeredAt || Number.isNaN(answeredAt.getTime())) return undefined;
  return {
    senseCheckId: p.senseCheckId,
    statementIndex: p.statementIndex,
    respondent: p.respondent,
    level,
    method,
    answeredAt,
    ...(typeof p.missed === 'string' ? { missed: p.missed } : {}),
    ...(typeof p.recordedBy === 'string' ? { recordedBy: p.recordedBy } : {}),
    ...(typeof p.respondentName === 'string' ? { respondentName: p.respondentName } : {}),
  };
}
