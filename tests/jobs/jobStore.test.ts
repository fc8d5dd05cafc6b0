import { openSqliteStore } from '../../bot/storage/sqliteStore';
import type { Store } from '../../bot/core/ports';
import { createJobStore } from '../../bot/jobs/jobStore';
import { JOBS_TABLE, bucketStart, duePartition } from '../../bot/jobs/jobRecord';
import { START, manualClock, minutes, testRunner } from './jobTestKit';

describe('job store', () => {
  let store: Store;
  beforeEach(() => {
    store = openSqliteStore({ file: ':memory:' });
  });
  afterEach(async () => {
    await store.close();
  });

  it('keeps one job when the same idempotency key is scheduled twice', async () => {
    const clock = manualClock();
    const jobs = createJobStore({ store, clock });
    const job = { kind: 'remind', dueAt: new Date(START.getTime() + minutes(5)), payload: { step: 1 }, idempotencyKey: 'session-1|remind|1' };

    expect(await jobs.schedule(job)).toEqual({ scheduled: true });
    expect(await jobs.schedule({ ...job, payload: { step: 2 } })).toEqual({ scheduled: false });

    const saved = await jobs.find(job.idempotencyKey);
    expect(saved).toMatchObject({ kind: 'remind', status: 'pending', attempts: 0, payload: { step: 1 } });
    const bucket = await jobs.readBucket(bucketStart(job.dueAt));
    expect(bucket).toHaveLength(1);
  });

  it('runs a job scheduled twice only once', async () => {
    const clock = manualClock();
    const runs: string[] = [];
    const runner = testRunner(store, clock, { remind: async (job) => (runs.push(job.idempotencyKey), 'done') });
    const job = { kind: 'remind', dueAt: START, payload: {}, idempotencyKey: 'twice' };
    await runner.jobs.schedule(job);
    await runner.jobs.schedule(job);

    await runner.runDueOnce();
    await runner.runDueOnce();
    expect(runs).toEqual(['twice']);
  });

  it('accepts idempotency keys with forbidden characters and beyond the key length limit', async () => {
    const clock = manualClock();
    const runs: number[] = [];
    const runner = testRunner(store, clock, { remind: async (job) => (runs.push(Number(job.payload.n)), 'done') });
    const longKey = 'meeting/abc+def==?#'.repeat(60);
    const otherLongKey = longKey + 'x';

    expect(await runner.jobs.schedule({ kind: 'remind', dueAt: START, payload: { n: 1 }, idempotencyKey: longKey })).toEqual({ scheduled: true });
    expect(await runner.jobs.schedule({ kind: 'remind', dueAt: START, payload: { n: 2 }, idempotencyKey: otherLongKey })).toEqual({ scheduled: true });
    expect(await runner.jobs.schedule({ kind: 'remind', dueAt: START, payload: { n: 3 }, idempotencyKey: longKey })).toEqual({ scheduled: false });

    await runner.runDueOnce();
    expect(runs.sort()).toEqual([1, 2]);
    expect((await runner.jobs.find(longKey))?.idempotencyKey).toBe(longKey);
  });

  it('indexes due jobs by the minute they fall due', async () => {
    const clock = manualClock();
    const jobs = createJobStore({ store, clock });
    const dueAt = new Date('2026-11-26T08:15:42.000Z');
    await jobs.schedule({ kind: 'remind', dueAt, payload: {}, idempotencyKey: 'k' });

    const page = await store.query(JOBS_TABLE, 'due|2026-11-26T08:15');
    expect(page.entities).toHaveLength(1);
    expect(duePartition(dueAt)).toBe('due|2026-11-26T08:15');
  });
});
