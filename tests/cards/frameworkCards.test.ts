/**
 * The framework, agenda editor, break and recap cards: each is a valid Teams card (the Adaptive
 * Cards parser and our Teams lint), facilitators' words stay plain text, every button carries the
 * session and what it acts on, and the editor stays within the size budget at its largest.
 */
import type { Agenda, AgendaItem } from '../../bot/core/agenda';
import type { LiveState } from '../../bot/core/liveAgenda';
import { agendaEditorCard, type AgendaEditorView } from '../../bot/cards/agendaEditorCard';
import { breakHeadsUpCard, breakNowCard, skipBreakConfirmCard, welcomeBackCard } from '../../bot/cards/breakCards';
import { frameworkCard } from '../../bot/cards/frameworkCard';
import { frameworkNoticeCard } from '../../bot/cards/frameworkNoticeCard';
import { recapCard } from '../../bot/cards/recapCard';
import type { AdaptiveCard } from '../../bot/cards/types';
import { frameworkStrings } from '../../bot/cards/strings/framework.en-GB';
import { checkPlainEnglish } from '../../bot/core/plainEnglish';
import { expectValidTeamsCard } from '../support/cardChecks';

const HOSTILE = '[click](https://evil.example) **bold** {{DATE(2026-11-25T10:00:00Z)}}';
const KEY = 'session|MCMxOTptZWV0aW5n!2FdGVzdA==|2026-11-26';
const START = new Date('2026-11-26T10:00:00.000Z');
const at = (minutes: number) => new Date(START.getTime() + minutes * 60_000);

const agenda: Agenda = [
  { id: 'item-1', kind: 'welcome', title: 'Welcome and introductions', minutes: 5 },
  { id: 'item-2', kind: 'topic', title: HOSTILE, minutes: 30, question: HOSTILE },
  { id: 'item-3', kind: 'break', title: 'Break', minutes: 10 },
  { id: 'item-4', kind: 'wrapUp', title: 'Wrapping up', minutes: 5 },
];
const running: LiveState = { planVersion: 3, currentIndex: 1, currentItemId: 'item-2', itemStartedAt: at(5).toISOString(), itemEndsAt: at(35).toISOString(), extensions: {} };
const paused: LiveState = { ...running, paused: { at: at(10).toISOString(), remainingMs: 25 * 60_000 } };
const endedEarly: LiveState = { ...running, ended: { at: at(20).toISOString(), early: true } };

function walk(node: unknown, visit: (record: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) node.forEach((item) => walk(item, visit));
  else if (typeof node === 'object' && node !== null) {
    visit(node as Record<string, unknown>);
    Object.values(node).forEach((value) => walk(value, visit));
  }
}

function markdownTexts(card: AdaptiveCard): string[] {
  const found: string[] = [];
  walk(card, (r) => r.type === 'TextBlock' && found.push(String(r.text)));
  return found;
}

function buttons(card: AdaptiveCard): { verb: string; data: Record<string, unknown> }[] {
  const found: { verb: string; data: Record<string, unknown> }[] = [];
  walk(card, (r) => r.type === 'Action.Execute' && found.push({ verb: String(r.verb), data: r.data as Record<string, unknown> }));
  return found;
}

const editorView: AgendaEditorView = { sessionKey: KEY, agenda, agendaVersion: 4, meetingMinutes: 60, warnings: ['Only 5 minutes are left spare.'] };
const bigAgenda: Agenda = Array.from({ length: 30 }, (_, i): AgendaItem => ({ id: `item-${i + 1}`, kind: 'topic', title: `${'Ü'.repeat(60)}${HOSTILE}`.slice(0, 80), minutes: 240, question: 'q'.repeat(300) }));

const cards: [string, AdaptiveCard][] = [
  ['framework, not started', frameworkCard({ sessionKey: KEY, plan: { agenda } })],
  ['framework, running', frameworkCard({ sessionKey: KEY, plan: { agenda, live: running } })],
  ['framework, paused', frameworkCard({ sessionKey: KEY, plan: { agenda, live: paused } })],
  ['framework, ended early', frameworkCard({ sessionKey: KEY, plan: { agenda, live: endedEarly } })],
  ['framework, 30 long items', frameworkCard({ sessionKey: KEY, plan: { agenda: bigAgenda, live: { ...running, currentIndex: 29, currentItemId: 'item-30' } } })],
  ['notice with a title', frameworkNoticeCard({ lead: 'Moved on to: ', title: HOSTILE, detail: 'This runs until {{TIME(2026-11-26T10:35:00Z)}}.' })],
  ['notice without a title', frameworkNoticeCard({ lead: 'The session is paused.' })],
  ['break heads-up', breakHeadsUpCard({ sessionKey: KEY, itemId: 'item-3', startsAt: at(35), endsAt: at(45), now: at(30) })],
  ['break heads-up, late', breakHeadsUpCard({ sessionKey: KEY, itemId: 'item-3', startsAt: at(35), endsAt: at(45), now: at(35) })],
  ['break now', breakNowCard({ endsAt: at(45), after: HOSTILE })],
  ['break now, last item', breakNowCard({ endsAt: at(45) })],
  ['welcome back', welcomeBackCard({ next: HOSTILE })],
  ['welcome back, nothing next', welcomeBackCard({})],
  ['skip confirmation', skipBreakConfirmCard({ sessionKey: KEY, itemId: 'item-3', title: HOSTILE, times: { startsAt: at(35), endsAt: at(45) } })],
  ['skip confirmation, paused', skipBreakConfirmCard({ sessionKey: KEY, itemId: 'item-3', title: 'Break' })],
  ['recap, nothing yet', recapCard({ covered: [], ended: false })],
  ['recap, covered', recapCard({ covered: agenda.slice(0, 2), current: agenda[2], ended: false })],
  ['recap, ended', recapCard({ covered: agenda, ended: true })],
  ['editor', agendaEditorCard(editorView)],
  ['editor, problems and typed values', agendaEditorCard({ ...editorView, problems: ['Item 1: give the minutes as a whole number, for example 10.'], typed: { 't_item-1': HOSTILE, 'm_item-1': 'ten', new_title: HOSTILE } })],
  ['editor, saved, no warnings', agendaEditorCard({ ...editorView, warnings: [], notice: 'saved' })],
  ['editor, 30 long items', agendaEditorCard({ ...editorView, sessionKey: KEY.repeat(2), agenda: bigAgenda, warnings: ['a'.repeat(200), 'b'.repeat(200), 'c'.repeat(200), 'd'.repeat(200)] })],
];

test.each(cards)('%s is a valid Teams card', (_name, card) => {
  expectValidTeamsCard(card);
});

test.each(cards)("%s keeps facilitators' words out of markdown", (_name, card) => {
  for (const text of markdownTexts(card)) {
    expect(text).not.toContain('evil.example');
    expect(text).not.toContain('DATE(');
  }
});

test.each(cards)('%s gives every button the session', (_name, card) => {
  for (const button of buttons(card)) expect(button.data.sessionKey).toEqual(expect.any(String));
});

describe('framework card', () => {
  test('shows the current item and until when, in the reader’s own time', () => {
    const card = frameworkCard({ sessionKey: KEY, plan: { agenda, live: running } });
    expect(markdownTexts(card)).toContain('Until {{TIME(2026-11-26T10:35:00Z)}}');
    expect(JSON.stringify(card)).toContain('Now: ');
  });

  test('every live control names the item it was pressed from', () => {
    const card = frameworkCard({ sessionKey: KEY, plan: { agenda, live: running } });
    const live = buttons(card).filter((b) => b.verb.startsWith('agenda.') && b.verb !== 'agenda.open');
    expect(live.map((b) => b.verb)).toEqual(['agenda.next', 'agenda.back', 'agenda.extend', 'agenda.pause', 'agenda.endEarly']);
    for (const button of [...live, ...buttons(card).filter((b) => b.verb === 'break.start')]) expect(button.data).toEqual({ sessionKey: KEY, fromItemId: 'item-2' });
  });

  test('paused offers Carry on instead of Pause and shows no end time', () => {
    const card = frameworkCard({ sessionKey: KEY, plan: { agenda, live: paused } });
    expect(buttons(card).map((b) => b.verb)).toContain('agenda.resume');
    expect(buttons(card).map((b) => b.verb)).not.toContain('agenda.pause');
    expect(markdownTexts(card).join(' ')).toContain('about 25 minutes left');
    expect(markdownTexts(card).join(' ')).not.toContain('TIME(');
  });

  test('once ended, the live controls are gone', () => {
    const card = frameworkCard({ sessionKey: KEY, plan: { agenda, live: endedEarly } });
    expect(buttons(card).map((b) => b.verb)).toEqual(['agenda.open']);
    expect(markdownTexts(card)).toContain('The session ended early. Thank you for taking part.');
  });
});

describe('agenda editor card', () => {
  test('every button saves against the version it was drawn from', () => {
    const ops = buttons(agendaEditorCard(editorView)).map((b) => [b.data.op, b.data.agendaVersion]);
    expect(ops).toEqual([['up', 4], ['down', 4], ['remove', 4], ['add', 4], ['save', 4], ['close', 4]]);
  });

  test('the time budget warnings are on it, for the facilitator who opened it', () => {
    expect(markdownTexts(agendaEditorCard(editorView))).toContain('• Only 5 minutes are left spare.');
  });
});

test('the skip confirmation is the only card with the button that removes a break', () => {
  const allVerbs = cards.filter(([name]) => !name.startsWith('skip')).flatMap(([, card]) => buttons(card).map((b) => b.verb));
  expect(allVerbs).not.toContain('break.confirmSkip');
  const confirm = skipBreakConfirmCard({ sessionKey: KEY, itemId: 'item-3', title: 'Break' });
  expect(buttons(confirm)).toEqual([{ verb: 'break.confirmSkip', data: { sessionKey: KEY, itemId: 'item-3' } }]);
});

function leaves(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return value && typeof value === 'object' ? Object.values(value).flatMap(leaves) : [];
}

test.each(leaves(frameworkStrings))('our own words pass the plain-English check: %s', (text) => {
  expect(checkPlainEnglish(text)).toEqual([]);
});
