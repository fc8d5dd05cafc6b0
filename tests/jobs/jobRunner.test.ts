import { openSqliteStore } from '../../bot/storage/sqliteStore';
import type { Store } from '../../bot/core/ports';
import { bumpPlanVersion } from '../../bot/core/planVersion';
import type { JobHandler } from '../../bot/jobs/jobRunner';
import { START, manualClock, minutes, testRunner } from './jobTestKit';

function later(ms: number): Date {
  return new Date(START.getTime() + ms);
}

describe('job runner', () => {
  let store: Store;
  beforeEach(() => {
    store = openSqliteStore({ file: ':memory:' });
  });
  afterEach(async () => {
    await store.close();
  });

  it('does not run a job before it is due, then runs it once', async () => {
    const clock = manualClock();
    const runs: Date[] = [];
    const runner = testRunner(store, clock, { remind: async (_job, { now }) => (runs.push(now), 'done') });
    await runner.jobs.schedule({ kind: 'remind', dueAt: later(minutes(5)), payload: {}, idempotencyKey: 'r1' });

    await runner.runDueOnce();
    clock.advance(minutes(4));
    await runner.runDueOnce();
    expect(runs).toHaveLength(0);

    clock.advance(minutes(1));
    await runner.runDueOnce();
    clock.advance(minutes(1));
    await runner.runDueOnce();
    expect(runs).toEqual([later(minutes(5))]);
    expect(await runner.jobs.find('r1')).toMatchObject({ status: 'done', attempts: 0 });
  });

  it('runs a job scheduled in the past after the runner has moved on', async () => {
    const clock = manualClock();
    const runs: string[] = [];
    const runner = testRunner(store, clock, { remind: async () => (runs.push('ran'), 'done') });
    await runner.runDueOnce();
    clock.advance(minutes(30));
    await runner.runDueOnce();

    await runner.jobs.schedule({ kind: 'remind', dueAt: later(minutes(1)), payload: {}, idempotencyKey: 'late' });
    await runner.runDueOnce();
    expect(runs).toEqual(['ran']);
  });

  it('retries a failing job with growing delays and records the final failure', async () => {
    const clock = manualClock();
    let calls = 0;
    const failing: JobHandler = async () => {
      calls++;
      throw Object.assign(new Error('Could not reach Alice Example'), { code: 'ECONNRESET' });
    };
    const runner = testRunner(store, clock, { send: failing });
    await runner.jobs.schedule({ kind: 'send', dueAt: START, payload: {}, idempotencyKey: 'f1', maxAttempts: 3 });

    await runner.runDueOnce();
    expect(await runner.jobs.find('f1')).toMatchObject({ status: 'pending', attempts: 1, lastError: 'ECONNRESET' });

    clock.advance(500); // first retry waits 1 s
    await runner.runDueOnce();
    expect(calls).toBe(1);

    clock.advance(500);
    await runner.runDueOnce();
    expect(await runner.jobs.find('f1')).toMatchObject({ status: 'pending', attempts: 2 });

    clock.advance(2_000); // second retry waits 2 s
    await runner.runDueOnce();
    const failed = await runner.jobs.find('f1');
    expect(failed).toMatchObject({ status: 'failed', attempts: 3, lastError: 'ECONNRESET' });
    expect(JSON.stringify(failed)).not.toContain('Alice');

    clock.advance(minutes(60));
    await runner.runDueOnce();
    expect(calls).toBe(3);
  });

  it('drops a job planned against an older plan version and records why', async () => {
    const clock = manualClock();
    const runs: string[] = [];
    const runner = testRunner(store, clock, { remind: async (job) => (runs.push(job.idempotencyKey), 'done') });
    const first = await bumpPlanVersion(store, 'session-1');
    expect(first).toEqual({ ok: true, version: 1 });
    await runner.jobs.schedule({ kind: 'remind', dueAt: START, payload: {}, idempotencyKey: 'old-plan', planScope: 'session-1', planVersion: 1 });

    await bumpPlanVersion(store, 'session-1'); // the agenda moved
    await runner.jobs.schedule({ kind: 'remind', dueAt: START, payload: {}, idempotencyKey: 'new-plan', planScope: 'session-1', planVersion: 2 });
    await runner.runDueOnce();

    expect(runs).toEqual(['new-plan']);
    expect(await runner.jobs.find('old-plan')).toMatchObject({ status: 'dropped', dropReason: 'stalePlan' });
    expect(await runner.jobs.find('new-plan')).toMatchObject({ status: 'done' });
  });

  it('records a job the handler finds too late to be useful', async () => {
    const clock = manualClock();
    const runner = testRunner(store, clock, {
      breakOver: async (job, { now }) => (now.getTime() > Date.parse(String(job.payload.breakEndsAt)) ? { drop: 'tooLate' } : 'done'),
    });
    const breakEndsAt = later(minutes(10)).toISOString();
    await runner.jobs.schedule({ kind: 'breakOver', dueAt: later(minutes(8)), payload: { breakEndsAt }, idempotencyKey: 'b1' });

    clock.advance(minutes(15)); // the instance was down through the whole break
    await runner.runDueOnce();
    expect(await runner.jobs.find('b1')).toMatchObject({ status: 'dropped', dropReason: 'tooLate' });
  });

  it('moves a job when the handler asks to run it later, without counting a failure', async () => {
    const clock = manualClock();
    let calls = 0;
    const runner = testRunner(store, clock, {
      digest: async (_job, { now }) => (++calls === 1 ? { retryAt: new Date(now.getTime() + minutes(10)) } : 'done'),
    });
    await runner.jobs.schedule({ kind: 'digest', dueAt: START, payload: {}, idempotencyKey: 'd1' });

    await runner.runDueOnce();
    expect(await runner.jobs.find('d1')).toMatchObject({ status: 'pending', attempts: 0, dueAt: later(minutes(10)) });
    clock.advance(minutes(9));
    await runner.runDueOnce();
    expect(calls).toBe(1);
    clock.advance(minutes(1));
    await runner.runDueOnce();
    expect(await runner.jobs.find('d1')).toMatchObject({ status: 'done' });
  });

  it('records a job nobody knows how to run as failed', async () => {
    const clock = manualClock();
    const runner = testRunner(store, clock, {});
    await runner.jobs.schedule({ kind: 'mystery', dueAt: START, payload: {}, idempotencyKey: 'm1' });
    await runner.runDueOnce();
    expect(await runner.jobs.find('m1')).toMatchObject({ status: 'failed', lastError: 'unknownKind' });
  });

  it('takes over an expired lease but leaves a live one alone', async () => {
    const clock = manualClock();
    let releaseStuck: () => void = () => undefined;
    const stuck = new Promise<void>((resolve) => (releaseStuck = resolve));
    const runsB: number[] = [];
    const runnerA = testRunner(store, clock, { remind: async () => (await stuck, 'done') }, 'instance-a');
    const runnerB = testRunner(store, clock, { remind: async (job) => (runsB.push(job.attempts), 'done') }, 'instance-b');
    await runnerA.jobs.schedule({ kind: 'remind', dueAt: START, payload: {}, idempotencyKey: 'l1' });

    const passA = runnerA.runDueOnce(); // claims the job, then hangs in its handler
    // Wait (not a fixed sleep: the machine may be busy) until A's claim is stored.
    for (let i = 0; i < 200 && (await runnerA.jobs.find('l1'))?.status !== 'running'; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await runnerA.jobs.find('l1')).toMatchObject({ status: 'running', leaseOwner: 'instance-a' });

    clock.advance(30_000); // lease (1 min) still live
    await runnerB.runDueOnce();
    expect(runsB).toEqual([]);

    clock.advance(31_000); // lease expired
    await runnerB.runDueOnce();
    expect(runsB).toEqual([1]);
    expect(await runnerB.jobs.find('l1')).toMatchObject({ status: 'done', attempts: 1, lastError: 'leaseExpired' });

    releaseStuck(); // the old holder finishes late: it must not overwrite the record
    await passA;
    expect(await runnerB.jobs.find('l1')).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('marks a job failed instead of taking it over when its last allowed run never finished', async () => {
    const clock = manualClock();
    const runs: string[] = [];
    const runner = testRunner(store, clock, { remind: async () => (runs.push('ran'), 'done') }, 'instance-b');
    await runner.jobs.schedule({ kind: 'remind', dueAt: START, payload: {}, idempotencyKey: 'crashy', maxAttempts: 1 });
    const job = await runner.jobs.find('crashy');
    expect(job && (await runner.jobs.claim(job, 'instance-that-crashed', 1_000)).ok).toBe(true);

    clock.advance(2_000);
    await runner.runDueOnce();
    expect(runs).toEqual([]);
    expect(await runner.jobs.find('crashy')).toMatchObject({ status: 'failed', attempts: 1, lastError: 'leaseExpired' });
  });

  it('polls on its own between start and stop', async () => {
    const runs: string[] = [];
    const clock = { now: () => new Date() };
    const runner = testRunner(store, clock, { remind: async () => (runs.push('ran'), 'done') });
    await runner.jobs.schedule({ kind: 'remind', dueAt: new Date(Date.now() + 100), payload: {}, idempotencyKey: 'p1' });
    runner.start();
    for (let i = 0; i < 200 && runs.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    await runner.stop();
    expect(runs).toEqual(['ran']);
  });
});
