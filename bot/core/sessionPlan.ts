/**
 * Decisions about a session's plan that combine the agenda with the live state: starting a break
 * now, skipping a planned one, what has been covered, what the framework card shows, and the
 * numbers the side panel reads. Pure, like agenda.ts and liveAgenda.ts, which do the real work.
 */
import { addItem, removeItem, type Agenda, type AgendaItem } from './agenda';
import { back, followAgenda, plannedBreaks, remainingSeconds, type LiveState, type PlannedBreak } from './liveAgenda';
import { ok, refused, type Result } from './result';

export const DEFAULT_MEETING_MINUTES = 60;
export const DEFAULT_BREAK_MINUTES = 10;
export const BREAK_MINUTES_RANGE = { min: 1, max: 60 } as const;

export interface PlanState {
  readonly agenda: Agenda;
  /** Absent until the session has started. */
  readonly live?: LiveState;
}

/** Minutes between the scheduled start and end; the default when Teams did not say or the times make no sense. */
export function meetingMinutesOf(info: { readonly scheduledStart?: string; readonly scheduledEnd?: string } | undefined): number {
  const start = Date.parse(info?.scheduledStart ?? '');
  const end = Date.parse(info?.scheduledEnd ?? '');
  const minutes = Math.round((end - start) / 60_000);
  // A day-long "meeting" is a placeholder in a calendar, not a session length.
  return Number.isFinite(minutes) && minutes >= 10 && minutes <= 12 * 60 ? minutes : DEFAULT_MEETING_MINUTES;
}

/**
 * Reads "10", "10 minutes", "10 mins" after a command word. Empty means the default. Anything
 * else is a plain-English problem, so the person sees how to type it.
 */
export function minutesArgument(argument: string, fallback: number, range: { readonly min: number; readonly max: number }, example: string): Result<number> {
  const text = argument.trim().toLowerCase();
  if (text === '') return ok(fallback);
  const match = /^(\d{1,3})\s*(m|min|mins|minute|minutes)?\.?$/.exec(text);
  const minutes = match ? Number(match[1]) : NaN;
  if (!Number.isInteger(minutes) || minutes < range.min || minutes > range.max) {
    return refused(`Give a whole number of minutes from ${range.min} to ${range.max}, for example: ${example}`);
  }
  return ok(minutes);
}

/**
 * A break starting now: it goes in at the current position, so the item it interrupts comes
 * straight after it (from the start of its planned time), and the session moves to the break.
 */
export function startBreakNow(plan: Required<PlanState>, now: Date, minutes: number, title: string): Result<Required<PlanState>> {
  const { agenda, live } = plan;
  if (live.ended) return refused('The session has already ended.');
  if (agenda[live.currentIndex]?.kind === 'break') return refused('A break is on already. To make it longer, type: extend 5');
  const added = addItem(agenda, { kind: 'break', title, minutes }, live.currentIndex);
  if (!added.ok) return added;
  // Stay on the interrupted item (now one place later), then step back onto the new break.
  const followed = followAgenda(added.value, live, now);
  if (!followed.ok) return followed;
  const moved = back(added.value, followed.value, now);
  return moved.ok ? ok({ agenda: added.value, live: moved.value }) : moved;
}

/** Takes a planned break out of the plan. A break already running is ended with `next` instead. */
export function skipBreak(plan: PlanState, itemId: string, now: Date): Result<PlanState> {
  const item = plan.agenda.find((candidate) => candidate.id === itemId);
  if (!item) return refused('That break is no longer in the plan, so nothing changed.');
  if (item.kind !== 'break') return refused('That item is not a break, so nothing changed.');
  const live = plan.live;
  if (live?.ended) return refused('The session has already ended.');
  if (live && live.currentItemId === itemId) return refused('This break has already started. To end it early, press Next.');
  const removed = removeItem(plan.agenda, itemId);
  if (!removed.ok) return removed;
  if (!live) return ok({ agenda: removed.value });
  const followed = followAgenda(removed.value, live, now);
  return followed.ok ? ok({ agenda: removed.value, live: followed.value }) : followed;
}

/** Items we have been through, in order, without breaks: the ones before the current item, or all reached once ended. */
export function coveredItems(plan: PlanState): readonly AgendaItem[] {
  const { agenda, live } = plan;
  if (!live) return [];
  const upTo = live.ended ? live.currentIndex + 1 : live.currentIndex;
  return agenda.slice(0, Math.max(0, upTo)).filter((item) => item.kind !== 'break');
}

/** The next break still to come (not the one running now), with its planned times; none while paused. */
export function nextBreak(plan: PlanState): PlannedBreak | undefined {
  return plan.live ? plannedBreaks(plan.agenda, plan.live).find((planned) => !planned.current) : undefined;
}

/**
 * Everything the framework card shows except times: the card is edited only when this changes,
 * never for a clock ticking on (+5 minutes moves the end time, not the card).
 */
export function frameworkCardSignature(plan: PlanState): string {
  const live = plan.live;
  return JSON.stringify({
    items: plan.agenda.map((item) => [item.id, item.title, item.minutes]),
    current: live?.currentItemId ?? null,
    paused: live?.paused !== undefined,
    ended: live?.ended ? (live.ended.early ? 'early' : 'done') : null,
  });
}

/** What the side panel and stage read: the current item, seconds left, and the next break. */
export interface LiveSummary {
  readonly started: boolean;
  readonly ended: boolean;
  readonly paused: boolean;
  readonly currentItem?: AgendaItem;
  /** ISO; absent while paused or ended. */
  readonly currentEndsAt?: string;
  /** Negative once the item has run over. */
  readonly remainingSeconds: number;
  readonly nextBreak?: { readonly itemId: string; readonly title: string; readonly startsAt: string; readonly endsAt: string };
}

export function liveSummary(plan: PlanState, now: Date): LiveSummary {
  const live = plan.live;
  if (!live) return { started: false, ended: false, paused: false, remainingSeconds: 0 };
  const upcoming = nextBreak(plan);
  const current = live.ended ? undefined : plan.agenda[live.currentIndex];
  const title = upcoming ? plan.agenda[upcoming.index]?.title : undefined;
  return {
    started: true,
    ended: live.ended !== undefined,
    paused: live.paused !== undefined,
    ...(current ? { currentItem: current } : {}),
    ...(current && !live.paused ? { currentEndsAt: live.itemEndsAt } : {}),
    remainingSeconds: remainingSeconds(live, now),
    ...(upcoming && title !== undefined
      ? { nextBreak: { itemId: upcoming.itemId, title, startsAt: upcoming.startsAt.toISOString(), endsAt: upcoming.endsAt.toISOString() } }
      : {}),
  };
}
