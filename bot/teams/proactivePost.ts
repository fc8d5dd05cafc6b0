/**
 * One proactive post or card edit through CloudAdapter, with the outcome as a value.
 */
import { CardFactory, MessageFactory, type CloudAdapter, type TurnContext } from 'botbuilder';
import type { StoredConversationReference } from '../core/conversations';
import type { OutboundMessage } from '../core/ports';
import { toConversationReference } from './conversationReferences';

export type PostResult = { readonly ok: true; readonly activityId?: string } | { readonly ok: false; readonly error: unknown };

/**
 * Errors are caught inside the turn: thrown out of it they would reach the adapter's onTurnError,
 * which is meant for inbound turns and may itself write to the chat.
 */
export async function postToConversation(
  adapter: CloudAdapter,
  botAppId: string,
  reference: StoredConversationReference,
  message: OutboundMessage,
): Promise<PostResult> {
  let result: PostResult = { ok: false, error: new Error('The proactive turn did not run.') };
  const logic = async (context: TurnContext): Promise<void> => {
    try {
      if (message.kind === 'update') {
        await context.updateActivity({ type: 'message', id: message.activityId, attachments: [CardFactory.adaptiveCard(message.card)] });
        result = { ok: true, activityId: message.activityId };
      } else {
        const response = await context.sendActivity(activityFor(message));
        result = { ok: true, activityId: response?.id };
      }
    } catch (error) {
      result = { ok: false, error };
    }
  };
  try {
    await adapter.continueConversationAsync(botAppId, toConversationReference(reference), logic);
  } catch (error) {
    result = { ok: false, error };
  }
  return result;
}

function activityFor(message: Extract<OutboundMessage, { kind: 'send' }>) {
  if (!message.card) return MessageFactory.text(message.text ?? '');
  return MessageFactory.attachment(CardFactory.adaptiveCard(message.card), message.text);
}
