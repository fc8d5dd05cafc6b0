/**
 * The live-session cards: sense check (public), a person's own answer (private), unsaid and its
 * thanks. Each is a valid Teams card; facilitators' words stay plain text; public cards name nobody;
 * the unsaid card tells people the four things DESIGN.md "Anonymity" requires.
 */
import { senseCheckAnswerCard } from '../../bot/cards/senseCheckAnswerCard';
import { senseCheckCard, type SenseCheckView } from '../../bot/cards/senseCheckCard';
import type { AdaptiveCard } from '../../bot/cards/types';
import { unsaidCard } from '../../bot/cards/unsaidCard';
import { unsaidThanksCard } from '../../bot/cards/unsaidThanksCard';
import { expectValidTeamsCard } from '../support/cardChecks';

const HOSTILE = '[click](https://evil.example) **bold** {{DATE(2026-11-25T10:00:00Z)}}';

const openView: SenseCheckView = {
  sessionKey: 'session|1',
  senseCheckId: 'sc1',
  statements: ['Waiting times are too long', 'Letters are hard to read'],
  status: 'open',
  tallies: [{ answered: 3, expected: 8 }, { answered: 2, expected: 8 }],
};
const closedView: SenseCheckView = {
  ...openView,
  status: 'closed',
  tallies: [{ answered: 7, expected: 8, split: { agree: 4, partly: 2, disagree: 1 } }, { answered: 6, expected: 8, split: { agree: 6, partly: 0, disagree: 0 } }],
};
const hostileView: SenseCheckView = { ...openView, statements: [HOSTILE], tallies: [{ answered: 0 }] };

function walk(node: unknown, visit: (record: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) node.forEach((item) => walk(item, visit));
  else if (typeof node === 'object' && node !== null) {
    visit(node as Record<string, unknown>);
    Object.values(node).forEach((value) => walk(value, visit));
  }
}

function texts(card: AdaptiveCard) {
  const found = { markdown: [] as string[], plain: [] as string[] };
  walk(card, (r) => {
    if (r.type === 'TextBlock') found.markdown.push(String(r.text));
    if (r.type === 'TextRun') found.plain.push(String(r.text));
  });
  return found;
}

const allText = (card: AdaptiveCard) => [...texts(card).markdown, ...texts(card).plain].join('\n');

function executes(card: AdaptiveCard): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  walk(card, (r) => r.type === 'Action.Execute' && found.push(r));
  return found;
}

const cards: [string, AdaptiveCard][] = [
  ['sense check, open', senseCheckCard(openView)],
  ['sense check, closed', senseCheckCard(closedView)],
  ['sense check, one hostile statement', senseCheckCard(hostileView)],
  ['own answer, saved', senseCheckAnswerCard({ ...openView, mine: [{ level: 'partly', missed: HOSTILE }, undefined], outcome: 'saved' })],
  ['own answer, unchanged', senseCheckAnswerCard({ ...openView, mine: [{ level: 'agree' }, { level: 'agree' }], outcome: 'unchanged' })],
  ['own answer, refused as closed', senseCheckAnswerCard({ ...openView, status: 'closed', mine: [{ level: 'agree' }, undefined], outcome: 'closed' })],
  ['unsaid, with a contact', unsaidCard({ sessionKey: 'session|1', safeguardingContact: HOSTILE })],
  ['unsaid, no contact', unsaidCard({ sessionKey: 'session|1' })],
  ['unsaid thanks', unsaidThanksCard({ sessionKey: 'session|1', sent: 'note' })],
  ['pause thanks', unsaidThanksCard({ sessionKey: 'session|1', sent: 'pause' })],
];

test.each(cards)('%s is a valid Teams card', (_name, card) => {
  expectValidTeamsCard(card);
});

describe('sense check card', () => {
  test('has agree / partly / disagree for each statement, with the data the handler needs', () => {
    const buttons = executes(senseCheckCard(openView));
    expect(buttons).toHaveLength(6);
    expect(buttons.map((b) => [b.verb, b.title])).toContainEqual(['senseCheck.answer', 'Partly']);
    expect(buttons[5]).toEqual(
      expect.objectContaining({ data: { sessionKey: 'session|1', senseCheckId: 'sc1', statementIndex: 1, level: 'disagree' } }),
    );
  });

  test('asks "What did we miss?" in a labelled box', () => {
    const inputs: Record<string, unknown>[] = [];
    walk(senseCheckCard(openView), (r) => r.type === 'Input.Text' && inputs.push(r));
    expect(inputs).toEqual([expect.objectContaining({ id: 'missed', label: 'What did we miss?' })]);
  });

  test('hostile statement text ends up only in a TextRun, never in markdown', () => {
    const found = texts(senseCheckCard(hostileView));
    expect(found.plain).toContain(HOSTILE.replace('{{', '{\u200B{'));
    expect(found.markdown.join('\n')).not.toContain('evil.example');
  });

  test('while open shows only how many have answered; the split only once closed', () => {
    const open = allText(senseCheckCard(openView));
    expect(open).toContain('3 of 8 have answered');
    expect(open).not.toMatch(/Agree: \d/);
    const closed = allText(senseCheckCard(closedView));
    expect(closed).toContain('7 of 8 have answered. Agree: 4, Partly: 2, Disagree: 1');
    expect(executes(senseCheckCard(closedView))).toEqual([]);
  });
});

describe('own answer card', () => {
  test('shows the person their own answer and that they can change it until it is closed', () => {
    const text = allText(senseCheckAnswerCard({ ...openView, mine: [{ level: 'partly', missed: 'Buses' }, undefined], outcome: 'saved' }));
    expect(text).toContain('You said: Partly');
    expect(text).toContain('Buses');
    expect(text).toContain('You have not answered this point yet.');
    expect(text).toMatch(/change your answer until the facilitator closes/);
  });

  test('when refused because closed, says so and offers no buttons', () => {
    const card = senseCheckAnswerCard({ ...openView, status: 'closed', mine: [{ level: 'agree' }, undefined], outcome: 'closed' });
    expect(allText(card)).toMatch(/closed, so your answer was not changed/);
    expect(executes(card)).toEqual([]);
  });
});

describe('unsaid card', () => {
  test('tells the truth: facilitators read it, we cannot delete it, no names, where to get support', () => {
    const text = allText(unsaidCard({ sessionKey: 's', safeguardingContact: 'Sam Jones, 01234 567890' }));
    expect(text).toMatch(/facilitators will read/i);
    expect(text).toMatch(/cannot delete it later, because we do not know who wrote it/);
    expect(text).toMatch(/Do not put your name in it/);
    expect(text).toMatch(/need support, you can contact/);
    expect(texts(unsaidCard({ sessionKey: 's', safeguardingContact: 'Sam Jones, 01234 567890' })).plain).toContain('Sam Jones, 01234 567890');
    expect(allText(unsaidCard({ sessionKey: 's' }))).toMatch(/need support, ask the meeting organiser/);
  });

  test('the safeguarding contact is plain text, never markdown', () => {
    const found = texts(unsaidCard({ sessionKey: 's', safeguardingContact: HOSTILE }));
    expect(found.markdown.join('\n')).not.toContain('evil.example');
  });

  test('has a note box, a send button and an "I need a pause" button that does not carry the note', () => {
    const buttons = executes(unsaidCard({ sessionKey: 's' }));
    expect(buttons).toEqual([
      expect.objectContaining({ verb: 'unsaid.send', data: { sessionKey: 's' } }),
      expect.objectContaining({ verb: 'break.requestPause', title: 'I need a pause', associatedInputs: 'none', data: { sessionKey: 's' } }),
    ]);
  });

  test('the thanks says the note has no name on it and does not repeat it', () => {
    expect(allText(unsaidThanksCard({ sessionKey: 's', sent: 'note' }))).toMatch(/Your note has no name on it/);
    expect(allText(unsaidThanksCard({ sessionKey: 's', sent: 'pause' }))).toMatch(/no name on it/);
  });
});

test('public cards carry no person names or ids', () => {
  const publicCards = [senseCheckCard(openView), senseCheckCard(closedView), unsaidCard({ sessionKey: 's' })];
  for (const card of publicCards) {
    const json = JSON.stringify(card);
    expect(json).not.toMatch(/29:|openedBy|respondent|recordedBy|fac-key/);
  }
  // The view type has no place for who opened it: a name passed by mistake is not shown.
  const withName = senseCheckCard({ ...openView, openedBy: 'Alex Facilitator' } as SenseCheckView);
  expect(JSON.stringify(withName)).not.toContain('Alex Facilitator');
});
