/**
 * Making the draft digest: at wrap-up, or 30 minutes after the meeting was due to end, whichever
 * comes first (DESIGN.md "Jobs": the meeting-end event may never come). The timed draft is a
 * durable job scheduled when the meeting starts (and again at its end, idempotently), so a restart
 * in between still makes it. A draft is private to the facilitators, who get a 1:1 nudge.
 */
import { meetingMinutesOf } from '../core/sessionPlan';
import type { DraftReason } from '../core/digestState';
import { loadSession } from '../core/sessionStore';
import type { Session } from '../core/session';
import { digestReadyCard } from '../cards/digestReviewCard';
import type { ServiceJobHandler } from './capability';
import type { ServiceDeps } from './deps';
import { buildDigestFromStore } from './digestSources';
import { loadDigestState, saveDraft } from './digestStore';
import { tellFacilitators } from './privateChat';
import { scheduleFollowUpDateReminder } from './followUpReminders';

export const DIGEST_DRAFT_JOB = 'followUp.digestDraft';
export const DRAFT_AFTER_END_MS = 30 * 60_000;

export async function prepareDigestDraft(deps: ServiceDeps, session: Session, now: Date, reason: DraftReason): Promise<boolean> {
  const content = await buildDigestFromStore(deps, session, now);
  const saved = await saveDraft(deps, session, content, reason, now);
  if (!saved.ok) return false;
  deps.logger.info({ reason, version: saved.value.version, notes: content.notes.length, senseChecks: content.senseChecks.length }, 'digest draft made');
  if (saved.value.version === 1) {
    await tellFacilitators(deps, session, { card: digestReadyCard(session.sessionKey) }, 'digestReady');
  }
  return true;
}

/**
 * The one call wrap-up makes after saving the next steps: a new or refreshed draft (never once it
 * has been shared). A fault here must not spoil the wrap-up, so it is logged, not thrown.
 */
export async function prepareDigestAfterWrapUp(deps: ServiceDeps, session: Session, now: Date): Promise<void> {
  try {
    const stored = await loadDigestState(deps.store, session.sessionKey);
    if (stored?.state.status === 'published') return;
    await prepareDigestDraft(deps, session, now, 'wrapUp');
    await scheduleFollowUpDateReminder(deps, session);
  } catch (error) {
    deps.logger.error({ errorName: error instanceof Error ? error.name : 'unknown' }, 'digest draft after wrap-up failed');
  }
}

/** Idempotent: one timed draft job per session, due 30 minutes after the scheduled end. */
export async function scheduleDigestDraft(deps: ServiceDeps, session: Session, now: Date): Promise<void> {
  const info = await deps.directory.meetingInfo({ meetingId: session.meetingId, conversationId: session.conversationId }).catch(() => undefined);
  const scheduledEnd = info?.scheduledEnd ? Date.parse(info.scheduledEnd) : NaN;
  const end = Number.isFinite(scheduledEnd) ? scheduledEnd : now.getTime() + meetingMinutesOf(info) * 60_000;
  await deps.jobs.schedule({
    kind: DIGEST_DRAFT_JOB,
    dueAt: new Date(end + DRAFT_AFTER_END_MS),
    idempotencyKey: `digestDraft|${session.sessionKey}`,
    payload: { sessionKey: session.sessionKey },
  });
}

export const digestDraftJob: ServiceJobHandler = async (job, now, deps) => {
  const sessionKey = job.payload.sessionKey;
  if (typeof sessionKey !== 'string') return { drop: 'badPayload' };
  const stored = await loadSession(deps.store, sessionKey);
  if (!stored) return { drop: 'sessionGone' };
  // Shared already: nothing to do. Made at wrap-up: refresh it, since people answer "did we do
  // what we came for?" after the next steps are saved (hidden items stay hidden; no second nudge).
  if ((await loadDigestState(deps.store, sessionKey))?.state.status === 'published') return 'done';
  await prepareDigestDraft(deps, stored.session, now, 'schedule');
  await scheduleFollowUpDateReminder(deps, stored.session);
  return 'done';
};
