/**
 * The sense-check cards added for the live session: the help card for `sense check` on its own,
 * the facilitator's form, the facilitator controls on the public card, "record an answer for
 * someone", and the private results. Each is a valid Teams card, people's words are never
 * markdown, the results fit Teams' message size however much people write, and our own words
 * pass the plain-English checker.
 */
import { checkPlainEnglish } from '../../bot/core/plainEnglish';
import { MAX_MISSED_CHARACTERS, MAX_STATEMENT_CHARACTERS, MAX_STATEMENTS } from '../../bot/core/senseCheck';
import { MAX_NAME_CHARACTERS, RECORD_METHODS } from '../../bot/core/senseCheckForms';
import { MAX_NAME_INPUT, recordedCard, recordForSomeoneCard } from '../../bot/cards/recordForSomeoneCard';
import { senseCheckCard, type SenseCheckView } from '../../bot/cards/senseCheckCard';
import { MAX_POINT_INPUT, senseCheckFormCard, STATEMENT_INPUT_IDS } from '../../bot/cards/senseCheckFormCard';
import { senseCheckResultsCards, withMoreNote, type StatementResult } from '../../bot/cards/senseCheckResultsCard';
import { senseCheckStartCard } from '../../bot/cards/senseCheckStartCard';
import { senseCheckStrings } from '../../bot/cards/strings/senseCheck.en-GB';
import type { AdaptiveCard } from '../../bot/cards/types';
import { CARD_SIZE_BUDGET_BYTES, cardSizeBytes } from '../../bot/cards/lint';
import { expectValidTeamsCard } from '../support/cardChecks';

const HOSTILE = '[click](https://evil.example) **bold** {{DATE(2026-11-25T10:00:00Z)}}';
const view: SenseCheckView = {
  sessionKey: 'session|1',
  senseCheckId: '6f1c1b9e-0000-4000-8000-000000000001',
  statements: ['Waiting times are too long', HOSTILE],
  status: 'open',
  tallies: [{ answered: 1, expected: 5 }, { answered: 0, expected: 5 }],
  facilitatorControls: true,
};

function walk(node: unknown, visit: (record: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) node.forEach((item) => walk(item, visit));
  else if (typeof node === 'object' && node !== null) {
    visit(node as Record<string, unknown>);
    Object.values(node).forEach((value) => walk(value, visit));
  }
}
const markdownOf = (card: unknown) => {
  const found: string[] = [];
  walk(card, (r) => r.type === 'TextBlock' && found.push(String(r.text)));
  return found.join('\n');
};
const plainOf = (card: unknown) => {
  const found: string[] = [];
  walk(card, (r) => r.type === 'TextRun' && found.push(String(r.text)));
  return found.join('\n');
};
const executes = (card: unknown) => {
  const found: Record<string, unknown>[] = [];
  walk(card, (r) => r.type === 'Action.Execute' && found.push(r));
  return found;
};

const result = (statement: string, extra: Partial<StatementResult> = {}): StatementResult => ({
  statement,
  tally: { answered: 3, expected: 5, split: { agree: 2, partly: 0, disagree: 1 } },
  recordedCount: 1,
  minority: [{ level: 'disagree', missed: HOSTILE, recorded: true }],
  otherMissed: [{ level: 'agree', missed: 'Evening journeys', recorded: false }],
  ...extra,
});

const cards: [string, AdaptiveCard][] = [
  ['start', senseCheckStartCard({ sessionKey: 's' })],
  ['form, empty', senseCheckFormCard({ sessionKey: 's', draftId: 'd0000000-1' })],
  ['form, to fix', senseCheckFormCard({ sessionKey: 's', draftId: 'd0000000-1', values: [HOSTILE, 'x'.repeat(301)], problem: senseCheckStrings.form.noStatements })],
  ['public card with controls', senseCheckCard(view)],
  ['record form', recordForSomeoneCard({ sessionKey: 's', senseCheckId: 'c1', statements: view.statements })],
  ['record form, to fix', recordForSomeoneCard({ sessionKey: 's', senseCheckId: 'c1', statements: ['One'], values: { name: HOSTILE, method: 'phone', levels: ['agree'] }, problems: [senseCheckStrings.record.methodMissing] })],
  ['recorded', recordedCard({ sessionKey: 's', senseCheckId: 'c1', name: HOSTILE, outcome: 'saved' })],
  ['results', senseCheckResultsCards({ statements: [result('One'), result(HOSTILE, { tally: { answered: 0, split: { agree: 0, partly: 0, disagree: 0 } }, minority: [], otherMissed: [], recordedCount: 0 })] })[0]],
  ['results with a note', withMoreNote(senseCheckResultsCards({ statements: [result('One')] })[0], false)],
];

test.each(cards)('%s is a valid Teams card with no one’s words in markdown', (_name, card) => {
  expectValidTeamsCard(card);
  expect(markdownOf(card)).not.toContain('evil.example');
});

test('the public card’s facilitator buttons carry only the ids, never what someone typed, and go once it is closed', () => {
  const controls = executes(senseCheckCard(view)).filter((a) => a.verb !== 'senseCheck.answer');
  expect(controls.map((a) => a.verb)).toEqual(['senseCheck.close', 'answer.recordForSomeone']);
  for (const a of controls) {
    expect(a.associatedInputs).toBe('none');
    expect(a.data).toEqual({ sessionKey: 'session|1', senseCheckId: view.senseCheckId });
  }
  const closed = senseCheckCard({ ...view, status: 'closed', tallies: [{ answered: 1, split: { agree: 1, partly: 0, disagree: 0 } }, { answered: 0 }] });
  expect(executes(closed)).toEqual([]);
  expect(markdownOf(senseCheckCard(view))).toContain('It is not shown in this chat');
});

test('the form has five labelled boxes and a post button carrying the draft id', () => {
  const card = senseCheckFormCard({ sessionKey: 's', draftId: 'd0000000-1' });
  const inputs: Record<string, unknown>[] = [];
  walk(card, (r) => r.type === 'Input.Text' && inputs.push(r));
  expect(inputs.map((i) => i.id)).toEqual(['statement1', 'statement2', 'statement3', 'statement4', 'statement5']);
  expect(inputs[0].label).toBe('Point 1');
  expect(executes(card)).toEqual([expect.objectContaining({ verb: 'senseCheck.open', data: { sessionKey: 's', draftId: 'd0000000-1', step: 'post' } })]);
});

test('the forms’ limits and choices match what the handlers accept', () => {
  expect(MAX_POINT_INPUT).toBe(MAX_STATEMENT_CHARACTERS);
  expect(STATEMENT_INPUT_IDS).toHaveLength(MAX_STATEMENTS);
  expect(MAX_NAME_INPUT).toBe(MAX_NAME_CHARACTERS);
  const maxLengths: unknown[] = [];
  walk(recordForSomeoneCard({ sessionKey: 's', senseCheckId: 'c1', statements: ['One'] }), (r) => r.id === 'missed' && maxLengths.push(r.maxLength));
  expect(maxLengths).toEqual([MAX_MISSED_CHARACTERS]);
  const methods: unknown[] = [];
  walk(recordForSomeoneCard({ sessionKey: 's', senseCheckId: 'c1', statements: ['One'] }), (r) => r.id === 'method' && methods.push(...(r.choices as { value: string }[]).map((c) => c.value)));
  expect([...methods].sort()).toEqual([...RECORD_METHODS].sort());
});

test('the record form asks for a name, how they answered and an answer per point', () => {
  const card = recordForSomeoneCard({ sessionKey: 's', senseCheckId: 'c1', statements: ['One', 'Two'] });
  const ids: unknown[] = [];
  walk(card, (r) => typeof r.type === 'string' && r.type.startsWith('Input.') && ids.push(r.id));
  expect(ids).toEqual(['personName', 'method', 'level1', 'level2', 'missed']);
  const choices: unknown[] = [];
  walk(card, (r) => r.id === 'method' && choices.push(...(r.choices as { value: string }[]).map((c) => c.value)));
  expect(choices).toEqual(['verbal', 'phone', 'paper', 'inRoom']);
  expect(plainOf(recordedCard({ sessionKey: 's', senseCheckId: 'c1', name: 'Sam', outcome: 'saved' }))).toContain('Sam');
});

test('results from 100 long answers split over several cards, each within Teams’ size, nothing dropped', () => {
  const many = Array.from({ length: 100 }, (_v, i) => ({ level: 'agree' as const, missed: `${i}:${'é'.repeat(995)}`, recorded: false }));
  const out = senseCheckResultsCards({ statements: [result('One', { minority: many.slice(0, 30), otherMissed: many.slice(30) })] });
  expect(out.length).toBeGreaterThan(2);
  for (const card of out) {
    expectValidTeamsCard(card);
    expect(cardSizeBytes(card)).toBeLessThan(CARD_SIZE_BUDGET_BYTES);
  }
  const all = out.map(plainOf).join('\n');
  for (let i = 0; i < 100; i++) expect(all).toContain(`${i}:`);
  expect(markdownOf(out[1])).toContain(`part 2 of ${out.length}`);
  // A carried-over point repeats its heading, so each card makes sense alone.
  expect(plainOf(out[1])).toContain('One');
});

test('results list the outnumbered answers before the rest, marking those a facilitator recorded', () => {
  const [card] = senseCheckResultsCards({ statements: [result('One')] });
  const text = [markdownOf(card), plainOf(card)].join('\n');
  expect(text.indexOf('Answers fewer people gave')).toBeLessThan(text.indexOf('What people said we missed'));
  expect(text).toContain('Disagree (recorded by a facilitator)');
  expect(text).toContain('Agree: 2, Partly: 0, Disagree: 1');
});

describe('our own words pass the plain-English checker', () => {
  function stringsIn(value: unknown, path: string): [string, string][] {
    if (typeof value === 'string') return [[path, value]];
    if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, inner]) => stringsIn(inner, `${path}.${key}`));
    return [];
  }
  const all = stringsIn(senseCheckStrings, 'senseCheck');
  test('the walk finds them', () => expect(all.length).toBeGreaterThan(40));
  test.each(all)('%s', (_path, text) => {
    expect(checkPlainEnglish(text)).toEqual([]);
  });
});
