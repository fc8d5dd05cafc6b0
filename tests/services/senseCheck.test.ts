/**
 * A sense check through the real endpoint: several people answer, one changes their mind, one
 * presses twice, one forges another meeting's session, one names a sense check that does not
 * exist, an attendee tries to close it. Closing shows the split in the chat and sends the
 * outnumbered answers and "what we missed" to the facilitators privately.
 */
import { SENSE_ANSWERS_TABLE, answerPartition } from '../../bot/core/senseCheck';
import { expectValidTeamsCard } from '../support/cardChecks';
import { CHAT, cardOf, personalChatOf, startMeeting, textOf, type MeetingHarness } from '../support/meetingHarness';
import {
  SESSION_KEY,
  answerData,
  buttonsOf,
  edits,
  expectNothingPrivateInMeetingChat,
  postedSenseChecks,
  setUpSession,
  storedAnswers,
} from './senseCheckKit';

let m: MeetingHarness;

beforeEach(async () => {
  m = await startMeeting();
  await setUpSession(m);
  await m.openPersonalChats('fola');
});
afterEach(() => m.stop());

/** Everyone joins, so the tally can say "of 5". */
async function everyoneJoins() {
  await m.meetingEvent('join', { who: ['fola', 'pria', 'ash', 'gabi', 'cal'] });
  await m.settle();
}

async function postOne(statement = 'Booking transport takes too many phone calls') {
  const typed = await m.say('fola', `sense check ${statement}`);
  expect(typed.status).toBe(200);
  await m.settle();
  const posted = postedSenseChecks(m);
  expect(posted).toHaveLength(1);
  return posted[0];
}

test('a typed sense check posts "here is what we heard" with the statement as plain text and a button per answer', async () => {
  await everyoneJoins();
  const { card } = await postOne('Booking transport takes **too many** calls');
  expectValidTeamsCard(card);
  expect(textOf(card)).toContain('Booking transport takes **too many** calls');
  expect(textOf(card)).toContain('0 of 5 have answered');
  expect(buttonsOf(card).filter((b) => b.verb === 'senseCheck.answer').map((b) => b.title)).toEqual(['Agree', 'Partly', 'Disagree']);
  for (const b of buttonsOf(card)) expect(b.data.sessionKey).toBe(SESSION_KEY);
});

test('several people answer; a changed answer is one row with the latest level; the same press twice records one answer', async () => {
  await everyoneJoins();
  const { card, senseCheckId } = await postOne();

  const ash = await m.press('ash', 'senseCheck.answer', answerData(card, 0, 'agree'));
  expect(ash.body?.type).toBe('application/vnd.microsoft.card.adaptive');
  expectValidTeamsCard(ash.body?.value);
  expect(textOf(ash.body?.value)).toContain('You said: Agree');
  expect(textOf(ash.body?.value)).toContain('Only you can see this');

  const again = await m.press('ash', 'senseCheck.answer', answerData(card, 0, 'agree'));
  expect(textOf(again.body?.value)).toContain('Your answer is the same as before');

  await m.press('gabi', 'senseCheck.answer', answerData(card, 0, 'agree'));
  const changed = await m.press('gabi', 'senseCheck.answer', answerData(card, 0, 'disagree', 'Nobody asked the drivers'));
  expect(textOf(changed.body?.value)).toContain('You said: Disagree');
  expect(textOf(changed.body?.value)).toContain('Nobody asked the drivers');
  await m.press('cal', 'senseCheck.answer', answerData(card, 0, 'agree'));

  const rows = await storedAnswers(m, SESSION_KEY, senseCheckId);
  expect(rows).toHaveLength(3);
  expect(rows.map((r) => r.level).sort()).toEqual(['agree', 'agree', 'disagree']);
  expect(rows.find((r) => r.level === 'disagree')?.missed).toBe('Nobody asked the drivers');
  for (const r of rows) expect(r.method).toBe('self');

  // The tally moves only through the coalesced edit, and shows no split while open.
  m.clock.advance(12_000);
  await m.settle();
  const [edit] = edits(m);
  expect(textOf(cardOf(edit))).toContain('3 of 5 have answered');
  expect(textOf(cardOf(edit))).not.toMatch(/Agree: \d/);
  expectNothingPrivateInMeetingChat(m, ['Nobody asked the drivers']);
});

test('a forged session (another meeting) or an unknown sense check is refused and changes nothing', async () => {
  const { card, senseCheckId } = await postOne();
  const otherKey = await setUpSession(m, { meetingId: 'MCMxOTpvdGhlcg==', conversationId: '19:meeting_other@thread.v2' });

  const forged = await m.press('ash', 'senseCheck.answer', { ...answerData(card, 0, 'disagree'), sessionKey: otherKey });
  expect(forged.body).toMatchObject({ statusCode: 403 });
  expect(JSON.stringify(forged.body)).toContain('different meeting');

  const unknown = await m.press('ash', 'senseCheck.answer', { ...answerData(card, 0, 'disagree'), senseCheckId: '00000000-dead-4bee-8000-000000000000' });
  expect(unknown.body).toMatchObject({ statusCode: 404 });
  expect(JSON.stringify(unknown.body)).toContain('cannot find this sense check');

  const malformed = await m.press('ash', 'senseCheck.answer', { ...answerData(card, 0, 'disagree'), senseCheckId: '../../etc' });
  expect(malformed.body).toMatchObject({ statusCode: 400 });
  const badLevel = await m.press('ash', 'senseCheck.answer', { ...answerData(card, 0, 'disagree'), level: 'strongly' });
  expect(badLevel.body).toMatchObject({ statusCode: 400 });
  const noSuchPoint = await m.press('ash', 'senseCheck.answer', { ...answerData(card, 0, 'disagree'), statementIndex: 3 });
  expect(noSuchPoint.body).toMatchObject({ statusCode: 400 });
  const closeUnknown = await m.press('fola', 'senseCheck.close', { sessionKey: SESSION_KEY, senseCheckId: '00000000-dead-4bee-8000-000000000000' });
  expect(closeUnknown.body).toMatchObject({ statusCode: 404 });
  const closeForged = await m.press('fola', 'senseCheck.close', { sessionKey: otherKey, senseCheckId });
  expect(closeForged.body).toMatchObject({ statusCode: 403 });
  const stillOpen = await m.press('gabi', 'senseCheck.answer', answerData(card, 0, 'agree'));
  expect(textOf(stillOpen.body?.value)).toContain('You said: Agree');

  expect((await storedAnswers(m, SESSION_KEY, senseCheckId)).map((a) => a.level)).toEqual(['agree']);
  const otherRows = await m.running.app.store.query(SENSE_ANSWERS_TABLE, answerPartition(otherKey, senseCheckId));
  expect(otherRows.entities).toEqual([]);
  m.clock.advance(12_000);
  await m.settle();
  expect(edits(m).map((c) => textOf(cardOf(c)))).toEqual([expect.stringContaining('Does this match what you heard?')]);
});

test('an attendee cannot close it; a facilitator closes it once; the split is public, the rest private', async () => {
  await everyoneJoins();
  const { card, senseCheckId } = await postOne();
  const closeData = buttonsOf(card).find((b) => b.verb === 'senseCheck.close')?.data;
  expect(closeData).toEqual({ sessionKey: SESSION_KEY, senseCheckId });

  const refused = await m.press('ash', 'senseCheck.close', closeData);
  expect(refused.body).toMatchObject({ statusCode: 403 });
  expect(JSON.stringify(refused.body)).toContain("Only the session's facilitators can close the sense check");
  const stillOpen = await m.press('ash', 'senseCheck.answer', answerData(card, 0, 'agree'));
  expect(textOf(stillOpen.body?.value)).toContain('You said: Agree');

  await m.press('gabi', 'senseCheck.answer', answerData(card, 0, 'agree', 'Evening journeys'));
  await m.press('cal', 'senseCheck.answer', answerData(card, 0, 'disagree', 'Nobody asked carers'));
  await m.settle();

  const closed = await m.press('fola', 'senseCheck.close', closeData);
  expect(closed.body?.type).toBe('application/vnd.microsoft.card.adaptive');
  const results = closed.body?.value;
  expectValidTeamsCard(results);
  expect(textOf(results)).toContain('Only facilitators get this');
  expect(textOf(results)).toContain('Agree: 2, Partly: 0, Disagree: 1');
  expect(textOf(results)).toContain('Answers fewer people gave');
  expect(textOf(results)).toContain('Nobody asked carers');
  expect(textOf(results)).toContain('Evening journeys');
  await m.settle();

  const closeEdits = edits(m).filter((c) => textOf(cardOf(c)).includes('This sense check is closed'));
  expect(closeEdits).toHaveLength(1);
  expect(textOf(cardOf(closeEdits[0]))).toContain('3 of 5 have answered. Agree: 2, Partly: 0, Disagree: 1');
  expect(buttonsOf(cardOf(closeEdits[0]))).toEqual([]);

  // The same results reach Fola's 1:1 chat; nothing of it is in the meeting chat.
  const privately = m.sent(personalChatOf('fola')).map((c) => textOf(c.body)).join('\n');
  expect(privately).toContain('Nobody asked carers');
  expectNothingPrivateInMeetingChat(m, ['Nobody asked carers', 'Evening journeys']);

  // Closing again changes nothing; an answer after closing is refused and the earlier one stands.
  const twice = await m.press('fola', 'senseCheck.close', closeData);
  expect(textOf(twice.body?.value)).toContain('already closed');
  const late = await m.press('ash', 'senseCheck.answer', answerData(card, 0, 'disagree'));
  expect(textOf(late.body?.value)).toContain('closed, so your answer was not changed');
  expect(buttonsOf(late.body?.value)).toEqual([]);
  m.clock.advance(60_000);
  await m.settle();
  expect(edits(m).filter((c) => textOf(cardOf(c)).includes('This sense check is closed'))).toHaveLength(1);
  const rows = await storedAnswers(m, SESSION_KEY, senseCheckId);
  expect(rows.find((r) => r.level === 'disagree')?.missed).toBe('Nobody asked carers');
  expect(rows.filter((r) => r.level === 'agree')).toHaveLength(2);
  expect(m.sent(personalChatOf('fola')).filter((c) => textOf(c.body).includes('Sense check results'))).toHaveLength(1);
});

test('what we missed is kept when someone presses another level without typing again', async () => {
  const { card, senseCheckId } = await postOne();
  await m.press('ash', 'senseCheck.answer', answerData(card, 0, 'partly', 'Weekend services'));
  const second = await m.press('ash', 'senseCheck.answer', answerData(card, 0, 'disagree', ''));
  expect(textOf(second.body?.value)).toContain('Weekend services');
  const [row] = await storedAnswers(m, SESSION_KEY, senseCheckId);
  expect(row).toEqual(expect.objectContaining({ level: 'disagree', missed: 'Weekend services' }));
});

test('"what we missed" over the limit is refused with a plain message and nothing is saved', async () => {
  const { card, senseCheckId } = await postOne();
  const long = await m.press('ash', 'senseCheck.answer', answerData(card, 0, 'partly', 'x'.repeat(1001)));
  expect(long.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
  expect(String(long.body?.value)).toContain('too long');
  expect(await storedAnswers(m, SESSION_KEY, senseCheckId)).toEqual([]);
});

test('an attendee cannot start a sense check, and the chat shows nothing new', async () => {
  await m.say('ash', 'sense check We all agree');
  await m.settle();
  const chat = m.sent(CHAT);
  expect(chat).toHaveLength(1);
  expect(textOf(chat[0].body)).toContain("Only the session's facilitators can ask a sense-check question");
  expect(postedSenseChecks(m)).toEqual([]);
});
