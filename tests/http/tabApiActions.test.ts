// Facilitator controls in the side panel go through the same permission table and services as
// the chat: an attendee is refused and nothing changes, a role change takes effect within a
// minute, the cards in the meeting chat are the ones the chat command posts, and a session of
// another meeting can be neither read nor changed, whatever the request names.
import { cardOf, CHAT, MEETING_ID, PEOPLE, textOf, type MeetingHarness, startMeeting } from '../support/meetingHarness';
import { anonymousNoteAndPause, MEETING_PLACE, OUTCOME, setUpSession, startSession, TabClient } from './tabApiKit';

let m: MeetingHarness;
let tab: TabClient;

beforeEach(async () => {
  m = await startMeeting();
  tab = new TabClient(m);
});
afterEach(() => m.stop());

describe('facilitator actions from the panel', () => {
  test('an attendee pressing a facilitator control gets 403 and nothing changes', async () => {
    await startSession(m);
    const before = await tab.view('fola');
    const sentBefore = m.sent(CHAT).length;
    const refused = await tab.act('ash', 'agenda.next', { fromItemId: before.framework.currentItemId });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ ok: false, code: 'Forbidden' });
    expect(refused.body.message).toMatch(/Only the session's facilitators can move to the next item/);
    await m.settle();
    const after = await tab.view('fola');
    expect(after.framework.currentItemId).toBe(before.framework.currentItemId);
    expect(after.version).toBe(before.version);
    expect(m.sent(CHAT)).toHaveLength(sentBefore);
  });

  test('a role change takes effect within 60 seconds', async () => {
    await startSession(m);
    const first = await tab.view('pria');
    expect(first.role).toBe('facilitator');
    expect((await tab.act('pria', 'agenda.extend', { fromItemId: first.framework.currentItemId })).status).toBe(200);
    m.directory.setRole(MEETING_ID, PEOPLE.pria.aadObjectId, 'Attendee');
    m.clock.advance(60_000);
    const demoted = await tab.view('pria');
    expect(demoted.role).toBe('participant');
    expect(demoted).not.toHaveProperty('facilitator');
    const refused = await tab.act('pria', 'agenda.next', { fromItemId: demoted.framework.currentItemId });
    expect(refused.status).toBe(403);
    expect((await tab.view('fola')).framework.currentItemId).toBe(first.framework.currentItemId);
  });

  test('a panel action posts the same card in the meeting chat as the chat command', async () => {
    await startSession(m);
    await m.say('fola', 'recap');
    await m.settle();
    const typed = m.sent(CHAT).at(-1);
    const pressed = await tab.act('pria', 'recap.show');
    expect(pressed.status).toBe(200);
    expect(pressed.body.ok).toBe(true);
    expect(pressed.body.message).toBeTruthy();
    await m.settle();
    const fromPanel = m.sent(CHAT).at(-1);
    expect(fromPanel).not.toBe(typed);
    expect(fromPanel?.method).toBe('POST');
    expect(textOf(cardOf(typed!))).toContain('only just started');
    expect(cardOf(fromPanel!)).toEqual(cardOf(typed!));
  });

  test('next from the panel moves the session on for everyone, as in the chat', async () => {
    await startSession(m);
    const before = await tab.view('fola');
    const moved = await tab.act('fola', 'agenda.next', { fromItemId: before.framework.currentItemId });
    expect(moved.status).toBe(200);
    await m.settle();
    const second = before.framework.agenda[1];
    expect((await tab.view('ash')).framework.currentItemId).toBe(second.id);
    expect(textOf(m.sent(CHAT).map((c) => c.body))).toContain(second.title);
    // A second press from the same (now old) panel state changes nothing.
    await tab.act('fola', 'agenda.next', { fromItemId: before.framework.currentItemId });
    expect((await tab.view('fola')).framework.currentItemId).toBe(second.id);
  });

  test('an unknown action is refused plainly', async () => {
    await startSession(m);
    const response = await tab.act('fola', 'agenda.teleport');
    expect(response.status).toBe(400);
    expect(response.body.ok).toBe(false);
  });
});

describe('a session of another meeting', () => {
  const OTHER = { meetingId: 'MCMxOTpvdGhlci1tZWV0aW5n/b3RoZXI=', conversationId: '19:meeting_other-chat@thread.v2' };
  const OTHER_PLACE = { chat: OTHER.conversationId, meeting: OTHER.meetingId };

  async function twoSessions(): Promise<void> {
    await startSession(m);
    // Only Fola takes part in the other meeting.
    m.directory.setParticipant(OTHER.meetingId, PEOPLE.fola.aadObjectId, { role: 'Organizer', inMeeting: true });
    await setUpSession(m, OTHER);
  }

  test('cannot be read or changed by someone who is not in it', async () => {
    await twoSessions();
    const read = await tab.get('ash', '/api/tab/session', { place: OTHER_PLACE });
    expect(read.status).toBe(403);
    expect(JSON.stringify(await read.json())).not.toContain(OUTCOME);
    const before = await tab.view('fola', OTHER_PLACE);
    const sentBefore = m.fake.calls.length;
    const acted = await tab.act('pria', 'agenda.next', { fromItemId: before.framework.currentItemId ?? 'item-1' }, OTHER_PLACE);
    expect(acted.status).toBe(403);
    await m.settle();
    expect(await tab.view('fola', OTHER_PLACE)).toMatchObject({ version: before.version });
    expect(m.sent(OTHER.conversationId)).toHaveLength(0);
    expect(m.fake.calls.length).toBe(sentBefore);
  });

  test('mixing this meeting id with the other chat id finds the other chat’s session, and still refuses', async () => {
    await twoSessions();
    const mixed = await tab.get('ash', '/api/tab/session', { place: { chat: OTHER.conversationId, meeting: MEETING_ID } });
    expect(mixed.status).toBe(403);
  });

  test('a session key in the body is ignored: the action applies to the caller’s own meeting only', async () => {
    await twoSessions();
    const otherKey = await setUpSession(m, OTHER);
    const otherBefore = await tab.view('fola', OTHER_PLACE);
    const mine = await tab.view('fola');
    const moved = await tab.act('fola', 'agenda.extend', { sessionKey: otherKey, fromItemId: mine.framework.currentItemId }, MEETING_PLACE);
    expect(moved.status).toBe(200);
    expect((await tab.view('fola')).framework.remainingSeconds).toBe(mine.framework.remainingSeconds + 5 * 60);
    expect((await tab.view('fola', OTHER_PLACE)).version).toBe(otherBefore.version);
  });
});

test('nothing the panel did put facilitators-only details in the meeting chat', async () => {
  await anonymousNoteAndPause(m, await startSession(m));
  m.clock.advance(11 * 60_000);
  await tab.view('fola');
  await tab.act('fola', 'recap.show');
  await m.settle();
  const chat = textOf(m.sent(CHAT).map((c) => c.body));
  expect(chat).not.toContain('I found the forms hard');
  for (const p of Object.values(PEOPLE)) expect(chat).not.toContain(p.name);
  expect(chat).not.toMatch(/quiet voices|have not had a say/i);
});
