/**
 * Reading what a sense-check card sends back. Card data is untrusted input: every field is checked
 * here and turned into a value or a reason, and identity is never read from it (the caller takes
 * the person from the activity). The cards own their input ids; the caller passes them in.
 */
import { ANSWER_METHODS, LEVELS, MAX_MISSED_CHARACTERS, MAX_STATEMENTS, type AnswerMethod, type Level } from './senseCheck';

export const MAX_NAME_CHARACTERS = 100;
/** Ways a facilitator may record an answer someone gave without pressing a button. */
export const RECORD_METHODS: readonly Exclude<AnswerMethod, 'self'>[] = ANSWER_METHODS.filter(
  (m): m is Exclude<AnswerMethod, 'self'> => m !== 'self',
);

/** Ids we hand out are UUIDs; anything else in card data is not one of ours. */
const ID_PATTERN = /^[A-Za-z0-9-]{8,64}$/;

export function idFrom(data: Readonly<Record<string, unknown>>, field: string): string | undefined {
  const value = data[field];
  return typeof value === 'string' && ID_PATTERN.test(value) ? value : undefined;
}

function textFrom(data: Readonly<Record<string, unknown>>, field: string): string {
  const value = data[field];
  return typeof value === 'string' ? value : '';
}

/** The statement boxes as typed (blank ones included; openSenseCheck trims and drops them). */
export function statementsFrom(data: Readonly<Record<string, unknown>>, inputIds: readonly string[]): string[] {
  return inputIds.slice(0, MAX_STATEMENTS).map((id) => textFrom(data, id));
}

export interface AnswerPress {
  readonly senseCheckId: string;
  readonly statementIndex: number;
  readonly level: Level;
  readonly missed?: string;
}

/** An answer button's data plus the "what did we miss" box Teams merged into it. */
export function answerPressFrom(data: Readonly<Record<string, unknown>>, missedInputId: string): AnswerPress | undefined {
  const senseCheckId = idFrom(data, 'senseCheckId');
  const level = LEVELS.find((l) => l === data.level);
  const statementIndex = indexFrom(data.statementIndex);
  if (!senseCheckId || !level || statementIndex === undefined) return undefined;
  const missed = textFrom(data, missedInputId).trim();
  return { senseCheckId, statementIndex, level, ...(missed ? { missed } : {}) };
}

function indexFrom(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\d{1,2}$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n < MAX_STATEMENTS ? n : undefined;
}

export interface RecordedAnswerForm {
  readonly name: string;
  readonly method: Exclude<AnswerMethod, 'self'>;
  /** One per statement: the level given, or undefined when the person did not answer that point. */
  readonly levels: readonly (Level | undefined)[];
  readonly missed?: string;
}

export type RecordProblem = 'nameMissing' | 'nameTooLong' | 'methodMissing' | 'noLevel' | 'missedTooLong';

export type RecordFormResult =
  | { readonly ok: true; readonly form: RecordedAnswerForm }
  /** `values`: what was entered, so the form can come back filled in to be fixed. */
  | { readonly ok: false; readonly problems: readonly RecordProblem[]; readonly values: Partial<RecordedAnswerForm> };

/** Where each answer sits in the record form's data (the card decides the ids). */
export interface RecordFormInputs {
  readonly name: string;
  readonly method: string;
  readonly level: (statementIndex: number) => string;
  readonly missed: string;
}

/** The "record an answer for someone" form, for a check with this many statements. */
export function recordedAnswerFrom(data: Readonly<Record<string, unknown>>, statementCount: number, inputs: RecordFormInputs): RecordFormResult {
  const problems: RecordProblem[] = [];
  const name = textFrom(data, inputs.name).replace(/\s+/g, ' ').trim();
  if (!name) problems.push('nameMissing');
  if (name.length > MAX_NAME_CHARACTERS) problems.push('nameTooLong');
  const method = RECORD_METHODS.find((m) => m === data[inputs.method]);
  if (!method) problems.push('methodMissing');
  const levels = Array.from({ length: statementCount }, (_v, i) => LEVELS.find((l) => l === data[inputs.level(i)]));
  if (levels.every((l) => l === undefined)) problems.push('noLevel');
  const missed = textFrom(data, inputs.missed).trim();
  if (missed.length > MAX_MISSED_CHARACTERS) problems.push('missedTooLong');
  if (problems.length > 0 || !method) {
    return { ok: false, problems, values: { name, levels, ...(method ? { method } : {}), ...(missed ? { missed } : {}) } };
  }
  return { ok: true, form: { name, method, levels, ...(missed ? { missed } : {}) } };
}

/** Folds a name so "Sam  Jones" and "sam jones" are one person's row. */
export function nameKey(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('en-GB');
}
