import { moveItem, removeItem, type Agenda } from '../../bot/core/agenda';
import {
  back, breakReminderJobs, endEarly, extend, followAgenda, next, pause, planMoved, plannedBreaks, remainingSeconds, resume, start,
  type LiveState,
} from '../../bot/core/liveAgenda';
import type { Result } from '../../bot/core/result';

const SESSION = 'session|MCMx!2Fabc==|2025-03-04';
const agenda: Agenda = [
  { id: 'item-1', kind: 'welcome', title: 'Welcome', minutes: 10 },
  { id: 'item-2', kind: 'topic', title: 'Booking', minutes: 30 },
  { id: 'item-3', kind: 'break', title: 'Break', minutes: 15 },
  { id: 'item-4', kind: 'topic', title: 'Paying', minutes: 30 },
  { id: 'item-5', kind: 'wrapUp', title: 'Wrap up', minutes: 10 },
];

/** A time on the meeting day, "10:05" → 2025-03-04T10:05:00Z. */
const at = (hhmm: string) => new Date(`2025-03-04T${hhmm}:00Z`);
const iso = (hhmm: string) => at(hhmm).toISOString();

function value(result: Result<LiveState>): LiveState {
  if (!result.ok) throw new Error(result.problems.join(' '));
  return result.value;
}
const started = () => value(start(agenda, at('10:00')));
const breakTimes = (state: LiveState) => plannedBreaks(agenda, state).map((b) => [b.startsAt.toISOString(), b.endsAt.toISOString()]);

describe('running the agenda live', () => {
  it('starts on the first item with an end time and plans the break from it', () => {
    const state = started();
    expect(state).toMatchObject({ currentIndex: 0, currentItemId: 'item-1', itemStartedAt: iso('10:00'), itemEndsAt: iso('10:10'), planVersion: 1 });
    expect(breakTimes(state)).toEqual([[iso('10:40'), iso('10:55')]]);
    expect(remainingSeconds(state, at('10:04'))).toBe(360);
  });

  it('starts after the last version in the plans table, and a second start changes nothing', () => {
    const state = value(start(agenda, at('10:00'), undefined, 7));
    expect(state.planVersion).toBe(8);
    expect(value(start(agenda, at('10:03'), state))).toBe(state);
    expect(start([], at('10:00')).ok).toBe(false);
  });

  it('moves on early with next, replans the break earlier and bumps the plan version', () => {
    const moved = value(next(agenda, started(), at('10:05')));
    expect(moved).toMatchObject({ currentIndex: 1, currentItemId: 'item-2', itemStartedAt: iso('10:05'), itemEndsAt: iso('10:35'), planVersion: 2 });
    expect(breakTimes(moved)).toEqual([[iso('10:35'), iso('10:50')]]);
    expect(planMoved(started(), moved)).toBe(true);
  });

  it('ignores a second press of a card that belongs to an item already left', () => {
    const moved = value(next(agenda, started(), at('10:05'), 'item-1'));
    const again = value(next(agenda, moved, at('10:05'), 'item-1'));
    expect(again).toBe(moved);
    expect(planMoved(moved, again)).toBe(false);
    expect(value(back(agenda, moved, at('10:06'), 'item-1'))).toBe(moved);
  });

  it('adds 5 minutes, which moves the later break and bumps the version', () => {
    const moved = value(next(agenda, started(), at('10:05')));
    const longer = value(extend(moved, at('10:20')));
    expect(longer.itemEndsAt).toBe(iso('10:40'));
    expect(longer.planVersion).toBe(moved.planVersion + 1);
    expect(longer.extensions).toEqual({ 'item-2': 5 });
    expect(breakTimes(longer)).toEqual([[iso('10:40'), iso('10:55')]]);
    expect(value(extend(longer, at('10:21'), 10)).extensions).toEqual({ 'item-2': 15 });
  });

  it('counts +5 minutes from now when the item has already run over', () => {
    const overran = value(extend(started(), at('10:12')));
    expect(overran.itemEndsAt).toBe(iso('10:17'));
    expect(extend(started(), at('10:12'), 0).ok).toBe(false);
  });

  it('goes back to the previous item with its planned minutes, but not before the first', () => {
    const moved = value(next(agenda, started(), at('10:05')));
    const returned = value(back(agenda, moved, at('10:08')));
    expect(returned).toMatchObject({ currentIndex: 0, itemStartedAt: iso('10:08'), itemEndsAt: iso('10:18'), planVersion: 3 });
    expect(breakTimes(returned)).toEqual([[iso('10:48'), iso('11:03')]]);
    expect(back(agenda, returned, at('10:09'))).toEqual({ ok: false, problems: ['This is the first item, so there is nothing to go back to.'] });
  });

  it('keeps the time left through a pause and resume', () => {
    const moved = value(next(agenda, started(), at('10:05')));
    const paused = value(pause(moved, at('10:20')));
    expect(paused.paused).toEqual({ at: iso('10:20'), remainingMs: 15 * 60_000 });
    expect(remainingSeconds(paused, at('10:30'))).toBe(900);
    expect(plannedBreaks(agenda, paused)).toEqual([]);
    expect(value(pause(paused, at('10:21')))).toBe(paused);
    const resumed = value(resume(paused, at('10:32')));
    expect(resumed.paused).toBeUndefined();
    expect(resumed.itemEndsAt).toBe(iso('10:47'));
    expect(remainingSeconds(resumed, at('10:32'))).toBe(900);
    expect(breakTimes(resumed)).toEqual([[iso('10:47'), iso('11:02')]]);
    expect(resumed.planVersion).toBe(moved.planVersion + 2);
    expect(value(resume(resumed, at('10:33')))).toBe(resumed);
  });

  it('adds minutes to the time left while paused', () => {
    const paused = value(pause(started(), at('10:04')));
    expect(value(extend(paused, at('10:05'))).paused?.remainingMs).toBe(11 * 60_000);
  });

  it('shows negative time left once an item runs over', () => {
    expect(remainingSeconds(started(), at('10:12'))).toBe(-120);
    expect(remainingSeconds(started(), at('10:10'))).toBe(0);
  });

  it('ends early: no time left, no more breaks, and the controls stop', () => {
    const ended = value(endEarly(started(), at('10:06')));
    expect(ended.ended).toEqual({ at: iso('10:06'), early: true });
    expect(ended.planVersion).toBe(2);
    expect(remainingSeconds(ended, at('10:07'))).toBe(0);
    expect(plannedBreaks(agenda, ended)).toEqual([]);
    expect(breakReminderJobs(SESSION, agenda, ended, at('10:07'))).toEqual([]);
    expect(next(agenda, ended, at('10:07'))).toEqual({ ok: false, problems: ['The session has already ended.'] });
    expect(value(endEarly(ended, at('10:08')))).toBe(ended);
  });

  it('ends on time when next is pressed on the last item', () => {
    let state = started();
    for (const time of ['10:10', '10:40', '10:55', '11:25', '11:35']) state = value(next(agenda, state, at(time)));
    expect(state.ended).toEqual({ at: iso('11:35'), early: false });
  });

  it('plans breaks from the agenda as it was moved, keeping the current item', () => {
    const running = value(next(agenda, started(), at('10:05')));
    const reordered = (() => {
      const r = moveItem(agenda, 'item-3', 1);
      if (!r.ok) throw new Error('move failed');
      return r.value;
    })();
    const followed = value(followAgenda(reordered, running, at('10:06')));
    expect(followed.currentIndex).toBe(2);
    expect(followed.currentItemId).toBe('item-2');
    expect(plannedBreaks(reordered, followed)).toEqual([]);
    expect(followed.planVersion).toBe(running.planVersion + 1);

    const shorter = removeItem(agenda, 'item-2');
    if (!shorter.ok) throw new Error('remove failed');
    const carried = value(followAgenda(shorter.value, running, at('10:06')));
    expect(carried).toMatchObject({ currentIndex: 1, currentItemId: 'item-3', itemEndsAt: iso('10:21') });
  });
});

describe('break reminder jobs', () => {
  it('plans a heads-up, a "break now" and a "welcome back" tied to the plan version', () => {
    const state = started();
    const jobs = breakReminderJobs(SESSION, agenda, state, at('10:00'));
    expect(jobs.map((j) => [j.kind, j.dueAt.toISOString(), j.payload.notAfter])).toEqual([
      ['breakReminder.headsUp', iso('10:35'), iso('10:40')],
      ['breakReminder.breakNow', iso('10:40'), iso('10:55')],
      ['breakReminder.welcomeBack', iso('10:55'), iso('11:05')],
    ]);
    for (const job of jobs) {
      expect(job).toMatchObject({ planVersion: 1, planScope: SESSION });
      expect(job.payload).toMatchObject({ sessionKey: SESSION, itemId: 'item-3', breakStartsAt: iso('10:40'), breakEndsAt: iso('10:55') });
    }
  });

  it('uses the same idempotency keys when the same plan is planned twice, and new ones when the plan moves', () => {
    const state = started();
    const keys = (s: LiveState) => breakReminderJobs(SESSION, agenda, s, at('10:01')).map((j) => j.idempotencyKey);
    expect(keys(state)).toEqual(keys(state));
    expect(new Set(keys(state)).size).toBe(3);
    const extended = value(extend(state, at('10:02')));
    for (const key of keys(extended)) expect(keys(state)).not.toContain(key);
    expect(breakReminderJobs(SESSION, agenda, extended, at('10:02'))[1].dueAt.toISOString()).toBe(iso('10:45'));
  });

  it('sends a late heads-up straight away, and plans nothing for moments already past', () => {
    const nearBreak = value(next(agenda, started(), at('10:05')));
    const jobs = breakReminderJobs(SESSION, agenda, nearBreak, at('10:33'));
    expect(jobs.map((j) => [j.kind, j.dueAt.toISOString()])).toEqual([
      ['breakReminder.headsUp', iso('10:33')],
      ['breakReminder.breakNow', iso('10:35')],
      ['breakReminder.welcomeBack', iso('10:50')],
    ]);
  });

  it('during a break plans only the "welcome back"', () => {
    const inBreak = value(next(agenda, value(next(agenda, started(), at('10:10'))), at('10:38')));
    const jobs = breakReminderJobs(SESSION, agenda, inBreak, at('10:38'));
    expect(jobs.map((j) => [j.kind, j.dueAt.toISOString()])).toEqual([['breakReminder.welcomeBack', iso('10:53')]]);
  });
});
