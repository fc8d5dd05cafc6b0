/**
 * What a withdrawal asks the ledger for, pure. Withdrawing must be as easy as agreeing and must
 * never make up an answer the person did not give: "withdraw from recording" touches recording
 * only, and only if they had agreed; "withdraw everything" says no to every choice not already no.
 */
import { latestChoices, type ConsentEvent, type Wording } from './consentLedger';
import { CONSENT_SCOPES, type ConsentChoice, type ConsentScope } from './consentScopes';

export type ChoiceState = ConsentChoice | 'unanswered';

/** Each scope's current state, in card order. */
export function choiceStates(events: readonly ConsentEvent[]): Readonly<Record<ConsentScope, ChoiceState>> {
  const latest = latestChoices(events);
  const out = {} as Record<ConsentScope, ChoiceState>;
  for (const scope of CONSENT_SCOPES) out[scope] = latest[scope]?.choice ?? 'unanswered';
  return out;
}

/** Scopes the person has agreed to and not withdrawn. */
export function agreedScopes(events: readonly ConsentEvent[]): ConsentScope[] {
  const states = choiceStates(events);
  return CONSENT_SCOPES.filter((scope) => states[scope] === 'agree');
}

export type WithdrawalTarget = ConsentScope | 'all';

/** The choices to record; empty when nothing would change (a repeated press). */
export function withdrawalChoices(events: readonly ConsentEvent[], target: WithdrawalTarget): Partial<Record<ConsentScope, ConsentChoice>> {
  const states = choiceStates(events);
  const scopes = target === 'all' ? CONSENT_SCOPES.filter((s) => states[s] !== 'notNow') : states[target] === 'agree' ? [target] : [];
  return Object.fromEntries(scopes.map((scope) => [scope, 'notNow' as const]));
}

/**
 * A withdrawal is recorded against the wording the person last answered, since that is what they
 * are withdrawing from; someone who never answered gets the wording of the page they used.
 */
export function latestWording(events: readonly ConsentEvent[], fallback: Wording): Wording {
  const latest = events.reduce<ConsentEvent | undefined>((best, e) => (!best || e.seq > best.seq ? e : best), undefined);
  return latest?.wording ?? fallback;
}
