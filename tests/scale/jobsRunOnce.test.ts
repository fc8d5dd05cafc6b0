/**
 * Jobs run once with two instances polling. Real jobs of a kind the app handles (the consent
 * "welcome" for late joiners, which posts a short message in the meeting chat) are scheduled
 * while both server processes poll the same Azure Tables account. A relay in front of Azurite
 * sees every claim: each job is claimed successfully exactly once, its message is queued once,
 * and Teams (the fake connector) gets each at least once, any second copy recorded in 'sends'.
 */
import { OUTBOX_TABLE, SENDS_TABLE, type AttemptRecord } from '../../bot/core/outbox';
import { keyPart } from '../../bot/core/keys';
import type { Entity, Store } from '../../bot/core/ports';
import { jobIdFor, jobPartition } from '../../bot/jobs/jobRecord';
import { createJobStore } from '../../bot/jobs/jobStore';
import { WELCOME_JOB } from '../../bot/services/consentJoiners';
import type { Azurite } from '../support/azurite';
import type { FakeConnector } from '../support/fakeConnector';
import { waitUntil, type Instances } from '../support/instances';
import type { Arrival, Relay } from './relay';
import { rememberChat } from './scaleKit';
import { startScaleRig, stopScaleRig } from './scaleRig';

const CHATS = Array.from({ length: 4 }, (_, c) => `19:scale-jobs-${c}@thread.v2`);
const WINDOWS = 6;

let azurite: Azurite;
let fake: FakeConnector;
let relay: Relay;
let store: Store;
let instances: Instances;

beforeAll(async () => {
  ({ azurite, fake, relay, store, instances } = await startScaleRig('storage'));
}, 60_000);

afterAll(() => stopScaleRig({ azurite, fake, relay, store, instances }), 30_000);

async function partition(table: string, partitionKey: string, rowKeyPrefix?: string): Promise<Entity[]> {
  const rows: Entity[] = [];
  let continuation: string | undefined;
  do {
    const page = await store.query(table, partitionKey, { continuation, ...(rowKeyPrefix ? { rowKeyPrefix } : {}) });
    rows.push(...page.entities);
    continuation = page.continuation;
  } while (continuation);
  return rows;
}

/** A claim is the conditional write that sets a job running (jobStore.claim); 204 means it won. */
function isClaimOf(jobId: string) {
  const rowPath = `/jobs(PartitionKey='${jobPartition(jobId)}',RowKey='job')`;
  return (arrival: Arrival) => arrival.method === 'PUT' && decodeURIComponent(arrival.path).includes(rowPath) && arrival.body.includes('"status":"running"');
}

test('each job is claimed and applied once while two instances poll; messages reach Teams at least once, duplicates recorded', async () => {
  for (const chat of CHATS) await rememberChat(store, chat, fake.url);
  const jobs = createJobStore({ store, clock: { now: () => new Date() } });
  const scheduled = CHATS.flatMap((conversationId, c) =>
    Array.from({ length: WINDOWS }, (_, window) => ({ conversationId, sessionKey: `scale-jobs-session-${c}`, window, key: `scaleWelcome|${c}|${window}` })),
  );
  const now = new Date();
  for (const s of scheduled) {
    await jobs.schedule({ kind: WELCOME_JOB, dueAt: now, idempotencyKey: s.key, payload: { sessionKey: s.sessionKey, conversationId: s.conversationId, window: s.window } });
  }

  await waitUntil('every job to be done', async () => (await Promise.all(scheduled.map((s) => jobs.find(s.key)))).every((job) => job?.status === 'done'), 45_000, 250);
  await waitUntil('every message to reach Teams', () => fake.calls.filter((c) => c.method === 'POST').length >= scheduled.length, 15_000);

  // Claimed once each: exactly one winning claim per job reached the store, whoever made it.
  const claimers = new Set<string | undefined>();
  for (const s of scheduled) {
    const claims = relay.arrivals.filter(isClaimOf(jobIdFor(s.key)));
    const won = claims.filter((c) => c.status === 204);
    expect(won).toHaveLength(1);
    claimers.add(won[0].instance);
    expect(await jobs.find(s.key)).toMatchObject({ status: 'done', attempts: 0 });
  }
  expect([...claimers].every((name) => name === 'a' || name === 'b')).toBe(true);
  // Both instances were polling the same due buckets all along.
  const pollers = new Set(relay.arrivals.filter((r) => r.method === 'GET' && r.path.includes('/jobs()')).map((r) => r.instance));
  expect(pollers).toEqual(new Set(['a', 'b']));

  for (const chat of CHATS) {
    const mine = scheduled.filter((s) => s.conversationId === chat);
    // The effect in our store: one queued message per job (its idempotency row), all delivered.
    const keyRows = await partition(OUTBOX_TABLE, keyPart(chat), 'k|');
    expect(keyRows).toHaveLength(mine.length);
    expect(keyRows.every((row) => row.props.status === 'delivered')).toBe(true);
    // Teams: at least once each; any copy beyond one is a recorded possible duplicate.
    const records = (await partition(SENDS_TABLE, keyPart(chat))).map((e) => e.props as unknown as AttemptRecord);
    const delivered = records.filter((r) => r.outcome === 'delivered');
    expect(new Set(delivered.map((r) => r.idempotencyKey)).size).toBe(mine.length);
    const posts = fake.calls.filter((c) => c.method === 'POST' && c.conversationId === chat);
    const recordedDuplicates = records.filter((r) => r.possibleDuplicate === true).length;
    expect(posts.length).toBe(mine.length + recordedDuplicates);
  }
}, 90_000);
