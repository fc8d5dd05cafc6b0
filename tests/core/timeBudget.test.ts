import type { Agenda, AgendaKind } from '../../bot/core/agenda';
import { checkPlainEnglish } from '../../bot/core/plainEnglish';
import { checkTimeBudget, type TimeBudgetCode } from '../../bot/core/timeBudget';

/** "w5 t50 b10 t40" → welcome 5, topic 50, break 10, topic 40. */
function plan(text: string): Agenda {
  const kinds: Record<string, AgendaKind> = { w: 'welcome', t: 'topic', b: 'break', r: 'recap', e: 'wrapUp' };
  return text.split(' ').map((token, i) => ({ id: `item-${i + 1}`, kind: kinds[token[0]], title: `Item ${i + 1}`, minutes: Number(token.slice(1)) }));
}

function codes(text: string, meetingMinutes: number, needsMoreBreaks = false): TimeBudgetCode[] {
  return checkTimeBudget(plan(text), { meetingMinutes, needsMoreBreaks }).map((w) => w.code);
}

describe('the time budget check', () => {
  test.each([
    // plan, meeting minutes, more breaks, expected warnings
    ['w5 t45 e5', 60, false, []],
    ['w5 t48 e5', 60, false, ['noBuffer']],
    ['w5 t50 e5', 60, false, ['noBuffer']],
    ['w5 t45 e5', 50, false, ['overrun']],
    ['w5 t60 e5', 60, false, ['overrun', 'longStretch']],
    ['w10 t150 e10', 180, false, ['thinBreaks', 'longStretch']],
    ['w10 t50 b15 t50 b15 t21 e10', 180, false, []],
    ['w10 t50 b15 t50 b15 t23 e10', 180, false, ['noBuffer']],
    ['t50 b10 t50', 120, false, ['thinBreaks']],
    ['t45 b20 t45', 120, false, []],
    ['t45 b20 t45', 120, true, ['thinBreaks']],
    ['t40 b30 t40', 120, true, []],
    ['w10 t55 b15 t5', 90, false, ['longStretch']],
    ['w5 t40 b25 t10', 90, false, []],
    ['w5 t41 b25 t10', 90, true, ['longStretch']],
    ['w5 t35', 45, true, []],
    ['t40', 60, true, ['thinBreaks']],
  ])('%s in a %i-minute meeting (more breaks: %p) warns %p', (text, minutes, needs, expected) => {
    expect(codes(text, minutes, needs)).toEqual(expected);
  });

  it('says by how much the plan runs over, and does not also complain about spare time', () => {
    const [warning, ...rest] = checkTimeBudget(plan('w5 t45 e5'), { meetingMinutes: 50, needsMoreBreaks: false });
    expect(rest).toEqual([]);
    expect(warning).toMatchObject({ code: 'overrun', minutes: 5 });
    expect(warning.message).toBe('The plan adds up to 55 minutes but the meeting is 50 minutes. Take out 5 minutes, or make the meeting longer.');
  });

  test.each([
    ['w5 t54', 60, 'Only 1 minute is left spare. Leave at least 5 minutes free, because things often take longer than planned.'],
    ['w5 t53', 60, 'Only 2 minutes are left spare. Leave at least 5 minutes free, because things often take longer than planned.'],
    ['w5 t55', 60, 'No time is left spare. Leave at least 5 minutes free, because things often take longer than planned.'],
    ['w5 t160 b10', 180, 'Only 5 minutes are left spare. Leave at least 9 minutes free, because things often take longer than planned.'],
  ])('asks for spare time: %s in %i minutes', (text, minutes, message) => {
    const warning = checkTimeBudget(plan(text), { meetingMinutes: minutes, needsMoreBreaks: false }).find((w) => w.code === 'noBuffer');
    expect(warning?.message).toBe(message);
  });

  it('asks for more breaks, and says why when access needs ask for them', () => {
    const usual = checkTimeBudget(plan('t50 b10 t50'), { meetingMinutes: 120, needsMoreBreaks: false });
    expect(usual[0].message).toBe('The plan has 10 minutes of breaks. For a meeting this long, plan at least 20 minutes of breaks (about 10 minutes an hour).');
    const more = checkTimeBudget(plan('t40 b20 t40'), { meetingMinutes: 120, needsMoreBreaks: true });
    expect(more[0]).toMatchObject({ code: 'thinBreaks', minutes: 20 });
    expect(more[0].message).toBe(
      "The plan has 20 minutes of breaks. For a meeting this long, plan at least 30 minutes of breaks (about 15 minutes an hour). Someone's access needs ask for more breaks.",
    );
    expect(checkTimeBudget(plan('t100'), { meetingMinutes: 120, needsMoreBreaks: false })[0].message).toMatch(/^The plan has no breaks\./);
  });

  it('points at the items that run too long without a break', () => {
    const stretch = checkTimeBudget(plan('w5 t20 b15 w10 t40 r15'), { meetingMinutes: 120, needsMoreBreaks: false }).find((w) => w.code === 'longStretch');
    expect(stretch).toMatchObject({ minutes: 65, itemId: 'item-6' });
    expect(stretch?.message).toBe('Items 4 to 6 run for 65 minutes without a break. Add a break so nobody goes more than 60 minutes without one.');
    const single = checkTimeBudget(plan('t50 b20 t50'), { meetingMinutes: 150, needsMoreBreaks: true }).find((w) => w.code === 'longStretch');
    expect(single?.message).toMatch(/^Item 1 runs for 50 minutes without a break\. .*45 minutes/);
  });

  it('warns in plain English', () => {
    const messages = [
      ...checkTimeBudget(plan('t100'), { meetingMinutes: 90, needsMoreBreaks: true }),
      ...checkTimeBudget(plan('t100'), { meetingMinutes: 104, needsMoreBreaks: false }),
    ].map((w) => w.message);
    expect(messages).toHaveLength(6);
    expect(messages.filter((text) => checkPlainEnglish(text).length > 0)).toEqual([]);
  });
});
