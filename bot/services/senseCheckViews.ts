/**
 * What the sense-check handlers share: who an answer belongs to (from the activity, as a keyed
 * pseudonym), finding the check a card names, and building the public card from the store. The
 * public tally is only ever edited through the coalesced refresh (or once on closing).
 */
import { personKeyOf } from '../core/facilitators';
import { personId } from '../core/personalChats';
import type { CardJson } from '../core/ports';
import { tallies, type Answer, type SenseCheck } from '../core/senseCheck';
import { idFrom, nameKey } from '../core/senseCheckForms';
import { loadAnswers, loadSenseCheck, type StoredSenseCheck } from '../core/senseCheckStore';
import type { Session } from '../core/session';
import { loadSession } from '../core/sessionStore';
import { refuseInvoke, type Actor, type InvokeReply } from '../core/turn';
import { senseCheckCard } from '../cards/senseCheckCard';
import { senseCheckStrings } from '../cards/strings/senseCheck.en-GB';
import { countPresent } from './attendance';
import type { CardRenderer } from './capability';
import type { ServiceDeps } from './deps';
import { requestCardRefresh } from './trackedCards';

export const TALLY_RENDERER = 'senseCheck.tally';

/** Names the public card in the outbox; check ids are random, so this is unique per chat. */
export function senseCheckCardKey(checkId: string): string {
  return `senseCheck|${checkId}`;
}

/**
 * The stored key of the person who acted (the same person id answers, attendance and consent use,
 * so "my data" and erasure find every row); undefined when the activity named nobody. Not the log
 * pseudonym: rotating the log key must never lose anyone's answers.
 */
export function actorPseudonym(_deps: ServiceDeps, actor: Actor): string | undefined {
  const key = personKeyOf(actor);
  return key ? personId(key) : undefined;
}

/** The row owner for a person's own answer, from their person id. */
export function respondentOfWho(who: string): string {
  return `person:${who}`;
}

/** The row owner for the answer of the person who acted. */
export function selfRespondent(deps: ServiceDeps, actor: Actor): string | undefined {
  const who = actorPseudonym(deps, actor);
  return who ? respondentOfWho(who) : undefined;
}

/** The row owner for an answer a facilitator records for a named person (never clashes with a person's own). */
export function namedRespondent(_deps: ServiceDeps, name: string): string {
  return `named:${nameKey(name)}`;
}

export type FoundCheck = { readonly ok: true; readonly stored: StoredSenseCheck } | { readonly ok: false; readonly reply: InvokeReply };

/** The check named on a card, looked up inside the card's own (already verified) session only. */
export async function checkOfCard(deps: ServiceDeps, session: Session, data: Readonly<Record<string, unknown>>): Promise<FoundCheck> {
  const id = idFrom(data, 'senseCheckId');
  if (!id) return { ok: false, reply: refuseInvoke(400, senseCheckStrings.answer.badButton) };
  const stored = await loadSenseCheck(deps.store, session.sessionKey, id);
  if (!stored) return { ok: false, reply: refuseInvoke(404, senseCheckStrings.answer.notFound) };
  return { ok: true, stored };
}

/** How many people are here, when attendance can tell; a fault only loses the "of M". */
export async function expectedCount(deps: ServiceDeps, session: Session): Promise<number | undefined> {
  return countPresent(deps, session).catch(() => undefined);
}

/** The card everyone sees, as it stands now in the store. */
export function publicCard(session: Session, check: SenseCheck, answers: readonly Answer[], expected: number | undefined): CardJson {
  return senseCheckCard({
    sessionKey: session.sessionKey,
    senseCheckId: check.id,
    statements: check.statements,
    status: check.status,
    tallies: tallies(check, answers, expected),
    facilitatorControls: true,
  });
}

/** Asks for the tally to be redrawn at the end of the current 12-second window. */
export async function requestTallyRefresh(deps: ServiceDeps, session: Session, stored: StoredSenseCheck, now: Date): Promise<void> {
  await requestCardRefresh(
    deps,
    {
      renderer: TALLY_RENDERER,
      cardKey: senseCheckCardKey(stored.check.id),
      conversationId: stored.conversationId,
      payload: { sessionKey: session.sessionKey, senseCheckId: stored.check.id },
    },
    now,
  );
}

/**
 * Redraws the open tally. A closed check was already drawn once with its split when it closed,
 * so a refresh that comes due after that has nothing left to do.
 */
export const tallyRenderer: CardRenderer = async (payload, deps) => {
  const { sessionKey, senseCheckId } = payload;
  if (typeof sessionKey !== 'string' || typeof senseCheckId !== 'string') return undefined;
  const session = await loadSession(deps.store, sessionKey);
  const stored = session ? await loadSenseCheck(deps.store, sessionKey, senseCheckId) : undefined;
  if (!session || !stored || stored.check.status !== 'open') return undefined;
  const answers = await loadAnswers(deps.store, sessionKey, senseCheckId);
  return publicCard(session.session, stored.check, answers, await expectedCount(deps, session.session));
};
