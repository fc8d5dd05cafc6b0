/**
 * Notes through the real endpoint: a facilitator's typed note is saved with a neutral public
 * reply; an attendee is refused and nothing is saved; an over-long note gets short help; the
 * private form saves a note with a credited name that is never shown anywhere public.
 */
import { NOTES_TABLE, noteFromEntity, type Note } from '../../bot/core/notes';
import { expectValidTeamsCard } from '../support/cardChecks';
import { CHAT, PEOPLE, cardOf, startMeeting, textOf, type MeetingHarness } from '../support/meetingHarness';
import { expectNothingPrivateIn, meetingChatText, sessionKey, setUpSession } from './wrapUpTestSession';

let m: MeetingHarness;

beforeEach(async () => {
  m = await startMeeting();
  await setUpSession(m);
});
afterEach(() => m.stop());

async function savedNotes(): Promise<Note[]> {
  const page = await m.running.app.store.query(NOTES_TABLE, sessionKey);
  return page.entities.map((e) => noteFromEntity(e)).filter((n): n is Note => n !== undefined);
}

function replies(): string[] {
  return m.sent(CHAT).map((call) => `${textOf(call.body)} ${textOf(cardOf(call))}`.trim());
}

test('a facilitator types a note: it is saved with them as author, and the chat sees only "Note saved."', async () => {
  const response = await m.say('fola', 'note People want letters in large print');
  expect(response.status).toBe(200);
  await m.settle();
  expect(replies()).toEqual(['Note saved.']);
  const notes = await savedNotes();
  expect(notes).toHaveLength(1);
  expect(notes[0]).toMatchObject({ text: 'People want letters in large print', sessionKey });
  expect(notes[0].author).toContain(PEOPLE.fola.aadObjectId);
  expect(notes[0].credit).toBeUndefined();
  expectNothingPrivateIn(meetingChatText(m));
});

test('an attendee is refused politely and nothing is saved', async () => {
  await m.say('ash', 'note I can write notes too');
  const pressed = await m.press('ash', 'note.save', { sessionKey, text: 'Sneaky note' });
  await m.settle();
  expect(replies()).toEqual([expect.stringContaining("Only the session's facilitators can add a note")]);
  expect(pressed.body).toMatchObject({ statusCode: 403 });
  expect(await savedNotes()).toHaveLength(0);
});

test('an over-long note gets a short help reply and nothing is saved', async () => {
  await m.say('fola', `note ${'a'.repeat(2001)}`);
  await m.settle();
  expect(replies()).toEqual([expect.stringContaining('2,001 characters long')]);
  expect(await savedNotes()).toHaveLength(0);
  expectNothingPrivateIn(meetingChatText(m));
});

test('a bare note explains how, and offers the private form', async () => {
  await m.say('pria', 'note');
  await m.settle();
  const [reply] = m.sent(CHAT);
  const card = cardOf(reply);
  expectValidTeamsCard(card);
  expect(textOf(card)).toContain('type note and then what you want to write down');
  expect(JSON.stringify(card)).toContain('"verb":"note.save"');
  expect(await savedNotes()).toHaveLength(0);
});

test('the form saves a note with a credited name, which is kept but never shown', async () => {
  const opened = await m.press('pria', 'note.save', { sessionKey });
  expect(opened.body?.type).toBe('application/vnd.microsoft.card.adaptive');
  expectValidTeamsCard(opened.body?.value);
  expect(textOf(opened.body?.value)).toContain('Only you can see this form');
  // The session's agenda (the default one until someone edits it) gives the parts to link to.
  expect(JSON.stringify(opened.body?.value)).toContain('"id":"topicId"');

  const empty = await m.press('pria', 'note.save', { sessionKey, text: '  ', credit: 'Gabi Tester' });
  expect(textOf(empty.body?.value)).toContain('Write your note first');
  expect(JSON.stringify(empty.body?.value)).toContain('Gabi Tester'); // what was typed is kept in the form

  const saved = await m.press('pria', 'note.save', { sessionKey, text: 'Use the minibus on Tuesdays', credit: 'Gabi Tester', topicId: 'item-1' });
  expect(textOf(saved.body?.value)).toContain('Note saved.');
  expect(textOf(saved.body?.value)).toContain('Credited, name hidden until they agree to be named.');
  expect(textOf(saved.body?.value)).not.toContain('Gabi');

  const badTopic = await m.press('pria', 'note.save', { sessionKey, text: 'Another', topicId: 'item-999' });
  expect(textOf(badTopic.body?.value)).toContain('That part of the agenda was not found');
  const noTopic = await m.press('pria', 'note.save', { sessionKey, text: 'Not about one part', topicId: 'none', credit: '' });
  expect(textOf(noTopic.body?.value)).toContain('Note saved.');
  expect(textOf(noTopic.body?.value)).not.toContain('Credited'); // nobody credited, so nothing held back

  const notes = await savedNotes();
  expect(notes).toHaveLength(2);
  const plain = notes.find((n) => n.text === 'Not about one part');
  expect(plain?.topicId).toBeUndefined();
  expect(plain?.credit).toBeUndefined();
  expect(notes.find((n) => n.credit)).toMatchObject({ text: 'Use the minibus on Tuesdays', credit: 'Gabi Tester', topicId: 'item-1' });
  expect(notes.every((n) => n.author.includes(PEOPLE.pria.aadObjectId))).toBe(true);
  await m.settle();
  const chat = meetingChatText(m);
  expect(chat).not.toContain('Gabi');
  expect(chat).not.toContain('minibus');
  expectNothingPrivateIn(chat);
});
