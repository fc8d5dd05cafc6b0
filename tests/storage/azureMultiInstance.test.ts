/**
 * Two instances sharing one Azure Tables account (Azurite): each has its own store and its own
 * HTTP clients, and they coordinate only through the service's ETag checks.
 */
import { randomBytes } from 'node:crypto';
import type { Store } from '../../bot/core/ports';
import { openAzureTablesStore } from '../../bot/storage/azureTablesStore';
import { useAzurite } from '../support/azurite';
import { noopLogger } from '../../bot/core/logger';
import { createJobRunner, type JobHandler } from '../../bot/jobs/jobRunner';
import { START, manualClock, minutes } from '../jobs/jobTestKit';

const azurite = useAzurite();

describe('two instances on one Azure Tables account', () => {
  let instances: [Store, Store];
  let table: string;
  const P = 'session1';
  beforeAll(() => {
    instances = [openAzureTablesStore({ connectionString: azurite().connectionString }), openAzureTablesStore({ connectionString: azurite().connectionString })];
  });
  afterAll(async () => {
    await Promise.all(instances.map((store) => store.close()));
  });
  beforeEach(() => {
    table = 'multi' + randomBytes(8).toString('hex');
  });

  it('loses no update when 50 writers across both add to one row, retrying when the ETag moved', async () => {
    const [a] = instances;
    await a.insert(table, { partitionKey: P, rowKey: 'tally', props: { count: 0, writers: '[]' } });
    let conflicts = 0;
    const addOne = async (writer: number) => {
      const store = instances[writer % 2];
      for (;;) {
        const current = await store.get(table, P, 'tally');
        if (!current) throw new Error('the tally row vanished');
        const writers = [...(JSON.parse(String(current.props.writers)) as number[]), writer];
        const next = { count: Number(current.props.count) + 1, writers: JSON.stringify(writers) };
        const result = await store.replace(table, { partitionKey: P, rowKey: 'tally', props: next }, current.etag);
        if (result.ok) return;
        expect(result).toEqual({ ok: false, reason: 'etagMismatch' });
        conflicts++;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20)); // spread the retries out
      }
    };
    await Promise.all(Array.from({ length: 50 }, (_, writer) => addOne(writer)));

    for (const store of instances) {
      const tally = await store.get(table, P, 'tally');
      expect(tally?.props.count).toBe(50);
      expect((JSON.parse(String(tally?.props.writers)) as number[]).sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    }
    expect(conflicts).toBeGreaterThan(0); // they really did collide
  });

  it('lets exactly one of 50 inserts of the same key across both instances win', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => instances[i % 2].insert(table, { partitionKey: P, rowKey: 'consent|person|1', props: { answeredBy: i } })),
    );
    const winners = results.flatMap((result, i) => (result.ok ? [i] : []));
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === 'exists')).toHaveLength(49);
    for (const store of instances) expect((await store.get(table, P, 'consent|person|1'))?.props).toEqual({ answeredBy: winners[0] });
  });

  it('lets exactly one of two instances finish a queued item whose version both read', async () => {
    // The outbox's finish: delete the queued row with its ETag and record the outcome, atomically.
    const [a, b] = instances;
    const queued = await a.insert(table, { partitionKey: P, rowKey: 'queued', props: { attempt: 1 } });
    if (!queued.ok) throw new Error('insert failed');
    const finish = (store: Store, by: string) =>
      store.batch(table, P, [
        { kind: 'delete', rowKey: 'queued', etag: queued.entity.etag },
        { kind: 'upsert', entity: { partitionKey: P, rowKey: 'outcome', props: { by } } },
      ]);
    const [fromA, fromB] = await Promise.all([finish(a, 'a'), finish(b, 'b')]);
    expect([fromA.ok, fromB.ok].filter(Boolean)).toHaveLength(1);
    const loser = fromA.ok ? fromB : fromA;
    expect(loser).toEqual({ ok: false, index: 0, reason: 'notFound' });
    expect((await b.get(table, P, 'outcome'))?.props).toEqual({ by: fromA.ok ? 'a' : 'b' });
  });

  it('applies each due job once when two job runners race for them', async () => {
    const clock = manualClock();
    const effects: string[] = [];
    const handler = async (job: { idempotencyKey: string }): Promise<'done'> => {
      effects.push(job.idempotencyKey);
      await new Promise((resolve) => setImmediate(resolve));
      return 'done';
    };
    // As jobTestKit's runner, but looking back 5 minutes rather than a day: a day is 1,440 bucket
    // queries per first pass, each an HTTP round trip here.
    const runner = (store: Store, owner: string, handlers: Record<string, JobHandler>) =>
      createJobRunner({ store, clock, owner, handlers, leaseMs: minutes(1), pollMs: 20, logger: noopLogger, lookBackMs: minutes(5) });
    const runnerA = runner(instances[0], 'instance-a', { send: handler });
    const runnerB = runner(instances[1], 'instance-b', { send: handler });
    const keys = Array.from({ length: 20 }, (_, i) => `message-${randomBytes(4).toString('hex')}-${i}`);
    for (const key of keys) await runnerA.jobs.schedule({ kind: 'send', dueAt: START, payload: {}, idempotencyKey: key });

    const [a, b] = await Promise.all([runnerA.runDueOnce(), runnerB.runDueOnce()]);
    await Promise.all([runnerA.runDueOnce(), runnerB.runDueOnce()]);

    expect(effects.sort()).toEqual([...keys].sort());
    expect(a.done + b.done).toBe(keys.length);
    for (const key of keys) expect((await runnerB.jobs.find(key))?.status).toBe('done');
  });
});
