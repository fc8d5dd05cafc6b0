/**
 * What follows a change to the plan: when the plan moved, a new plan version and fresh break
 * reminders (the job runner drops the old ones as stale); and the framework card posted once at
 * the start, then edited only when what it shows apart from times changes.
 */
import { breakReminderJobs, planMoved, type LiveState } from '../core/liveAgenda';
import { bumpPlanVersion } from '../core/planVersion';
import type { Session } from '../core/session';
import { frameworkCardSignature, type PlanState } from '../core/sessionPlan';
import { frameworkCard } from '../cards/frameworkCard';
import type { ServiceDeps } from './deps';
import { editTrackedCard, postTrackedCard } from './trackedCards';

/**
 * A short tag for the session inside its own chat's outbox keys. The outbox partition is already
 * the conversation, so the occurrence date plus a hash of the key is enough, and it keeps keys
 * well inside Azure's 255-byte limit however long Teams' meeting ids are.
 */
export function sessionTag(session: Pick<Session, 'sessionKey' | 'occurrence'>): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < session.sessionKey.length; i++) {
    hash ^= session.sessionKey.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${session.occurrence}.${hash.toString(16).padStart(8, '0')}`;
}

export function frameworkCardKey(session: Pick<Session, 'sessionKey' | 'occurrence'>): string {
  return `framework|${sessionTag(session)}`;
}

/** Writes a new plan version and plans the break reminders from where the session is now. */
export async function replanReminders(deps: ServiceDeps, session: Session, plan: { readonly agenda: PlanState['agenda']; readonly live: LiveState }, now: Date): Promise<void> {
  const bumped = await bumpPlanVersion(deps.store, session.sessionKey);
  if (!bumped.ok) {
    // Old reminders stay current until the next move; better than none at all.
    deps.logger.warn({ reason: bumped.reason }, 'break reminders not replanned');
    return;
  }
  const jobs = breakReminderJobs(session.sessionKey, plan.agenda, { ...plan.live, planVersion: bumped.version }, now);
  for (const job of jobs) await deps.jobs.schedule(job);
}

/** Cancels every pending reminder (the meeting has ended) without touching the plan itself. */
export async function cancelReminders(deps: ServiceDeps, session: Session): Promise<void> {
  const bumped = await bumpPlanVersion(deps.store, session.sessionKey);
  if (!bumped.ok) deps.logger.warn({ reason: bumped.reason }, 'break reminders not cancelled');
}

export async function postFrameworkCard(deps: ServiceDeps, session: Session, plan: PlanState): Promise<void> {
  await postTrackedCard(deps, session.conversationId, frameworkCardKey(session), frameworkCard({ sessionKey: session.sessionKey, plan }));
}

/** After a change was written: reminders if the plan moved; the card posted (first start) or edited (it shows something new). */
export async function announceChange(deps: ServiceDeps, session: Session, change: { readonly before: PlanState; readonly after: PlanState }, now: Date): Promise<void> {
  const { before, after } = change;
  if (!after.live) return;
  if (planMoved(before.live, after.live)) await replanReminders(deps, session, { agenda: after.agenda, live: after.live }, now);
  if (!before.live) {
    await postFrameworkCard(deps, session, after);
    return;
  }
  if (frameworkCardSignature(before) === frameworkCardSignature(after)) return;
  const card = frameworkCard({ sessionKey: session.sessionKey, plan: after });
  // Each written change is announced once (the conditional write decides that), and two changes can
  // share a plan version (pause, resume), so every edit gets a key of its own.
  await editTrackedCard(deps, session.conversationId, frameworkCardKey(session), card, deps.ids.random());
}
