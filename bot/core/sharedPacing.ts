/**
 * Pacing shared by every instance through the Store: a history row per conversation (in its
 * outbox partition) and one app-wide row. A request is opened in both rows with conditional
 * writes before it goes out, so two instances cannot both take the last place in a window, and
 * is closed with its end time once Teams has answered (see pacing.ts for why the end counts).
 */
import { keyPart } from './keys';
import { OUTBOX_INDEX_TABLE, OUTBOX_TABLE } from './outbox';
import {
  APP_LIMITS,
  cancelRequest,
  closeRequest,
  CONVERSATION_LIMITS,
  DEFAULT_MARGIN_MS,
  nextAllowedAt,
  openRequest,
  parseHistory,
  roomAt,
  type PacingHistory,
  type RateLimit,
} from './pacing';
import type { Entity, Ids, Store } from './ports';

const PACING_ROW = 'pacing';
const APP_PARTITION = 'app';
/** Opening a request gives up after a few conflicting writes: the message simply waits for the next pass. */
const MAX_OPEN_CONFLICTS = 5;
/** Closing tries harder: a request left open holds its place until it expires. */
const MAX_CLOSE_CONFLICTS = 20;

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

/** A request allowed to go out; finish or cancel it. */
export interface PacingTicket {
  readonly conversationId: string;
  readonly id: string;
}

export type Reservation =
  | { readonly ok: true; readonly ticket: PacingTicket }
  /** `scope` says whose windows are full: this chat's only, or the whole app's. */
  | { readonly ok: false; readonly retryAt: Date; readonly scope: 'conversation' | 'app' };

export interface SharedPacingDeps {
  readonly store: Store;
  readonly ids: Ids;
  readonly settings?: PacingSettings;
  /** How long a request may stay open before it is assumed over (its instance died mid-send). */
  readonly openForMs: number;
}

interface Slot {
  readonly table: string;
  readonly partitionKey: string;
  readonly limits: readonly RateLimit[];
}

type Change = { readonly history: PacingHistory } | { readonly refusedUntil: Date };

export class SharedPacing {
  private readonly settings: PacingSettings;
  private readonly rowQueues = new RowQueues();

  constructor(private readonly deps: SharedPacingDeps) {
    this.settings = deps.settings ?? DEFAULT_PACING;
  }

  /**
   * How many requests the app-wide windows have room for at `now`, and when to ask again once those
   * are taken. A read only, so a pass does no work that reserve() would refuse.
   */
  async appRoom(now: Date): Promise<{ readonly room: number; readonly nextAt: Date }> {
    const slot = this.appSlot();
    const { history } = await this.read(slot);
    return roomAt(history, now, slot.limits, this.settings.marginMs);
  }

  /**
   * Opens one request at `now` in the conversation's windows and then the app's. If the app's
   * windows are full, the conversation's place is given back at once.
   */
  async reserve(conversationId: string, now: Date): Promise<Reservation> {
    const ticket: PacingTicket = { conversationId, id: this.deps.ids.random() };
    const expiresAt = new Date(now.getTime() + this.deps.openForMs);
    const open = (slot: Slot) =>
      this.change(slot, MAX_OPEN_CONFLICTS, (history) => {
        const allowed = nextAllowedAt(history, now, slot.limits, this.settings.marginMs);
        if (allowed.getTime() > now.getTime()) return { refusedUntil: allowed };
        return { history: openRequest(history, ticket.id, now, expiresAt, slot.limits, this.settings.marginMs) };
      });
    // After too many conflicts, try again on the next pass.
    const retryAt = (outcome: Date | 'conflicts'): Date => (outcome === 'conflicts' ? now : outcome);
    const chat = await open(this.chatSlot(conversationId));
    if (chat !== 'done') return { ok: false, retryAt: retryAt(chat), scope: 'conversation' };
    const app = await open(this.appSlot());
    if (app === 'done') return { ok: true, ticket };
    await this.cancelIn(this.chatSlot(conversationId), ticket);
    return { ok: false, retryAt: retryAt(app), scope: 'app' };
  }

  /**
   * Ends a request: counted from `endedAt` (after the answer came back) as `requests` arrivals if
   * it went out, given back if it never did (`endedAt` undefined). False, never a throw, when it
   * could not be written: the caller still has an outcome to record, and the place will expire.
   */
  async end(ticket: PacingTicket, endedAt: Date | undefined, requests = 1): Promise<boolean> {
    try {
      return endedAt ? await this.finish(ticket, endedAt, requests) : await this.cancel(ticket);
    } catch {
      return false;
    }
  }

  private async finish(ticket: PacingTicket, endedAt: Date, requests: number): Promise<boolean> {
    const close = (slot: Slot) =>
      this.change(slot, MAX_CLOSE_CONFLICTS, (history) => ({
        history: closeRequest(history, ticket.id, endedAt, requests, slot.limits, this.settings.marginMs),
      }));
    const [chat, app] = await Promise.all([close(this.chatSlot(ticket.conversationId)), close(this.appSlot())]);
    return chat === 'done' && app === 'done';
  }

  private async cancel(ticket: PacingTicket): Promise<boolean> {
    const [chat, app] = await Promise.all([this.cancelIn(this.chatSlot(ticket.conversationId), ticket), this.cancelIn(this.appSlot(), ticket)]);
    return chat && app;
  }

  private async cancelIn(slot: Slot, ticket: PacingTicket): Promise<boolean> {
    const result = await this.change(slot, MAX_CLOSE_CONFLICTS, (history) => ({ history: cancelRequest(history, ticket.id) }));
    return result === 'done';
  }

  /**
   * Read, decide, write with the row's ETag; on a conflict read again. Changes to one row from this
   * instance run one after another, so only other instances can cause a conflict.
   * Answers 'done', the time a refusal lasts until, or 'conflicts' when the writes kept losing.
   */
  private change(slot: Slot, maxConflicts: number, decide: (history: PacingHistory) => Change): Promise<'done' | 'conflicts' | Date> {
    return this.rowQueues.run(`${slot.table}/${slot.partitionKey}`, async () => {
      for (let i = 0; i < maxConflicts; i++) {
        const { entity, history } = await this.read(slot);
        const change = decide(history);
        if ('refusedUntil' in change) return change.refusedUntil;
        if (!entity && isEmpty(change.history)) return 'done'; // nothing to keep, e.g. cancelling in a row never written
        const row = { partitionKey: slot.partitionKey, rowKey: PACING_ROW, props: { history: JSON.stringify(change.history) } };
        const result = entity ? await this.store.merge(slot.table, row, entity.etag) : await this.store.insert(slot.table, row);
        if (result.ok) return 'done';
      }
      return 'conflicts';
    });
  }

  private get store(): Store {
    return this.deps.store;
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

function isEmpty(history: PacingHistory): boolean {
  return history.recent.length === 0 && history.minutes.length === 0 && history.open.length === 0;
}

/** Runs async work one piece at a time per key, in the order asked; keys with nothing waiting are forgotten. */
class RowQueues {
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const result = (this.tails.get(key) ?? Promise.resolve()).then(work);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
