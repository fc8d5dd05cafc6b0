/**
 * What the core needs from the outside world. Adapters in storage/, teams/, jobs/ and http/
 * implement these; the core never imports a framework and never reads the clock itself.
 */

/** The current time, handed in so tests can fix it. */
export interface Clock {
  now(): Date;
}

/** Unguessable random identifiers (row keys for anonymous rows, tokens, job ids). */
export interface Ids {
  random(): string;
}

// ---------------------------------------------------------------------------------------------
// Store: shaped like Azure Table Storage so SQLite and Azure Tables are both natural backends.
// ---------------------------------------------------------------------------------------------

/** Property values a Store keeps. Objects are stored as JSON strings by the caller. */
export type PropertyValue = string | number | boolean | null;
export type Properties = Readonly<Record<string, PropertyValue>>;

/** An entity as written: keys plus properties. */
export interface EntityInput {
  readonly partitionKey: string;
  readonly rowKey: string;
  readonly props: Properties;
}

/** An entity as read back, with the ETag to pass to a conditional write. */
export interface Entity extends EntityInput {
  readonly etag: string;
}

export type WriteResult =
  | { readonly ok: true; readonly entity: Entity }
  | { readonly ok: false; readonly reason: 'exists' | 'notFound' | 'etagMismatch' };

export type DeleteResult = { readonly ok: true } | { readonly ok: false; readonly reason: 'notFound' | 'etagMismatch' };

/** A range of row keys inside one partition. Bounds are inclusive/exclusive as named. */
export interface RangeQuery {
  /** Row keys >= this. */
  readonly fromRowKey?: string;
  /** Row keys < this. */
  readonly toRowKey?: string;
  /** Shorthand for [prefix, prefix + '\uffff'). */
  readonly rowKeyPrefix?: string;
  /** At most 1,000 (Azure's page size). Default 1,000. */
  readonly pageSize?: number;
  /** Opaque token from the previous page. */
  readonly continuation?: string;
}

export interface Page {
  /** Entities in row-key order (within one partition both backends sort by row key). */
  readonly entities: readonly Entity[];
  /** Present when more entities remain. */
  readonly continuation?: string;
}

/** One operation of an atomic batch; every operation in a batch shares one partition. */
export type BatchOperation =
  | { readonly kind: 'insert'; readonly entity: EntityInput }
  | { readonly kind: 'replace'; readonly entity: EntityInput; readonly etag: string }
  | { readonly kind: 'merge'; readonly entity: EntityInput; readonly etag: string }
  | { readonly kind: 'upsert'; readonly entity: EntityInput }
  | { readonly kind: 'delete'; readonly rowKey: string; readonly etag: string };

export type BatchResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly index: number; readonly reason: 'exists' | 'notFound' | 'etagMismatch' };

/**
 * The one storage port. Expected outcomes (a row already exists, an ETag moved on) are values;
 * breaking Azure's limits (bad key characters, oversize values, batches over 100) throws
 * StoreLimitError, because that is a bug in the caller on every backend.
 *
 * `etag: '*'` means "whatever version is there" (unconditional) where an ETag is asked for.
 * Nothing may rely on ordering across partitions.
 */
export interface Store {
  get(table: string, partitionKey: string, rowKey: string): Promise<Entity | undefined>;
  /** Insert if absent. */
  insert(table: string, entity: EntityInput): Promise<WriteResult>;
  /** Replace all properties if the ETag matches. */
  replace(table: string, entity: EntityInput, etag: string): Promise<WriteResult>;
  /** Merge properties (named ones overwritten, others kept) if the ETag matches. */
  merge(table: string, entity: EntityInput, etag: string): Promise<WriteResult>;
  /** Insert or replace, unconditionally. For rows with one writer only. */
  upsert(table: string, entity: EntityInput): Promise<Entity>;
  delete(table: string, partitionKey: string, rowKey: string, etag: string): Promise<DeleteResult>;
  /** Range query within one partition, paged. */
  query(table: string, partitionKey: string, range?: RangeQuery): Promise<Page>;
  /** Up to 100 operations on one partition, all or nothing. */
  batch(table: string, partitionKey: string, operations: readonly BatchOperation[]): Promise<BatchResult>;
  /** True when the backend answers; for /healthz. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** Raised for writes that would break Azure Tables' limits, on every backend. */
export class StoreLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreLimitError';
  }
}

// ---------------------------------------------------------------------------------------------
// Meetings: who is in a meeting and with what Teams role.
// ---------------------------------------------------------------------------------------------

/** Teams meeting roles as the Get participant API reports them. */
export type MeetingRole = 'Organizer' | 'Presenter' | 'Attendee';

/** A person as an authenticated activity or token identifies them. Never built from card data. */
export interface Person {
  /** The Teams user id (`29:…`) from `activity.from.id`, when known. */
  readonly userId?: string;
  /** Entra object id, absent for anonymous joiners. */
  readonly aadObjectId?: string;
  readonly tenantId?: string;
}

/** Which meeting, and the chat it belongs to. */
export interface MeetingRef {
  readonly meetingId: string;
  readonly conversationId: string;
  readonly tenantId?: string;
}

export interface MeetingInfo {
  readonly meetingId: string;
  readonly title?: string;
  readonly type?: string;
  readonly scheduledStart?: string;
  readonly scheduledEnd?: string;
  readonly organizerAadObjectId?: string;
}

/**
 * Live meeting facts. Every method answers `undefined` when it cannot tell (anonymous user,
 * app not installed, meeting over, network fault): callers treat that as "no".
 */
export interface MeetingDirectory {
  roleOf(meeting: MeetingRef, person: Person): Promise<MeetingRole | undefined>;
  isInMeeting(meeting: MeetingRef, person: Person): Promise<boolean | undefined>;
  meetingInfo(meeting: MeetingRef): Promise<MeetingInfo | undefined>;
}

// ---------------------------------------------------------------------------------------------
// Outbox and jobs: everything the bot sends on its own initiative, and work due later.
// ---------------------------------------------------------------------------------------------

/** An Adaptive Card as plain JSON (cards/ builds these). */
export type CardJson = Readonly<Record<string, unknown>>;

export type OutboundMessage =
  | { readonly kind: 'send'; readonly card?: CardJson; readonly text?: string }
  /**
   * An edit of a card the bot posted. Name it by its Teams activity id, or by the idempotency key
   * it was queued with in the same conversation (`ofKey`): strict per-chat order means the original
   * is delivered first, and the sender looks its id up at delivery.
   */
  | { readonly kind: 'update'; readonly activityId?: string; readonly ofKey?: string; readonly card: CardJson };

export interface OutboxItemInput {
  /** The conversation (chat, channel thread or 1:1) it goes to. */
  readonly conversationId: string;
  readonly message: OutboundMessage;
  /** Same key, same message: enqueueing twice sends once. */
  readonly idempotencyKey: string;
}

export interface Outbox {
  enqueue(item: OutboxItemInput): Promise<{ readonly queued: boolean }>;
}

export interface JobInput {
  /** What to run; jobs/ keeps one handler per kind. */
  readonly kind: string;
  readonly dueAt: Date;
  readonly payload: Readonly<Record<string, PropertyValue>>;
  /** Same key, one job. */
  readonly idempotencyKey: string;
  /** Plan version of the session agenda the job was planned against; 0 when not tied to a plan. */
  readonly planVersion?: number;
  /** The scope a plan version belongs to (a session key), when planVersion is set. */
  readonly planScope?: string;
}

export interface JobScheduler {
  schedule(job: JobInput): Promise<{ readonly scheduled: boolean }>;
}
