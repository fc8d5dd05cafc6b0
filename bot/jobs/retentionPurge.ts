/**
 * The retention purge: once a day, sessions whose meeting day is more than RETENTION_DAYS ago are
 * deleted (retentionPurgeSession.ts says what goes and what stays). It is a durable job with one
 * idempotency key per day, so however many instances start, each day's purge is one job; each run
 * schedules the next day's. Every start also schedules today's and tomorrow's, which repairs the
 * chain if a run was lost. A long backlog is worked through in slices, each its own short run, so
 * no run outlives its lease.
 */
import { monthOf, monthsBetween, sessionsOfMonth } from '../core/retentionIndex';
import type { JobScheduler } from '../core/ports';
import type { ServiceDeps } from '../services/deps';
import type { JobHandler } from './jobRunner';
import { purgeSession, type SessionToPurge } from './retentionPurgeSession';

export const RETENTION_PURGE_JOB = 'retention.purge';

const DAY_MS = 24 * 60 * 60_000;
/** 03:00 UTC: night-time in the UK and Europe, when meetings are rare. */
const PURGE_HOUR_UTC = 3;
/** How far back before the cutoff month the purge looks; older entries were purged on earlier days. */
const LOOK_BACK_MONTHS = 36;
/** Sessions per run; a longer backlog continues a minute later. */
const SESSIONS_PER_RUN = 25;
const NEXT_SLICE_MS = 60_000;

export interface RetentionPurgeOptions {
  /** The app's services: the purge uses their store, logger and job scheduler. */
  readonly services: ServiceDeps;
  readonly retentionDays: number;
}

export interface PurgeOutcome {
  readonly sessions: number;
  readonly rows: number;
  /** More expired sessions remain than one run handles. */
  readonly more: boolean;
}

/** `2026-11-25`: the UTC day of a time. */
export function dayOf(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** Sessions whose meeting day is before this day are expired. */
export function retentionCutoff(now: Date, retentionDays: number): string {
  return dayOf(new Date(now.getTime() - retentionDays * DAY_MS));
}

function purgeJobFor(day: string) {
  return {
    kind: RETENTION_PURGE_JOB,
    dueAt: new Date(`${day}T${String(PURGE_HOUR_UTC).padStart(2, '0')}:00:00.000Z`),
    payload: { day },
    idempotencyKey: `retentionPurge|${day}`,
  };
}

/** Today's purge (due at once if its hour has passed) and tomorrow's; repeats change nothing. */
export async function scheduleRetentionPurge(jobs: JobScheduler, now: Date): Promise<void> {
  await jobs.schedule(purgeJobFor(dayOf(now)));
  await jobs.schedule(purgeJobFor(dayOf(new Date(now.getTime() + DAY_MS))));
}

/** Deletes up to `limit` expired sessions, oldest months first. */
export async function purgeExpiredSessions(services: ServiceDeps, cutoff: string, now: Date, limit = SESSIONS_PER_RUN): Promise<PurgeOutcome> {
  const { store } = services;
  const cutoffMonth = monthOf(cutoff);
  const [year, month] = cutoffMonth.split('-').map(Number);
  const firstMonth = monthOf(new Date(Date.UTC(year, month - 1 - LOOK_BACK_MONTHS, 1)).toISOString());
  let sessions = 0;
  let rows = 0;
  for (const candidateMonth of monthsBetween(firstMonth, cutoffMonth)) {
    for (const hit of await sessionsOfMonth(store, candidateMonth)) {
      const session = sessionToPurge(hit.entity.props.data, hit);
      if (!session || session.occurrence >= cutoff) continue;
      if (sessions === limit) return { sessions, rows, more: true };
      rows += (await purgeSession(services, session, now)).rows;
      sessions++;
    }
  }
  return { sessions, rows, more: false };
}

function sessionToPurge(data: unknown, row: { partitionKey: string; rowKey: string }): SessionToPurge | undefined {
  try {
    const parsed = JSON.parse(String(data)) as { sessionKey?: unknown; conversationId?: unknown; occurrence?: unknown };
    const { sessionKey, conversationId, occurrence } = parsed;
    if (typeof sessionKey !== 'string' || typeof conversationId !== 'string' || typeof occurrence !== 'string') return undefined;
    return { sessionKey, conversationId, occurrence, row: { partitionKey: row.partitionKey, rowKey: row.rowKey } };
  } catch {
    return undefined;
  }
}

export function createRetentionPurge(options: RetentionPurgeOptions): { readonly kind: string; readonly handler: JobHandler } {
  const { services, retentionDays } = options;
  const { logger, jobs } = services;
  const handler: JobHandler = async (job, { now }) => {
    const cutoff = retentionCutoff(now, retentionDays);
    const outcome = await purgeExpiredSessions(services, cutoff, now);
    // Counts only: which sessions went is not logged.
    logger.info({ sessions: outcome.sessions, rows: outcome.rows, more: outcome.more, retentionDays }, 'retention purge');
    if (outcome.more) return { retryAt: new Date(now.getTime() + NEXT_SLICE_MS) };
    const day = typeof job.payload.day === 'string' ? job.payload.day : dayOf(now);
    await jobs.schedule(purgeJobFor(dayOf(new Date(Date.parse(`${day}T00:00:00.000Z`) + DAY_MS))));
    return 'done';
  };
  return { kind: RETENTION_PURGE_JOB, handler };
}
