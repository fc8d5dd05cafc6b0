/**
 * Each person answering for themselves: Save (the five as chosen), "Not now to everything", the
 * easy-read view and, in a 1:1 chat, opening their own choices for a session. Identity comes only
 * from the turn; card data chooses the session (checked by the dispatcher) and the wording, never
 * the person. Only the presser sees the reply, with their personal withdrawal code.
 */
import { CONSENT_TABLE } from '../core/consentLedger';
import { personFromEntity, personRowKey, type ConsentPerson } from '../core/consentPeople';
import { eventsOfSubject, recordOwnChoices } from '../core/consentRecords';
import { CONSENT_SCOPES, isChoice, type ConsentMethod, type WordingVariant } from '../core/consentScopes';
import { consentOf } from '../core/consentState';
import type { ConsentEvent } from '../core/consentLedger';
import type { Session } from '../core/session';
import { refuseInvoke, tellPresser, type InvokeReply, type Turn } from '../core/turn';
import { issueWithdrawalCode } from '../core/withdrawalTokens';
import { CONSENT_INPUT_IDS, consentFormCard, type Choices } from '../cards/consentCard';
import { consentAnswerCard } from '../cards/consentAnswerCard';
import { consentWording } from './consentWording';
import { consentStrings } from '../cards/strings/consent.en-GB';
import type { VerbHandler } from './capability';
import { afterConsentWritten } from './consentAfter';
import { shownWording, variantOf, wordingOfPress } from './consentPosting';
import { whoOf } from './consentSessions';
import type { ServiceDeps } from './deps';
import { recordSignal } from './attendance';

const text = consentStrings.answer;
const ALL_NOT_NOW: Choices = Object.fromEntries(CONSENT_SCOPES.map((s) => [s, 'notNow']));

/** The five choices from the card's inputs; undefined when any is missing or not a known value. */
export function choicesFrom(data: Readonly<Record<string, unknown>>): Choices | undefined {
  const choices: Choices = {};
  for (const scope of CONSENT_SCOPES) {
    const value = data[CONSENT_INPUT_IDS[scope]];
    if (!isChoice(value)) return undefined;
    choices[scope] = value;
  }
  return choices;
}

/** A person's row and events in a session, without creating anything. */
export async function existingConsent(deps: ServiceDeps, sessionKey: string, who: string): Promise<{ person: ConsentPerson; events: ConsentEvent[] } | undefined> {
  const entity = await deps.store.get(CONSENT_TABLE, sessionKey, personRowKey(who));
  const person = entity && personFromEntity(entity);
  return person ? { person, events: await eventsOfSubject(deps.store, sessionKey, person.subjectId) } : undefined;
}

/** The personal page address, when the server knows its public address. */
export function withdrawalLink(publicUrl: string | undefined, code: string): string | undefined {
  return publicUrl ? `${publicUrl.replace(/\/+$/, '')}/withdraw?code=${encodeURIComponent(code)}` : undefined;
}

async function answerReply(deps: ServiceDeps, session: Session, subject: ConsentPerson, events: readonly ConsentEvent[], variant: WordingVariant, outcome: 'saved' | 'unchanged', now: Date, firstAnswer = false): Promise<InvokeReply> {
  const state = consentOf(subject, events);
  const agreedAny = Object.values(state.choices).includes('agree');
  let withdrawal: { code: string; link?: string } | undefined;
  if (agreedAny) {
    const code = await issueWithdrawalCode(deps.store, { sessionKey: session.sessionKey, subjectId: subject.subjectId }, now, firstAnswer);
    const link = withdrawalLink(deps.publicUrl, code);
    withdrawal = { code, ...(link ? { link } : {}) };
  }
  const card = consentAnswerCard({
    sessionKey: session.sessionKey,
    wording: consentWording(variant, session.safeguardingContact),
    choices: state.choices,
    outcome,
    recordedForYou: state.recordedByFacilitator,
    ...(withdrawal ? { withdrawal } : {}),
  });
  return { kind: 'card', card };
}

async function saveOwn(deps: ServiceDeps, session: Session, turn: Turn, who: string, choices: Choices, variant: WordingVariant, claimedHash: unknown): Promise<InvokeReply> {
  const now = turn.now;
  const wording = await wordingOfPress(deps, session, variant, claimedHash, now);
  const method: ConsentMethod = turn.surface === 'personal' ? 'personalChat' : 'card';
  const recorded = await recordOwnChoices(deps.store, deps.ids, { sessionKey: session.sessionKey, who, name: turn.actor.name, method, wording, choices, now });
  const { subject } = recorded;
  await afterConsentWritten(deps, session, subject, recorded.written, now);
  if (turn.surface !== 'personal') await recordSignal(deps, session, turn.actor, 'cardAnswer', now);
  deps.logger.info({ method, events: recorded.written.length }, 'consent answered');
  return answerReply(deps, session, subject, recorded.all, variant, recorded.written.length > 0 ? 'saved' : 'unchanged', now, recorded.firstAnswer);
}

/** Shows a person their own form: easy read, or the standard words opened from their 1:1 chat. */
async function ownForm(deps: ServiceDeps, session: Session, turn: Turn, variant: WordingVariant): Promise<InvokeReply> {
  const wording = await shownWording(deps, session, variant, turn.now);
  const who = whoOf(turn.actor);
  const mine = who ? await existingConsent(deps, session.sessionKey, who) : undefined;
  const current = mine ? consentOf(mine.person, mine.events).choices : {};
  return { kind: 'card', card: consentFormCard(session.sessionKey, wording, current) };
}

export const giveConsent: VerbHandler = {
  run: async ({ turn, data, session: { session }, deps }) => {
    const variant = variantOf(data.variant);
    if (!variant) return refuseInvoke(400, text.badChoice);
    if (data.step === 'open') return ownForm(deps, session, turn, variant);
    const who = whoOf(turn.actor);
    if (!who) return tellPresser(text.noIdentity);
    const choices = choicesFrom(data);
    if (!choices) return refuseInvoke(400, text.badChoice);
    return saveOwn(deps, session, turn, who, choices, variant, data.wordingHash);
  },
};

export const declineConsent: VerbHandler = {
  run: async ({ turn, data, session: { session }, deps }) => {
    const variant = variantOf(data.variant);
    if (!variant) return refuseInvoke(400, text.badChoice);
    const who = whoOf(turn.actor);
    if (!who) return tellPresser(text.noIdentity);
    return saveOwn(deps, session, turn, who, ALL_NOT_NOW, variant, data.wordingHash);
  },
};

export const easyReadConsent: VerbHandler = {
  run: async ({ turn, session: { session }, deps }) => ownForm(deps, session, turn, 'easyRead'),
};
