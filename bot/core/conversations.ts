/**
 * Where the bot can write: one stored reference per conversation (chat, channel thread or 1:1),
 * refreshed from every inbound activity because Teams may move a conversation to another
 * serviceUrl. Only the fields a proactive send needs are kept (no names, no user).
 *
 * Table 'conversations': partition = the escaped conversation id, one row 'ref'.
 */
import { keyPart } from './keys';
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

export class ConversationBook {
  constructor(
    private readonly store: Store,
    private readonly policy: ServiceUrlPolicy,
  ) {}

  /**
   * Stores or refreshes a reference seen on an inbound activity. A serviceUrl off the allow-list
   * is refused and nothing is written: the bot would hand its token to that host.
   * `status` is 'inactive' when the activity itself says the bot was removed.
   */
  async remember(reference: StoredConversationReference, status: ConversationStatus, now: Date): Promise<RememberResult> {
    if (!isAllowedServiceUrl(reference.serviceUrl, this.policy)) return 'refusedServiceUrl';
    const existing = await this.get(reference.conversation.id);
    // Most turns change nothing: skip the write so a busy meeting does not rewrite this row per click.
    if (existing && existing.status === status && sameReference(existing.reference, reference)) return 'unchanged';
    await this.store.upsert(CONVERSATIONS_TABLE, {
      partitionKey: keyPart(reference.conversation.id),
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
