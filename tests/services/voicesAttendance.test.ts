/**
 * Attendance and quiet voices through the real endpoint: join and leave events in both casings,
 * card answers, counted chat messages and facilitator marks all feed one record per person; quiet
 * voices reaches only facilitators (their 1:1 chat or their own invoke response) and the meeting
 * chat never shows a name; attendees are refused; anonymous actions never count.
 */
import { ATTENDANCE_TABLE } from '../../bot/core/attendance';
import { textOf, type MeetingHarness } from '../support/meetingHarness';
import { CHAT, PEOPLE, personalChatOf } from '../support/meetingHarness';
import { buttonsOf, identitiesOf, invokeCard, invokeMessage, meetingChatText, meetingWithSession, namedMeetingEvent, openChats, privateCards } from './voicesKit';

let m: MeetingHarness;
let sessionKey: string;

afterEach(async () => {
  await m?.stop();
});

async function start(options: { countChat?: boolean } = {}) {
  ({ m, sessionKey } = await meetingWithSession(options));
}

async function attendanceRows() {
  return (await m.running.app.store.query(ATTENDANCE_TABLE, sessionKey)).entities;
}

/** The quiet-voices card Fola sees when she presses Refresh in her 1:1 chat. */
async function folaSees(): Promise<string> {
  const result = await m.press('fola', 'quietVoices.show', { sessionKey }, { personal: true });
  expect(result.status).toBe(200);
  return textOf(invokeCard(result));
}

function expectNoIdentityInMeetingChat(): void {
  const chat = meetingChatText(m);
  for (const identity of identitiesOf('ash', 'gabi', 'cal')) expect(chat).not.toContain(identity);
  expect(chat).not.toContain('Dee on the phone');
}

test('join and leave events build attendance, in PascalCase and in camelCase', async () => {
  await start();
  expect((await m.meetingEvent('join', { casing: 'pascal', who: ['ash', 'gabi'] })).status).toBe(200);
  expect((await m.meetingEvent('join', { casing: 'camel', who: ['cal'] })).status).toBe(200);
  let rows = await attendanceRows();
  expect(rows.map((r) => [r.props.userId, r.props.present]).sort()).toEqual([
    [PEOPLE.ash.id, true],
    [PEOPLE.cal.id, true],
    [PEOPLE.gabi.id, true],
  ]);

  await m.meetingEvent('leave', { casing: 'camel', who: ['gabi'] });
  await m.meetingEvent('leave', { casing: 'pascal', who: ['cal'] });
  rows = await attendanceRows();
  expect(rows.filter((r) => r.props.present).map((r) => r.props.userId)).toEqual([PEOPLE.ash.id]);
  // One row per person, however many events.
  await m.meetingEvent('join', { casing: 'camel', who: ['gabi'] });
  expect(await attendanceRows()).toHaveLength(3);
  expect(await folaSees()).toContain('2 people are here. 0 of them have had a say.');
});

test('an attendee typing quiet voices, or pressing its buttons, is refused and learns nothing', async () => {
  await start();
  await openChats(m, 'fola', 'ash');
  await namedMeetingEvent(m, 'join', ['ash', 'gabi'], 'pascal');
  expect((await m.say('ash', 'quiet voices')).status).toBe(200);
  await m.settle();
  expect(meetingChatText(m)).toContain("Only the session's facilitators can see who has not had a say yet");
  expect(privateCards(m, 'fola')).toEqual([]);
  expect(privateCards(m, 'ash')).toEqual([]);

  const pressed = await m.press('ash', 'quietVoices.show', { sessionKey });
  expect(pressed.body?.statusCode).toBe(403);
  const gabiRow = (await attendanceRows()).find((r) => r.props.userId === PEOPLE.gabi.id);
  const marked = await m.press('ash', 'attendance.markLeft', { sessionKey, person: gabiRow?.rowKey });
  expect(marked.body?.statusCode).toBe(403);
  expect((await attendanceRows()).find((r) => r.props.userId === PEOPLE.gabi.id)?.props.present).toBe(true);
  expect((await m.say('ash', 'here Somebody Else')).status).toBe(200);
  expect((await attendanceRows()).map((r) => r.props.name)).not.toContain('Somebody Else');
  expectNoIdentityInMeetingChat();
});

test('quiet voices lists who joined but has not answered, only in the facilitators\' 1:1 chats, and drops someone once they answer', async () => {
  await start();
  await openChats(m, 'fola'); // Pria never opened one: she cannot be reached
  await namedMeetingEvent(m, 'join', ['ash', 'gabi'], 'pascal');
  await namedMeetingEvent(m, 'join', ['cal', 'fola'], 'camel');

  await m.say('fola', 'quiet voices');
  await m.settle();
  expect(meetingChatText(m)).toContain('I have sent this to the facilitators privately.');
  const first = privateCards(m, 'fola');
  expect(first).toHaveLength(1);
  const list = textOf(first[0]);
  for (const who of ['ash', 'gabi', 'cal'] as const) expect(list).toContain(PEOPLE[who].name);
  expect(list).not.toContain(PEOPLE.fola.name); // facilitators are not listed

  // Ash answers a real card: "did we do what we came for?"
  const answered = await m.press('ash', 'purpose.answer', { sessionKey, answer: 'yes' });
  expect(answered.status).toBe(200);
  const after = await folaSees();
  expect(after).not.toContain(PEOPLE.ash.name);
  expect(after).toContain(PEOPLE.gabi.name);
  expect(after).toContain(PEOPLE.cal.name);
  expect(after).toContain('3 people are here. 1 of them have had a say.');

  await m.settle();
  expectNoIdentityInMeetingChat();
  expect(m.sent().filter((call) => call.conversationId !== CHAT && call.conversationId !== personalChatOf('fola'))).toEqual([]);
});

test('chat messages count as a say only when the session counts chat, and their text is never kept', async () => {
  await start({ countChat: true });
  await namedMeetingEvent(m, 'join', ['ash', 'gabi'], 'camel');
  await m.say('gabi', 'I think the bus is often late', { mention: false });
  const seen = await folaSees();
  expect(seen).toContain(PEOPLE.ash.name);
  expect(seen).not.toContain(PEOPLE.gabi.name);
  expect(JSON.stringify(await attendanceRows())).not.toContain('bus is often late');
});

test('without chat counting, a chat message is not a say', async () => {
  await start();
  await namedMeetingEvent(m, 'join', ['gabi'], 'camel');
  await m.say('gabi', 'hello everyone', { mention: false });
  expect(await folaSees()).toContain(PEOPLE.gabi.name);
});

test('a facilitator marks someone on the phone as here by name, then as gone and back, without names in the chat', async () => {
  await start();
  await m.say('fola', 'here Dee on the phone');
  expect(meetingChatText(m)).toContain('Thank you. I have marked them as here.');
  let card = invokeCard(await m.press('fola', 'quietVoices.show', { sessionKey }, { personal: true }));
  expect(textOf(card)).toContain('Dee on the phone');

  const left = buttonsOf(card).find((b) => b.verb === 'attendance.markLeft');
  expect(left).toBeDefined();
  card = invokeCard(await m.press('fola', 'attendance.markLeft', left?.data ?? {}, { personal: true }));
  expect(textOf(card)).toContain('Gone');
  expect(buttonsOf(card).filter((b) => b.verb === 'attendance.markLeft')).toEqual([]);
  const back = buttonsOf(card).find((b) => b.verb === 'attendance.markHere');
  card = invokeCard(await m.press('fola', 'attendance.markHere', back?.data ?? {}, { personal: true }));
  expect(buttonsOf(card).filter((b) => b.verb === 'attendance.markLeft')).toHaveLength(1);

  // Typing the same name again marks the same person; a name Teams gave matches too.
  await m.say('fola', 'here  dee ON the phone ');
  await namedMeetingEvent(m, 'join', ['cal'], 'pascal');
  await m.say('pria', `here ${PEOPLE.cal.name.toUpperCase()}`);
  expect(await attendanceRows()).toHaveLength(2);

  // A card naming a row that is not in this session changes nothing.
  const forged = await m.press('fola', 'attendance.markLeft', { sessionKey, person: 'p|user|29:nobody' }, { personal: true });
  expect(invokeMessage(forged)).toMatch(/cannot find that person/);
  expect(await attendanceRows()).toHaveLength(2);

  await m.say('fola', 'here');
  expect(meetingChatText(m)).toContain("Type the person's name after here.");
  await m.say('fola', `here ${'x'.repeat(101)}`);
  expect(meetingChatText(m)).toContain('That name is too long. Please use 100 characters or fewer.');
  expect(await attendanceRows()).toHaveLength(2);
  await m.settle();
  expectNoIdentityInMeetingChat();
});

test('when no facilitator can be reached privately, the chat is told so without any names', async () => {
  await start();
  await namedMeetingEvent(m, 'join', ['ash'], 'pascal');
  await m.say('fola', 'quiet voices');
  await m.settle();
  expect(meetingChatText(m)).toContain('I could not send this privately');
  expect(meetingChatText(m)).toContain('say hello to it');
  expectNoIdentityInMeetingChat();
  expect(m.sent().filter((call) => call.conversationId !== CHAT)).toEqual([]);
});

test('anonymous notes and pause requests never count as being here or having a say', async () => {
  await start();
  await m.press('ash', 'unsaid.send', { sessionKey, unsaidText: 'Something I could not say' });
  await m.press('ash', 'break.requestPause', { sessionKey });
  await m.press('ash', 'unsaid.open', { sessionKey });
  expect(await attendanceRows()).toEqual([]);
  expect(await folaSees()).toContain('Coproduce does not know who is here yet.');
});
