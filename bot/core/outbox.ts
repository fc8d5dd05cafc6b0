/**
 * The outbox: every message the bot sends or edits on its own initiative is queued here first,
 * and the sender (teams/sender.ts) drains it. Enqueueing is a Store write only, so handlers
 * (card invokes above all) never wait on Teams.
 *
 * Table 'outbox', one partition per conversation, so a message and its idempotency row are
 * written in one atomic batch:
 *   k|<key>           idempotency row and outcome: queued → delivered | failed; the Teams activity id
 *   q|<time>|<seq>|…  queued messages; row-key order is send order
 *   lease, pacing     used by the sender (outboxLease.ts, sharedPacing.ts)
 * Table 'outboxIndex', partition 'pending': one row per conversation with queued messages, so the
 * sender can find them without scanning partitions.
 * Table 'sends': a record of every attempt and outcome. No message text is copied into it.
 */
import { createHash } from 'node:crypto';
import { compositeKey, fromKeyPart, keyPart, timeKey } from './keys';
import type { Clock, Entity, Ids, OutboundMessage, Outbox, OutboxItemInput, Store } from './ports';

export const OUTBOX_TABLE = 'outbox';
export const OUTBOX_INDEX_TABLE = 'outboxIndex';
export const SENDS_TABLE = 'sends';
const PENDING = 'pending';
const QUEUE = 'q|';
const KEY = 'k|';

export type MessageStatus = 'queued' | 'delivered' | 'failed';

export interface QueuedMessage {
  readonly conversationId: string;
  readonly rowKey: string;
  readonly etag: string;
  readonly idempotencyKey: string;
  readonly message: OutboundMessage;
  /** Attempts started so far. */
  readonly attempts: number;
  readonly notBefore?: Date;
  /** Set while an attempt is under way; still set after a crash, so the next attempt may duplicate. */
  readonly inFlightSince?: Date;
}

export interface AttemptRecord {
  readonly idempotencyKey: string;
  readonly kind: OutboundMessage['kind'];
  readonly attempt: number;
  readonly at: string;
  /** delivered | retryScheduled | failed | conversationInactive | conversationForgotten | dropped */
  readonly outcome: string;
  readonly reason?: string;
  readonly status?: number;
  readonly activityId?: string;
  readonly retryAt?: string;
  /** The previous attempt's result was never recorded (crash, lost lease): Teams may show this message twice. */
  readonly possibleDuplicate?: boolean;
}

export interface PendingConversation {
  readonly conversationId: string;
  readonly indexEtag: string;
}

export class StoreOutbox implements Outbox {
  private sequence = 0;

  constructor(private readonly deps: { readonly store: Store; readonly clock: Clock; readonly ids: Ids }) {}

  /** Queues a message once per idempotency key and conversation; a repeat answers queued: false. */
  async enqueue(item: OutboxItemInput): Promise<{ readonly queued: boolean }> {
    const { message } = item;
    if (message.kind === 'send' && !message.card && !message.text) throw new Error('An outbox message needs a card or text.');
    if (message.kind === 'update' && !message.activityId && !message.ofKey) throw new Error('An outbox edit needs the activity id or the key of the card it edits.');
    const now = this.deps.clock.now();
    const partitionKey = keyPart(item.conversationId);
    // Index first, so a crash after the batch can never leave a message the sender cannot find.
    await this.touchIndex(partitionKey, now);
    const queueRowKey = QUEUE + this.orderKey(now);
    const result = await this.deps.store.batch(OUTBOX_TABLE, partitionKey, [
      {
        kind: 'insert',
        entity: {
          partitionKey,
          rowKey: KEY + storedKey(item.idempotencyKey),
          props: { status: 'queued', kind: message.kind, queueRowKey, enqueuedAt: now.toISOString() },
        },
      },
      {
        kind: 'insert',
        entity: {
          partitionKey,
          rowKey: queueRowKey,
          props: { idempotencyKey: item.idempotencyKey, message: JSON.stringify(message), attempts: 0, enqueuedAt: now.toISOString() },
        },
      },
    ]);
    if (!result.ok) {
      if (result.index === 0 && result.reason === 'exists') return { queued: false };
      throw new Error(`Outbox could not queue the message (${result.reason}).`);
    }
    // Again after the batch: a sender that found the queue empty a moment ago and is deleting the
    // index row with the old ETag will now fail, or the row comes back.
    await this.touchIndex(partitionKey, now);
    return { queued: true };
  }

  /** One page of conversations with queued messages. */
  async pendingConversations(continuation?: string): Promise<{ conversations: PendingConversation[]; continuation?: string }> {
    const page = await this.deps.store.query(OUTBOX_INDEX_TABLE, PENDING, { continuation });
    return {
      conversations: page.entities.map((e) => ({ conversationId: fromKeyPart(e.rowKey), indexEtag: e.etag })),
      continuation: page.continuation,
    };
  }

  /** Removes a conversation from the index if nothing was queued since `indexEtag` was read. */
  async dropFromIndex(pending: PendingConversation): Promise<void> {
    await this.deps.store.delete(OUTBOX_INDEX_TABLE, PENDING, keyPart(pending.conversationId), pending.indexEtag);
  }

  /** The oldest queued message of a conversation: the only one that may be sent next. */
  async head(conversationId: string): Promise<QueuedMessage | undefined> {
    const page = await this.deps.store.query(OUTBOX_TABLE, keyPart(conversationId), { rowKeyPrefix: QUEUE, pageSize: 1 });
    const entity = page.entities[0];
    return entity ? toQueued(conversationId, entity) : undefined;
  }

  /** Notes that an attempt starts now. Undefined when someone else changed the row meanwhile. */
  async markInFlight(queued: QueuedMessage, now: Date): Promise<QueuedMessage | undefined> {
    const result = await this.deps.store.merge(
      OUTBOX_TABLE,
      { partitionKey: keyPart(queued.conversationId), rowKey: queued.rowKey, props: { attempts: queued.attempts + 1, inFlightSince: now.toISOString() } },
      queued.etag,
    );
    return result.ok ? toQueued(queued.conversationId, result.entity) : undefined;
  }

  async reschedule(queued: QueuedMessage, retryAt: Date, reason: string): Promise<boolean> {
    const result = await this.deps.store.merge(
      OUTBOX_TABLE,
      { partitionKey: keyPart(queued.conversationId), rowKey: queued.rowKey, props: { notBefore: retryAt.toISOString(), inFlightSince: null, lastReason: reason } },
      queued.etag,
    );
    return result.ok;
  }

  /** Takes the message off the queue and stores its outcome, atomically. */
  async finish(
    queued: QueuedMessage,
    outcome: { status: Exclude<MessageStatus, 'queued'>; activityId?: string; reason?: string },
    now: Date,
  ): Promise<boolean> {
    const partitionKey = keyPart(queued.conversationId);
    const result = await this.deps.store.batch(OUTBOX_TABLE, partitionKey, [
      { kind: 'delete', rowKey: queued.rowKey, etag: queued.etag },
      {
        kind: 'merge',
        etag: '*',
        entity: {
          partitionKey,
          rowKey: KEY + storedKey(queued.idempotencyKey),
          props: { status: outcome.status, activityId: outcome.activityId ?? null, reason: outcome.reason ?? null, finishedAt: now.toISOString() },
        },
      },
    ]);
    return result.ok;
  }

  async recordAttempt(conversationId: string, record: AttemptRecord): Promise<void> {
    const props: Record<string, string | number | boolean> = {};
    for (const [name, value] of Object.entries(record)) if (value !== undefined) props[name] = value as string | number | boolean;
    await this.deps.store.insert(SENDS_TABLE, {
      partitionKey: keyPart(conversationId),
      rowKey: `${storedKey(record.idempotencyKey)}|${this.orderKey(new Date(record.at))}`,
      props,
    });
  }

  /** Every recorded attempt for one message, oldest first. */
  async attempts(conversationId: string, idempotencyKey: string): Promise<AttemptRecord[]> {
    const page = await this.deps.store.query(SENDS_TABLE, keyPart(conversationId), { rowKeyPrefix: `${storedKey(idempotencyKey)}|` });
    return page.entities.map((e) => e.props as unknown as AttemptRecord);
  }

  /** Where a message stands, and the Teams activity id once delivered (needed to edit a card). */
  async statusOf(conversationId: string, idempotencyKey: string): Promise<{ status: MessageStatus; activityId?: string; reason?: string } | undefined> {
    const entity = await this.deps.store.get(OUTBOX_TABLE, keyPart(conversationId), KEY + storedKey(idempotencyKey));
    if (!entity) return undefined;
    const { status, activityId, reason } = entity.props;
    return {
      status: status === 'delivered' || status === 'failed' ? status : 'queued',
      ...(typeof activityId === 'string' ? { activityId } : {}),
      ...(typeof reason === 'string' ? { reason } : {}),
    };
  }

  async activityIdFor(conversationId: string, idempotencyKey: string): Promise<string | undefined> {
    return (await this.statusOf(conversationId, idempotencyKey))?.activityId;
  }

  private async touchIndex(partitionKey: string, now: Date): Promise<void> {
    await this.deps.store.upsert(OUTBOX_INDEX_TABLE, { partitionKey: PENDING, rowKey: partitionKey, props: { touchedAt: now.toISOString() } });
  }

  /** Sortable by time, then by this process's sequence; the random tail keeps two instances apart. */
  private orderKey(now: Date): string {
    this.sequence = (this.sequence + 1) % 1e9;
    return compositeKey(timeKey(now), String(this.sequence).padStart(9, '0'), this.deps.ids.random());
  }
}

/**
 * The idempotency key as it goes into row keys. Keys name sessions and people, and real Teams ids
 * are long: past a length that leaves room for the order key under Azure's 255-character limit, a
 * key is replaced by its SHA-256, which is just as unique.
 */
const MAX_PLAIN_KEY = 120;
export function storedKey(idempotencyKey: string): string {
  const plain = keyPart(idempotencyKey);
  return plain.length <= MAX_PLAIN_KEY ? plain : `sha256-${createHash('sha256').update(idempotencyKey, 'utf8').digest('hex')}`;
}

function toQueued(conversationId: string, entity: Entity): QueuedMessage {
  const { idempotencyKey, message, attempts, notBefore, inFlightSince } = entity.props;
  return {
    conversationId,
    rowKey: entity.rowKey,
    etag: entity.etag,
    idempotencyKey: String(idempotencyKey),
    message: JSON.parse(String(message)) as OutboundMessage,
    attempts: typeof attempts === 'number' ? attempts : 0,
    ...(typeof notBefore === 'string' ? { notBefore: new Date(notBefore) } : {}),
    ...(typeof inFlightSince === 'string' ? { inFlightSince: new Date(inFlightSince) } : {}),
  };
}
