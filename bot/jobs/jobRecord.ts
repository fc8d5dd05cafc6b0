/**
 * How a durable job looks in the Store: one row per job (partition `job|<id>`) plus one index
 * row in the partition of the minute it becomes due (`due|2026-11-25T23:51`), so a runner finds
 * due work by reading a few small partitions, never by scanning every job.
 */
import { createHash } from 'node:crypto';
import { keyPart, timeKey } from '../core/keys';
import type { Entity, Properties, PropertyValue } from '../core/ports';

export const JOBS_TABLE = 'jobs';
export const JOB_ROW = 'job';
const BUCKET_MS = 60_000;
/** Leaves room in the 255-byte key limit for the `job|` and time prefixes. */
const MAX_READABLE_ID = 180;

export type JobStatus = 'pending' | 'running' | 'done' | 'dropped' | 'failed';

export interface JobRecord {
  readonly id: string;
  readonly kind: string;
  readonly payload: Readonly<Record<string, PropertyValue>>;
  readonly dueAt: Date;
  readonly status: JobStatus;
  /** Runs that failed or were abandoned (a lease that ran out). */
  readonly attempts: number;
  readonly maxAttempts: number;
  readonly leaseOwner?: string;
  readonly leaseUntil?: Date;
  /** A short code (error class or code), never a message: messages can carry personal data. */
  readonly lastError?: string;
  readonly dropReason?: string;
  readonly planScope?: string;
  readonly planVersion: number;
  readonly idempotencyKey: string;
  /** The index row that currently points at this job; older index rows are leftovers. */
  readonly indexPartition: string;
  readonly indexRow: string;
  readonly etag: string;
}

/** An index row as read from a due bucket. */
export interface DueEntry {
  readonly partitionKey: string;
  readonly rowKey: string;
  readonly jobId: string;
  readonly writtenAt: Date;
}

/**
 * The job id is the escaped idempotency key, so the same key always names the same row; keys
 * too long for Azure's limit keep a readable prefix and add a hash of the whole key. `~` never
 * appears in escaped text, so a hashed id cannot collide with a readable one.
 */
export function jobIdFor(idempotencyKey: string): string {
  const escaped = keyPart(idempotencyKey);
  if (escaped.length <= MAX_READABLE_ID) return escaped;
  const hash = createHash('sha256').update(idempotencyKey, 'utf8').digest('hex');
  return `${escaped.slice(0, MAX_READABLE_ID - 65)}~${hash}`;
}

export function jobPartition(jobId: string): string {
  return `job|${jobId}`;
}

export function bucketStart(at: Date): Date {
  return new Date(Math.floor(at.getTime() / BUCKET_MS) * BUCKET_MS);
}

export function nextBucket(bucket: Date): Date {
  return new Date(bucket.getTime() + BUCKET_MS);
}

/** `due|2026-11-25T23:51`: one partition per UTC minute. */
export function duePartition(at: Date): string {
  return `due|${timeKey(at).slice(0, 16)}`;
}

export function dueRowKey(dueAt: Date, jobId: string): string {
  return `${timeKey(dueAt)}|${jobId}`;
}

export function toDueEntry(entity: Entity): DueEntry | undefined {
  const { jobId, writtenAt } = entity.props;
  if (typeof jobId !== 'string' || typeof writtenAt !== 'string') return undefined;
  return { partitionKey: entity.partitionKey, rowKey: entity.rowKey, jobId, writtenAt: new Date(writtenAt) };
}

const STATUSES: readonly JobStatus[] = ['pending', 'running', 'done', 'dropped', 'failed'];

function text(props: Properties, name: string): string | undefined {
  const value = props[name];
  return typeof value === 'string' ? value : undefined;
}

function count(props: Properties, name: string): number | undefined {
  const value = props[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function date(props: Properties, name: string): Date | undefined {
  const value = text(props, name);
  if (value === undefined) return undefined;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed;
}

function parsePayload(json: string | undefined): Record<string, PropertyValue> | undefined {
  if (json === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, PropertyValue>) : undefined;
  } catch {
    return undefined;
  }
}

/** Reads a job row; undefined when the row is not a job this code understands. */
export function toJobRecord(entity: Entity): JobRecord | undefined {
  const p = entity.props;
  const status = text(p, 'status');
  const kind = text(p, 'kind');
  const dueAt = date(p, 'dueAt');
  const payload = parsePayload(text(p, 'payload'));
  const attempts = count(p, 'attempts');
  const maxAttempts = count(p, 'maxAttempts');
  const idempotencyKey = text(p, 'idempotencyKey');
  const indexPartition = text(p, 'indexPartition');
  const indexRow = text(p, 'indexRow');
  if (!status || !STATUSES.includes(status as JobStatus) || !kind || !dueAt || !payload) return undefined;
  if (attempts === undefined || maxAttempts === undefined || idempotencyKey === undefined) return undefined;
  if (indexPartition === undefined || indexRow === undefined) return undefined;
  return {
    id: entity.partitionKey.slice('job|'.length),
    kind,
    payload,
    dueAt,
    status: status as JobStatus,
    attempts,
    maxAttempts,
    leaseOwner: text(p, 'leaseOwner'),
    leaseUntil: date(p, 'leaseUntil'),
    lastError: text(p, 'lastError'),
    dropReason: text(p, 'dropReason'),
    planScope: text(p, 'planScope'),
    planVersion: count(p, 'planVersion') ?? 0,
    idempotencyKey,
    indexPartition,
    indexRow,
    etag: entity.etag,
  };
}

const CODE = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;

/** A code safe to keep on the row and in logs: an identifier-like word, or a generic fallback. */
export function safeCode(value: unknown, fallback: string): string {
  return typeof value === 'string' && CODE.test(value) ? value : fallback;
}

/** The error's `code` (e.g. ECONNRESET) or class name; the message is never kept. */
export function errorCode(error: unknown): string {
  if (error && typeof error === 'object') {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && CODE.test(code)) return code;
    const name = (error as { name?: unknown }).name;
    if (typeof name === 'string' && CODE.test(name)) return name;
  }
  return 'error';
}
