/**
 * A burst of people answering the standing card over a minute of the manual clock: the base card
 * is edited only through the coalesced refresh (never twice in one 12-second window), and the
 * final public count equals what is stored. The chat never shows who answered or what.
 */
import { REFRESH_WINDOW_MS } from '../../bot/services/trackedCards';
import { CHAT, cardOf, startMeeting, textOf, type MeetingHarness, type TestPerson } from '../support/meetingHarness';
import { SESSION_KEY, answer, expectMeetingChatShowsNoWhoOrWhat, postedConsentCard, setUpSession, storedEvents } from './consentKit';
import { peopleOfSession } from '../../bot/core/consentPeople';

let m: MeetingHarness;

beforeAll(async () => {
  m = await startMeeting();
  await setUpSession(m);
});
afterAll(() => m.stop());

const people: TestPerson[] = Array.from({ length: 60 }, (_v, i) => ({
  key: `guest${i}`,
  id: `29:burst-${i}`,
  aadObjectId: `30000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  name: `Guest ${i} Tester`,
  role: 'Attendee',
}));

test('60 answers in a minute: at most one card edit per window, and the last count matches the store', async () => {
  await m.say('fola', 'consent');
  await m.settle();
  const card = postedConsentCard(m);
  const windows = new Set<number>();
  const editWindows: number[] = [];
  const edits = () => m.sent(CHAT).filter((c) => c.method === 'PUT');
  for (const [i, person] of people.entries()) {
    m.clock.advance(1_000);
    windows.add(Math.floor(m.clock.now().getTime() / REFRESH_WINDOW_MS));
    const pressed = await answer(m, person, i % 3 === 0 ? { recording: 'agree' } : {}, card);
    expect(pressed.body?.statusCode).toBe(200);
    const before = edits().length;
    await m.settle();
    if (edits().length > before) editWindows.push(Math.floor(m.clock.now().getTime() / REFRESH_WINDOW_MS));
  }
  m.clock.advance(REFRESH_WINDOW_MS);
  await m.settle();

  const all = edits();
  expect(all.length).toBeGreaterThan(0);
  expect(all.length).toBeLessThanOrEqual(windows.size);
  expect(new Set(editWindows).size).toBe(editWindows.length);
  for (const e of all) expect(e.activityId).toBe(all[0].activityId);

  const answered = new Set((await storedEvents(m, SESSION_KEY)).map((e) => e.subjectId)).size;
  expect(answered).toBe(60);
  expect(await peopleOfSession(m.running.app.store, SESSION_KEY)).toHaveLength(60);
  expect(textOf(cardOf(all[all.length - 1]))).toContain(`${answered} of ${answered} have answered`);
  expectMeetingChatShowsNoWhoOrWhat(m);
}, 120_000);
