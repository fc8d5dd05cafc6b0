/**
 * Access needs go through the same card actions as the chat's access form (access.open,
 * access.save, access.recordFor in bot/services/followUpAccess.ts), so the rules (only known
 * needs, a facilitator needs the person's agreement) live in one place. These helpers turn the
 * form's state into that action's data and read the server's card answer back.
 */
import { ACCESS_NEEDS, type AccessNeed } from '../../../bot/core/accessNeeds';
import { ACCESS_INPUTS } from '../../../bot/cards/followUpAccessCard';
import type { ActionOutcome } from '../api/client';
import type { CardJson } from '../api/viewTypes';
import { inputValues } from './readCard';

export interface NeedsDraft {
  readonly needs: ReadonlySet<AccessNeed>;
  readonly other: string;
}

export const NO_NEEDS: NeedsDraft = { needs: new Set(), other: '' };

/** The needs and "anything else" as the access form card holds them. */
export function needsFromCard(card: CardJson | undefined): NeedsDraft {
  if (!card) return NO_NEEDS;
  const values = inputValues(card);
  return { needs: new Set(ACCESS_NEEDS.filter((need) => values[`${ACCESS_INPUTS.needPrefix}${need}`] === 'true')), other: values[ACCESS_INPUTS.other] ?? '' };
}

/** The action data the card's inputs would send. */
export function needsData(draft: NeedsDraft): Record<string, string> {
  const data: Record<string, string> = { [ACCESS_INPUTS.other]: draft.other };
  for (const need of ACCESS_NEEDS) data[`${ACCESS_INPUTS.needPrefix}${need}`] = String(draft.needs.has(need));
  return data;
}

export function recordForData(draft: NeedsDraft, personId: string, agreed: boolean): Record<string, string> {
  return { ...needsData(draft), [ACCESS_INPUTS.forPerson]: personId, [ACCESS_INPUTS.agreed]: String(agreed) };
}

/** Saved (with the server's own words), or the problem the server's form card shows. */
export function savedOrProblem(outcome: ActionOutcome): { readonly ok: boolean; readonly message: string } {
  if (outcome.kind !== 'done') return { ok: false, message: outcome.message };
  const { answer } = outcome;
  if (answer.ok && answer.message) return { ok: true, message: answer.message };
  const problem = Array.isArray(answer.card?.body)
    ? (answer.card.body as readonly Readonly<Record<string, unknown>>[]).find((e) => e.type === 'TextBlock' && e.color === 'Attention')?.text
    : undefined;
  return { ok: false, message: typeof problem === 'string' ? problem : (answer.message ?? '') };
}
