/**
 * Runs due jobs. Each pass reads the due buckets from the oldest one that still held unfinished
 * work up to the current minute, claims each due job by a conditional write (so with several
 * instances exactly one runs it), and records how it ended on the job row. Handlers must be safe
 * to run twice: a run that outlives its lease, or a crash after the effect, runs the job again.
 */
import type { Clock, Store } from '../core/ports';
import type { Logger } from '../core/logger';
import { currentPlanVersion, isStalePlan } from '../core/planVersion';
import { bucketStart, errorCode, nextBucket, safeCode, type DueEntry, type JobRecord } from './jobRecord';
import { createJobStore, type JobStore } from './jobStore';

export type HandlerOutcome = 'done' | { readonly drop: string } | { readonly retryAt: Date };
export type JobHandler = (job: JobRecord, context: { readonly now: Date }) => Promise<HandlerOutcome>;

export interface JobRunnerOptions {
  readonly store: Store;
  readonly clock: Clock;
  /** Names this instance in lease rows (an instance id, never a person). */
  readonly owner: string;
  readonly handlers: Readonly<Record<string, JobHandler>>;
  readonly leaseMs: number;
  readonly pollMs: number;
  readonly logger: Logger;
  /** How far back the first pass looks for work left by a previous process. Default 24 h. */
  readonly lookBackMs?: number;
  /** First retry delay after a failure, doubled each time up to maxRetryDelayMs. */
  readonly retryDelayMs?: number;
  readonly maxRetryDelayMs?: number;
  /** Index rows with no matching job are left this long first, in case a write is in progress. */
  readonly leftoverGraceMs?: number;
}

export interface RunSummary {
  readonly done: number;
  readonly dropped: number;
  readonly retried: number;
  readonly failed: number;
}

export interface JobRunner {
  /** One pass over the due buckets; what tests and `start()` call. */
  runDueOnce(): Promise<RunSummary>;
  start(): void;
  stop(): Promise<void>;
  readonly jobs: JobStore;
}

type EntryResult = 'cleared' | 'waiting';
type Tally = { done: number; dropped: number; retried: number; failed: number };

const DAY_MS = 24 * 60 * 60_000;
/** Always re-read the last few minutes: another instance's clock may be a little behind ours. */
const RESCAN_MS = 2 * 60_000;

export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const { store, clock, owner, handlers, leaseMs, pollMs, logger } = options;
  const lookBackMs = options.lookBackMs ?? DAY_MS;
  const retryDelayMs = options.retryDelayMs ?? 30_000;
  const maxRetryDelayMs = options.maxRetryDelayMs ?? 15 * 60_000;
  const leftoverGraceMs = options.leftoverGraceMs ?? 5 * 60_000;
  const jobs = createJobStore({ store, clock });

  let scanFrom: Date | undefined;
  let inFlight: Promise<RunSummary> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  /** True while stop() waits: the pass under way claims no more jobs, so stop waits only for jobs begun. */
  let stopping = false;

  function retryDelay(attempts: number): number {
    return Math.min(maxRetryDelayMs, retryDelayMs * 2 ** Math.max(0, attempts - 1));
  }

  async function planIsStale(job: JobRecord): Promise<boolean> {
    if (!job.planScope) return false;
    return isStalePlan(job.planVersion, await currentPlanVersion(store, job.planScope));
  }

  async function settle(job: JobRecord, outcome: HandlerOutcome, tally: Tally): Promise<void> {
    if (outcome === 'done') {
      if (await jobs.finish(job, { status: 'done' })) tally.done++;
      else logger.warn({ kind: job.kind }, 'Job finished after its lease was taken over; result not recorded');
    } else if ('drop' in outcome) {
      const reason = safeCode(outcome.drop, 'dropped');
      if (await jobs.finish(job, { status: 'dropped', reason })) {
        tally.dropped++;
        logger.info({ kind: job.kind, reason }, 'Job dropped');
      }
    } else if (await jobs.reschedule(job, outcome.retryAt, job.attempts)) {
      tally.retried++;
    }
  }

  async function runClaimed(job: JobRecord, handler: JobHandler, tally: Tally): Promise<void> {
    let outcome: HandlerOutcome;
    try {
      outcome = await handler(job, { now: clock.now() });
    } catch (error) {
      const code = errorCode(error);
      const attempts = job.attempts + 1;
      if (attempts >= job.maxAttempts) {
        if (await jobs.finish(job, { status: 'failed', code, attempts })) tally.failed++;
        logger.error({ kind: job.kind, code, attempts }, 'Job failed and will not be retried');
      } else {
        const retryAt = new Date(clock.now().getTime() + retryDelay(attempts));
        if (await jobs.reschedule(job, retryAt, attempts, code)) tally.retried++;
        logger.warn({ kind: job.kind, code, attempts }, 'Job failed; retrying later');
      }
      return;
    }
    await settle(job, outcome, tally);
  }

  async function handleEntry(entry: DueEntry, now: Date, tally: Tally): Promise<EntryResult> {
    const job = await jobs.read(entry.jobId);
    const isCurrentEntry = job && job.indexPartition === entry.partitionKey && job.indexRow === entry.rowKey;
    if (!job || !isCurrentEntry) {
      // A leftover from an interrupted write, or one still in progress: tidy it once it is old.
      if (now.getTime() - entry.writtenAt.getTime() < leftoverGraceMs) return 'waiting';
      await jobs.removeEntry(entry);
      return 'cleared';
    }
    if (job.status === 'done' || job.status === 'dropped' || job.status === 'failed') {
      await jobs.removeEntry(entry);
      return 'cleared';
    }
    if (job.status === 'pending' && job.dueAt > now) return 'waiting';
    if (job.status === 'running' && job.leaseUntil && job.leaseUntil > now) return 'waiting';

    if (await planIsStale(job)) {
      if (await jobs.finish(job, { status: 'dropped', reason: 'stalePlan' })) {
        tally.dropped++;
        logger.info({ kind: job.kind, reason: 'stalePlan' }, 'Job dropped: the plan has changed since it was scheduled');
      }
      return 'cleared';
    }
    const handler = Object.hasOwn(handlers, job.kind) ? handlers[job.kind] : undefined;
    if (!handler) {
      if (await jobs.finish(job, { status: 'failed', code: 'unknownKind', attempts: job.attempts })) tally.failed++;
      logger.error({ kind: safeCode(job.kind, 'unreadable') }, 'No handler for this kind of job');
      return 'cleared';
    }
    if (job.status === 'running' && job.attempts + 1 >= job.maxAttempts) {
      // The last allowed run never finished (a crash, most likely): stop here rather than crash again.
      const attempts = job.attempts + 1;
      if (await jobs.finish(job, { status: 'failed', code: 'leaseExpired', attempts })) tally.failed++;
      logger.error({ kind: job.kind, code: 'leaseExpired', attempts }, 'Job failed and will not be retried');
      return 'cleared';
    }
    if (stopping) return 'waiting';
    const claim = await jobs.claim(job, owner, leaseMs);
    // Lost the race: another instance holds it now, so the bucket is not finished yet.
    if (!claim.ok) return 'waiting';
    await runClaimed(claim.job, handler, tally);
    return 'cleared';
  }

  async function pass(): Promise<RunSummary> {
    const now = clock.now();
    const current = bucketStart(now);
    const earliest = bucketStart(new Date(now.getTime() - lookBackMs));
    let bucket = scanFrom && scanFrom > earliest ? scanFrom : earliest;
    let firstUnfinished: Date | undefined;
    const tally: Tally = { done: 0, dropped: 0, retried: 0, failed: 0 };
    for (; bucket <= current; bucket = nextBucket(bucket)) {
      // A first pass may read a day of buckets; stopping must not wait for the rest of it.
      if (stopping) {
        firstUnfinished ??= bucket;
        break;
      }
      let unfinished = false;
      for (const entry of await jobs.readBucket(bucket)) {
        try {
          if ((await handleEntry(entry, now, tally)) === 'waiting') unfinished = true;
        } catch (error) {
          // A store fault on one job must not stop the others; the entry stays for the next pass.
          unfinished = true;
          logger.error({ code: errorCode(error) }, 'Could not process a due job');
        }
      }
      if (unfinished && !firstUnfinished) firstUnfinished = bucket;
    }
    const rescanFrom = bucketStart(new Date(now.getTime() - RESCAN_MS));
    scanFrom = firstUnfinished && firstUnfinished < rescanFrom ? firstUnfinished : rescanFrom;
    return tally;
  }

  function runDueOnce(): Promise<RunSummary> {
    // One pass at a time per runner; a caller arriving mid-pass shares its result.
    inFlight ??= pass().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  }

  function tick(): void {
    runDueOnce()
      .catch((error: unknown) => logger.error({ code: errorCode(error) }, 'Job pass failed'))
      .finally(() => {
        if (running) timer = setTimeout(tick, pollMs);
      });
  }

  return {
    jobs,
    runDueOnce,
    start() {
      if (running) return;
      running = true;
      tick();
    },
    async stop() {
      running = false;
      stopping = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await inFlight?.catch(() => undefined);
      stopping = false;
    },
  };
}
