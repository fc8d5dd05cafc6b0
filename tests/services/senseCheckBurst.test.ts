/**
 * A burst of 100 people answering over a minute of the manual clock. The public card is edited
 * through the coalesced refresh only: at most once per 12-second window, plus the one edit that
 * closes it, and the final public tally equals what is stored.
 */
import { REFRESH_WINDOW_MS } from '../../bot/services/trackedCards';
import { cardOf, startMeeting, textOf, type MeetingHarness, type TestPerson } from '../support/meetingHarness';
import { SESSION_KEY, answerData, buttonsOf, edits, expectNothingPrivateInMeetingChat, postedSenseChecks, setUpSession, storedAnswers } from './senseCheckKit';

let m: MeetingHarness;

beforeAll(async () => {
  m = await startMeeting();
  await setUpSession(m);
});
afterAll(() => m.stop());

const people: TestPerson[] = Array.from({ length: 100 }, (_v, i) => ({
  key: `guest${i}`,
  id: `29:burst-${i}`,
  aadObjectId: `20000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  name: `Guest ${i} Tester`,
  role: 'Attendee',
}));
const LEVELS = ['agree', 'partly', 'disagree'] as const;

test('100 answers in a minute: at most one edit per 12 s window plus the close, and the final tally matches the store', async () => {
  await m.say('fola', 'sense check The new booking form is easier to use');
  await m.settle();
  const [{ card, senseCheckId, call: post }] = postedSenseChecks(m);
  expect(post.method).toBe('POST');

  const windows = new Set<number>();
  const editWindows: number[] = [];
  for (const [i, person] of people.entries()) {
    m.clock.advance(600); // 100 answers, one every 0.6 s: a minute
    windows.add(Math.floor(m.clock.now().getTime() / REFRESH_WINDOW_MS));
    const missed = i % 10 === 0 ? `Private thought ${i}` : undefined;
    const pressed = await m.press(person, 'senseCheck.answer', answerData(card, 0, LEVELS[i % 7 === 0 ? 2 : i % 5 === 0 ? 1 : 0], missed));
    expect(pressed.body?.type).toBe('application/vnd.microsoft.card.adaptive');
    const before = edits(m).length;
    await m.settle();
    if (edits(m).length > before) editWindows.push(Math.floor(m.clock.now().getTime() / REFRESH_WINDOW_MS));
  }
  // Let the last window end, so its refresh runs too.
  m.clock.advance(REFRESH_WINDOW_MS);
  await m.settle();

  const refreshes = edits(m);
  expect(refreshes.length).toBeGreaterThan(0);
  expect(refreshes.length).toBeLessThanOrEqual(windows.size);
  expect(new Set(editWindows).size).toBe(editWindows.length); // never two edits in one window
  const lastOpen = textOf(cardOf(refreshes[refreshes.length - 1]));
  expect(lastOpen).toMatch(/\b100 (of \d+ have|people have) answered/);

  const closeData = buttonsOf(card).find((b) => b.verb === 'senseCheck.close')?.data;
  const closed = await m.press('fola', 'senseCheck.close', closeData);
  expect(closed.body?.statusCode).toBe(200);
  await m.settle();
  m.clock.advance(REFRESH_WINDOW_MS * 2);
  await m.settle();

  const all = edits(m);
  expect(all).toHaveLength(refreshes.length + 1);
  for (const e of all) expect(e.activityId).toBe(all[0].activityId);

  const stored = await storedAnswers(m, SESSION_KEY, senseCheckId);
  expect(stored).toHaveLength(100);
  const split = { agree: 0, partly: 0, disagree: 0 };
  for (const a of stored) split[a.level] += 1;
  const finalText = textOf(cardOf(all[all.length - 1]));
  expect(finalText).toMatch(/\b100 (of \d+ have|people have) answered/);
  expect(finalText).toContain(`Agree: ${split.agree}, Partly: ${split.partly}, Disagree: ${split.disagree}`);

  expectNothingPrivateInMeetingChat(m, ['Private thought', 'Guest']);
}, 120_000);
