/**
 * Setting up a session and its purpose, through the real endpoint: the neutral prompt at a meeting
 * start, the form only for people allowed to use it, one session per occurrence, the purpose
 * posted at the start, and "did we do what we came for?" answered by each person for themselves.
 */
import { loadSession, saveSetup } from '../../bot/core/sessionStore';
import { occurrenceKey } from '../../bot/core/session';
import { PURPOSE_ANSWERS_TABLE } from '../../bot/core/purposeAnswers';
import { expectValidTeamsCard } from '../support/cardChecks';
import { CHAT, MEETING_ID, MEETING_START, PEOPLE, cardOf, personalChatOf, startMeeting, textOf, type MeetingHarness } from '../support/meetingHarness';

let m: MeetingHarness;
const sessionKey = occurrenceKey(MEETING_ID, MEETING_START.toISOString()) as string;

beforeEach(async () => {
  m = await startMeeting();
});
afterEach(() => m.stop());

const form = { outcome: 'Agree three changes to transport booking', openToUnexpected: 'true', capture: 'A notetaker' };

async function setUp(extra: Record<string, unknown> = {}) {
  const opened = await m.press('fola', 'setup.open', {});
  expect(opened.body?.statusCode).toBe(200);
  return m.press('fola', 'setup.save', { ...form, facilitators: PEOPLE.pria.aadObjectId, ...extra });
}

function meetingChatText(): string {
  return m.sent(CHAT).map((call) => textOf(call.body)).join('\n');
}

test.each(['pascal', 'camel'] as const)('a meeting start (%sCase) with no session posts the neutral setup prompt once', async (casing) => {
  await m.meetingEvent('start', { casing });
  await m.meetingEvent('start', { casing });
  await m.settle();
  const posts = m.sent(CHAT);
  expect(posts).toHaveLength(1);
  const card = cardOf(posts[0]);
  expectValidTeamsCard(card);
  expect(textOf(card)).toContain('No co-production session has been set up');
  expect(textOf(card)).not.toMatch(/Fola|Pria|Ash/);
});

test('only the organiser or a presenter can open the form; an attendee is refused politely', async () => {
  const refused = await m.press('ash', 'setup.open', {});
  expect(refused.body).toMatchObject({ statusCode: 403 });
  expect(JSON.stringify(refused.body)).toContain('Only the meeting organiser or a presenter');
  const opened = await m.press('pria', 'setup.open', {});
  expect(opened.body?.type).toBe('application/vnd.microsoft.card.adaptive');
  expectValidTeamsCard(opened.body?.value);
  expect(textOf(opened.body?.value)).toContain('Only you can see this form');
});

test('saving creates one session with the creator and the people named as facilitators; a second save edits it', async () => {
  const created = await setUp();
  expect(created.body?.statusCode).toBe(200);
  expect(textOf(created.body?.value)).toContain('You are a facilitator');
  // Fola has no 1:1 chat with the bot yet, so is told how to get private messages.
  expect(textOf(created.body?.value)).toContain('cannot send you private messages yet');

  const stored = await loadSession(m.running.app.store, sessionKey);
  expect(stored?.session.purpose.outcome).toBe(form.outcome);
  expect(stored?.session.facilitators).toEqual([
    { tenantId: expect.any(String), aadObjectId: PEOPLE.fola.aadObjectId },
    { tenantId: expect.any(String), aadObjectId: PEOPLE.pria.aadObjectId },
  ]);
  expect(stored?.session.timeZone).toBe('Europe/London');

  await m.openPersonalChats('fola');
  const edited = await m.press('pria', 'setup.save', { ...form, outcome: 'Agree two changes', sessionKey });
  expect(textOf(edited.body?.value)).toContain('setup is saved');
  const after = await loadSession(m.running.app.store, sessionKey);
  expect(after?.session.version).toBe(2);
  expect(after?.session.creator).toEqual(stored?.session.creator); // the creator never changes
  expect(after?.session.purpose.outcome).toBe('Agree two changes');
});

test('an attendee cannot change the setup, and nothing changes', async () => {
  await setUp();
  const refused = await m.press('ash', 'setup.save', { ...form, outcome: 'Hijacked', sessionKey });
  expect(refused.body).toMatchObject({ statusCode: 403 });
  expect((await loadSession(m.running.app.store, sessionKey))?.session.purpose.outcome).toBe(form.outcome);
  const typed = await m.say('ash', 'setup');
  expect(typed.status).toBe(200);
});

test('a form without an outcome, or with unreadable people, is refused with a plain message and saves nothing', async () => {
  const empty = await m.press('fola', 'setup.save', { outcome: '   ' });
  expect(empty.body).toMatchObject({ statusCode: 400 });
  expect(JSON.stringify(empty.body)).toContain('Say what you hope the session will achieve');
  const badPeople = await m.press('fola', 'setup.save', { ...form, facilitators: 'not-an-id,<script>' });
  expect(badPeople.body).toMatchObject({ statusCode: 400 });
  expect(await loadSession(m.running.app.store, sessionKey)).toBeUndefined();
});

test('a card naming another meeting\'s session is refused and changes nothing there', async () => {
  const other = await saveSetup(
    m.running.app.store,
    { meetingId: 'other-meeting', conversationId: '19:other-chat@thread.v2', occurrenceStart: MEETING_START.toISOString(), purpose: { outcome: 'Theirs', openToUnexpected: false } },
    { tenantId: 't', aadObjectId: PEOPLE.fola.aadObjectId },
    MEETING_START,
  );
  if (!other.ok) throw new Error('setup failed');
  const forged = await m.press('fola', 'setup.save', { ...form, outcome: 'Overwritten', sessionKey: other.value.sessionKey });
  expect(forged.body).toMatchObject({ statusCode: 403 });
  expect((await loadSession(m.running.app.store, other.value.sessionKey))?.session.purpose.outcome).toBe('Theirs');
});

test('with a session, the meeting start posts the purpose once; `purpose` shows it again', async () => {
  await setUp();
  await m.meetingEvent('start', { casing: 'camel' });
  await m.meetingEvent('start', { casing: 'pascal' });
  await m.settle();
  const heading = (call: Parameters<typeof cardOf>[0]) => (cardOf(call)?.body as { text?: string }[] | undefined)?.[0]?.text;
  const purposePosts = m.sent(CHAT).filter((call) => heading(call) === 'Why we are here');
  expect(purposePosts).toHaveLength(1);
  expectValidTeamsCard(cardOf(purposePosts[0]));
  expect(textOf(cardOf(purposePosts[0]))).toContain(form.outcome);
  expect(textOf(cardOf(purposePosts[0]))).toContain('A notetaker');
  const typed = await m.say('ash', 'purpose');
  expect(typed.status).toBe(200);
});

test('"did we do what we came for?": each person answers for themselves, privately; the public count is batched', async () => {
  await setUp();
  expect((await m.press('ash', 'purpose.ask', { sessionKey })).body).toMatchObject({ statusCode: 403 });
  const asked = await m.press('fola', 'purpose.ask', { sessionKey });
  expect(JSON.stringify(asked.body)).toContain('The question is in the chat now');
  expect(JSON.stringify((await m.press('pria', 'purpose.ask', { sessionKey })).body)).toContain('already been asked');
  await m.settle();
  const question = m.sent(CHAT).find((call) => textOf(cardOf(call)).includes('Did we do what we came for?'));
  expect(question).toBeDefined();
  expectValidTeamsCard(cardOf(question!));

  const ash = await m.press('ash', 'purpose.answer', { sessionKey, answer: 'partly', purposeReason: 'We ran out of time for buses' });
  expect(textOf(ash.body?.value)).toContain('Partly');
  expect(textOf(ash.body?.value)).toContain('We ran out of time for buses');
  await m.press('gabi', 'purpose.answer', { sessionKey, answer: 'yes' });
  const changed = await m.press('ash', 'purpose.answer', { sessionKey, answer: 'yes' });
  expect(textOf(changed.body?.value)).toContain('Yes');
  const again = await m.press('ash', 'purpose.answer', { sessionKey, answer: 'yes' });
  expect(textOf(again.body?.value)).toContain('same as before');
  expect((await m.press('ash', 'purpose.answer', { sessionKey, answer: 'maybe' })).body).toMatchObject({ statusCode: 400 });
  expect((await m.press('ash', 'purpose.answer', { sessionKey, answer: 'no', purposeReason: 'x'.repeat(1001) })).body).toMatchObject({ statusCode: 400 });

  const rows = await m.running.app.store.query(PURPOSE_ANSWERS_TABLE, sessionKey);
  expect(rows.entities).toHaveLength(2);

  // No edit before the batch window ends; one edit after it, with the count and no answers or names.
  await m.settle();
  const editsBefore = m.sent(CHAT).filter((call) => call.method === 'PUT');
  expect(editsBefore).toHaveLength(0);
  m.clock.advance(13_000);
  await m.settle();
  const edits = m.sent(CHAT).filter((call) => call.method === 'PUT');
  expect(edits).toHaveLength(1);
  expect(textOf(cardOf(edits[0]))).toMatch(/2 (of \d+ )?(people )?have answered/);
  const chat = meetingChatText();
  expect(chat).not.toContain('We ran out of time for buses');
  expect(chat).not.toMatch(/Ash|Gabi/);
  // Private replies never went to anyone's 1:1 chat either: the answer came back in the invoke.
  expect(m.sent(personalChatOf('ash'))).toHaveLength(0);
});

test('unhelpful wording in the purpose gets a private suggestion to the facilitator, never a word in the meeting chat', async () => {
  await m.openPersonalChats('fola');
  await setUp({ outcome: 'Ask service users what they think of the new booking line' });
  await m.settle();
  const privately = m.sent(personalChatOf('fola')).map((call) => textOf(call.body)).join('\n');
  expect(privately).toMatch(/service users/i);
  expect(meetingChatText()).not.toMatch(/service users/i);
});

test('the side panel\'s "post the purpose" puts the purpose card in the chat; an attendee cannot', async () => {
  await setUp();
  expect((await m.press('ash', 'purpose.post', { sessionKey })).body).toMatchObject({ statusCode: 403 });
  const posted = await m.press('fola', 'purpose.post', { sessionKey });
  expect(JSON.stringify(posted.body)).toContain('The purpose is in the chat now');
  await m.settle();
  const cards = m.sent(CHAT).filter((call) => (cardOf(call)?.body as { text?: string }[] | undefined)?.[0]?.text === 'Why we are here');
  expect(cards).toHaveLength(1);
});
