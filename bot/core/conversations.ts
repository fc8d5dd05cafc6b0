/**
 * Where the bot can write: one stored reference per conversation (chat, channel thread or 1:1),
 * refreshed from every inbound activity because Teams may move a conversation to another
 * serviceUrl. Only the fields a proactive send needs are kept (no names, no user).
 *
 * Table 'conversations': partition = the escaped conversation id, one row 'ref'.
 */
import { keyPart } from './keys';
import { BoundedMemo } from './boundedMemo';
import type { Store } from './ports';
import { isAllowedServiceUrl, type ServiceUrlPolicy } from './serviceUrl';

export const CONVERSATIONS_TABLE = 'conversations';
const ROW = 'ref';

/** The parts of a Bot Framework conversation reference a proactive send uses. Plain JSON. */
export interface StoredConversationReference {
  readonly channelId: string;
  readonly serviceUrl: string;
  readonly conversation: {
    readonly id: string;
    readonly conversationType?: string;
    readonly tenantId?: string;
    readonly isGroup?: boolean;
  };
  readonly bot: { readonly id: string };
  readonly locale?: string;
}

export type ConversationStatus = 'active' | 'inactive';

export interface ConversationRecord {
  readonly conversationId: string;
  readonly reference: StoredConversationReference;
  readonly status: ConversationStatus;
  /** Why it is inactive (a FailureReason or 'removed'); absent when active. */
  readonly inactiveReason?: string;
  readonly updatedAt: string;
}

export type RememberResult = 'stored' | 'unchanged' | 'refusedServiceUrl';

/**
 * What each store is known to hold for a conversation, so the many turns of a busy meeting skip
 * re-reading an unchanged reference. Per store (every book on it shares it, so marking a chat
 * inactive here is seen at once); another instance's change is noticed within the age limit.
 */
const CONFIRMED_MAX_AGE_MS = 10_000;
const confirmedByStore = new WeakMap<Store, BoundedMemo<string>>();

export class ConversationBook {
  private readonly confirmed: BoundedMemo<string>;

  constructor(
    private readonly store: Store,
    private readonly policy: ServiceUrlPolicy,
  ) {
    let confirmed = confirmedByStore.get(store);
    if (!confirmed) confirmedByStore.set(store, (confirmed = new BoundedMemo<string>(5_000, CONFIRMED_MAX_AGE_MS)));
    this.confirmed = confirmed;
  }

  /**
   * Stores or refreshes a reference seen on an inbound activity. A serviceUrl off the allow-list
   * is refused and nothing is written: the bot would hand its token to that host.
   * `status` is 'inactive' when the activity itself says the bot was removed.
   */
  async remember(reference: StoredConversationReference, status: ConversationStatus, now: Date): Promise<RememberResult> {
    if (!isAllowedServiceUrl(reference.serviceUrl, this.policy)) return 'refusedServiceUrl';
    const id = reference.conversation.id;
    const signature = `${status}|${JSON.stringify(reference)}`;
    if (this.confirmed.get(id, now) === signature) return 'unchanged';
    const existing = await this.get(id);
    // Most turns change nothing: skip the write so a busy meeting does not rewrite this row per click.
    if (existing && existing.status === status && sameReference(existing.reference, reference)) {
      this.confirmed.set(id, signature, now);
      return 'unchanged';
    }
    await this.store.upsert(CONVERSATIONS_TABLE, {
      partitionKey: keyPart(id),
      rowKey: ROW,
      props: {
        reference: JSON.stringify(reference),
        status,
        inactiveReason: status === 'inactive' ? 'removed' : null,
        updatedAt: now.toISOString(),
      },
    });
    return 'stored';
  }

  async get(conversationId: string): Promise<ConversationRecord | undefined> {
    const entity = await this.store.get(CONVERSATIONS_TABLE, keyPart(conversationId), ROW);
    if (!entity) return undefined;
    const reference = parseReference(entity.props.reference);
    if (!reference) return undefined;
    const inactiveReason = entity.props.inactiveReason;
    return {
      conversationId,
      reference,
      status: entity.props.status === 'inactive' ? 'inactive' : 'active',
      inactiveReason: typeof inactiveReason === 'string' ? inactiveReason : undefined,
      updatedAt: String(entity.props.updatedAt ?? ''),
    };
  }

  /** The bot may not write here (removed, blocked): keep the reference, stop sending. */
  async markInactive(conversationId: string, reason: string, now: Date): Promise<void> {
    this.confirmed.delete(conversationId);
    const entity = await this.store.get(CONVERSATIONS_TABLE, keyPart(conversationId), ROW);
    if (!entity) return;
    // Conditional, so a newer inbound turn that re-activated the chat is not overwritten blindly.
    await this.store.merge(
      CONVERSATIONS_TABLE,
      { partitionKey: entity.partitionKey, rowKey: ROW, props: { status: 'inactive', inactiveReason: reason, updatedAt: now.toISOString() } },
      entity.etag,
    );
  }

  /** The conversation no longer exists in Teams: delete the reference. */
  async forget(conversationId: string): Promise<void> {
    this.confirmed.delete(conversationId);
    await this.store.delete(CONVERSATIONS_TABLE, keyPart(conversationId), ROW, '*');
  }
}

function sameReference(a: StoredConversationReference, b: StoredConversationReference): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function parseReference(value: unknown): StoredConversationReference | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const parsed = JSON.parse(value) as Partial<StoredConversationReference>;
    if (typeof parsed.serviceUrl !== 'string' || typeof parsed.conversation?.id !== 'string') return undefined;
    return parsed as StoredConversationReference;
  } catch {
    return undefined;
  }
}
