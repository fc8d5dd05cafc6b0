/**
 * Pacing with the real clock and the app's own background sender: a burst of follow-up messages
 * (a dozen actions done at once, each announced in the group's chat, and updates to people's
 * 1:1 chats) never goes over Teams' limits at the connector: 7 in any second and 8 in any two
 * seconds per chat, 20 a second for the whole app. Order within the chat is kept.
 */
import { loadSession } from '../../bot/core/sessionStore';
import { addAction, setActionStatus } from '../../bot/services/followUpActions';
import { CHAT, startMeeting, type MeetingHarness } from '../support/meetingHarness';
import { servicesOf, setUpSession } from './followUpKit';

let m: MeetingHarness;
afterEach(() => m.stop());

function busiest(times: readonly number[], windowMs: number): number {
  return Math.max(0, ...times.map((start) => times.filter((t) => t >= start && t < start + windowMs).length));
}

test('a burst of "you said, we did" updates stays within Teams’ limits, in order', async () => {
  m = await startMeeting({ realTime: true });
  const sessionKey = await setUpSession(m, { occurrenceStart: m.clock.now().toISOString() });
  await m.say('fola', 'help'); // the bot learns the meeting chat's address from any message there
  await m.openPersonalChats('fola', 'pria');
  await m.fake.waitForCalls(3, 10_000);
  const session = (await loadSession(m.running.app.store, sessionKey))!.session;
  const deps = servicesOf(m);
  const count = 16;
  for (let i = 1; i <= count; i++) {
    const added = await addAction(deps, session, { what: `Action ${String(i).padStart(2, '0')}` }, new Date());
    if (!added.ok) throw new Error(added.problems.join(' '));
    await setActionStatus(deps, session, added.value.id, 'done', undefined, new Date());
  }
  const isUpdate = (body: unknown) => JSON.stringify(body).includes('You said, we did');
  const deadline = Date.now() + 20_000;
  while (m.fake.calls.filter((c) => c.method === 'POST' && isUpdate(c.body)).length < count && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const updates = m.fake.calls.filter((c) => c.method === 'POST' && c.conversationId === CHAT && isUpdate(c.body));
  expect(updates).toHaveLength(count);
  // The outbox's traffic to the chat (the earlier reply to `help` went straight back on its turn).
  const chatTimes = updates.map((c) => c.at);
  expect(busiest(chatTimes, 1_000)).toBeLessThanOrEqual(7);
  expect(busiest(chatTimes, 2_000)).toBeLessThanOrEqual(8);
  const allTimes = m.fake.calls.filter((c) => c.method === 'POST' || c.method === 'PUT').map((c) => c.at);
  expect(busiest(allTimes, 1_000)).toBeLessThanOrEqual(20);
  const order = updates.map((c) => /Action (\d\d)/.exec(JSON.stringify(c.body))?.[1]);
  expect(order).toEqual(Array.from({ length: count }, (_, i) => String(i + 1).padStart(2, '0')));
}, 40_000);
