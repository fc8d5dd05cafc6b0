/**
 * The botbuilder side of ConversationBook: turning an inbound activity into the reference we
 * store, and a stored reference back into what CloudAdapter.continueConversationAsync takes.
 */
import type { Activity, ConversationReference, TurnContext } from 'botbuilder';
import type { ConversationBook, ConversationStatus, StoredConversationReference } from '../core/conversations';
import type { Logger } from '../core/logger';
import type { Clock } from '../core/ports';

/** The minimal reference for proactive sends; undefined when the activity lacks what a send needs. */
export function referenceFromActivity(activity: Partial<Activity>): StoredConversationReference | undefined {
  const conversation = activity.conversation;
  if (!conversation?.id || !activity.serviceUrl || !activity.channelId || !activity.recipient?.id) return undefined;
  return {
    channelId: activity.channelId,
    serviceUrl: activity.serviceUrl,
    conversation: {
      id: conversation.id,
      ...(conversation.conversationType ? { conversationType: conversation.conversationType } : {}),
      ...(conversation.tenantId ? { tenantId: conversation.tenantId } : {}),
      ...(conversation.isGroup !== undefined ? { isGroup: conversation.isGroup } : {}),
    },
    // Inbound, the bot is the recipient; outbound it becomes the sender.
    bot: { id: activity.recipient.id },
    ...(activity.locale ? { locale: activity.locale } : {}),
  };
}

/** Whether this activity says the bot has just been removed from the conversation. */
export function statusFromActivity(activity: Partial<Activity>): ConversationStatus {
  if (activity.type === 'installationUpdate' && typeof activity.action === 'string' && activity.action.startsWith('remove')) {
    return 'inactive';
  }
  const botId = activity.recipient?.id;
  if (activity.type === 'conversationUpdate' && botId && (activity.membersRemoved ?? []).some((m) => m.id === botId)) {
    return 'inactive';
  }
  // Any other activity from the conversation proves Teams lets the bot take part again.
  return 'active';
}

/** The stored reference in the shape CloudAdapter expects. */
export function toConversationReference(stored: StoredConversationReference): Partial<ConversationReference> {
  return {
    channelId: stored.channelId,
    serviceUrl: stored.serviceUrl,
    conversation: {
      id: stored.conversation.id,
      conversationType: stored.conversation.conversationType ?? '',
      tenantId: stored.conversation.tenantId,
      isGroup: stored.conversation.isGroup ?? false,
      name: '',
    },
    bot: { id: stored.bot.id, name: '' },
    locale: stored.locale,
  };
}

export interface RemembererDeps {
  readonly book: ConversationBook;
  readonly clock: Clock;
  readonly logger: Logger;
}

/** For the bot's onTurn: store or refresh the reference on every inbound activity. */
export function createConversationRememberer(deps: RemembererDeps): (context: TurnContext) => Promise<void> {
  return async (context) => {
    const reference = referenceFromActivity(context.activity);
    if (!reference) return;
    const result = await deps.book.remember(reference, statusFromActivity(context.activity), deps.clock.now());
    if (result === 'refusedServiceUrl') {
      deps.logger.warn({ activityType: context.activity.type }, 'conversation not stored: its service address is not a Teams address');
    }
  };
}
