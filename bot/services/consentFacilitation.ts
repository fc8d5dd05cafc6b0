/**
 * The facilitators' private consent view: "Check consent" on the card (their own invoke response)
 * or `consent` typed by a facilitator (their 1:1 chat). "Clear to record" is only what
 * recordingClearance says; the confirmation "everyone here, including people on the phone or in
 * the room, has been asked" is kept as a row of its own with the people known at that moment, so
 * anyone who joins afterwards makes it "not clear" again.
 */
import { CONSENT_TABLE, latestChoices } from '../core/consentLedger';
import { subjectFor } from '../core/consentPeople';
import type { ConsentMethod, ConsentScope } from '../core/consentScopes';
import { CONSENT_SCOPES } from '../core/consentScopes';
import type { Session } from '../core/session';
import type { Turn } from '../core/turn';
import { consentOverviewCard, type ConsentOverview, type SaidNotNow } from '../cards/consentFacilitatorCard';
import { consentWording } from './consentWording';
import { consentStrings } from '../cards/strings/consent.en-GB';
import type { VerbHandler } from './capability';
import { confirmationCount, confirmationRowKey, confirmedAs, consentPicture, type ConsentPicture } from './consentPicture';
import { whoOf } from './consentSessions';
import type { ServiceDeps } from './deps';

const text = consentStrings.facilitators;
const byName = (a: string, b: string) => a.localeCompare(b, 'en-GB');

export function overviewOf(sessionKey: string, picture: ConsentPicture, notice?: string): ConsentOverview {
  const byWho = new Map(picture.people.map((p) => [p.consent.person.who, p]));
  const names: string[] = [];
  let unnamed = 0;
  for (const who of picture.knownWho) {
    if (byWho.get(who)?.consent.choices.recording !== undefined) continue;
    const name = picture.names.get(who);
    if (name) names.push(name);
    else unnamed++;
  }
  const saidNotNow: SaidNotNow[] = [];
  for (const { consent, events } of picture.people) {
    const scopes: ConsentScope[] = CONSENT_SCOPES.filter((s) => consent.choices[s] === 'notNow');
    if (scopes.length === 0) continue;
    const latest = latestChoices(events);
    const recordedBy: ConsentMethod | undefined = scopes.map((s) => latest[s]).find((e) => e && e.actorSubjectId !== e.subjectId)?.method;
    const name = consent.person.name ?? picture.names.get(consent.person.who);
    saidNotNow.push({ ...(name ? { name } : {}), scopes, ...(recordedBy ? { recordedBy } : {}) });
  }
  saidNotNow.sort((a, b) => byName(a.name ?? '\uffff', b.name ?? '\uffff'));
  return {
    sessionKey,
    clearance: picture.clearance,
    notAnswered: { names: names.sort(byName), unnamed },
    saidNotNow,
    ...(notice ? { notice } : {}),
  };
}

export async function overviewCard(deps: ServiceDeps, session: Session, notice?: string) {
  const picture = await consentPicture(deps, session);
  return consentOverviewCard(overviewOf(session.sessionKey, picture, notice), consentWording('standard', undefined));
}

function coversEveryone(picture: ConsentPicture): boolean {
  const confirmed = picture.confirmation?.knownWho;
  return confirmed !== undefined && picture.knownWho.every((who) => confirmed.includes(who));
}

/** Saves a confirmation for the people known now; false when one already covers them all. */
async function confirmEveryoneAsked(deps: ServiceDeps, session: Session, turn: Turn): Promise<boolean> {
  const picture = await consentPicture(deps, session);
  if (picture.confirmation && coversEveryone(picture)) return false;
  const who = whoOf(turn.actor);
  const by = who ? (await subjectFor(deps.store, deps.ids, session.sessionKey, who, turn.actor.name)).subjectId : null;
  const props = { at: turn.now.toISOString(), covered: JSON.stringify(confirmedAs(deps, picture.knownWho)), by };
  // Insert if absent at the next number: two facilitators confirming at once both keep a row.
  for (let attempt = 0; attempt < 4; attempt++) {
    const index = (await confirmationCount(deps.store, session.sessionKey)) + 1;
    const written = await deps.store.insert(CONSENT_TABLE, { partitionKey: session.sessionKey, rowKey: confirmationRowKey(index), props });
    if (written.ok) break;
  }
  deps.logger.info({ known: picture.knownWho.length }, 'consent confirmed as asked');
  return true;
}

/** Without `step`: the view. With `step: 'confirm'`: "everyone here has been asked", then the view. */
export const checkConsent: VerbHandler = {
  run: async ({ turn, data, session: { session }, deps }) => {
    if (data.step !== 'confirm') return { kind: 'card', card: await overviewCard(deps, session) };
    const saved = await confirmEveryoneAsked(deps, session, turn);
    return { kind: 'card', card: await overviewCard(deps, session, saved ? text.confirmed : text.alreadyConfirmed) };
  },
};
