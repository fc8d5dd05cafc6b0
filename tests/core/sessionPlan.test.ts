/**
 * The plan decisions that combine the agenda with the live state: breaks started now or skipped,
 * what has been covered, when the framework card needs an edit, and what the side panel reads.
 */
import { defaultAgenda, type Agenda } from '../../bot/core/agenda';
import { extend, next, pause, start, type LiveState } from '../../bot/core/liveAgenda';
import type { Result } from '../../bot/core/result';
import {
  coveredItems,
  frameworkCardSignature,
  liveSummary,
  meetingMinutesOf,
  minutesArgument,
  skipBreak,
  startBreakNow,
} from '../../bot/core/sessionPlan';

const START = new Date('2026-11-26T10:00:00.000Z');
const at = (minutes: number) => new Date(START.getTime() + minutes * 60_000);
const agenda: Agenda = defaultAgenda(120);

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.problems.join(' '));
  return result.value;
}

function runningOn(index: number, now: Date): LiveState {
  let live = value(start(agenda, START));
  for (let i = 0; i < index; i++) live = value(next(agenda, live, now));
  return live;
}

test('meeting length comes from the scheduled times, with 60 minutes when Teams cannot say', () => {
  expect(meetingMinutesOf({ scheduledStart: START.toISOString(), scheduledEnd: at(90).toISOString() })).toBe(90);
  expect(meetingMinutesOf(undefined)).toBe(60);
  expect(meetingMinutesOf({ scheduledStart: 'soon', scheduledEnd: at(90).toISOString() })).toBe(60);
  expect(meetingMinutesOf({ scheduledStart: START.toISOString(), scheduledEnd: at(24 * 60).toISOString() })).toBe(60);
});

test.each([
  ['', 10],
  ['15', 15],
  ['15 minutes', 15],
  ['5 mins.', 5],
])('minutes typed as %j read as %d', (typed, minutes) => {
  expect(minutesArgument(typed, 10, { min: 1, max: 60 }, 'break 15')).toEqual({ ok: true, value: minutes });
});

test.each(['0', '61', 'ten', '-5', '1.5'])('%j gets a plain example of how to type it', (typed) => {
  expect(minutesArgument(typed, 10, { min: 1, max: 60 }, 'break 15')).toEqual({ ok: false, problems: ['Give a whole number of minutes from 1 to 60, for example: break 15'] });
});

describe('a break started now', () => {
  test('goes in where we are, and the interrupted item comes straight after it', () => {
    const live = runningOn(4, at(20)); // Topic 1
    const plan = value(startBreakNow({ agenda, live }, at(30), 10, 'Break'));
    expect(plan.agenda).toHaveLength(agenda.length + 1);
    expect(plan.agenda[4]).toMatchObject({ kind: 'break', minutes: 10 });
    expect(plan.live.currentItemId).toBe(plan.agenda[4].id);
    expect(plan.live.itemEndsAt).toBe(at(40).toISOString());
    expect(value(next(plan.agenda, plan.live, at(40))).currentItemId).toBe('item-5');
    expect(plan.live.planVersion).toBeGreaterThan(live.planVersion);
  });

  test('is refused during a break and after the end', () => {
    const live = runningOn(5, at(47)); // the planned break
    expect(startBreakNow({ agenda, live }, at(50), 10, 'Break')).toEqual({ ok: false, problems: [expect.stringContaining('A break is on already')] });
    const ended: LiveState = { ...live, ended: { at: at(60).toISOString(), early: true } };
    expect(startBreakNow({ agenda, live: ended }, at(61), 10, 'Break').ok).toBe(false);
  });
});

describe('skipping a planned break', () => {
  test('takes it out of the plan and keeps the session on its item', () => {
    const live = runningOn(1, at(5));
    const plan = value(skipBreak({ agenda, live }, 'item-6', at(6)));
    expect(plan.agenda.some((item) => item.id === 'item-6')).toBe(false);
    expect(plan.live?.currentItemId).toBe('item-2');
  });

  test('works before the start, and is refused for a running break or something that is not a break', () => {
    expect(value(skipBreak({ agenda }, 'item-6', at(0))).live).toBeUndefined();
    expect(skipBreak({ agenda, live: runningOn(5, at(47)) }, 'item-6', at(48)).ok).toBe(false);
    expect(skipBreak({ agenda }, 'item-5', at(0)).ok).toBe(false);
    expect(skipBreak({ agenda }, 'item-99', at(0)).ok).toBe(false);
  });
});

test('covered items are the ones before the current item, without breaks; all of them once ended', () => {
  expect(coveredItems({ agenda })).toEqual([]);
  expect(coveredItems({ agenda, live: runningOn(6, at(70)) }).map((item) => item.id)).toEqual(['item-1', 'item-2', 'item-3', 'item-4', 'item-5']);
  const last = runningOn(agenda.length - 1, at(110));
  const ended = value(next(agenda, last, at(115)));
  expect(coveredItems({ agenda, live: ended })).toHaveLength(agenda.length - 1);
});

test('the framework card needs an edit when the item or the pause changes, not when time is added', () => {
  const live = runningOn(1, at(5));
  const signature = frameworkCardSignature({ agenda, live });
  expect(frameworkCardSignature({ agenda, live: value(extend(live, at(6))) })).toBe(signature);
  expect(frameworkCardSignature({ agenda, live: value(pause(live, at(6))) })).not.toBe(signature);
  expect(frameworkCardSignature({ agenda, live: value(next(agenda, live, at(6))) })).not.toBe(signature);
  expect(frameworkCardSignature({ agenda: agenda.slice(0, -1), live })).not.toBe(signature);
});

test('the side panel reads the current item, the seconds left and the next break', () => {
  const live = value(start(agenda, START));
  const summary = liveSummary({ agenda, live }, at(2));
  expect(summary).toMatchObject({ started: true, paused: false, remainingSeconds: 180, currentItem: { id: 'item-1' } });
  expect(summary.nextBreak).toEqual({ itemId: 'item-6', title: 'Break', startsAt: at(47).toISOString(), endsAt: at(67).toISOString() });
  expect(liveSummary({ agenda }, at(0))).toEqual({ started: false, ended: false, paused: false, remainingSeconds: 0 });
  const paused = liveSummary({ agenda, live: value(pause(live, at(1))) }, at(4));
  expect(paused).toMatchObject({ paused: true, remainingSeconds: 240 });
  expect(paused.currentEndsAt).toBeUndefined();
});
