/**
 * Unsaid notes and "I need a pause" through the real endpoint (DESIGN.md "Anonymity"): the public
 * card is neutral; the writing card and the thanks reach only the presser; stored rows hold no
 * author, no time and a random key; facilitators hear in batches, privately, never right after a
 * click; the meeting chat and the logs never show who.
 */
import { ANONYMOUS_TABLE, anonymousPartition } from '../../bot/core/anonymous';
import { pseudonymizer } from '../../bot/log';
import { cardOf, CHAT, PEOPLE, textOf, type MeetingHarness, type PersonName } from '../support/meetingHarness';
import { buttonsOf, identitiesOf, invokeCard, invokeMessage, meetingChatText, meetingWithSession, openChats, privateCards } from './voicesKit';

let m: MeetingHarness;
let sessionKey: string;
const CONTACT = 'Sam Jones, safeguarding lead, 01234 567890';

beforeEach(async () => {
  ({ m, sessionKey } = await meetingWithSession({ safeguardingContact: CONTACT }));
  await openChats(m, 'fola', 'pria');
});

afterEach(async () => {
  await m.stop();
});

async function rows(kind: 'unsaid' | 'pause') {
  return (await m.running.app.store.query(ANONYMOUS_TABLE, anonymousPartition(sessionKey, kind))).entities;
}

function expectNobodyNamed(value: unknown, ...who: PersonName[]): void {
  const text = JSON.stringify(value);
  for (const identity of identitiesOf(...who)) expect(text).not.toContain(identity);
  expect(text).not.toMatch(/29:user-|userId|aadObjectId|author|createdAt|sentAt|\d{4}-\d{2}-\d{2}T/);
}

/** Sets the clock to minutes:seconds past 10:00 on the meeting day. */
function at(minutes: number, seconds = 0): void {
  m.clock.set(new Date(Date.UTC(2026, 10, 26, 10, minutes, seconds)));
}

async function reportsTo(who: PersonName) {
  await m.settle();
  return privateCards(m, who).filter((card) => card.fallbackText === 'From the session, without names');
}

test('unsaid posts a neutral card; writing happens in the presser\'s own view', async () => {
  await m.say('gabi', 'unsaid');
  const posted = m.sent(CHAT).map(cardOf).find((card) => card?.fallbackText?.toString().startsWith('Say something without your name'));
  expect(posted).toBeDefined();
  expect(JSON.stringify(posted)).not.toContain('Input.Text');
  expect(textOf(posted)).toContain(CONTACT);
  expect(buttonsOf(posted).map((b) => b.verb)).toEqual(['unsaid.open', 'break.requestPause']);

  const before = m.sent(CHAT).length;
  const writing = invokeCard(await m.press('ash', 'unsaid.open', { sessionKey }));
  expect(JSON.stringify(writing)).toContain('"Input.Text"');
  expect(textOf(writing)).toContain('cannot delete it later');
  expect(buttonsOf(writing).map((b) => b.verb)).toEqual(['unsaid.send', 'break.requestPause']);
  await m.settle();
  expect(m.sent(CHAT)).toHaveLength(before);
});

test('a note is stored with no author, no time and a random key, and the writer is thanked privately', async () => {
  const sent = await m.press('ash', 'unsaid.send', { sessionKey, unsaidText: '  The room was too hot and I could not say so  ' });
  const thanks = invokeCard(sent);
  expect(textOf(thanks)).toContain('Your note has no name on it');
  expect(textOf(thanks)).toContain('we cannot delete it later');
  expect(textOf(thanks)).toContain(CONTACT);
  expect(textOf(thanks)).not.toContain('too hot');

  const stored = await rows('unsaid');
  expect(stored).toHaveLength(1);
  const [row] = stored;
  expect(Object.keys(row.props).sort()).toEqual(['batch', 'kind', 'sessionKey', 'text']);
  expect(row.props.text).toBe('The room was too hot and I could not say so');
  expect(row.rowKey).toMatch(/^[A-Za-z0-9_-]{16,}$/);
  expectNobodyNamed({ partitionKey: row.partitionKey, rowKey: row.rowKey, props: row.props }, 'ash');

  await m.settle();
  expectNobodyNamed(meetingChatText(m), 'ash');
  // Logs carry no id at all for an anonymous action: not raw, not hashed.
  const logs = m.running.logs.join('\n');
  const pseudonym = pseudonymizer(m.running.config.pseudonymKey);
  expect(logs).not.toContain('too hot');
  for (const identity of [...identitiesOf('ash'), PEOPLE.ash.id, PEOPLE.ash.aadObjectId].flatMap((id) => [id, pseudonym(id) as string])) {
    expect(logs).not.toContain(identity);
  }
});

test('an empty or over-long note gets a short answer and nothing is stored', async () => {
  expect(invokeMessage(await m.press('ash', 'unsaid.send', { sessionKey, unsaidText: '   ' }))).toMatch(/Please write something/);
  expect(invokeMessage(await m.press('ash', 'unsaid.send', { sessionKey }))).toMatch(/Please write something/);
  expect(invokeMessage(await m.press('ash', 'unsaid.send', { sessionKey, unsaidText: 'x'.repeat(1001) }))).toMatch(/keep it to 1000 characters/);
  expect(await rows('unsaid')).toEqual([]);
});

test('facilitators get the notes privately, in a batch, and never straight after a click', async () => {
  at(0, 30);
  await m.press('ash', 'unsaid.send', { sessionKey, unsaidText: 'Please slow down a bit' });
  at(4, 59);
  await m.press('gabi', 'unsaid.send', { sessionKey, unsaidText: 'I felt talked over' });
  at(5, 0); // the window closed a second after Gabi's click: still nothing
  expect(await reportsTo('fola')).toEqual([]);
  at(9, 59);
  expect(await reportsTo('fola')).toEqual([]);

  at(10, 0);
  const [report] = await reportsTo('fola');
  expect(textOf(report)).toContain('There are 2 new notes without names');
  expect(textOf(report)).toContain('Please slow down a bit');
  expect(textOf(report)).toContain('I felt talked over');
  expect(await reportsTo('pria')).toHaveLength(1); // every facilitator who can be reached
  expectNobodyNamed(report, 'ash', 'gabi');

  // Settling again sends nothing twice.
  at(20, 0);
  expect(await reportsTo('fola')).toHaveLength(1);

  // Facilitators can read every note again in their 1:1 chat, but not in the meeting chat.
  const inChat = await m.press('fola', 'quietVoices.show', { sessionKey, view: 'notes' });
  expect(invokeMessage(inChat)).toMatch(/only shown in your 1:1 chat/);
  const notes = invokeCard(await m.press('fola', 'quietVoices.show', { sessionKey, view: 'notes' }, { personal: true }));
  expect(textOf(notes)).toContain('I felt talked over');

  const chat = meetingChatText(m);
  expect(chat).not.toContain('slow down');
  expect(chat).not.toContain('talked over');
  expect(chat).not.toMatch(/new notes?/);
});

test('an attendee cannot read the notes', async () => {
  await m.press('ash', 'unsaid.send', { sessionKey, unsaidText: 'A private worry' });
  at(30);
  await m.settle();
  const pressed = await m.press('gabi', 'quietVoices.show', { sessionKey, view: 'notes' });
  expect(pressed.body?.statusCode).toBe(403);
  expect(JSON.stringify(pressed.body)).not.toContain('A private worry');
});

test('"I need a pause" is anonymous, thanks the presser, and reaches facilitators as a batched count', async () => {
  at(1);
  const first = await m.press('ash', 'break.requestPause', { sessionKey });
  expect(textOf(invokeCard(first))).toContain('Thank you for telling us');
  at(3);
  await m.press('cal', 'break.requestPause', { sessionKey });
  await m.press('cal', 'break.requestPause', { sessionKey }); // we cannot tell a second press from a second person

  const stored = await rows('pause');
  expect(stored).toHaveLength(3);
  for (const row of stored) {
    expect(Object.keys(row.props).sort()).toEqual(['batch', 'kind', 'sessionKey']);
    expectNobodyNamed({ rowKey: row.rowKey, props: row.props }, 'ash', 'cal');
  }

  at(9);
  expect(await reportsTo('fola')).toEqual([]);
  at(10);
  const [report] = await reportsTo('fola');
  expect(textOf(report)).toContain('3 requests for a pause have come in.');
  expectNobodyNamed(report, 'ash', 'cal');

  // The next window's single request comes on its own, later.
  at(12);
  await m.press('gabi', 'break.requestPause', { sessionKey });
  at(15);
  expect(await reportsTo('fola')).toHaveLength(1);
  at(20);
  const reports = await reportsTo('fola');
  expect(reports).toHaveLength(2);
  expect(textOf(reports[1])).toContain('Someone has asked for a pause.');
  expect(textOf(reports[1])).toContain('So far in this session: 0 notes and 4 requests for a pause.');

  const chat = meetingChatText(m);
  expect(chat).not.toMatch(/pause/i);
  expectNobodyNamed(chat, 'ash', 'cal', 'gabi');
});

test('a pause request or note naming a session that is not this chat\'s stores nothing', async () => {
  const forged = await m.press('ash', 'break.requestPause', { sessionKey: 'session|someone-else|2026-11-26' });
  expect(forged.body?.statusCode).toBe(404);
  const missing = await m.press('ash', 'unsaid.send', { unsaidText: 'hello' });
  expect(missing.body?.statusCode).toBe(400);
  expect(await rows('pause')).toEqual([]);
  expect(await rows('unsaid')).toEqual([]);
});
