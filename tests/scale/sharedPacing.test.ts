/**
 * Pacing is shared: with two server processes draining the outbox, 30 messages queued for one
 * chat reach Teams (the fake connector, which notes when each request arrives) in order, never
 * more than 7 in any second nor 8 in any two seconds. Halfway through, the instance sending is
 * stopped (SIGTERM, so it releases the chat) and the other carries on: it must go on from the
 * same send history, not start a fresh burst of its own.
 *
 * The limits can only be reached if the instances can send faster than 7 a second; on a heavily
 * loaded machine they may not, and then this shows order and hand-over but not the limit.
 */
import { randomUUID } from 'node:crypto';
import { StoreOutbox } from '../../bot/core/outbox';
import type { Store } from '../../bot/core/ports';
import type { Azurite } from '../support/azurite';
import type { ConnectorCall, FakeConnector } from '../support/fakeConnector';
import { waitUntil, type Instances } from '../support/instances';
import type { Relay } from './relay';
import { rememberChat } from './scaleKit';
import { startScaleRig, stopScaleRig } from './scaleRig';

const CHAT = '19:scale-pacing-chat@thread.v2';
const MESSAGES = 30;

let azurite: Azurite;
let fake: FakeConnector;
let relay: Relay;
let store: Store;
let instances: Instances;

beforeAll(async () => {
  ({ azurite, fake, relay, store, instances } = await startScaleRig('connector'));
}, 60_000);

afterAll(() => stopScaleRig({ azurite, fake, relay, store, instances }), 30_000);

/** The most calls that arrived within any window of `windowMs`, starting at any call. */
function busiestWindow(calls: readonly ConnectorCall[], windowMs: number): number {
  return Math.max(...calls.map((first) => calls.filter((c) => c.at >= first.at && c.at < first.at + windowMs).length));
}

test('two instances draining one chat, one handing over to the other, keep to 7 sends a second between them, in order', async () => {
  // The bot writes to the chat through the relay, which notes which instance sent each message.
  await rememberChat(store, CHAT, `${relay.url}/`);
  const outbox = new StoreOutbox({ store, clock: { now: () => new Date() }, ids: { random: randomUUID } });
  for (let n = 1; n <= MESSAGES; n++) {
    await outbox.enqueue({ conversationId: CHAT, idempotencyKey: `pacing-${n}`, message: { kind: 'send', text: `Message ${n}` } });
  }

  const toChat = () => fake.calls.filter((c) => c.conversationId === CHAT && (c.method === 'POST' || c.method === 'PUT'));
  await waitUntil('the first dozen messages', () => toChat().length >= 12, 30_000, 20);
  const posts = () => relay.arrivals.filter((r) => r.method === 'POST');
  const current = instances.byName(posts()[posts().length - 1].instance);
  await current.terminate();
  await waitUntil('all messages to reach Teams', () => toChat().length >= MESSAGES, 40_000, 100);

  const calls = toChat();
  expect(calls.map((c) => (c.body as { text?: string }).text)).toEqual(Array.from({ length: MESSAGES }, (_, i) => `Message ${i + 1}`));
  expect(busiestWindow(calls, 1_000)).toBeLessThanOrEqual(7);
  expect(busiestWindow(calls, 2_000)).toBeLessThanOrEqual(8);
  // Both instances sent some of them: the limit held across processes, not inside one.
  const senders = posts().map((r) => r.instance);
  expect(new Set(senders)).toEqual(new Set(['a', 'b']));
  expect(senders[senders.length - 1]).not.toBe(current.name);
}, 90_000);
