import { addItem, defaultAgenda, editItem, moveItem, removeItem, setMinutes, validateAgenda, type Agenda } from '../../bot/core/agenda';
import { checkTimeBudget, totalMinutes } from '../../bot/core/timeBudget';
import { checkPlainEnglish } from '../../bot/core/plainEnglish';
import type { Result } from '../../bot/core/result';

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.problems.join(' '));
  return result.value;
}

const small: Agenda = [
  { id: 'item-1', kind: 'welcome', title: 'Welcome', minutes: 5 },
  { id: 'item-2', kind: 'topic', title: 'Booking', minutes: 30, question: 'What makes booking hard?' },
  { id: 'item-3', kind: 'wrapUp', title: 'Wrap up', minutes: 5 },
];

describe('the default agenda', () => {
  const lengths = [20, 30, 45, 60, 75, 90, 120, 150, 180, 240, 300, 360, 480];

  test.each(lengths.flatMap((minutes) => [[minutes, false], [minutes, true]] as const))(
    'for a %i-minute meeting (more breaks: %p) passes its own time budget check',
    (minutes, needsMoreBreaks) => {
      const agenda = defaultAgenda(minutes, { needsMoreBreaks });
      expect(checkTimeBudget(agenda, { meetingMinutes: minutes, needsMoreBreaks })).toEqual([]);
      expect(totalMinutes(agenda)).toBeLessThan(minutes);
      expect(agenda.length).toBeLessThanOrEqual(30);
      expect(new Set(agenda.map((item) => item.id)).size).toBe(agenda.length);
      expect(validateAgenda(agenda).ok).toBe(true);
    },
  );

  it('follows the framework: welcome, icebreaker, purpose, ways of working, topics, recap, sense-check, wrap-up', () => {
    const kinds = defaultAgenda(90).map((item) => item.kind);
    expect(kinds).toEqual(['welcome', 'icebreaker', 'purpose', 'ways', 'topic', 'break', 'topic', 'recap', 'senseCheck', 'wrapUp']);
  });

  it('gives every topic a purposeful question and readable titles', () => {
    const agenda = defaultAgenda(120);
    for (const topic of agenda.filter((item) => item.kind === 'topic')) expect(topic.question).toMatch(/\?$/);
    expect(agenda.map((item) => item.title)).toContain('Welcome and introductions');
    expect(agenda.map((item) => item.title)).toContain('Checking we have understood you');
  });

  it('writes every title and question in plain English', () => {
    const texts = defaultAgenda(240).flatMap((item) => (item.question ? [item.title, item.question] : [item.title]));
    expect(texts.filter((text) => checkPlainEnglish(text).length > 0)).toEqual([]);
  });

  it('plans a break in an hour-long meeting only when someone needs more breaks', () => {
    expect(defaultAgenda(60).some((item) => item.kind === 'break')).toBe(false);
    expect(defaultAgenda(60, { needsMoreBreaks: true }).some((item) => item.kind === 'break')).toBe(true);
  });

  it('keeps the essentials in a very short meeting', () => {
    const kinds = defaultAgenda(20).map((item) => item.kind);
    expect(kinds[0]).toBe('welcome');
    expect(kinds).toContain('purpose');
    expect(kinds).toContain('topic');
    expect(kinds[kinds.length - 1]).toBe('wrapUp');
  });
});

describe('editing the agenda', () => {
  it('adds an item where asked, with a new id, leaving the old agenda as it was', () => {
    const added = value(addItem(small, { kind: 'break', title: 'Break', minutes: 10 }, 2));
    expect(added.map((item) => item.id)).toEqual(['item-1', 'item-2', 'item-4', 'item-3']);
    expect(added[2]).toEqual({ id: 'item-4', kind: 'break', title: 'Break', minutes: 10 });
    expect(small).toHaveLength(3);
    expect(value(addItem(small, { kind: 'recap', title: 'Recap', minutes: 5 })).at(-1)?.kind).toBe('recap');
  });

  test.each([
    [0, false],
    [1, true],
    [240, true],
    [241, false],
    [2.5, false],
  ])('an item of %p minutes is allowed: %p', (minutes, allowed) => {
    expect(addItem(small, { kind: 'topic', title: 'More', minutes }).ok).toBe(allowed);
    expect(setMinutes(small, 'item-2', minutes).ok).toBe(allowed);
  });

  it('explains what is wrong with a new item', () => {
    expect(addItem(small, { kind: 'topic', title: '   ', minutes: 0 })).toEqual({
      ok: false,
      problems: ['Give the item a title.', 'Give each item a whole number of minutes from 1 to 240.'],
    });
  });

  it('stops at 30 items', () => {
    let agenda: Agenda = small;
    while (agenda.length < 30) agenda = value(addItem(agenda, { kind: 'topic', title: 'More', minutes: 5 }));
    const refused = addItem(agenda, { kind: 'topic', title: 'One too many', minutes: 5 });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.problems[0]).toMatch(/30 items/);
  });

  it('removes an item but never the last one', () => {
    expect(value(removeItem(small, 'item-2')).map((item) => item.id)).toEqual(['item-1', 'item-3']);
    expect(removeItem([small[0]], 'item-1')).toEqual({ ok: false, problems: ['The plan needs at least one item.'] });
    expect(removeItem(small, 'gone').ok).toBe(false);
  });

  test.each([
    ['item-3', 0, ['item-3', 'item-1', 'item-2']],
    ['item-1', 2, ['item-2', 'item-3', 'item-1']],
    ['item-1', 99, ['item-2', 'item-3', 'item-1']],
    ['item-2', 1, ['item-1', 'item-2', 'item-3']],
  ])('moving %s to position %i gives %p', (id, to, order) => {
    expect(value(moveItem(small, id, to)).map((item) => item.id)).toEqual(order);
  });

  it('changes minutes, titles and questions of one item only', () => {
    const edited = value(editItem(small, 'item-2', { title: ' Paying ', minutes: 25 }));
    expect(edited[1]).toEqual({ id: 'item-2', kind: 'topic', title: 'Paying', minutes: 25, question: 'What makes booking hard?' });
    expect(edited[0]).toBe(small[0]);
    expect(value(editItem(small, 'item-2', { question: '' }))[1].question).toBeUndefined();
    expect(value(setMinutes(small, 'item-1', 8))[0].minutes).toBe(8);
  });

  it('refuses a whole agenda with repeated ids or a bad item', () => {
    expect(validateAgenda([small[0], small[0]]).ok).toBe(false);
    expect(validateAgenda([]).ok).toBe(false);
    expect(validateAgenda([{ ...small[0], kind: 'party' as never }]).ok).toBe(false);
    expect(value(validateAgenda(small))).toEqual(small);
  });
});
