/**
 * Reading sense-check card data, which anyone can forge: only well-formed ids, known levels and
 * real point numbers get through; the "record for someone" form says what is missing; a name
 * typed differently is still the same person; re-recording someone's answer another way changes it.
 */
import { answer, openSenseCheck, type SenseCheck } from '../../bot/core/senseCheck';
import { answerPressFrom, idFrom, nameKey, recordedAnswerFrom, statementsFrom } from '../../bot/core/senseCheckForms';

const inputs = { name: 'personName', method: 'method', level: (i: number) => `level${i + 1}`, missed: 'missed' };
const id = '6f1c1b9e-0000-4000-8000-000000000001';

test('an answer press needs our id, a known level and a point number; what we missed is trimmed', () => {
  expect(answerPressFrom({ senseCheckId: id, statementIndex: 1, level: 'partly', missed: '  Buses  ' }, 'missed')).toEqual({
    senseCheckId: id,
    statementIndex: 1,
    level: 'partly',
    missed: 'Buses',
  });
  expect(answerPressFrom({ senseCheckId: id, statementIndex: 0, level: 'agree', missed: '   ' }, 'missed')).toEqual({ senseCheckId: id, statementIndex: 0, level: 'agree' });
  for (const forged of [
    { senseCheckId: '../x', statementIndex: 0, level: 'agree' },
    { senseCheckId: id, statementIndex: 0, level: 'strongly' },
    { senseCheckId: id, statementIndex: -1, level: 'agree' },
    { senseCheckId: id, statementIndex: 1.5, level: 'agree' },
    { senseCheckId: id, statementIndex: 9, level: 'agree' },
    { senseCheckId: { $ne: 1 }, statementIndex: 0, level: 'agree' },
  ]) {
    expect(answerPressFrom(forged, 'missed')).toBeUndefined();
  }
  expect(idFrom({ draftId: 'short' }, 'draftId')).toBeUndefined();
});

test('the statement boxes are read in order, and only the ones the form has', () => {
  expect(statementsFrom({ statement1: 'One', statement3: 3, statement6: 'Six' }, ['statement1', 'statement2', 'statement3'])).toEqual(['One', '', '']);
});

test('the record form says everything that is missing at once and keeps what was entered', () => {
  const result = recordedAnswerFrom({ personName: '  ', method: 'telepathy', level1: 'agree' }, 2, inputs);
  expect(result).toEqual({ ok: false, problems: ['nameMissing', 'methodMissing'], values: { name: '', levels: ['agree', undefined] } });
  const noLevel = recordedAnswerFrom({ personName: 'Sam', method: 'paper', missed: 'x'.repeat(1001) }, 1, inputs);
  expect(noLevel.ok ? [] : noLevel.problems).toEqual(['noLevel', 'missedTooLong']);
  expect(recordedAnswerFrom({ personName: 'Sam', method: 'self', level1: 'agree' }, 1, inputs).ok).toBe(false);
  expect(recordedAnswerFrom({ personName: ' Sam   B ', method: 'inRoom', level2: 'disagree' }, 2, inputs)).toEqual({
    ok: true,
    form: { name: 'Sam B', method: 'inRoom', levels: [undefined, 'disagree'] },
  });
});

test('a name typed with other spacing or capitals is the same person', () => {
  expect(nameKey('  Sam   OKAFOR ')).toBe(nameKey('sam okafor'));
  expect(nameKey('Sam Okafor')).not.toBe(nameKey('Sam Okafor-Jones'));
});

describe('recorded answers in the core', () => {
  const opened = openSenseCheck({ id: 'sc1', sessionKey: 's', statements: ['One'], openedBy: 'f', openedAt: new Date(0) });
  const check = (opened.ok ? opened.check : undefined) as SenseCheck;
  const base = { respondent: 'named:x', statementIndex: 0, level: 'agree' as const, recordedBy: 'fac', respondentName: 'Sam' };

  test('keep the name typed, and recording the same answer another way is a change', () => {
    const first = answer(check, undefined, { ...base, method: 'phone' }, new Date(1));
    expect(first).toEqual(expect.objectContaining({ ok: true, unchanged: false, answer: expect.objectContaining({ respondentName: 'Sam', method: 'phone' }) }));
    const existing = first.ok ? first.answer : undefined;
    expect(answer(check, existing, { ...base, method: 'phone' }, new Date(2))).toEqual(expect.objectContaining({ unchanged: true }));
    expect(answer(check, existing, { ...base, method: 'paper' }, new Date(2))).toEqual(expect.objectContaining({ unchanged: false }));
  });

  test('a person’s own answer never carries a typed name', () => {
    const own = answer(check, undefined, { respondent: 'person:p', statementIndex: 0, level: 'agree', method: 'self', respondentName: 'Someone else' }, new Date(1));
    expect(own.ok).toBe(true);
    expect(own.ok ? own.answer : {}).not.toHaveProperty('respondentName');
  });
});
