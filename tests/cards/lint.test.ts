/**
 * The Teams card lint must fail every card Teams would reject or show wrongly, and pass a card
 * that uses everything our cards use. A lint that passes everything is worse than none.
 */
import { CARD_SIZE_BUDGET_BYTES, cardSizeBytes, lintCard } from '../../bot/cards/lint';
import { cardTime, escapeMarkdown, plainText } from '../../bot/cards/text';
import type { AdaptiveCard } from '../../bot/cards/types';
import { expectValidTeamsCard } from '../support/cardChecks';

type Mutable = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const userIds = (count: number): string[] => Array.from({ length: count }, (_, i) => `29:1user-${i}`);

function goodCard(): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    msteams: { width: 'Full' },
    refresh: { action: { type: 'Action.Execute', verb: 'help.show' }, userIds: userIds(60) },
    body: [
      { type: 'TextBlock', text: `Break until ${cardTime(new Date('2026-11-25T10:00:00Z'))}`, wrap: true },
      { type: 'TextBlock', text: `Next: ${escapeMarkdown('Money **and** [time]')}`, wrap: true },
      plainText('[click](https://evil.example) **bold**'),
      { type: 'FactSet', facts: [{ title: 'Answered', value: '3 of 9' }] },
      {
        type: 'Container',
        style: 'emphasis',
        selectAction: { type: 'Action.Execute', verb: 'recap.show' },
        items: [{ type: 'Image', url: 'https://example.org/logo.png', altText: 'Coproduce logo' }],
      },
      { type: 'ColumnSet', columns: [{ type: 'Column', width: 'stretch', items: [{ type: 'TextBlock', text: 'Left' }] }] },
      { type: 'Input.ChoiceSet', id: 'answer', label: 'Does this match?', choices: [{ title: 'Yes', value: 'yes' }] },
      { type: 'Input.Toggle', id: 'easyRead', title: 'Easy read' },
      { type: 'ActionSet', actions: [{ type: 'Action.Execute', verb: 'consent.give', title: 'I agree', data: { session: 's1' } }] },
    ],
    actions: [
      { type: 'Action.OpenUrl', title: 'Get support', url: 'https://example.org/support' },
      {
        type: 'Action.ShowCard',
        title: 'Say something',
        card: {
          type: 'AdaptiveCard',
          body: [{ type: 'Input.Text', id: 'note', label: 'Your words', isMultiline: true }],
          actions: [{ type: 'Action.Execute', verb: 'unsaid.send', title: 'Send' }],
        },
      },
    ],
  };
}

function broken(change: (card: Mutable) => void): unknown {
  const card = structuredClone(goodCard()) as Mutable;
  change(card);
  return card;
}

test('a card using every element we use passes the lint and the adaptivecards parser', () => {
  expectValidTeamsCard(goodCard());
});

test.each<[string, (card: Mutable) => void, RegExp]>([
  ['a button with no verb', (c) => delete c.body[8].actions[0].verb, /body\[8\]\.actions\[0\].*has no verb/],
  ['a verb not in verbs.ts', (c) => (c.body[8].actions[0].verb = 'consent.agree'), /not one of the verbs/],
  ['no verb inside a ShowCard card', (c) => delete c.actions[1].card.actions[0].verb, /actions\[1\]\.card\.actions\[0\].*has no verb/],
  ['no verb on a selectAction', (c) => delete c.body[4].selectAction.verb, /selectAction.*has no verb/],
  ['no verb on the refresh action', (c) => delete c.refresh.action.verb, /card\.refresh\.action.*has no verb/],
  ['Action.Submit instead of Action.Execute', (c) => (c.body[8].actions[0].type = 'Action.Submit'), /unknown action type/],
  ['version 1.6', (c) => (c.version = '1.6'), /version must be exactly "1\.5"/],
  ['version as a number', (c) => (c.version = 1.5), /version must be exactly "1\.5"/],
  ['61 user ids', (c) => (c.refresh.userIds = userIds(61)), /lists 61 people.*at most 60/],
  ['a user id that is not 29:', (c) => (c.refresh.userIds[3] = '8:orgid:abc'), /userIds\[3\].*not a Teams user id/],
  ['an unknown property', (c) => (c.body[0].colour = 'Good'), /body\[0\] \(TextBlock\): unknown property "colour"/],
  ['an unknown property on the card', (c) => (c.lang = 'en'), /card: unknown property "lang"/],
  ['an unknown element type', (c) => c.body.push({ type: 'Bogus.Element' }), /body\[9\] \(Bogus\.Element\): unknown element type/],
  ['an image without alt text', (c) => delete c.body[4].items[0].altText, /\(Image\): needs altText/],
  ['an image over http', (c) => (c.body[4].items[0].url = 'http://example.org/a.png'), /\(Image\): url must be an https/],
  ['a markdown link in a TextBlock', (c) => (c.body[1].text = 'See [this](https://evil.example)'), /body\[1\].*markdown link/],
  ['a bare web address in a TextBlock', (c) => (c.body[1].text = 'Go to www.evil.example now'), /body\[1\].*web address/],
  ['a web address in a fact', (c) => (c.body[3].facts[0].value = 'https://evil.example'), /facts\[0\]\.value.*web address/],
  ['a time with milliseconds', (c) => (c.body[0].text = '{{TIME(2026-11-25T10:00:00.000Z)}}'), /not a well-formed TIME or DATE/],
  ['a lower-case time function', (c) => (c.body[0].text = '{{time(2026-11-25T10:00:00Z)}}'), /not a well-formed TIME or DATE/],
  ['an input without a label', (c) => delete c.body[6].label, /Input\.ChoiceSet\): needs a label/],
  ['a button without a title', (c) => delete c.actions[0].title, /actions\[0\].*needs a title/],
  ['data that is not an object', (c) => (c.body[8].actions[0].data = 'session=s1'), /data must be an object/],
  ['a chart without a fallback', (c) => c.body.push({ type: 'Chart.VerticalBar', data: [] }), /Chart\.VerticalBar\).*needs a fallback/],
  [
    'a chart that falls back to nothing',
    (c) => c.body.push({ type: 'Chart.Pie', data: [], fallback: 'drop' }),
    /Chart\.Pie\).*needs a fallback/,
  ],
])('%s fails the lint', (_name, change, expected) => {
  expect(lintCard(goodCard())).toEqual([]);
  expect(lintCard(broken(change))).toContainEqual(expect.stringMatching(expected));
});

test('a chart with a text fallback passes', () => {
  const card = broken((c) =>
    c.body.push({ type: 'Chart.VerticalBar', data: [], fallback: { type: 'TextBlock', text: 'Yes 4, no 2', wrap: true } }),
  );
  expect(lintCard(card)).toEqual([]);
});

test('things that are not cards fail', () => {
  expect(lintCard(null)).not.toEqual([]);
  expect(lintCard('{"type":"AdaptiveCard"}')).not.toEqual([]);
  expect(lintCard({ type: 'AdaptiveCard', version: '1.5', body: 'hello' })).toContainEqual('card.body: must be a list.');
  expect(lintCard({ type: 'HeroCard', version: '1.5', body: [] })).toContainEqual('card: type must be "AdaptiveCard".');
});

describe('size is counted as UTF-16, two bytes a character', () => {
  const withText = (characters: number): unknown => broken((c) => c.body.push(plainText('a'.repeat(characters))));

  test('45,000 plain letters (45 KB as UTF-8) are over the 80 KB budget', () => {
    const card = withText(45_000);
    expect(Buffer.byteLength(JSON.stringify(card), 'utf8')).toBeLessThan(80_000);
    expect(lintCard(card)).toContainEqual(expect.stringMatching(/over the 80000-byte budget/));
  });

  test('35,000 letters fit', () => {
    const card = withText(35_000);
    expect(cardSizeBytes(card)).toBeGreaterThan(70_000);
    expect(lintCard(card)).toEqual([]);
  });

  test('the budget is the 80 KB Teams recommends, not the 100 KB hard limit', () => {
    expect(CARD_SIZE_BUDGET_BYTES).toBeLessThanOrEqual(80 * 1024);
    expect(cardSizeBytes({ a: 'é' })).toBe('{"a":"é"}'.length * 2);
  });
});

test('problems name places, never the values found, so they can be logged', () => {
  const card = broken((c) => {
    c.refresh.userIds[0] = '8:orgid:secret-person';
    c.body[1].text = 'see https://secret.example';
  });
  const problems = lintCard(card).join('\n');
  expect(problems).not.toContain('secret');
  expect(problems).toContain('card.refresh.userIds[0]');
});
