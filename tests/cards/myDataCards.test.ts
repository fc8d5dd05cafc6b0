// The "my data" cards are valid Teams cards, keep people's words out of markdown, stay small with
// many sessions, and our words for them (cards and the withdrawal page) pass the plain-English check.
import { checkPlainEnglish } from '../../bot/core/plainEnglish';
import { downloadLinkCard, eraseConfirmCard, erasedCard } from '../../bot/cards/myDataActionCards';
import { MAX_SESSIONS_SHOWN, myDataCard, myDataPromptCard, type SessionSummary } from '../../bot/cards/myDataCard';
import { myDataStrings } from '../../bot/cards/strings/myData.en-GB';
import { expectValidTeamsCard } from '../support/cardChecks';
import { textOf } from '../support/meetingHarness';

const HOSTILE = '[click](https://evil.example) **bold** {{DATE(2026-11-25T10:00:00Z)}}';

function session(n: number): SessionSummary {
  return {
    occurrence: `2026-11-${String(n).padStart(2, '0')}`,
    purpose: HOSTILE,
    choices: { recording: 'agree', transcript: 'notNow', aiSummary: 'unanswered', named: 'unanswered', quoted: 'unanswered' },
    name: HOSTILE,
    byFacilitator: n % 2 === 0,
    seen: true,
    answers: n,
    purposeAnswered: true,
  };
}

function markdownTexts(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => markdownTexts(n, out));
  else if (node && typeof node === 'object') {
    const r = node as Record<string, unknown>;
    if (r.type === 'TextBlock' && typeof r.text === 'string') out.push(r.text);
    if (r.type === 'FactSet') for (const f of r.facts as { title: string; value: string }[]) out.push(f.title, f.value);
    Object.values(r).forEach((v) => markdownTexts(v, out));
  }
  return out;
}

test('the data card is valid with hostile words in it, and those words never reach markdown', () => {
  const card = myDataCard({ sessions: [session(1), session(2)], personalChat: true, personal: true });
  expectValidTeamsCard(card);
  expect(markdownTexts(card).some((t) => t.includes('evil.example') || t.includes('**bold**'))).toBe(false);
  expect(JSON.stringify(card)).toContain('evil.example'); // shown, as plain text
  expect(JSON.stringify(card)).toContain('{{DATE(2026-11-01T12:00:00Z, LONG)}}');
});

test('with many sessions the card shows a few and points to the download for the rest', () => {
  const many = Array.from({ length: 12 }, (_, i) => session(i + 1));
  const card = myDataCard({ sessions: many, personalChat: false, personal: true });
  expectValidTeamsCard(card);
  expect(textOf(card)).toContain(`There are ${12 - MAX_SESSIONS_SHOWN} more sessions.`);
  expect(JSON.stringify(card).length).toBeLessThan(20_000);
});

test('with nothing kept the card says so and offers no buttons', () => {
  const card = myDataCard({ sessions: [], personalChat: false, personal: true });
  expectValidTeamsCard(card);
  expect(textOf(card)).toContain('Coproduce keeps nothing about you that we can find.');
  expect(card.actions).toBeUndefined();
});

test('the shared-chat prompt, the confirm, the done and the download cards are valid', () => {
  for (const card of [
    myDataPromptCard('session|x'),
    myDataPromptCard(undefined),
    eraseConfirmCard('session|x'),
    eraseConfirmCard(undefined),
    erasedCard(2),
    erasedCard(0),
    downloadLinkCard('https://coproduce.example.org/my-data/download?code=abc', 15),
    downloadLinkCard('http://127.0.0.1:3978/my-data/download?code=abc', 15),
    downloadLinkCard(undefined, 15),
  ]) {
    expectValidTeamsCard(card);
  }
  expect(JSON.stringify(downloadLinkCard('http://127.0.0.1:1/x', 15))).not.toContain('Action.OpenUrl');
  expect(textOf(myDataPromptCard('session|x'))).not.toMatch(/Recording|answers/);
});

function collect(node: unknown, path: string, out: [string, string][]): void {
  if (typeof node === 'string') out.push([path, node]);
  else if (Array.isArray(node)) node.forEach((item, i) => collect(item, `${path}[${i}]`, out));
  else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) collect(v, `${path}.${k}`, out);
}

describe('our words', () => {
  const strings: [string, string][] = [];
  const { scopes: _sharedWithConsent, ...own } = myDataStrings;
  collect(own, 'myData', strings);

  test.each(strings)('%s passes the plain-English checker and has no web address', (_path, text) => {
    expect(checkPlainEnglish(text)).toEqual([]);
    expect(text).not.toMatch(/https?:|www\./);
  });
});
