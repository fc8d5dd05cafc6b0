/**
 * The notes, wrap-up, "what you gave today" and plain-English suggestion cards: each is a valid
 * Teams card, anyone's words stay plain text (never markdown), dates are `{{DATE(...)}}` values,
 * and every button carries the session it belongs to.
 */
import { myContributionCard } from '../../bot/cards/myContributionCard';
import { noteFormCard, noteHowToCard, noteSavedCard } from '../../bot/cards/noteCard';
import { plainEnglishWarningCard } from '../../bot/cards/plainEnglishWarningCard';
import type { AdaptiveCard } from '../../bot/cards/types';
import { wrapUpCard } from '../../bot/cards/wrapUpCard';
import { FOLLOW_UP_INPUT, stepInputIds, wrapUpFormCard } from '../../bot/cards/wrapUpFormCard';
import { wrapUpNextCard } from '../../bot/cards/wrapUpNextCard';
import { middayIn } from '../../bot/core/nextStepDates';
import { MAX_NEXT_STEPS, NEXT_STEP_LIMITS, type NextStep } from '../../bot/core/nextSteps';
import { NOTE_LIMITS } from '../../bot/core/notes';
import { expectValidTeamsCard } from '../support/cardChecks';

const HOSTILE = '[click](https://evil.example) **bold** {{DATE(2026-11-25T10:00:00Z)}}';
const sessionKey = 'session|abc|2026-11-26';

function walk(node: unknown, visit: (record: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) node.forEach((item) => walk(item, visit));
  else if (typeof node === 'object' && node !== null) {
    visit(node as Record<string, unknown>);
    Object.values(node).forEach((value) => walk(value, visit));
  }
}

function markdownTexts(card: AdaptiveCard): string[] {
  const out: string[] = [];
  walk(card, (r) => {
    if (r.type === 'TextBlock') out.push(String(r.text));
  });
  return out;
}

function plainTexts(card: AdaptiveCard): string[] {
  const out: string[] = [];
  walk(card, (r) => {
    if (r.type === 'TextRun') out.push(String(r.text));
  });
  return out;
}

function executeData(card: AdaptiveCard): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  walk(card, (r) => {
    if (r.type === 'Action.Execute') out.push(r.data as Record<string, unknown>);
  });
  return out;
}

const steps: NextStep[] = [
  { what: 'Write up what we heard', owner: 'Sam from the council', due: '2026-12-04' },
  { what: HOSTILE, owner: HOSTILE },
  { what: 'Book the next session' },
];
const formLimits = { steps: MAX_NEXT_STEPS, ...NEXT_STEP_LIMITS };
const next = {
  sessionKey,
  // Midday in London on the chosen dates, as the wrap-up service works them out.
  steps: steps.map((s) => ({ what: s.what, ...(s.owner ? { owner: s.owner } : {}), ...(s.due ? { dueAt: middayIn(s.due, 'Europe/London') } : {}) })),
  hearBackAt: middayIn('2026-12-11', 'Europe/London'),
};

describe('every card', () => {
  const cards: Record<string, AdaptiveCard> = {
    noteHowTo: noteHowToCard({ sessionKey }),
    noteHowToWithProblem: noteHowToCard({ sessionKey, problem: 'That note is 2,100 characters long.' }),
    noteForm: noteFormCard({ sessionKey, limits: NOTE_LIMITS, topics: [{ id: 't1', title: HOSTILE }], values: { text: HOSTILE, credit: HOSTILE, topicId: 't1' }, problem: 'Write your note first.' }),
    noteSaved: noteSavedCard({ sessionKey, credited: true }),
    wrapUpPrompt: wrapUpCard({ sessionKey }),
    wrapUpForm: wrapUpFormCard({ sessionKey, version: 2, steps, followUpDate: '2026-12-11', today: '2026-11-26', limits: formLimits, problems: ['Step 2: say what will happen.'] }),
    wrapUpNext: wrapUpNextCard(next),
    contribution: myContributionCard({
      answers: [{ statement: HOSTILE, level: 'partly', missed: HOSTILE, recordedForThem: true }],
      purpose: { answer: 'partly', reason: HOSTILE },
    }),
    contributionEmpty: myContributionCard({ answers: [] }),
    warning: plainEnglishWarningCard({
      sessionKey,
      findings: [{ where: 'note', rule: 'label.serviceUsers', kind: 'label', found: HOSTILE, suggestion: 'Say "people who draw on care and support".' }],
      more: 2,
    }),
  };

  test.each(Object.entries(cards))('%s is a valid Teams card', (_name, card) => {
    expectValidTeamsCard(card);
  });

  test.each(Object.entries(cards))("%s never puts anyone's words in markdown", (_name, card) => {
    for (const text of markdownTexts(card)) {
      expect(text).not.toContain('evil.example');
      expect(text).not.toContain('**bold**');
    }
  });

  test.each(Object.entries(cards))('%s names its session on every button', (_name, card) => {
    for (const data of executeData(card)) expect(data.sessionKey).toBe(sessionKey);
  });
});

describe('what happens next', () => {
  const card = wrapUpNextCard(next);
  const markdown = markdownTexts(card).join('\n');

  test('shows each step, its owner, its date and when people will hear back, as dates each reader sees locally', () => {
    expect(plainTexts(card)).toEqual(expect.arrayContaining(['Write up what we heard', 'Sam from the council', 'Book the next session']));
    expect(markdown).toContain('By {{DATE(2026-12-04T12:00:00Z, LONG)}}');
    expect(markdown).toContain('You will hear back from us by {{DATE(2026-12-11T12:00:00Z, LONG)}}.');
    expect(markdown).toContain('Thank you');
  });

  test("the facilitator's words cannot become a date or a link", () => {
    const hostile = plainTexts(card).filter((t) => t.includes('evil.example'));
    expect(hostile.length).toBe(2);
    for (const t of hostile) expect(t).not.toContain('{{');
  });

  test('offers "See what you gave today", answered privately', () => {
    expect(card.actions).toEqual([{ type: 'Action.Execute', verb: 'wrapUp.myContribution', title: 'See what you gave today', data: { sessionKey } }]);
  });
});

describe('the next-steps form', () => {
  test('has a labelled what, who and date for each step, and a required follow-up date from today', () => {
    const card = wrapUpFormCard({ sessionKey, version: 0, steps: [], today: '2026-11-26', limits: formLimits });
    const inputs: Record<string, unknown>[] = [];
    walk(card, (r) => {
      if (typeof r.type === 'string' && r.type.startsWith('Input.')) inputs.push(r);
    });
    const ids = inputs.map((i) => i.id);
    expect(ids).toContain(stepInputIds(1).what);
    expect(ids).toContain(stepInputIds(5).due);
    expect(ids).not.toContain(stepInputIds(6).what); // five rows to start with
    expect(inputs.find((i) => i.id === FOLLOW_UP_INPUT)).toMatchObject({ type: 'Input.Date', isRequired: true, min: '2026-11-26' });
    expect(new Set(inputs.map((i) => i.label)).size).toBe(inputs.length);
    expect(card.actions?.[0]).toMatchObject({ verb: 'wrapUp.save', data: { sessionKey, formVersion: 0 } });
  });

  test('grows with the list, up to the most steps allowed', () => {
    const many = Array.from({ length: MAX_NEXT_STEPS }, (_v, i) => ({ what: `Step ${i}` }));
    const card = wrapUpFormCard({ sessionKey, version: 3, steps: many, today: '2026-11-26', limits: formLimits });
    expect(JSON.stringify(card)).toContain(stepInputIds(MAX_NEXT_STEPS).what);
    expect(JSON.stringify(card)).not.toContain(stepInputIds(MAX_NEXT_STEPS + 1).what);
  });
});

describe('notes', () => {
  test('the saved card never shows a credited name, only that one is held back', () => {
    const card = noteSavedCard({ sessionKey, credited: true });
    expect(markdownTexts(card)).toEqual(['Note saved.', 'Credited, name hidden until they agree to be named.']);
  });

  test('the form leaves out the topic choice when there is no agenda to choose from', () => {
    expect(JSON.stringify(noteFormCard({ sessionKey, limits: NOTE_LIMITS }))).not.toContain('topicId');
    expect(JSON.stringify(noteFormCard({ sessionKey, limits: NOTE_LIMITS, topics: [{ id: 't1', title: 'Transport' }] }))).toContain('topicId');
  });
});

describe('what you gave today', () => {
  test('says honestly that anything sent without a name cannot be shown', () => {
    const text = markdownTexts(myContributionCard({ answers: [] })).join(' ');
    expect(text).toContain('Only you can see this.');
    expect(text).toContain('no answers from you today');
    expect(text).toContain('nobody knows who wrote it');
  });
});

describe('plain-English suggestions', () => {
  test('each finding has its own "don\'t flag this again" button naming its rule', () => {
    const card = plainEnglishWarningCard({
      sessionKey,
      findings: [
        { where: 'note', rule: 'label.serviceUsers', kind: 'label', found: 'service users', suggestion: 'Say people.' },
        { where: 'Your sense check', rule: 'acronym.ICB', kind: 'acronym', found: 'ICB', suggestion: 'Say what ICB stands for.' },
      ],
      more: 0,
    });
    expect(executeData(card)).toEqual([
      { sessionKey, rule: 'label.serviceUsers' },
      { sessionKey, rule: 'acronym.ICB' },
    ]);
    expect(plainTexts(card)).toEqual(expect.arrayContaining(['In your note', 'Your sense check', 'service users', 'ICB']));
  });
});
