/**
 * Late joiners: never a card per join. Joins in the same two-minute window share one short
 * message pointing at the standing card, sent when the window ends; people who have already
 * answered are not asked again, so a window where every joiner had answered sends nothing.
 * Nothing about who joined is stored here (attendance keeps that, for facilitators only).
 */
import { isBotId } from '../core/attendance';
import type { MeetingMember } from '../core/meetingEvent';
import type { Session } from '../core/session';
import type { Turn } from '../core/turn';
import { consentStrings } from '../cards/strings/consent.en-GB';
import type { ServiceJobHandler } from './capability';
import { existingConsent } from './consentAnswering';
import { isConsentCardPosted, refreshConsentCard } from './consentPosting';
import { whoOf } from './consentSessions';
import type { ServiceDeps } from './deps';

export const WELCOME_JOB = 'consent.welcome';
export const WELCOME_WINDOW_MS = 120_000;

async function hasAnswered(deps: ServiceDeps, sessionKey: string, who: string): Promise<boolean> {
  const mine = await existingConsent(deps, sessionKey, who);
  return mine !== undefined && mine.events.length > 0;
}

export async function onJoin(deps: ServiceDeps, session: Session, turn: Turn, members: readonly MeetingMember[]): Promise<void> {
  if (!(await isConsentCardPosted(deps, session.sessionKey))) return;
  let anyoneToAsk = false;
  for (const member of members) {
    if (isBotId(member.userId)) continue;
    const who = whoOf({ ...member, ...(member.aadObjectId && turn.tenantId ? { tenantId: turn.tenantId } : {}) });
    // Someone we cannot identify may well not have answered: point them at the card.
    if (!who || !(await hasAnswered(deps, session.sessionKey, who))) anyoneToAsk = true;
  }
  // The count's "of M" grows with the people here.
  await refreshConsentCard(deps, session, turn.now);
  if (!anyoneToAsk) return;
  const window = Math.floor(turn.now.getTime() / WELCOME_WINDOW_MS);
  await deps.jobs.schedule({
    kind: WELCOME_JOB,
    dueAt: new Date((window + 1) * WELCOME_WINDOW_MS),
    idempotencyKey: `consentWelcome|${session.sessionKey}|${window}`,
    payload: { sessionKey: session.sessionKey, conversationId: session.conversationId, window },
  });
}

export const welcomeJob: ServiceJobHandler = async (job, _now, deps) => {
  const { sessionKey, conversationId, window } = job.payload;
  if (typeof sessionKey !== 'string' || typeof conversationId !== 'string' || typeof window !== 'number') return { drop: 'badPayload' };
  await deps.outbox.enqueue({ conversationId, message: { kind: 'send', text: consentStrings.welcome }, idempotencyKey: `consentWelcome|${sessionKey}|${window}` });
  return 'done';
};
