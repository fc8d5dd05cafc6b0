/**
 * What follows a consent write, whoever made it (the person on a card or in their 1:1 chat, a
 * facilitator for them, or the withdrawal page): seal it soon, index the session for the person,
 * bring the public count up to date, and tell the facilitators privately, at once, when someone
 * takes back a yes or says "not now" to recording. The answer is already saved, so a failure here
 * is logged and never undoes or refuses it.
 */
import { sha256, type ConsentEvent } from '../core/consentLedger';
import type { ConsentPerson } from '../core/consentPeople';
import type { ConsentScope } from '../core/consentScopes';
import type { Session } from '../core/session';
import { withdrawalAlertCard } from '../cards/consentFacilitatorCard';
import { consentWording } from './consentWording';
import { consentStrings } from '../cards/strings/consent.en-GB';
import { refreshConsentCard } from './consentPosting';
import { scheduleSeal } from './consentSealer';
import { rememberConsentSession } from './consentSessions';
import type { ServiceDeps } from './deps';
import { tellFacilitators } from './privateChat';
import { confirmedIn } from './storeMemo';

/** Runs one follow-up; false (and logged) when it failed. */
async function step(deps: ServiceDeps, what: string, run: () => Promise<unknown>): Promise<boolean> {
  try {
    await run();
    return true;
  } catch (error) {
    deps.logger.error({ step: what, errorName: error instanceof Error ? error.name : 'unknown' }, 'consent follow-up failed');
    return false;
  }
}

/** Immediate, not batched: a facilitator may be recording right now. */
async function alertWithdrawal(deps: ServiceDeps, session: Session, subject: ConsentPerson, withdrawn: readonly ConsentEvent[]): Promise<void> {
  const first = withdrawn[0];
  const scopes: ConsentScope[] = withdrawn.map((e) => e.scope);
  const byFacilitator = first.actorSubjectId !== first.subjectId;
  const card = withdrawalAlertCard(
    { sessionKey: session.sessionKey, ...(subject.name ? { name: subject.name } : {}), scopes, ...(byFacilitator ? { recordedBy: first.method } : {}) },
    consentWording('standard', undefined),
  );
  // Short key: the outbox keeps the session key and the facilitator's id around it, within Azure's key limit.
  const delivery = await tellFacilitators(deps, session, { card }, `consentOut|${sha256(`${first.subjectId}|${first.seq}`).slice(0, 16)}`);
  deps.logger.info({ reached: delivery.reached.length, unreachable: delivery.unreachable.length, scopes: scopes.length }, 'consent withdrawal alert');
}

export async function afterConsentWritten(deps: ServiceDeps, session: Session, subject: ConsentPerson, written: readonly ConsentEvent[], now: Date): Promise<void> {
  if (written.length === 0) return;
  await step(deps, 'seal', () => scheduleSeal(deps, session.sessionKey, now));
  if (!subject.roster) await step(deps, 'index', () => rememberConsentSession(deps.store, subject, session.sessionKey, now));
  await step(deps, 'refresh', () => refreshConsentCard(deps, session, now));
  const withdrawn = written.filter((e) => e.kind === 'withdraw');
  if (withdrawn.length > 0) await step(deps, 'withdrawalAlert', () => alertWithdrawal(deps, session, subject, withdrawn));
  if (written.some((e) => e.scope === 'recording' && e.choice === 'notNow')) {
    // Once per session (the outbox key sees to that; the memo saves asking it again and again).
    const advised = confirmedIn(deps.store, 'notetakerAdvice');
    if (!advised.get(session.sessionKey, now) && (await step(deps, 'notetaker', () => tellFacilitators(deps, session, { text: consentStrings.facilitators.notetaker }, 'consentNotetaker')))) {
      advised.set(session.sessionKey, true, now);
    }
  }
}
