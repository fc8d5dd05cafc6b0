/**
 * The facilitator's live controls (next, back, +minutes, pause, carry on, end early) and the
 * start of the framework when the meeting starts. Typed commands and the framework card's
 * buttons both come here, so they behave the same; only the reply differs (public for a typed
 * command, private for a button press).
 */
import { back, endEarly, extend, next, pause, resume, start, type LiveState } from '../core/liveAgenda';
import { currentPlanVersion } from '../core/planVersion';
import { ok, refused, type Result } from '../core/result';
import type { Session } from '../core/session';
import type { FrameworkNotice } from '../cards/frameworkNoticeCard';
import { fillIn, frameworkStrings, minutesText } from '../cards/strings/framework.en-GB';
import { cardTime } from '../cards/text';
import type { ServiceDeps } from './deps';
import { announceChange, cancelReminders, postFrameworkCard, replanReminders } from './liveFrameworkAnnounce';
import { changePlan, readPlan, type PlanSnapshot } from './liveFrameworkStore';

export type Control = 'next' | 'back' | 'extend' | 'pause' | 'resume' | 'endEarly';

export interface ControlOptions {
  /** The item the pressed card was showing; a press from an older card changes nothing. */
  readonly fromItemId?: string;
  readonly minutes?: number;
}

type Outcome = 'started' | 'changed' | 'unchanged' | 'stale';

export interface ControlResult {
  readonly outcome: Outcome;
  readonly plan: PlanSnapshot;
  /** What to tell people, for a public confirmation card. */
  readonly notice: FrameworkNotice;
  /** The same, as one line of plain text for the presser (no time macros). */
  readonly privateText: string;
}

const MOVES = frameworkStrings.moves;

/** Applies a control to the session's plan, replans reminders, edits the card, and says what happened. */
export async function runControl(deps: ServiceDeps, session: Session, control: Control, now: Date, options: ControlOptions = {}): Promise<Result<ControlResult>> {
  const version = await currentPlanVersion(deps.store, session.sessionKey);
  const changed = await changePlan(deps, session, (plan) => {
    if (!plan.live) {
      // Meeting events may never arrive: the first `next` starts the session instead.
      if (control !== 'next') return refused(MOVES.notStarted);
      const started = start(plan.agenda, now, undefined, version);
      return started.ok ? ok({ live: started.value, outcome: 'started' as Outcome }) : started;
    }
    const live = plan.live;
    if (options.fromItemId !== undefined && options.fromItemId !== live.currentItemId && !live.ended) return ok({ outcome: 'stale' as Outcome });
    const decided = decide(control, plan, live, now, options);
    if (!decided.ok) return decided;
    return decided.value === live ? ok({ outcome: 'unchanged' as Outcome }) : ok({ live: decided.value, outcome: 'changed' as Outcome });
  });
  if (!changed.ok) return changed;
  const { before, after, outcome } = changed.value;
  if (outcome === 'started' || outcome === 'changed') await announceChange(deps, session, { before, after }, now);
  const notice = noticeFor(control, outcome, after, options.minutes);
  return ok({ outcome, plan: after, notice, privateText: `${notice.lead}${notice.title ?? ''}` });
}

function decide(control: Control, plan: PlanSnapshot, live: LiveState, now: Date, options: ControlOptions): Result<LiveState> {
  switch (control) {
    case 'next':
      return next(plan.agenda, live, now, options.fromItemId);
    case 'back':
      return back(plan.agenda, live, now, options.fromItemId);
    case 'extend':
      return extend(live, now, options.minutes);
    case 'pause':
      return pause(live, now);
    case 'resume':
      return resume(live, now);
    case 'endEarly':
      return endEarly(live, now);
  }
}

function noticeFor(control: Control, outcome: Outcome, plan: PlanSnapshot, minutes = 5): FrameworkNotice {
  const live = plan.live;
  const current = live && !live.ended ? plan.agenda[live.currentIndex] : undefined;
  const until = live && !live.paused && !live.ended ? fillIn(MOVES.until, { time: cardTime(new Date(live.itemEndsAt)) }) : undefined;
  if (outcome === 'stale') return { lead: MOVES.staleCard };
  if (outcome === 'started' && current) return { lead: `${MOVES.started} ${frameworkStrings.card.now}`, title: current.title, ...(until ? { detail: until } : {}) };
  if (live?.ended) return { lead: live.ended.early ? MOVES.endedEarly : MOVES.finished };
  switch (control) {
    case 'next':
    case 'back':
      return { lead: control === 'next' ? MOVES.movedTo : MOVES.wentBackTo, title: current?.title ?? '', ...(until ? { detail: until } : {}) };
    case 'extend':
      return { lead: fillIn(MOVES.extended, { minutes: minutesText(minutes) }), ...(until ? { detail: fillIn(MOVES.extendedUntil, { time: cardTime(new Date(live?.itemEndsAt ?? 0)) }) } : {}) };
    case 'pause':
      return { lead: outcome === 'unchanged' ? MOVES.alreadyPaused : MOVES.pausedNow };
    case 'resume':
      return outcome === 'unchanged' ? { lead: MOVES.notPaused } : { lead: MOVES.resumed, ...(until ? { detail: until } : {}) };
    case 'endEarly':
      return { lead: MOVES.endedEarly };
  }
}

/**
 * The meeting has started: start the plan if it has not started, and post the framework card
 * once. A session already running (a repeated start event) just gets its reminders planned again.
 */
export async function startFramework(deps: ServiceDeps, session: Session, now: Date): Promise<void> {
  const version = await currentPlanVersion(deps.store, session.sessionKey);
  const changed = await changePlan(deps, session, (plan) => {
    if (plan.live) return ok({ outcome: plan.live.ended ? 'ended' : 'running' });
    const started = start(plan.agenda, now, undefined, version);
    return started.ok ? ok({ live: started.value, outcome: 'started' }) : started;
  });
  if (!changed.ok) {
    deps.logger.warn({ problems: changed.problems.length }, 'framework not started');
    return;
  }
  const { before, after, outcome } = changed.value;
  if (outcome === 'started') return announceChange(deps, session, { before, after }, now);
  if (outcome === 'running' && after.live) {
    await replanReminders(deps, session, { agenda: after.agenda, live: after.live }, now);
    await postFrameworkCard(deps, session, after);
  }
}

/** The meeting has ended: no more break reminders in its chat. The plan is kept as it was. */
export async function quietFrameworkAtMeetingEnd(deps: ServiceDeps, session: Session): Promise<void> {
  const plan = await readPlan(deps, session);
  if (plan.live && !plan.live.ended) await cancelReminders(deps, session);
}
