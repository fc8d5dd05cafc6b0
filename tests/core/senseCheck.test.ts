/**
 * Sense checks: one answer row per person per statement, changeable until closed; the public tally
 * hides the split while open; outnumbered answers are kept; facilitator-recorded answers say how.
 */
import {
  answer,
  answerFromEntity,
  answerToEntity,
  closeSenseCheck,
  minorityAnswers,
  openSenseCheck,
  tallies,
  tally,
  type Answer,
  type AnswerInput,
  type SenseCheck,
} from '../../bot/core/senseCheck';

const t0 = new Date('2026-11-25T10:00:00Z');
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

function openCheck(statements: string[] = ['We heard that waiting times are too long']): SenseCheck {
  const result = openSenseCheck({ id: 'sc1', sessionKey: 'session|1', statements, openedBy: 'fac-key', openedAt: t0 });
  if (!result.ok) throw new Error(result.reason);
  return result.check;
}

const self = (respondent: string, level: AnswerInput['level'], extra: Partial<AnswerInput> = {}): AnswerInput => ({
  respondent,
  statementIndex: 0,
  level,
  method: 'self',
  ...extra,
});

function answered(check: SenseCheck, existing: Answer | undefined, input: AnswerInput, at: Date): Answer {
  const result = answer(check, existing, input, at);
  if (!result.ok) throw new Error(result.reason);
  return result.answer;
}

/** A tiny in-memory table keyed like the Store, to show that a changed answer stays one row. */
function saveAll(answers: Answer[]): Map<string, Answer> {
  const rows = new Map<string, Answer>();
  for (const a of answers) {
    const entity = answerToEntity('session|1', a);
    rows.set(`${entity.partitionKey}/${entity.rowKey}`, answerFromEntity(entity)!);
  }
  return rows;
}

describe('opening', () => {
  test('takes one to five statements of up to 300 characters, dropping blank boxes from a form', () => {
    const ok = openSenseCheck({ id: 'x', sessionKey: 's', statements: [' One ', '', 'Two'], openedBy: 'f', openedAt: t0 });
    expect(ok).toEqual(expect.objectContaining({ ok: true, check: expect.objectContaining({ statements: ['One', 'Two'], status: 'open' }) }));
    const base = { id: 'x', sessionKey: 's', openedBy: 'f', openedAt: t0 };
    expect(openSenseCheck({ ...base, statements: ['  '] })).toEqual({ ok: false, reason: 'noStatements' });
    expect(openSenseCheck({ ...base, statements: ['a', 'b', 'c', 'd', 'e', 'f'] })).toEqual({ ok: false, reason: 'tooManyStatements' });
    expect(openSenseCheck({ ...base, statements: ['x'.repeat(301)] })).toEqual({ ok: false, reason: 'statementTooLong' });
  });
});

describe('answering', () => {
  test('a person who changes their answer still has one row, with the latest level', () => {
    const check = openCheck();
    const first = answered(check, undefined, self('p1', 'agree'), later(1));
    const second = answered(check, first, self('p1', 'disagree'), later(2));
    const rows = saveAll([first, second]);
    expect(rows.size).toBe(1);
    expect([...rows.values()][0]).toEqual(expect.objectContaining({ respondent: 'p1', level: 'disagree', answeredAt: later(2) }));
  });

  test('the same answer again is flagged unchanged, so nothing new is recorded', () => {
    const check = openCheck();
    const first = answered(check, undefined, self('p1', 'partly', { missed: 'Transport' }), later(1));
    const again = answer(check, first, self('p1', 'partly'), later(2));
    expect(again).toEqual({ ok: true, answer: first, unchanged: true });
  });

  test('pressing another level keeps what they said we missed', () => {
    const check = openCheck();
    const first = answered(check, undefined, self('p1', 'partly', { missed: 'Transport costs' }), later(1));
    const second = answered(check, first, self('p1', 'disagree', { missed: '  ' }), later(2));
    expect(second).toEqual(expect.objectContaining({ level: 'disagree', missed: 'Transport costs' }));
  });

  test('after closing, an answer is refused and the earlier one stands', () => {
    const check = openCheck();
    const first = answered(check, undefined, self('p1', 'agree'), later(1));
    const closed = closeSenseCheck(check, later(5));
    expect(closed).toEqual(expect.objectContaining({ status: 'closed', closedAt: later(5) }));
    expect(closeSenseCheck(closed, later(9)).closedAt).toEqual(later(5));
    expect(answer(closed, first, self('p1', 'disagree'), later(6))).toEqual({ ok: false, reason: 'closed' });
  });

  test('refuses a statement that does not exist and overlong "what we missed"', () => {
    const check = openCheck(['One', 'Two']);
    expect(answer(check, undefined, self('p1', 'agree', { statementIndex: 2 }), t0)).toEqual({ ok: false, reason: 'noSuchStatement' });
    expect(answer(check, undefined, self('p1', 'agree', { statementIndex: -1 }), t0)).toEqual({ ok: false, reason: 'noSuchStatement' });
    expect(answer(check, undefined, self('p1', 'agree', { missed: 'x'.repeat(1001) }), t0)).toEqual({ ok: false, reason: 'missedTooLong' });
    expect(answer(check, undefined, self('p1', 'agree', { statementIndex: 1, missed: 'x'.repeat(1000) }), t0).ok).toBe(true);
  });

  test('a facilitator-recorded answer carries its method and who recorded it, through the store row', () => {
    const check = openCheck();
    const input: AnswerInput = { respondent: 'p9', statementIndex: 0, level: 'disagree', method: 'phone', recordedBy: 'fac-key' };
    const recorded = answered(check, undefined, input, later(3));
    const [row] = saveAll([recorded]).values();
    expect(row).toEqual(expect.objectContaining({ respondent: 'p9', method: 'phone', recordedBy: 'fac-key' }));
  });

  test('a recorded answer must name the recorder, and a self answer must not', () => {
    const check = openCheck();
    expect(answer(check, undefined, { ...self('p1', 'agree'), method: 'paper' }, t0)).toEqual({ ok: false, reason: 'recorderMissing' });
    expect(answer(check, undefined, self('p1', 'agree', { recordedBy: 'someone' }), t0)).toEqual({ ok: false, reason: 'recorderNotAllowed' });
  });
});

describe('tally', () => {
  const check = openCheck();
  const answers = [
    answered(check, undefined, self('p1', 'agree'), later(1)),
    answered(check, undefined, self('p2', 'agree'), later(1)),
    answered(check, undefined, self('p3', 'disagree'), later(1)),
  ];

  test('while open, only "N of M have answered": no split', () => {
    expect(tally(answers, 8, 'open')).toEqual({ answered: 3, expected: 8 });
  });

  test('once closed, the split is shown', () => {
    expect(tally(answers, 8, 'closed')).toEqual({ answered: 3, expected: 8, split: { agree: 2, partly: 0, disagree: 1 } });
  });

  test('never says more have answered than were expected, and leaves M out when unknown', () => {
    expect(tally(answers, 2, 'open')).toEqual({ answered: 3, expected: 3 });
    expect(tally(answers, undefined, 'open')).toEqual({ answered: 3 });
  });

  test('per statement, in order', () => {
    const two = openCheck(['One', 'Two']);
    const a = answered(two, undefined, self('p1', 'agree', { statementIndex: 1 }), later(1));
    expect(tallies(two, [a], 4)).toEqual([{ answered: 0, expected: 4 }, { answered: 1, expected: 4 }]);
  });
});

describe('minority answers', () => {
  test('answers held by fewer than the largest group are kept, with what they said we missed', () => {
    const check = openCheck();
    const answers = [
      answered(check, undefined, self('p1', 'agree'), later(1)),
      answered(check, undefined, self('p2', 'agree'), later(1)),
      answered(check, undefined, self('p3', 'agree'), later(1)),
      answered(check, undefined, self('p4', 'disagree', { missed: 'Nobody asked carers' }), later(1)),
      answered(check, undefined, self('p5', 'partly'), later(1)),
    ];
    const kept = minorityAnswers(answers);
    expect(kept.map((a) => [a.respondent, a.level, a.missed])).toEqual([
      ['p4', 'disagree', 'Nobody asked carers'],
      ['p5', 'partly', undefined],
    ]);
  });

  test('when everyone agrees, or groups tie for largest, nothing is a minority', () => {
    const check = openCheck();
    const same = [answered(check, undefined, self('p1', 'agree'), t0), answered(check, undefined, self('p2', 'agree'), t0)];
    expect(minorityAnswers(same)).toEqual([]);
    const tie = [answered(check, undefined, self('p1', 'agree'), t0), answered(check, undefined, self('p2', 'disagree'), t0)];
    expect(minorityAnswers(tie)).toEqual([]);
  });
});

test('a malformed store row is skipped rather than breaking a tally', () => {
  expect(answerFromEntity({ partitionKey: 'p', rowKey: 'r', props: { level: 'maybe' } })).toBeUndefined();
});
