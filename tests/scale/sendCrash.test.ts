/**
 * A server process killed between a send and its record. Teams (the fake connector) has the
 * message, but the process dies (kill -9) before hearing back, so the outbox still shows it in
 * flight and the dead instance still holds the chat's send lease. The other instance leaves the
 * chat alone until that lease expires, then sends the rest in order: the interrupted message
 * goes again (one duplicate at most, recorded as a possible duplicate in 'sends'), the others once.
 * The lease lasts 5 minutes and is not a setting, so the survivor's clock is moved on instead.
 */
import { randomUUID } from 'node:crypto';
import { keyPart } from '../../bot/core/keys';
import { SENDS_TABLE, StoreOutbox, type AttemptRecord } from '../../bot/core/outbox';
import type { Store } from '../../bot/core/ports';
import type { Azurite } from '../support/azurite';
import type { FakeConnector } from '../support/fakeConnector';
import { waitUntil, type Instances } from '../support/instances';
import type { Relay } from './relay';
import { rememberChat } from './scaleKit';
import { startScaleRig, stopScaleRig } from './scaleRig';

const CHAT = '19:scale-crash-chat@thread.v2';
const SEND_LEASE_MS = 5 * 60_000;
const MESSAGES = 5;

let azurite: Azurite;
let fake: FakeConnector;
let relay: Relay;
let store: Store;
let instances: Instances;

beforeAll(async () => {
  ({ azurite, fake, relay, store, instances } = await startScaleRig('connector'));
}, 60_000);

afterAll(() => stopScaleRig({ azurite, fake, relay, store, instances }), 30_000);

test('killed after Teams took a message but before recording it: at most one duplicate, recorded, and the rest sent once in order', async () => {
  await rememberChat(store, CHAT, `${relay.url}/`);
  const chatPath = `/v3/conversations/${encodeURIComponent(CHAT)}/activities`;
  const held = relay.holdNext((a) => a.method === 'POST' && a.path.startsWith(chatPath));
  const outbox = new StoreOutbox({ store, clock: { now: () => new Date() }, ids: { random: randomUUID } });
  for (let n = 1; n <= MESSAGES; n++) {
    await outbox.enqueue({ conversationId: CHAT, idempotencyKey: `crash-${n}`, message: { kind: 'send', text: `Message ${n}` } });
  }

  const post = await held; // Teams has it; the sender is still waiting for the answer
  expect(post.status).toBe(201);
  const victim = instances.byName(post.instance);
  await victim.kill9();
  const survivor = instances.all.find((i) => i !== victim)!;
  const texts = () => fake.calls.filter((c) => c.method === 'POST' && c.conversationId === CHAT).map((c) => (c.body as { text?: string }).text);
  expect(texts()).toEqual(['Message 1']);

  // The dead instance's lease still stands: nothing more goes to the chat meanwhile.
  await new Promise((resolve) => setTimeout(resolve, 3_000)); // a dozen of the survivor's polls
  expect(texts()).toEqual(['Message 1']);

  await instances.advanceClocks(SEND_LEASE_MS + 5_000);
  await waitUntil('the rest of the queue', () => texts().length >= MESSAGES + 1, 20_000);
  expect(texts()).toEqual(['Message 1', 'Message 1', 'Message 2', 'Message 3', 'Message 4', 'Message 5']);
  expect(new Set(relay.arrivals.filter((a) => a.method === 'POST').slice(1).map((a) => a.instance))).toEqual(new Set([survivor.name]));

  // The second copy is on record as a possible duplicate; nothing else is.
  const records = (await store.query(SENDS_TABLE, keyPart(CHAT))).entities.map((e) => e.props as unknown as AttemptRecord);
  expect(records.filter((r) => r.possibleDuplicate === true)).toEqual([
    expect.objectContaining({ idempotencyKey: 'crash-1', attempt: 2, outcome: 'delivered' }),
  ]);
  expect(records.filter((r) => r.outcome === 'delivered').map((r) => r.idempotencyKey).sort()).toEqual(['crash-1', 'crash-2', 'crash-3', 'crash-4', 'crash-5']);
  // Duplicates seen by Teams = duplicates on record.
  const duplicatesAtTeams = texts().length - new Set(texts()).size;
  expect(duplicatesAtTeams).toBe(records.filter((r) => r.possibleDuplicate === true).length);
}, 90_000);
