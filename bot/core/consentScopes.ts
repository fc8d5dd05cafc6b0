/**
 * What a person can agree to, each on its own and each "not now" until they say yes. The order is
 * the order on the card. Plain names for people live in the card strings.
 */
export const CONSENT_SCOPES = ['recording', 'transcript', 'aiSummary', 'named', 'quoted'] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];

/** A person's answer for one scope. "notNow" is the default and always fine. */
export type ConsentChoice = 'agree' | 'notNow';

/**
 * What an answer meant when it was given: agree; decline (not now, never having agreed);
 * withdraw (not now after agreeing). A genuine agree → withdraw → agree is three events.
 */
export type ConsentEventKind = 'agree' | 'decline' | 'withdraw';

/** How the answer reached us. The first three are the person themselves; the rest a facilitator recorded. */
export const CONSENT_METHODS = ['card', 'personalChat', 'link', 'verbal', 'phone', 'paper', 'inRoom'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];
export const FACILITATOR_METHODS: readonly ConsentMethod[] = ['verbal', 'phone', 'paper', 'inRoom'];

/** Which wording the person saw. */
export type WordingVariant = 'standard' | 'easyRead';

export function isScope(value: unknown): value is ConsentScope {
  return typeof value === 'string' && (CONSENT_SCOPES as readonly string[]).includes(value);
}

export function isChoice(value: unknown): value is ConsentChoice {
  return value === 'agree' || value === 'notNow';
}

export function isMethod(value: unknown): value is ConsentMethod {
  return typeof value === 'string' && (CONSENT_METHODS as readonly string[]).includes(value);
}
