/**
 * "Did we do what we came for?" — each person answers for themselves (yes / partly / no, with an
 * optional reason), one row each, changeable. Rows live in the session's partition of their own
 * table, keyed by the person, so many people answering at once never contend for one row.
 */
import { personKeyOf } from './facilitators';
import { personId } from './personalChats';
import type { Entity, EntityInput, Person } from './ports';
import { refused, ok, type Result } from './result';

export const PURPOSE_ANSWERS_TABLE = 'purposeAnswers';
export const MAX_REASON_CHARACTERS = 1000;
export type PurposeVerdict = 'yes' | 'partly' | 'no';

export interface PurposeAnswer {
  readonly verdict: PurposeVerdict;
  readonly reason?: string;
  readonly answeredAt: string;
}

export function isVerdict(value: unknown): value is PurposeVerdict {
  return value === 'yes' || value === 'partly' || value === 'no';
}

/** Decides the row to write, or that nothing changes (same answer again). */
export function decidePurposeAnswer(
  sessionKey: string,
  person: Person,
  input: { readonly verdict: unknown; readonly reason: unknown },
  existing: PurposeAnswer | undefined,
  now: Date,
): Result<{ readonly entity: EntityInput; readonly answer: PurposeAnswer; readonly unchanged: boolean }> {
  const key = personKeyOf(person);
  if (!key) return refused('Coproduce could not tell who you are, so your answer was not saved.');
  if (!isVerdict(input.verdict)) return refused('That answer was not recognised. Please press Yes, Partly or No.');
  const reason = typeof input.reason === 'string' && input.reason.trim() !== '' ? input.reason.trim() : undefined;
  if (reason && [...reason].length > MAX_REASON_CHARACTERS) return refused('Your reason is too long. Please keep it to 1,000 characters or fewer.');
  const answer: PurposeAnswer = { verdict: input.verdict, ...(reason ? { reason } : {}), answeredAt: now.toISOString() };
  const unchanged = existing !== undefined && existing.verdict === answer.verdict && existing.reason === answer.reason;
  const entity = { partitionKey: sessionKey, rowKey: personId(key), props: { verdict: answer.verdict, reason: answer.reason ?? null, answeredAt: answer.answeredAt } };
  return ok({ entity, answer: unchanged && existing ? existing : answer, unchanged });
}

export function purposeAnswerFromEntity(entity: Entity): PurposeAnswer | undefined {
  const { verdict, reason, answeredAt } = entity.props;
  if (!isVerdict(verdict) || typeof answeredAt !== 'string') return undefined;
  return { verdict, ...(typeof reason === 'string' ? { reason } : {}), answeredAt };
}
