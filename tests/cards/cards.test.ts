/**
 * Every card function returns a card Teams accepts (adaptivecards parser + Teams lint), says what
 * a person needs to read, and never lets someone's words become markdown.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMANDS } from '../../bot/cards/commandList';
import { helpCard } from '../../bot/cards/helpCard';
import { lintCard } from '../../bot/cards/lint';
import { cardDate, cardTime, escapeMarkdown, plainText } from '../../bot/cards/text';
import type { AdaptiveCard } from '../../bot/cards/types';
import { isVerb, VERBS } from '../../bot/cards/verbs';
import { welcomeCard } from '../../bot/cards/welcomeCard';
import { expectValidTeamsCard } from '../support/cardChecks';

const HOSTILE = '[click](https://evil.example) **bold**';

/** Text that renderers read as markdown (TextBlocks, facts) and as plain runs, in card order. */
function texts(node: unknown, found = { markdown: [] as string[], plain: [] as string[], all: [] as string[] }) {
  if (Array.isArray(node)) node.forEach((item) => texts(item, found));
  else if (typeof node === 'object' && node !== null) {
    const record = node as Record<string, unknown>;
    if (record.type === 'TextBlock' && typeof record.text === 'string') found.markdown.push(record.text);
    if (record.type === 'TextRun' && typeof record.text === 'string') found.plain.push(record.text);
    if (Array.isArray(record.facts)) for (const f of record.facts) found.markdown.push(f.title, f.value);
    if (record.type === 'TextBlock' || record.type === 'RichTextBlock') found.all.push(lineOf(record));
    Object.values(record).forEach((value) => texts(value, found));
  }
  return found;
}

function lineOf(block: Record<string, unknown>): string {
  if (block.type === 'TextBlock') return String(block.text);
  return (block.inlines as { text: string }[]).map((run) => run.text).join('');
}

const cards: [string, AdaptiveCard][] = [
  ['welcome, personal', welcomeCard('personal')],
  ['welcome, group chat', welcomeCard('groupChat')],
  ['welcome, meeting chat', welcomeCard('meeting')],
  ['welcome, channel', welcomeCard('channel')],
  ['help, personal', helpCard({ scope: 'personal' })],
  ['help, shared', helpCard({ scope: 'shared' })],
  ['help, no options', helpCard()],
  ['help, unknown command', helpCard({ unknownCommand: true })],
  ['help, unknown command with hostile text', helpCard({ unknownCommand: true, typed: HOSTILE })],
];

test.each(cards)('%s is a valid Teams card', (_name, card) => {
  expectValidTeamsCard(card);
});

describe('welcome card', () => {
  test('in a personal chat: private, and "help" works without a mention', () => {
    const { all } = texts(welcomeCard('personal'));
    expect(all.join('\n')).toMatch(/Other people cannot see it/);
    expect(all.join('\n')).toMatch(/Type help/);
    expect(all.join('\n')).not.toMatch(/@Coproduce/);
  });

  test.each(['groupChat', 'meeting', 'channel'] as const)('in a %s: nothing is private, and you must @mention', (scope) => {
    const all = texts(welcomeCard(scope)).all.join('\n');
    expect(all).toMatch(/Nothing in this .* is private/);
    expect(all).toContain('@Coproduce help');
  });

  test('has a button that shows the commands', () => {
    const actions = welcomeCard('meeting').actions ?? [];
    expect(actions).toContainEqual(expect.objectContaining({ type: 'Action.Execute', verb: 'help.show' }));
  });
});

describe('help card', () => {
  const usages = [
    'setup', 'purpose', 'consent', 'break [minutes]', 'next', 'back', 'extend [minutes]', 'recap',
    'sense check <statement>', 'note <text>', 'here <name>', 'quiet voices', 'unsaid', 'wrap up', 'digest', 'my data', 'help',
  ];

  test('lists every command as a person types it, with what it does', () => {
    const lines = texts(helpCard()).all;
    for (const usage of usages) {
      expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${escapeRegExp(usage)} – \\w`)));
    }
  });

  test('groups commands by who can use them', () => {
    const lines = texts(helpCard()).all;
    const at = (start: string) => lines.findIndex((line) => line.startsWith(start));
    const facilitatorsHeading = at('Facilitators can use');
    expect(at('Everyone can use')).toBeLessThan(at('unsaid –'));
    expect(at('my data –')).toBeLessThan(facilitatorsHeading);
    expect(at('next –')).toBeGreaterThan(facilitatorsHeading);
    expect(at('sense check <statement> –')).toBeGreaterThan(facilitatorsHeading);
  });

  test('explains the @mention rule except in a personal chat', () => {
    expect(texts(helpCard({ scope: 'shared' })).all.join('\n')).toContain('@Coproduce');
    expect(texts(helpCard({ scope: 'personal' })).all.join('\n')).not.toContain('@Coproduce');
  });

  test('for an unknown command, says so first', () => {
    expect(texts(helpCard({ unknownCommand: true })).all[0]).toMatch(/did not understand/);
    expect(texts(helpCard()).all.join('\n')).not.toMatch(/did not understand/);
  });

  test('what the person typed is shown only as plain text, cut short', () => {
    const found = texts(helpCard({ unknownCommand: true, typed: HOSTILE }));
    expect(found.plain).toContain(HOSTILE);
    expect(found.markdown.join('\n')).not.toContain('evil.example');
    const long = texts(helpCard({ unknownCommand: true, typed: 'x'.repeat(500) })).plain.find((t) => t.startsWith('xx'));
    expect(long).toBe(`${'x'.repeat(80)}…`);
  });
});

describe('user text is data', () => {
  test('plainText keeps markdown and links as literal text in a TextRun', () => {
    const card: AdaptiveCard = { type: 'AdaptiveCard', version: '1.5', body: [plainText(HOSTILE)] };
    expectValidTeamsCard(card);
    expect(texts(card)).toEqual({ markdown: [], plain: [HOSTILE], all: [HOSTILE] });
  });

  test('plainText stops {{DATE(...)}} in someone\'s words being turned into a date', () => {
    const typed = 'We met {{DATE(2026-11-25T10:00:00Z, SHORT)}}';
    const shown = texts(plainText(typed)).plain[0];
    expect(shown).not.toContain('{{');
    expect(shown.replace(/\u200B/g, '')).toBe(typed);
  });

  test('escapeMarkdown backslash-escapes every markdown character', () => {
    expect(escapeMarkdown('**Pay** _now_ [a](b) #1 - {{x}}')).toBe(
      '\\*\\*Pay\\*\\* \\_now\\_ \\[a\\]\\(b\\) \\#1 \\- \\{\\{x\\}\\}',
    );
  });

  test('a web address put in a TextBlock by mistake fails the lint', () => {
    const card = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: escapeMarkdown(HOSTILE) }] };
    expect(lintCard(card)).toContainEqual(expect.stringMatching(/web address/));
  });
});

test('times are UTC RFC 3339 without milliseconds, so each reader sees their local time', () => {
  const at = new Date('2026-11-25T10:00:00.123Z');
  expect(cardTime(at)).toBe('{{TIME(2026-11-25T10:00:00Z)}}');
  expect(cardDate(at)).toBe('{{DATE(2026-11-25T10:00:00Z)}}');
  expect(cardDate(at, 'SHORT')).toBe('{{DATE(2026-11-25T10:00:00Z, SHORT)}}');
  expect(() => cardTime(new Date('not a date'))).toThrow();
});

describe('commands and verbs', () => {
  test('the command list is the vocabulary, in session order, with the right arguments', () => {
    expect(COMMANDS.map((c) => c.usage)).toEqual([
      'setup', 'purpose', 'consent', 'access', 'break [minutes]', 'next', 'back', 'extend [minutes]', 'pause', 'resume',
      'end early', 'recap', 'sense check <statement>', 'note <text>', 'here <name>', 'quiet voices', 'unsaid',
      'wrap up', 'ladder', 'digest', 'actions', 'connect', 'my data', 'help',
    ]);
    expect(COMMANDS.filter((c) => c.takesText).map((c) => c.name)).toEqual(['sense check', 'note', 'here']);
    expect(COMMANDS.filter((c) => c.takesMinutes).map((c) => c.name)).toEqual(['break', 'extend']);
    expect(COMMANDS.filter((c) => c.who === 'everyone').map((c) => c.name)).toEqual(['consent', 'access', 'unsaid', 'my data', 'help']);
  });

  test('verbs are unique, dotted, and recognised', () => {
    expect(new Set(VERBS).size).toBe(VERBS.length);
    for (const verb of VERBS) expect(verb).toMatch(/^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/);
    expect(['consent.give', 'consent.withdraw', 'senseCheck.answer', 'help.show'].every(isVerb)).toBe(true);
    expect([undefined, 42, 'consent', 'consent.agree', 'toString', 'CONSENT.GIVE'].some(isVerb)).toBe(false);
  });
});

test('cards/ imports only its own files, and only types from core', () => {
  const dir = join(__dirname, '../../bot/cards');
  const problems: string[] = [];
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.ts'))) {
    const source = readFileSync(join(dir, file), 'utf8');
    if (/\brequire\(|\bimport\(/.test(source)) problems.push(`${file}: dynamic import`);
    for (const [, typeOnly, from] of source.matchAll(/^import (type )?[^;]*?from '([^']+)'/gm)) {
      const ok = from.startsWith('./') || (typeOnly !== undefined && from.startsWith('../core/'));
      if (!ok) problems.push(`${file}: ${from}`);
    }
  }
  expect(problems).toEqual([]);
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
