/**
 * Breaks the facilitator decides on in the moment: `break [minutes]` (or "Start a break") puts a
 * break in at the current position and moves to it; skipping a planned break takes it out, but
 * only from the confirmation card (the guide: take the breaks). Both replan the reminders.
 */
import { start } from '../core/liveAgenda';
import { currentPlanVersion } from '../core/planVersion';
import { ok, refused, type Result } from '../core/result';
import type { Session } from '../core/session';
import { skipBreak, startBreakNow } from '../core/sessionPlan';
import { breakNowCard } from '../cards/breakCards';
import { frameworkStrings } from '../cards/strings/framework.en-GB';
import type { AdaptiveCard } from '../cards/types';
import type { ServiceDeps } from './deps';
import { announceChange, sessionTag } from './liveFrameworkAnnounce';
import { changePlan } from './liveFrameworkStore';

export interface BreakStarted {
  /** "Time for a break — back at …", for everyone in the chat. */
  readonly card: AdaptiveCard;
  readonly planVersion: number;
}

/**
 * Starts a break of `minutes` now. `fromItemId` (from a card) makes a second press of the same
 * card do nothing once the break is on. A session not started yet is started first.
 */
export async function startBreak(deps: ServiceDeps, session: Session, now: Date, minutes: number, fromItemId?: string): Promise<Result<BreakStarted>> {
  const version = await currentPlanVersion(deps.store, session.sessionKey);
  const changed = await changePlan(deps, session, (plan) => {
    let live = plan.live;
    if (!live) {
      const started = start(plan.agenda, now, undefined, version);
      if (!started.ok) return started;
      live = started.value;
    }
    if (fromItemId !== undefined && fromItemId !== live.currentItemId) return refused(frameworkStrings.breaks.alreadyOn);
    const decided = startBreakNow({ agenda: plan.agenda, live }, now, minutes, frameworkStrings.breaks.title);
    return decided.ok ? ok({ agenda: decided.value.agenda, live: decided.value.live, outcome: undefined }) : decided;
  });
  if (!changed.ok) return changed;
  const { before, after } = changed.value;
  await announceChange(deps, session, { before, after }, now);
  const live = after.live;
  if (!live) return refused(frameworkStrings.moves.busy);
  const afterBreak = after.agenda[live.currentIndex + 1];
  const card = breakNowCard({ endsAt: new Date(live.itemEndsAt), ...(afterBreak ? { after: afterBreak.title } : {}) });
  return ok({ card, planVersion: live.planVersion });
}

/** For a button press, whose answer is private: the break card goes to the chat through the outbox. */
export async function postBreakStarted(deps: ServiceDeps, session: Session, started: BreakStarted): Promise<void> {
  await deps.outbox.enqueue({
    conversationId: session.conversationId,
    message: { kind: 'send', card: started.card },
    idempotencyKey: `breakStarted|${sessionTag(session)}|v${started.planVersion}`,
  });
}

/** Takes a planned break out of the plan (after the facilitator confirmed) and replans. */
export async function confirmSkipBreak(deps: ServiceDeps, session: Session, itemId: string, now: Date): Promise<Result<void>> {
  const changed = await changePlan(deps, session, (plan) => {
    const decided = skipBreak(plan, itemId, now);
    return decided.ok ? ok({ agenda: decided.value.agenda, ...(decided.value.live ? { live: decided.value.live } : {}), outcome: undefined }) : decided;
  });
  if (!changed.ok) return changed;
  await announceChange(deps, session, changed.value, now);
  return ok(undefined);
}
