/**
 * One sender per conversation at a time, across instances: a lease row in the conversation's
 * outbox partition, taken and renewed by conditional writes. This is what keeps messages to one
 * chat in order and stops two instances posting the same message at once.
 *
 * A lease that is not renewed expires, so a crashed instance's chats are taken over. It must be
 * longer than the slowest single send (botbuilder may spend a few seconds on its own retries).
 */
import { keyPart } from './keys';
import { OUTBOX_TABLE } from './outbox';
import type { Entity, Store } from './ports';

const LEASE_ROW = 'lease';

export interface Lease {
  readonly conversationId: string;
  readonly etag: string;
  readonly expiresAt: Date;
}

export class OutboxLeases {
  constructor(
    private readonly store: Store,
    /** This instance's id; a random one per process. */
    private readonly holder: string,
    private readonly leaseMs: number,
  ) {}

  /** The lease if it is free, expired or already ours; undefined when another instance holds it. */
  async acquire(conversationId: string, now: Date): Promise<Lease | undefined> {
    const partitionKey = keyPart(conversationId);
    const current = await this.store.get(OUTBOX_TABLE, partitionKey, LEASE_ROW);
    if (current && current.props.holder !== this.holder && Number(current.props.expiresAt) > now.getTime()) return undefined;
    const expiresAt = new Date(now.getTime() + this.leaseMs);
    const entity = { partitionKey, rowKey: LEASE_ROW, props: { holder: this.holder, expiresAt: expiresAt.getTime() } };
    const result = current ? await this.store.replace(OUTBOX_TABLE, entity, current.etag) : await this.store.insert(OUTBOX_TABLE, entity);
    return result.ok ? toLease(conversationId, result.entity) : undefined;
  }

  /** Extends a lease we hold; undefined if it was lost (expired and taken over). */
  async renew(lease: Lease, now: Date): Promise<Lease | undefined> {
    const expiresAt = new Date(now.getTime() + this.leaseMs);
    const result = await this.store.replace(
      OUTBOX_TABLE,
      { partitionKey: keyPart(lease.conversationId), rowKey: LEASE_ROW, props: { holder: this.holder, expiresAt: expiresAt.getTime() } },
      lease.etag,
    );
    return result.ok ? toLease(lease.conversationId, result.entity) : undefined;
  }

  /** Frees the lease at once so another instance need not wait for it to expire. */
  async release(lease: Lease): Promise<void> {
    await this.store.delete(OUTBOX_TABLE, keyPart(lease.conversationId), LEASE_ROW, lease.etag);
  }
}

function toLease(conversationId: string, entity: Entity): Lease {
  return { conversationId, etag: entity.etag, expiresAt: new Date(Number(entity.props.expiresAt)) };
}
