/**
 * Running the agenda live: which item we are on, when it ends, and the facilitator's controls
 * (next, back, +5 minutes, pause, resume, end early). Pure: the time is always handed in.
 *
 * Every change to future timings gives the state a higher plan version. Reminder jobs carry the
 * version they were planned against, so when the agenda moves the job runner drops the old ones
 * (DESIGN.md "Jobs") and breakReminderJobs plans new ones. The service writes the same number to
 * the plans table (planVersion.ts) before scheduling; `planMoved` says when that is needed.
 */
import type { Agenda, AgendaItem } from './agenda';
import { compositeKey } from './keys';
import type { JobInput } from './ports';
import { ok, refused, type Result } from './result';

export interface LiveState {
  readonly planVersion: number;
  readonly currentIndex: number;
  /** The id of the item at currentIndex, so a button pressed on an older card can be recognised. */
  readonly currentItemId: string;
  /** ISO, UTC. */
  readonly itemStartedAt: string;
  /** ISO, UTC: what the card shows as "until {{TIME(...)}}". Meaningless while paused. */
  readonly itemEndsAt: string;
  readonly paused?: { readonly at: string; readonly remainingMs: number };
  readonly ended?: { readonly at: string; readonly early: boolean };
  /** Minutes added with +5, by item id, for the record of how the session went. */
  readonly extensions: Readonly<Record<string, number>>;
}

export const DEFAULT_EXTENSION_MINUTES = 5;
const MAX_EXTENSION_MINUTES = 60;
const MINUTE = 60_000;

const ENDED = 'The session has already ended.';

/**
 * Starts the first item. A second start while the session runs changes nothing. `planVersion` is
 * the scope's current version in the plans table, so the new plan is always newer than any before.
 */
export function start(agenda: Agenda, now: Date, previous?: LiveState, planVersion = 0): Result<LiveState> {
  if (previous?.ended) return refused(ENDED);
  if (previous) return ok(previous);
  if (agenda.length === 0) return refused('Add at least one item to the plan before you start.');
  return ok(enter(agenda, 0, now, { planVersion, extensions: {} }));
}

/**
 * Moves to the next item now, however early or late. After the last item the session ends.
 * `fromItemId` is the item the pressed button belonged to: a second press of the same card, after
 * the session has already moved on, changes nothing.
 */
export function next(agenda: Agenda, state: LiveState, now: Date, fromItemId?: string): Result<LiveState> {
  if (state.ended) return refused(ENDED);
  if (fromItemId !== undefined && fromItemId !== state.currentItemId) return ok(state);
  if (state.currentIndex >= agenda.length - 1) return ok(bumped({ ...without(state, 'paused'), ended: { at: now.toISOString(), early: false } }));
  return ok(enter(agenda, state.currentIndex + 1, now, state));
}

/** Goes back to the previous item, which starts again with its planned minutes. */
export function back(agenda: Agenda, state: LiveState, now: Date, fromItemId?: string): Result<LiveState> {
  if (state.ended) return refused(ENDED);
  if (fromItemId !== undefined && fromItemId !== state.currentItemId) return ok(state);
  if (state.currentIndex <= 0) return refused('This is the first item, so there is nothing to go back to.');
  return ok(enter(agenda, Math.min(state.currentIndex, agenda.length) - 1, now, state));
}

/**
 * Adds minutes to the current item. If the item has already run over, the extra time counts from
 * now: "+5 minutes" means five more minutes from here, not a moment that has already passed.
 */
export function extend(state: LiveState, now: Date, minutes: number = DEFAULT_EXTENSION_MINUTES): Result<LiveState> {
  if (state.ended) return refused(ENDED);
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_EXTENSION_MINUTES) {
    return refused(`Add a whole number of minutes from 1 to ${MAX_EXTENSION_MINUTES}.`);
  }
  const extensions = { ...state.extensions, [state.currentItemId]: (state.extensions[state.currentItemId] ?? 0) + minutes };
  if (state.paused) {
    return ok(bumped({ ...state, extensions, paused: { ...state.paused, remainingMs: state.paused.remainingMs + minutes * MINUTE } }));
  }
  const from = Math.max(Date.parse(state.itemEndsAt), now.getTime());
  return ok(bumped({ ...state, extensions, itemEndsAt: iso(from + minutes * MINUTE) }));
}

/** Stops the clock; the time left on the current item is kept for resume. */
export function pause(state: LiveState, now: Date): Result<LiveState> {
  if (state.ended) return refused(ENDED);
  if (state.paused) return ok(state);
  const remainingMs = Math.max(0, Date.parse(state.itemEndsAt) - now.getTime());
  return ok(bumped({ ...state, paused: { at: now.toISOString(), remainingMs } }));
}

/** Starts the clock again with the time that was left when it paused. */
export function resume(state: LiveState, now: Date): Result<LiveState> {
  if (state.ended) return refused(ENDED);
  if (!state.paused) return ok(state);
  return ok(bumped({ ...without(state, 'paused'), itemEndsAt: iso(now.getTime() + state.paused.remainingMs) }));
}

export function endEarly(state: LiveState, now: Date): Result<LiveState> {
  if (state.ended) return ok(state);
  return ok(bumped({ ...without(state, 'paused'), ended: { at: now.toISOString(), early: true } }));
}

/**
 * After the facilitator edits the agenda during the run: stay on the same item where it still is;
 * if it was removed, carry on with whatever now stands in its place, from now.
 */
export function followAgenda(agenda: Agenda, state: LiveState, now: Date): Result<LiveState> {
  if (state.ended) return ok(state);
  if (agenda.length === 0) return refused('The plan needs at least one item.');
  const index = agenda.findIndex((item) => item.id === state.currentItemId);
  if (index >= 0) return ok(bumped({ ...state, currentIndex: index }));
  return ok(enter(agenda, Math.min(state.currentIndex, agenda.length - 1), now, state));
}

/** True when `after` needs a new plan version written and its reminders planned again. */
export function planMoved(before: LiveState | undefined, after: LiveState): boolean {
  return before === undefined || after.planVersion !== before.planVersion;
}

/** Seconds left on the current item, for the side panel and the stage. Negative once it has run over. */
export function remainingSeconds(state: LiveState, now: Date): number {
  if (state.ended) return 0;
  const ms = state.paused ? state.paused.remainingMs : Date.parse(state.itemEndsAt) - now.getTime();
  return Math.ceil(ms / 1000) || 0;
}

export function currentItem(agenda: Agenda, state: LiveState): AgendaItem | undefined {
  return state.ended ? undefined : agenda[state.currentIndex];
}

// ---------------------------------------------------------------------------------------------
// Breaks and their reminders, planned from where the session is now.
// ---------------------------------------------------------------------------------------------

export interface PlannedBreak {
  readonly itemId: string;
  readonly index: number;
  readonly startsAt: Date;
  readonly endsAt: Date;
  /** The break is the item running now. */
  readonly current: boolean;
}

/** Breaks still to come (and the one running now), timed from the current item's end. None while paused or ended. */
export function plannedBreaks(agenda: Agenda, state: LiveState): readonly PlannedBreak[] {
  if (state.ended || state.paused) return [];
  const breaks: PlannedBreak[] = [];
  const current = agenda[state.currentIndex];
  if (current?.kind === 'break') {
    breaks.push({ itemId: current.id, index: state.currentIndex, startsAt: new Date(Date.parse(state.itemStartedAt)), endsAt: new Date(Date.parse(state.itemEndsAt)), current: true });
  }
  let cursor = Date.parse(state.itemEndsAt);
  for (let index = state.currentIndex + 1; index < agenda.length; index++) {
    const item = agenda[index];
    const ends = cursor + item.minutes * MINUTE;
    if (item.kind === 'break') breaks.push({ itemId: item.id, index, startsAt: new Date(cursor), endsAt: new Date(ends), current: false });
    cursor = ends;
  }
  return breaks;
}

export const BREAK_JOB_KINDS = {
  headsUp: 'breakReminder.headsUp',
  breakNow: 'breakReminder.breakNow',
  welcomeBack: 'breakReminder.welcomeBack',
} as const;
export const DEFAULT_HEADS_UP_MINUTES = 5;
/** A "welcome back" later than this after the break is no use to anyone. */
const WELCOME_BACK_GRACE_MS = 10 * MINUTE;

/**
 * Reminder jobs for the planned breaks: a heads-up before, "break now — back at …" at the start
 * and "welcome back" at the end. Nothing is planned for a moment already past; a heads-up that
 * would be late is sent now instead, while the break is still ahead. The break running now gets
 * only its "welcome back": the card that started it already says when it ends. `notAfter` in the
 * payload is when the reminder stops being useful, so a late job is dropped instead of sent.
 */
export function breakReminderJobs(sessionKey: string, agenda: Agenda, state: LiveState, now: Date, headsUpMinutes: number = DEFAULT_HEADS_UP_MINUTES): JobInput[] {
  const jobs: JobInput[] = [];
  const nowMs = now.getTime();
  const job = (which: keyof typeof BREAK_JOB_KINDS, planned: PlannedBreak, dueMs: number, notAfterMs: number): JobInput => ({
    kind: BREAK_JOB_KINDS[which],
    dueAt: new Date(dueMs),
    payload: {
      sessionKey,
      itemId: planned.itemId,
      breakStartsAt: planned.startsAt.toISOString(),
      breakEndsAt: planned.endsAt.toISOString(),
      notAfter: iso(notAfterMs),
    },
    // One job per reminder per break per plan: the same plan planned twice schedules once.
    idempotencyKey: compositeKey('breakReminder', which, sessionKey, `v${state.planVersion}`, planned.itemId),
    planVersion: state.planVersion,
    planScope: sessionKey,
  });
  for (const planned of plannedBreaks(agenda, state)) {
    const startMs = planned.startsAt.getTime();
    const endMs = planned.endsAt.getTime();
    if (!planned.current && startMs > nowMs) {
      jobs.push(job('headsUp', planned, Math.max(nowMs, startMs - headsUpMinutes * MINUTE), startMs));
      jobs.push(job('breakNow', planned, startMs, endMs));
    }
    if (endMs > nowMs) jobs.push(job('welcomeBack', planned, endMs, endMs + WELCOME_BACK_GRACE_MS));
  }
  return jobs;
}

// ---------------------------------------------------------------------------------------------

function enter(agenda: Agenda, index: number, now: Date, from: Pick<LiveState, 'planVersion' | 'extensions'>): LiveState {
  const item = agenda[index];
  return {
    planVersion: from.planVersion + 1,
    currentIndex: index,
    currentItemId: item.id,
    itemStartedAt: now.toISOString(),
    itemEndsAt: iso(now.getTime() + item.minutes * MINUTE),
    extensions: from.extensions,
  };
}

function bumped(state: LiveState): LiveState {
  return { ...state, planVersion: state.planVersion + 1 };
}

function without<K extends 'paused' | 'ended'>(state: LiveState, key: K): Omit<LiveState, K> {
  const { [key]: _dropped, ...rest } = state;
  return rest;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
