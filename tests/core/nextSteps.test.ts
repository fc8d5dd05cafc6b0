import { dateIn, daysBetween, isCalendarDate, middayIn } from '../../bot/core/nextStepDates';
import { decideWrapUp, MAX_NEXT_STEPS, wrapUpFromJson, type WrapUpInput } from '../../bot/core/nextSteps';

const context = { sessionKey: 's1', today: '2026-11-26', timeZone: 'Europe/London', now: new Date('2026-11-26T11:50:00Z') };
const form = (extra: Partial<WrapUpInput> = {}): WrapUpInput => ({
  steps: [{ what: ' Write up what we heard ', owner: ' Sam ', due: '2026-12-04' }, {}, { what: 'Book the next session' }],
  followUpDate: '2026-12-11',
  formVersion: 0,
  ...extra,
});

describe('deciding the wrap-up', () => {
  test('keeps the filled-in steps, trimmed, and skips blank rows', () => {
    const decided = decideWrapUp(undefined, form(), context);
    expect(decided).toEqual({
      ok: true,
      wrapUp: {
        sessionKey: 's1',
        steps: [{ what: 'Write up what we heard', owner: 'Sam', due: '2026-12-04' }, { what: 'Book the next session' }],
        followUpDate: '2026-12-11',
        timeZone: 'Europe/London',
        version: 1,
        savedAt: '2026-11-26T11:50:00.000Z',
      },
    });
  });

  test('lists every problem, numbered by the step it is on', () => {
    const decided = decideWrapUp(
      undefined,
      form({ steps: [{ owner: 'Sam' }, { what: 'x'.repeat(301), due: '2026-11-25' }, { what: 'ok', due: '2026-02-30' }], followUpDate: '' }),
      context,
    );
    expect(decided).toEqual({
      ok: false,
      problems: [
        { kind: 'whatMissing', step: 1 },
        { kind: 'whatTooLong', step: 2 },
        { kind: 'dueInPast', step: 2 },
        { kind: 'dueUnreadable', step: 3 },
        { kind: 'followUpMissing' },
      ],
    });
  });

  test('needs at least one step, at most the limit, and a follow-up date that is not past or years away', () => {
    expect(decideWrapUp(undefined, form({ steps: [{}, {}] }), context)).toEqual({ ok: false, problems: [{ kind: 'noSteps' }] });
    const many = Array.from({ length: MAX_NEXT_STEPS + 1 }, () => ({ what: 'step' }));
    expect(decideWrapUp(undefined, form({ steps: many }), context)).toEqual({ ok: false, problems: [{ kind: 'tooManySteps' }] });
    expect(decideWrapUp(undefined, form({ followUpDate: '2026-11-25' }), context)).toEqual({ ok: false, problems: [{ kind: 'followUpInPast' }] });
    expect(decideWrapUp(undefined, form({ followUpDate: '2031-01-01' }), context)).toEqual({ ok: false, problems: [{ kind: 'followUpTooFar' }] });
    expect(decideWrapUp(undefined, form({ followUpDate: 'next week' }), context)).toEqual({ ok: false, problems: [{ kind: 'followUpUnreadable' }] });
    expect(decideWrapUp(undefined, form({ followUpDate: '2026-11-26' }), context).ok).toBe(true); // today is fine
  });

  test('a form opened on an older version is refused, so nobody overwrites a newer list unseen', () => {
    const first = decideWrapUp(undefined, form(), context);
    if (!first.ok) throw new Error('expected a wrap-up');
    expect(decideWrapUp(first.wrapUp, form({ formVersion: 0 }), context)).toEqual({ ok: false, problems: [{ kind: 'changedMeanwhile' }] });
    const second = decideWrapUp(first.wrapUp, form({ formVersion: 1 }), context);
    expect(second.ok && second.wrapUp.version).toBe(2);
  });

  test('reads back only well-formed rows', () => {
    const decided = decideWrapUp(undefined, form(), context);
    if (!decided.ok) throw new Error('expected a wrap-up');
    expect(wrapUpFromJson(JSON.stringify(decided.wrapUp))).toEqual(decided.wrapUp);
    expect(wrapUpFromJson('{"steps":[]}')).toBeUndefined();
    expect(wrapUpFromJson('not json')).toBeUndefined();
  });
});

describe('calendar dates', () => {
  test('only real dates written YYYY-MM-DD', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-1-5')).toBe(false);
    expect(daysBetween('2026-11-26', '2026-12-04')).toBe(8);
  });

  test('today depends on where the facilitator is', () => {
    const lateEvening = new Date('2026-11-26T23:30:00Z');
    expect(dateIn(lateEvening, 'Europe/London')).toBe('2026-11-26');
    expect(dateIn(lateEvening, 'Australia/Sydney')).toBe('2026-11-27');
    expect(dateIn(lateEvening, 'Not/AZone')).toBe('2026-11-26');
  });

  test('a date is shown at midday where it was chosen, in summer time too', () => {
    expect(middayIn('2026-12-04', 'Europe/London').toISOString()).toBe('2026-12-04T12:00:00.000Z');
    expect(middayIn('2026-07-01', 'Europe/London').toISOString()).toBe('2026-07-01T11:00:00.000Z');
    expect(middayIn('2026-07-01', 'America/New_York').toISOString()).toBe('2026-07-01T16:00:00.000Z');
    expect(middayIn('2026-03-29', 'Europe/London').toISOString()).toBe('2026-03-29T11:00:00.000Z'); // the day the clocks go forward
    expect(middayIn('2026-07-01', 'unknown').toISOString()).toBe('2026-07-01T12:00:00.000Z');
  });
});
