/**
 * Pacing shared by every instance through the Store: a history row per conversation (in its
 * outbox partition) and one app-wide row. A send first reserves its slot in both with
 * conditional writes, so two instances cannot both take the last slot of a window.
 */
import { keyPart } from './keys';
import { OUTBOX_INDEX_TABLE, OUTBOX_TABLE } from './outbox';
import {
  APP_LIMITS,
  CONVERSATION_LIMITS,
  DEFAULT_MARGIN_MS,
  nextAllowedAt,
  parseHistory,
  recordSend,
  type PacingHistory,
  type RateLimit,
} from './pacing';
import type { Entity, Store } from './ports';

const PACING_ROW = 'pacing';
const APP_PARTITION = 'app';
/** Conflicting writes are retried a few times; after that the send simply waits for the next pass. */
const MAX_CONFLICTS = 5;

export interface PacingSettings {
  readonly conversationLimits: readonly RateLimit[];
  readonly appLimits: readonly RateLimit[];
  readonly marginMs: number;
}

export const DEFAULT_PACING: PacingSettings = Object.freeze({
  conversationLimits: CONVERSATION_LIMITS,
  appLimits: APP_LIMITS,
  marginMs: DEFAULT_MARGIN_MS,
});

export type Reservation = { readonly ok: true } | { readonly ok: false; readonly retryAt: Date };

interface Slot {
  readonly table: string;
  readonly partitionKey: string;
  readonly limits: readonly RateLimit[];
}

export class SharedPacing {
  constructor(
    private readonly store: Store,
    private readonly settings: PacingSettings = DEFAULT_PACING,
  ) {}

  /**
   * Takes one send slot at `now` in the conversation's windows and then the app's. If the app's
   * windows filled up in between, the chat's slot stays used: wasting one is safer than racing.
   */
  async reserve(conversationId: string, now: Date): Promise<Reservation> {
    const chat = await this.take(this.chatSlot(conversationId), now);
    if (!chat.ok) return chat;
    return this.take(this.appSlot(), now);
  }

  private async take(slot: Slot, now: Date): Promise<Reservation> {
    for (let i = 0; i < MAX_CONFLICTS; i++) {
      const { entity, history } = await this.read(slot);
      const allowed = nextAllowedAt(history, now, slot.limits, this.settings.marginMs);
      if (allowed.getTime() > now.getTime()) return { ok: false, retryAt: allowed };
      const props = { history: JSON.stringify(recordSend(history, now, slot.limits, this.settings.marginMs)) };
      const row = { partitionKey: slot.partitionKey, rowKey: PACING_ROW, props };
      const result = entity ? await this.store.merge(slot.table, row, entity.etag) : await this.store.insert(slot.table, row);
      if (result.ok) return { ok: true };
    }
    return { ok: false, retryAt: now };
  }

  private async read(slot: Slot): Promise<{ entity?: Entity; history: PacingHistory }> {
    const entity = await this.store.get(slot.table, slot.partitionKey, PACING_ROW);
    return { entity, history: parseHistory(entity?.props.history) };
  }

  private chatSlot(conversationId: string): Slot {
    return { table: OUTBOX_TABLE, partitionKey: keyPart(conversationId), limits: this.settings.conversationLimits };
  }

  private appSlot(): Slot {
    return { table: OUTBOX_INDEX_TABLE, partitionKey: APP_PARTITION, limits: this.settings.appLimits };
  }
}
