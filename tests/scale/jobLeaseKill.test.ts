/**
 * kill -9 of the instance holding a job's lease: the other instance finishes the job once the
 * lease has expired, and not before. A relay in front of Azurite lets the claim through (the lease
 * is taken in the store) but never returns its answer, so the holder is killed after claiming and
 * before running the job — the moment a crash leaves the most behind. Job leases last 60 s and
 * are not a setting, so the survivor's clock is moved on (tests/support/instances.ts) instead of
 * waiting a minute.
 */
import { keyPart } from '../../bot/core/keys';
import { OUTBOX_TABLE } from '../../bot/core/outbox';
import type { Store } from '../../bot/core/ports';
import { jobIdFor, jobPartition } from '../../bot/jobs/jobRecord';
import { createJobStore } from '../../bot/jobs/jobStore';
import { WELCOME_JOB } from '../../bot/services/consentJoiners';
import type { Azurite } from '../support/azurite';
import type { FakeConnector } from '../support/fakeConnector';
import { waitUntil, type Instances } from '../support/instances';
import type { Arrival, Relay } from './relay';
import { rememberChat } from './scaleKit';
import { startScaleRig, stopScaleRig } from './scaleRig';

const CHAT = '19:scale-lease-chat@thread.v2';
const JOB_LEASE_MS = 60_000;

let azurite: Azurite;
let fake: FakeConnector;
let relay: Relay;
let store: Store;
let instances: Instances;

beforeAll(async () => {
  ({ azurite, fake, relay, store, instances } = await startScaleRig('storage'));
}, 60_000);

afterAll(() => stopScaleRig({ azurite, fake, relay, store, instances }), 30_000);

/** The conditional write that sets this job running (jobStore.claim). */
const claimOf = (key: string) => (arrival: Arrival) =>
  arrival.method === 'PUT' && decodeURIComponent(arrival.path).includes(`/jobs(PartitionKey='${jobPartition(jobIdFor(key))}',RowKey='job')`) && arrival.body.includes('"status":"running"');

test('after kill -9 of the lease holder, the other instance runs the job once the lease has expired', async () => {
  await rememberChat(store, CHAT, fake.url);
  const jobs = createJobStore({ store, clock: { now: () => new Date() } });
  const keys = ['scaleLease|0', 'scaleLease|1', 'scaleLease|2'];
  const [stranded, ...others] = keys;
  const held = relay.holdNext(claimOf(stranded));
  const now = new Date();
  for (const [window, key] of keys.entries()) {
    await jobs.schedule({ kind: WELCOME_JOB, dueAt: now, idempotencyKey: key, payload: { sessionKey: 'scale-lease-session', conversationId: CHAT, window } });
  }

  // Whichever instance claims the job first is killed before it hears back.
  const claim = await held;
  expect(claim.status).toBe(204);
  const victim = instances.byName(claim.instance);
  await victim.kill9();
  const survivor = instances.all.find((i) => i !== victim)!;
  expect(survivor.running()).toBe(true);
  const abandoned = await jobs.find(stranded);
  expect(abandoned).toMatchObject({ status: 'running', attempts: 0 });
  expect(abandoned!.leaseUntil!.getTime()).toBeGreaterThan(Date.now());

  // The survivor does the other jobs, but leaves the stranded one alone while its lease lasts.
  await waitUntil('the other jobs', async () => (await Promise.all(others.map((k) => jobs.find(k)))).every((j) => j?.status === 'done'), 40_000, 200);
  await new Promise((resolve) => setTimeout(resolve, 3_000)); // three of its polls
  expect(await jobs.find(stranded)).toMatchObject({ status: 'running', attempts: 0 });
  expect(relay.arrivals.filter((a) => claimOf(stranded)(a) && a.instance === survivor.name)).toEqual([]);

  // Past the lease: the survivor takes it over, counts the abandoned run, and finishes it.
  await instances.advanceClocks(JOB_LEASE_MS + 5_000);
  await waitUntil('the stranded job', async () => (await jobs.find(stranded))?.status === 'done', 20_000, 200);
  expect(await jobs.find(stranded)).toMatchObject({ status: 'done', attempts: 1, lastError: 'leaseExpired' });
  const wins = relay.arrivals.filter((a) => claimOf(stranded)(a) && a.status === 204);
  expect(wins.map((a) => a.instance)).toEqual([victim.name, survivor.name]);

  // Its effect happened once: three welcome messages queued and delivered in all, one per job.
  await waitUntil('three messages in the chat', () => fake.calls.filter((c) => c.method === 'POST' && c.conversationId === CHAT).length >= 3, 15_000);
  const keyRows = await store.query(OUTBOX_TABLE, keyPart(CHAT), { rowKeyPrefix: 'k|' });
  expect(keyRows.entities.map((e) => e.props.status)).toEqual(['delivered', 'delivered', 'delivered']);
  expect(fake.calls.filter((c) => c.method === 'POST' && c.conversationId === CHAT)).toHaveLength(3);
}, 90_000);
