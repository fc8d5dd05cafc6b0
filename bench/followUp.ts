/**
 * `npm run bench` (follow-up part), or `node -r ./tests/support/registerTs.js bench/followUp.ts`.
 *   1. The large digest (300 people, 1,000 notes, 20 sense-checks of three points, 18,000
 *      answers): time to read and build it, to store the draft, and to lay out the summary cards.
 *   2. A fan-out of 1,000 reminders, each to a different 1:1 chat, through the app's own outbox and
 *      background sender to the fake Bot Connector: total time, requests per second against the
 *      configured app-wide pace (target: within 10%), the busiest second by arrival at the
 *      connector (target: never above the configured limit), and 429s seen.
 * Prints the figures and PASS/FAIL; exits 1 on FAIL. The lead copies the figures to docs/benchmarks.md.
 */
import { APP_LIMITS, DEFAULT_MARGIN_MS } from '../bot/core/pacing';
import { rememberPersonalChat } from '../bot/core/personalChats';
import { ConversationBook } from '../bot/core/conversations';
import { loadSession } from '../bot/core/sessionStore';
import { digestCards } from '../bot/cards/digestCard';
import { buildDigestFromStore } from '../bot/services/digestSources';
import { saveDraft, loadDigestState, loadDraft } from '../bot/services/digestStore';
import { groupView } from '../bot/services/digestViews';
import { tellPrivately } from '../bot/services/privateChat';
import { referenceFromActivity } from '../bot/teams/conversationReferences';
import { TENANT, startMeeting } from '../tests/support/meetingHarness';
import { servicesOf, setUpSession, SESSION_KEY } from '../tests/services/followUpKit';
import { seedLargeSession } from '../tests/services/followUpKitLarge';

const REMINDERS = 1_000;
const RUNS = 3;

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value: number) => `${value.toFixed(0)} ms`;

async function largeDigest(): Promise<boolean> {
  const m = await startMeeting({ env: { LOG_LEVEL: 'info' } });
  try {
    await setUpSession(m);
    const seeding = performance.now();
    await seedLargeSession(m.running.app.store, m.clock.now());
    const seeded = performance.now() - seeding;
    const deps = servicesOf(m);
    const session = (await loadSession(m.running.app.store, SESSION_KEY))!.session;
    const builds: number[] = [];
    const stores: number[] = [];
    const layouts: number[] = [];
    let parts = 0;
    for (let run = 0; run < RUNS; run++) {
      const t0 = performance.now();
      const content = await buildDigestFromStore(deps, session, m.clock.now());
      const t1 = performance.now();
      await saveDraft(deps, session, content, 'facilitator', m.clock.now());
      const t2 = performance.now();
      const stored = (await loadDigestState(m.running.app.store, SESSION_KEY))!;
      const draft = (await loadDraft(m.running.app.store, stored.state))!;
      const cards = digestCards(await groupView(deps, session, stored.state, draft));
      const t3 = performance.now();
      builds.push(t1 - t0);
      stores.push(t2 - t1);
      layouts.push(t3 - t2);
      parts = cards.length;
    }
    console.log(`large digest: seeded 300 people, 1,000 notes, 20 sense-checks (18,000 answers) in ${ms(seeded)}`);
    console.log(`  build from the store (median of ${RUNS}): ${ms(median(builds))}  [${builds.map(ms).join(', ')}]`);
    console.log(`  store the draft (median): ${ms(median(stores))}`);
    console.log(`  read back, view and lay out the summary (median): ${ms(median(layouts))}, ${parts} card(s)`);
    const pass = median(builds) < 10_000;
    console.log(`  ${pass ? 'PASS' : 'FAIL'}: building the large digest takes under 10 s`);
    return pass;
  } finally {
    await m.stop();
  }
}

async function fanOut(): Promise<boolean> {
  const m = await startMeeting({ realTime: true, env: { LOG_LEVEL: 'info' } });
  try {
    const store = m.running.app.store;
    const book = new ConversationBook(store, { hosts: [], allowLoopback: true });
    const people = Array.from({ length: REMINDERS }, (_, i) => ({ tenantId: TENANT, aadObjectId: `20000000-0000-4000-8000-${String(i).padStart(12, '0')}` }));
    for (const [i, person] of people.entries()) {
      const conversationId = `a:bench-personal-${i}`;
      const reference = referenceFromActivity({
        type: 'message',
        channelId: 'msteams',
        serviceUrl: m.fake.url,
        conversation: { id: conversationId, conversationType: 'personal', tenantId: TENANT, isGroup: false, name: '' },
        recipient: { id: '28:coproduce-bot', name: 'Coproduce' },
      });
      await book.remember(reference!, 'active', new Date());
      await rememberPersonalChat(store, person, conversationId, new Date());
    }
    const deps = servicesOf(m);
    const card = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'An action is due', wrap: true }] };
    // The background sender starts on the first reminder queued, so time runs from the start of queuing.
    const started = Date.now();
    const enqueueStart = performance.now();
    const delivery = await tellPrivately(deps, people, { card }, 'bench-reminder');
    const enqueued = performance.now() - enqueueStart;
    const posts = () => m.fake.calls.filter((c) => c.method === 'POST' && (c.conversationId ?? '').startsWith('a:bench-personal-'));
    const deadline = started + 10 * 60_000;
    while (posts().length < delivery.reached.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    const sent = posts();
    const times = sent.map((c) => c.at).sort((a, b) => a - b);
    const seconds = (times[times.length - 1] - times[0]) / 1000;
    const rate = (sent.length - 1) / seconds;
    const limit = APP_LIMITS[0];
    const pace = limit.limit / (limit.windowMs / 1000);
    const busiest = Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + 1000).length));
    const throttled = m.running.logs.filter((line) => line.includes('"reason":"throttled"')).length;
    const total = (times[times.length - 1] - started) / 1000;
    console.log(`reminder fan-out: ${delivery.reached.length} reminders to ${REMINDERS} different 1:1 chats (queued in ${ms(enqueued)})`);
    console.log(`  delivered ${sent.length} in ${total.toFixed(1)} s from the start of queuing (first to last request: ${seconds.toFixed(1)} s)`);
    console.log(`  ${rate.toFixed(2)} requests/s; configured pace ${pace.toFixed(2)}/s (${limit.limit} per ${limit.windowMs} ms, each window counted from a request's end, +${DEFAULT_MARGIN_MS} ms for clock differences): ${((rate / pace) * 100).toFixed(1)}%`);
    console.log(`  busiest second by arrival at the connector: ${busiest} requests (app limit ${limit.limit}; Teams documents 30 to 50 a second)`);
    console.log(`  429s seen: ${throttled}`);
    const withinTarget = sent.length === REMINDERS && Math.abs(rate - pace) <= pace * 0.1 && throttled === 0 && busiest <= limit.limit;
    console.log(`  ${withinTarget ? 'PASS' : 'FAIL'}: every reminder sent once, within 10% of the configured pace, never above ${limit.limit} arriving in any second, no 429s`);
    return withinTarget;
  } finally {
    await m.stop();
  }
}

async function main(): Promise<void> {
  const digest = await largeDigest();
  const reminders = await fanOut();
  process.exit(digest && reminders ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
