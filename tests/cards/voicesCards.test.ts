/**
 * The voices cards: every one is a valid Teams card; the public unsaid card holds no box to type
 * in and tells the four truths; people's words and names are plain runs, never markdown; the
 * facilitators' cards carry the buttons their handlers need; our words pass the plain-English check.
 */
import type { QuietVoices } from '../../bot/core/attendance';
import { checkPlainEnglish } from '../../bot/core/plainEnglish';
import { anonymousReportCard } from '../../bot/cards/anonymousReportCard';
import { MAX_QUIET_LISTED, quietVoicesCard } from '../../bot/cards/quietVoicesCard';
import { voicesStrings } from '../../bot/cards/strings/voices.en-GB';
import type { AdaptiveCard } from '../../bot/cards/types';
import { unsaidInviteCard } from '../../bot/cards/unsaidInviteCard';
import { MAX_NOTES_SHOWN, unsaidNotesCard } from '../../bot/cards/unsaidNotesCard';
import { unsaidThanksCard } from '../../bot/cards/unsaidThanksCard';
import { expectValidTeamsCard } from '../support/cardChecks';

const HOSTILE = '[click](https://evil.example) **bold** {{DATE(2026-11-25T10:00:00Z)}}';

function walk(node: unknown, visit: (record: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) node.forEach((item) => walk(item, visit));
  else if (typeof node === 'object' && node !== null) {
    visit(node as Record<string, unknown>);
    Object.values(node).forEach((value) => walk(value, visit));
  }
}

function found(card: AdaptiveCard) {
  const out = { markdown: [] as string[], plain: [] as string[], buttons: [] as Record<string, unknown>[], types: [] as string[] };
  walk(card, (r) => {
    if (typeof r.type === 'string') out.types.push(r.type);
    if (r.type === 'TextBlock') out.markdown.push(String(r.text));
    if (r.type === 'TextRun') out.plain.push(String(r.text));
    if (r.type === 'Action.Execute') out.buttons.push(r);
  });
  return out;
}

const voices = (overrides: Partial<QuietVoices> = {}): QuietVoices => ({
  quiet: [{ rowKey: 'p|user|29:gabi', name: 'Gabi' }, { rowKey: 'n|sam', name: HOSTILE }],
  quietWithoutName: 2,
  left: [{ rowKey: 'p|user|29:dee', name: 'Dee' }],
  present: 5,
  hadSay: 1,
  countsChat: false,
  ...overrides,
});

const cards: [string, AdaptiveCard][] = [
  ['unsaid invite, with a contact', unsaidInviteCard({ sessionKey: 's', safeguardingContact: HOSTILE })],
  ['unsaid invite, no contact', unsaidInviteCard({ sessionKey: 's' })],
  ['unsaid thanks with a contact', unsaidThanksCard({ sessionKey: 's', sent: 'note', safeguardingContact: HOSTILE })],
  ['quiet voices', quietVoicesCard({ sessionKey: 's', voices: voices(), anonymous: { notes: 3, pauses: 1 } })],
  ['quiet voices, nobody known', quietVoicesCard({ sessionKey: 's', voices: voices({ quiet: [], left: [], quietWithoutName: 0, present: 0, hadSay: 0 }), anonymous: { notes: 0, pauses: 0 } })],
  ['quiet voices, a crowd', quietVoicesCard({ sessionKey: 's', voices: voices({ quiet: Array.from({ length: 60 }, (_, i) => ({ rowKey: `n|${i}`, name: 'N'.repeat(100) })) }), anonymous: { notes: 0, pauses: 0 } })],
  ['report', anonymousReportCard({ sessionKey: 's', pauses: 2, newNotes: 2, notes: [HOSTILE, 'x'.repeat(1000)], continues: false, soFar: { notes: 4, pauses: 3 } })],
  ['report, ten long notes', anonymousReportCard({ sessionKey: 's', pauses: 0, newNotes: 12, notes: Array.from({ length: 10 }, () => 'é'.repeat(1000)), continues: true, soFar: { notes: 12, pauses: 0 } })],
  ['notes', unsaidNotesCard({ sessionKey: 's', notes: Array.from({ length: 40 }, () => 'é'.repeat(1000)) })],
  ['notes, none', unsaidNotesCard({ sessionKey: 's', notes: [] })],
];

test.each(cards)('%s is a valid Teams card', (_name, card) => {
  expectValidTeamsCard(card);
});

describe('the public unsaid card', () => {
  const card = unsaidInviteCard({ sessionKey: 's', safeguardingContact: 'Sam Jones, 01234 567890' });

  test('tells the four truths and shows the contact as plain text', () => {
    const text = found(card).markdown.join('\n');
    expect(text).toMatch(/facilitators will read/i);
    expect(text).toMatch(/cannot delete it later, because we do not know who wrote it/);
    expect(text).toMatch(/Do not put your name in it/);
    expect(found(card).plain).toContain('Sam Jones, 01234 567890');
    expect(found(unsaidInviteCard({ sessionKey: 's' })).markdown.join('\n')).toMatch(/need support, ask the meeting organiser/);
  });

  test('has no box to type in, only "Write something" and "I need a pause"', () => {
    const { types, buttons } = found(card);
    expect(types.filter((t) => t.startsWith('Input.'))).toEqual([]);
    expect(buttons.map((b) => [b.verb, b.title])).toEqual([
      ['unsaid.open', 'Write something'],
      ['break.requestPause', 'I need a pause'],
    ]);
    for (const button of buttons) expect(button.data).toEqual({ sessionKey: 's' });
  });
});

test('the thanks after a note repeats that it cannot be deleted and where to get support', () => {
  const { markdown, plain } = found(unsaidThanksCard({ sessionKey: 's', sent: 'note', safeguardingContact: HOSTILE }));
  expect(markdown.join('\n')).toMatch(/cannot delete it later/);
  expect(markdown.join('\n')).toMatch(/you can contact/);
  expect(plain).toContain(HOSTILE.replace('{{', '{\u200B{'));
  expect(markdown.join('\n')).not.toContain('evil.example');
});

describe('quiet voices card', () => {
  const card = quietVoicesCard({ sessionKey: 's', voices: voices(), anonymous: { notes: 3, pauses: 1 } });

  test('names are plain runs, never markdown, and each has its mark button', () => {
    const { markdown, plain, buttons } = found(card);
    expect(plain).toEqual(expect.arrayContaining(['Gabi', 'Dee']));
    expect(markdown.join('\n')).not.toMatch(/Gabi|Dee|evil/);
    expect(buttons).toContainEqual(expect.objectContaining({ verb: 'attendance.markLeft', data: { sessionKey: 's', person: 'p|user|29:gabi' } }));
    expect(buttons).toContainEqual(expect.objectContaining({ verb: 'attendance.markHere', data: { sessionKey: 's', person: 'p|user|29:dee' } }));
    expect(buttons).toContainEqual(expect.objectContaining({ verb: 'quietVoices.show', data: { sessionKey: 's', view: 'notes' } }));
  });

  test('says how many are here, how many spoke, and how many names it does not know', () => {
    const text = found(card).markdown.join('\n');
    expect(text).toContain('5 people are here. 1 of them have had a say.');
    expect(text).toContain('2 more people have joined');
    expect(text).toContain('Notes without names so far: 3. Requests for a pause so far: 1.');
  });

  test('a long list is cut with a count of the rest', () => {
    const many = quietVoicesCard({ sessionKey: 's', voices: voices({ quiet: Array.from({ length: 40 }, (_, i) => ({ rowKey: `n|${i}`, name: `P${i}` })) }), anonymous: { notes: 0, pauses: 0 } });
    expect(found(many).buttons.filter((b) => b.verb === 'attendance.markLeft')).toHaveLength(MAX_QUIET_LISTED);
    expect(found(many).markdown).toContain(`And ${40 - MAX_QUIET_LISTED} more.`);
  });
});

test('notes are plain runs, shown up to a limit with a count', () => {
  const { plain, markdown } = found(unsaidNotesCard({ sessionKey: 's', notes: [HOSTILE, ...Array.from({ length: 30 }, (_, i) => `note ${i}`)] }));
  expect(plain).toHaveLength(MAX_NOTES_SHOWN);
  expect(markdown).toContain(`Showing ${MAX_NOTES_SHOWN} of 31 notes.`);
  expect(markdown.join('\n')).not.toContain('evil.example');
});

test('the report says how many asked for a pause, and one pause reads naturally', () => {
  expect(found(anonymousReportCard({ sessionKey: 's', pauses: 1, newNotes: 0, notes: [], continues: false, soFar: { notes: 0, pauses: 1 } })).markdown).toContain('Someone has asked for a pause.');
  expect(found(anonymousReportCard({ sessionKey: 's', pauses: 3, newNotes: 0, notes: [], continues: false, soFar: { notes: 0, pauses: 3 } })).markdown).toContain('3 requests for a pause have come in.');
});

describe('our own words', () => {
  const strings: [string, string][] = [];
  const collect = (value: unknown, path: string): void => {
    if (typeof value === 'string') strings.push([path, value]);
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) collect(v, `${path}.${k}`);
  };
  collect(voicesStrings, 'voices');

  test.each(strings)('%s passes the plain-English checker and has no web address', (_path, text) => {
    expect(checkPlainEnglish(text)).toEqual([]);
    expect(text).not.toMatch(/https?:|www\./);
  });
});
