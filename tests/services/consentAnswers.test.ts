/**
 * Consent answers through the real endpoint: the standing card posted once, each person answering
 * for themselves and seeing only their own choices, a genuine change of mind recorded as events in
 * order, repeats and replays adding nothing, forged card data changing nothing, easy read recorded
 * as such, and a public card that only ever shows a count.
 */
import { sha256 } from '../../bot/core/consentLedger';
import { resolveWithdrawalCode } from '../../bot/core/withdrawalTokens';
import { consentWording } from '../../bot/services/consentWording';
import { expectValidTeamsCard } from '../support/cardChecks';
import { CHAT, PEOPLE, cardOf, personalChatOf, startMeeting, textOf, type MeetingHarness, type TestPerson } from '../support/meetingHarness';
import {
  CONTACT, SESSION_KEY, answer, button, choiceData, eventsOf, everything, expectMeetingChatShowsNoWhoOrWhat, personRow, postedConsentCard, setUpSession, storedEvents,
} from './consentKit';

let m: MeetingHarness;

beforeEach(async () => {
  m = await startMeeting();
  await setUpSession(m);
});
afterEach(() => m.stop());

async function postCard(): Promise<Record<string, unknown>> {
  const typed = await m.say('fola', 'consent');
  expect(typed.status).toBe(200);
  await m.settle();
  return postedConsentCard(m);
}

function consentPosts() {
  return m.sent(CHAT).filter((c) => c.method === 'POST' && textOf(cardOf(c)).includes('Recording and notes: you choose'));
}

test('before the card is posted an attendee\'s `consent` says so and posts nothing', async () => {
  await m.say('gabi', 'consent');
  await m.settle();
  expect(consentPosts()).toHaveLength(0);
  expect(textOf(m.sent(CHAT)[0].body)).toContain('not in the chat yet');
});

test('a facilitator\'s `consent` posts one standing card; again, or at the meeting start, adds no second card', async () => {
  const card = await postCard();
  expectValidTeamsCard(card);
  expect(textOf(card)).toContain(CONTACT);
  expect(textOf(card)).toContain('Coproduce cannot stop a recording itself');

  await m.openPersonalChats('fola');
  const again = await m.say('fola', 'consent');
  expect(again.status).toBe(200);
  await m.meetingEvent('start', { casing: 'camel' });
  await m.settle();
  expect(consentPosts()).toHaveLength(1);
  // The facilitator's second `consent` sends the current picture to their own 1:1 chat, nowhere else.
  const privateView = m.sent(personalChatOf('fola')).map((c) => textOf(c.body)).join(' ');
  expect(privateView).toContain('Consent: for facilitators only');
  expectMeetingChatShowsNoWhoOrWhat(m);
});

test('the meeting start posts the card when the session exists; an attendee\'s `consent` only points at it', async () => {
  await m.meetingEvent('start', { casing: 'pascal' });
  await m.settle();
  expect(consentPosts()).toHaveLength(1);
  await m.say('ash', 'consent');
  await m.settle();
  expect(consentPosts()).toHaveLength(1);
  const reply = m.sent(CHAT)[m.sent(CHAT).length - 1];
  expect(textOf(reply.body)).toBe('The consent card is in the chat above. Only you see your own answers.');
  expectMeetingChatShowsNoWhoOrWhat(m);
});

test('several people answer for themselves: each sees only their own choices; the public card shows only a count', async () => {
  const card = await postCard();
  const ash = await answer(m, 'ash', { recording: 'agree', transcript: 'agree' }, card);
  expect(ash.body?.statusCode).toBe(200);
  expectValidTeamsCard(ash.body?.value);
  const ashSees = textOf(ash.body?.value);
  expect(ashSees).toContain('Your choices are saved.');
  expect(ashSees).toContain('You can change your mind at any time');
  // Their personal code, shown only here, opens their own record and nobody else's.
  const code = ashSees.match(/[A-Za-z0-9_-]{43}/)?.[0];
  expect(code).toBeDefined();
  const target = await resolveWithdrawalCode(m.running.app.store, code);
  expect(target).toEqual({ sessionKey: SESSION_KEY, subjectId: (await personRow(m, PEOPLE.ash))?.subjectId });

  const gabi = await m.press('gabi', 'consent.decline', button(card, 'consent.decline').data);
  expect(textOf(gabi.body?.value)).toContain('Your choices are saved.');
  expect(textOf(gabi.body?.value)).not.toMatch(/[A-Za-z0-9_-]{43}/); // said not now to all: no code needed
  await answer(m, 'cal', { named: 'agree' }, card);

  expect((await eventsOf(m, PEOPLE.ash)).map((e) => [e.scope, e.kind])).toEqual([
    ['recording', 'agree'], ['transcript', 'agree'], ['aiSummary', 'decline'], ['named', 'decline'], ['quoted', 'decline'],
  ]);
  expect((await eventsOf(m, PEOPLE.gabi)).every((e) => e.kind === 'decline' && e.method === 'card')).toBe(true);

  m.clock.advance(13_000);
  await m.settle();
  const edits = m.sent(CHAT).filter((c) => c.method === 'PUT');
  expect(edits).toHaveLength(1);
  expect(textOf(cardOf(edits[0]))).toContain('3 of 3 have answered');
  expectMeetingChatShowsNoWhoOrWhat(m, [code as string]);
  expect(m.sent(personalChatOf('ash'))).toHaveLength(0);
});

test('agree, then not now, then agree again is three events in order; repeating a choice adds nothing', async () => {
  const card = await postCard();
  await answer(m, 'ash', { recording: 'agree' }, card);
  await answer(m, 'ash', { recording: 'notNow' }, card);
  const third = await answer(m, 'ash', { recording: 'agree' }, card);
  expect(textOf(third.body?.value)).toContain('Your choices are saved.');
  const repeat = await answer(m, 'ash', { recording: 'agree' }, card);
  expect(textOf(repeat.body?.value)).toContain('nothing changed');

  const recording = (await eventsOf(m, PEOPLE.ash)).filter((e) => e.scope === 'recording');
  expect(recording.map((e) => e.kind)).toEqual(['agree', 'withdraw', 'agree']);
  expect(recording.map((e) => e.seq)).toEqual([...recording.map((e) => e.seq)].sort((a, b) => a - b));
  expect((await eventsOf(m, PEOPLE.ash)).filter((e) => e.scope !== 'recording').every((e) => e.kind === 'decline')).toBe(true);
});

test('the same press delivered twice, even at the same moment, makes one event', async () => {
  const card = await postCard();
  const data = { ...button(card, 'consent.give').data, ...choiceData({ quoted: 'agree' }) };
  const [first, second] = await Promise.all([m.press('gabi', 'consent.give', data), m.press('gabi', 'consent.give', data)]);
  expect([first.body?.statusCode, second.body?.statusCode]).toEqual([200, 200]);
  await m.press('gabi', 'consent.give', data);
  const quoted = (await eventsOf(m, PEOPLE.gabi)).filter((e) => e.scope === 'quoted');
  expect(quoted).toHaveLength(1);
  expect(await eventsOf(m, PEOPLE.gabi)).toHaveLength(5);
});

test('forged card data naming another session is refused with 403, and naming another person changes only the presser', async () => {
  const card = await postCard();
  const other = await setUpSession(m, { meetingId: 'another-meeting', conversationId: '19:another-chat@thread.v2' });
  const forged = await m.press('ash', 'consent.give', { ...button(card, 'consent.give').data, sessionKey: other, ...choiceData(everything('agree')) });
  expect(forged.body).toMatchObject({ statusCode: 403 });
  expect(await storedEvents(m, other)).toHaveLength(0);

  await answer(m, 'gabi', { recording: 'agree' }, card);
  const gabiBefore = await eventsOf(m, PEOPLE.gabi);
  const gabiRow = await personRow(m, PEOPLE.gabi);
  const pretending = { ...button(card, 'consent.give').data, ...choiceData({}), subjectId: gabiRow?.subjectId, who: 'aad|x|y', userId: PEOPLE.gabi.id, aadObjectId: PEOPLE.gabi.aadObjectId };
  await m.press('ash', 'consent.give', pretending);
  expect(await eventsOf(m, PEOPLE.gabi)).toEqual(gabiBefore);
  expect((await eventsOf(m, PEOPLE.ash)).every((e) => e.actorSubjectId === e.subjectId)).toBe(true);
});

test('a choice that is missing or not Yes / Not now is refused and saves nothing', async () => {
  const card = await postCard();
  const { consentRecording: _dropped, ...partial } = choiceData({});
  expect((await m.press('ash', 'consent.give', { ...button(card, 'consent.give').data, ...partial })).body).toMatchObject({ statusCode: 400 });
  expect((await m.press('ash', 'consent.give', { ...button(card, 'consent.give').data, ...choiceData({}), consentNamed: 'maybe' })).body).toMatchObject({ statusCode: 400 });
  expect(await storedEvents(m)).toHaveLength(0);
});

test('someone Teams does not identify is told politely, and nothing is saved', async () => {
  const card = await postCard();
  const nobody: TestPerson = { key: 'nobody', id: '', aadObjectId: '', name: '', role: 'Attendee' };
  const pressed = await m.press(nobody, 'consent.give', { ...button(card, 'consent.give').data, ...choiceData(everything('agree')) });
  expect(pressed.status).toBe(200);
  expect(JSON.stringify(pressed.body)).toContain('could not tell who you are');
  expect(await storedEvents(m)).toHaveLength(0);
});

test('easy read comes back to the presser only, and saving from it records the easy-read wording\'s hash', async () => {
  const card = await postCard();
  const easy = await m.press('cal', 'consent.easyRead', button(card, 'consent.easyRead').data);
  expectValidTeamsCard(easy.body?.value);
  expect(textOf(easy.body?.value)).toContain('The app cannot stop a recording.');
  const expected = consentWording('easyRead', CONTACT);
  const saved = await answer(m, 'cal', { recording: 'agree' }, easy.body?.value);
  expect(saved.body?.statusCode).toBe(200);
  const events = await eventsOf(m, PEOPLE.cal);
  expect(events).toHaveLength(5);
  for (const e of events) expect(e.wording).toEqual({ variant: 'easyRead', hash: expected.hash });
  expect(expected.hash).toBe(sha256(expected.text));
  // The standard card's presses carry the standard wording's hash.
  await answer(m, 'ash', {}, card);
  for (const e of await eventsOf(m, PEOPLE.ash)) expect(e.wording).toEqual({ variant: 'standard', hash: consentWording('standard', CONTACT).hash });
  // A made-up hash is not believed: the wording actually shown is recorded instead.
  await m.press('gabi', 'consent.give', { ...button(card, 'consent.give').data, wordingHash: 'f'.repeat(64), ...choiceData({}) });
  for (const e of await eventsOf(m, PEOPLE.gabi)) expect(e.wording.hash).toBe(consentWording('standard', CONTACT).hash);
  expect(m.sent(CHAT).some((c) => textOf(c.body).includes('The app cannot stop a recording.'))).toBe(false);
});
