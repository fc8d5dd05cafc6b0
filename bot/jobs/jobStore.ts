/**
 * Durable jobs on the Store port: schedule (insert if absent), claim (conditional merge with the
 * ETag just read, so of two runners exactly one wins), and finish or reschedule. Writes to a job
 * row and its due-bucket index row are two partitions and so never atomic: the index row is
 * written first and removed last, so a crash leaves at worst an extra index row (which the runner
 * tidies away), never a job nobody will find.
 */
import type { Clock, JobInput, JobScheduler, Store } from '../core/ports';
import { timeKey } from '../core/keys';
import { BoundedMemo } from '../core/boundedMemo';
import {
  JOBS_TABLE,
  JOB_ROW,
  bucketStart,
  duePartition,
  dueRowKey,
  jobIdFor,
  jobPartition,
  toDueEntry,
  toJobRecord,
  type DueEntry,
  type JobRecord,
} from './jobRecord';

export interface ScheduleInput extends JobInput {
  /** Failed runs allowed before the job is marked failed; defaults to the store's setting. */
  readonly maxAttempts?: number;
}

export type FinishOutcome =
  | { readonly status: 'done' }
  | { readonly status: 'dropped'; readonly reason: string }
  | { readonly status: 'failed'; readonly code: string; readonly attempts: number };

export type ClaimResult = { readonly ok: true; readonly job: JobRecord } | { readonly ok: false };

export interface JobStore extends JobScheduler {
  schedule(job: ScheduleInput): Promise<{ readonly scheduled: boolean }>;
  /** The job for an idempotency key, for operators and tests. */
  find(idempotencyKey: string): Promise<JobRecord | undefined>;
  read(jobId: string): Promise<JobRecord | undefined>;
  /** Every index row in one minute's bucket. */
  readBucket(bucket: Date): Promise<DueEntry[]>;
  removeEntry(entry: Pick<DueEntry, 'partitionKey' | 'rowKey'>): Promise<void>;
  /** Takes a lease on a due job (or one whose lease ran out); fails if anyone changed it since it was read. */
  claim(job: JobRecord, owner: string, leaseMs: number): Promise<ClaimResult>;
  /** Records the end of a job on its row (kept for operators) and removes its index row. */
  finish(job: JobRecord, outcome: FinishOutcome): Promise<boolean>;
  /** Puts a job back to pending at a new due time. */
  reschedule(job: JobRecord, dueAt: Date, attempts: number, lastError?: string): Promise<boolean>;
}

export interface JobStoreOptions {
  readonly store: Store;
  readonly clock: Clock;
  readonly defaultMaxAttempts?: number;
}

const DEFAULT_MAX_ATTEMPTS = 5;
/** Job ids this instance knows exist; a coalesced refresh asks for the same job on every click. */
const KNOWN_JOBS_KEPT = 10_000;

export function createJobStore({ store, clock, defaultMaxAttempts = DEFAULT_MAX_ATTEMPTS }: JobStoreOptions): JobStore {
  const knownJobs = new BoundedMemo<true>(KNOWN_JOBS_KEPT);
  /**
   * A job already due is indexed under the current minute rather than its own, because a runner
   * may have moved past older buckets; the row key keeps the real due time.
   */
  async function writeIndex(jobId: string, dueAt: Date): Promise<{ partitionKey: string; rowKey: string }> {
    const now = clock.now();
    const partitionKey = duePartition(bucketStart(dueAt > now ? dueAt : now));
    const rowKey = dueRowKey(dueAt, jobId);
    await store.upsert(JOBS_TABLE, { partitionKey, rowKey, props: { jobId, writtenAt: timeKey(now) } });
    return { partitionKey, rowKey };
  }

  async function removeEntry(entry: Pick<DueEntry, 'partitionKey' | 'rowKey'>): Promise<void> {
    // notFound means someone tidied it already; either way it is gone.
    await store.delete(JOBS_TABLE, entry.partitionKey, entry.rowKey, '*');
  }

  async function read(jobId: string): Promise<JobRecord | undefined> {
    const entity = await store.get(JOBS_TABLE, jobPartition(jobId), JOB_ROW);
    return entity ? toJobRecord(entity) : undefined;
  }

  async function mergeJob(job: JobRecord, props: Record<string, string | number | null>): Promise<JobRecord | undefined> {
    const result = await store.merge(JOBS_TABLE, { partitionKey: jobPartition(job.id), rowKey: JOB_ROW, props }, job.etag);
    return result.ok ? toJobRecord(result.entity) : undefined;
  }

  return {
    async schedule(input) {
      const jobId = jobIdFor(input.idempotencyKey);
      // Same key, one job, for ever: once this instance has seen the job, it need not look again.
      if (knownJobs.get(jobId, clock.now())) return { scheduled: false };
      if (await store.get(JOBS_TABLE, jobPartition(jobId), JOB_ROW)) {
        knownJobs.set(jobId, true, clock.now());
        return { scheduled: false };
      }
      const index = await writeIndex(jobId, input.dueAt);
      const inserted = await store.insert(JOBS_TABLE, {
        partitionKey: jobPartition(jobId),
        rowKey: JOB_ROW,
        props: {
          kind: input.kind,
          payload: JSON.stringify(input.payload),
          dueAt: timeKey(input.dueAt),
          status: 'pending',
          attempts: 0,
          maxAttempts: input.maxAttempts ?? defaultMaxAttempts,
          planScope: input.planScope ?? null,
          planVersion: input.planVersion ?? 0,
          idempotencyKey: input.idempotencyKey,
          indexPartition: index.partitionKey,
          indexRow: index.rowKey,
          createdAt: timeKey(clock.now()),
        },
      });
      knownJobs.set(jobId, true, clock.now());
      // Lost a race with the same key: the index row we wrote may be a leftover; the runner tidies it.
      return { scheduled: inserted.ok };
    },

    async find(idempotencyKey) {
      return read(jobIdFor(idempotencyKey));
    },

    read,

    async readBucket(bucket) {
      const entries: DueEntry[] = [];
      let continuation: string | undefined;
      do {
        const page = await store.query(JOBS_TABLE, duePartition(bucket), continuation ? { continuation } : undefined);
        for (const entity of page.entities) {
          const entry = toDueEntry(entity);
          if (entry) entries.push(entry);
        }
        continuation = page.continuation;
      } while (continuation);
      return entries;
    },

    removeEntry,

    async claim(job, owner, leaseMs) {
      const now = clock.now();
      const takingOver = job.status === 'running';
      const claimed = await mergeJob(job, {
        status: 'running',
        leaseOwner: owner,
        leaseUntil: timeKey(new Date(now.getTime() + leaseMs)),
        startedAt: timeKey(now),
        // The previous holder stopped without finishing: that run counts as a failed attempt.
        ...(takingOver ? { attempts: job.attempts + 1, lastError: 'leaseExpired' } : {}),
      });
      return claimed ? { ok: true, job: claimed } : { ok: false };
    },

    async finish(job, outcome) {
      const finished = await mergeJob(job, {
        status: outcome.status,
        leaseOwner: null,
        leaseUntil: null,
        finishedAt: timeKey(clock.now()),
        ...(outcome.status === 'dropped' ? { dropReason: outcome.reason } : {}),
        ...(outcome.status === 'failed' ? { lastError: outcome.code, attempts: outcome.attempts } : {}),
      });
      if (!finished) return false;
      await removeEntry({ partitionKey: job.indexPartition, rowKey: job.indexRow });
      return true;
    },

    async reschedule(job, dueAt, attempts, lastError) {
      const index = await writeIndex(job.id, dueAt);
      const moved = await mergeJob(job, {
        status: 'pending',
        dueAt: timeKey(dueAt),
        attempts,
        leaseOwner: null,
        leaseUntil: null,
        indexPartition: index.partitionKey,
        indexRow: index.rowKey,
        ...(lastError ? { lastError } : {}),
      });
      if (!moved) return false;
      const unchanged = index.partitionKey === job.indexPartition && index.rowKey === job.indexRow;
      if (!unchanged) await removeEntry({ partitionKey: job.indexPartition, rowKey: job.indexRow });
      return true;
    },
  };
}
