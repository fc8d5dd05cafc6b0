/**
 * What the bot does for each kind of turn: reads the activity into a Turn and hands it to the
 * service dispatcher. The bot class stays a thin reader of activities.
 */
import type { TurnContext } from 'botbuilder';
import type { Clock, Store } from '../core/ports';
import type { Logger } from '../core/logger';
import { compositeKey, keyPart } from '../core/keys';
import type { ServiceUrlPolicy } from '../core/serviceUrl';
import { rememberPersonalChat } from '../core/personalChats';
import { NO_REPLY, type CommandReply } from '../core/turn';
import type { Pseudonymize } from '../log';
import { welcomeCard } from '../cards/welcomeCard';
import type { Dispatcher } from '../services/dispatcher';
import { createConversationRememberer } from './conversationReferences';
import { ConversationBook } from '../core/conversations';
import type { BotDeps } from './coproduceBot';
import { turnOf } from './turnOf';

const MARKERS_TABLE = 'markers';

export interface TurnHandlerDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly pseudonymize: Pseudonymize;
  readonly policy: ServiceUrlPolicy;
  readonly dispatcher: Dispatcher;
}

export function createTurnHandlers(deps: TurnHandlerDeps): Omit<BotDeps, 'logger'> {
  const { store, logger, pseudonymize, dispatcher, clock } = deps;
  const rememberReference = createConversationRememberer({ book: new ConversationBook(store, deps.policy), clock, logger });
  const turn = (context: TurnContext) => turnOf(context.activity, clock.now());

  /** Insert-if-absent: true only for the first caller, so retried or doubled events act once. */
  async function once(kind: string, ...key: string[]): Promise<boolean> {
    const result = await store.insert(MARKERS_TABLE, {
      partitionKey: keyPart(kind),
      rowKey: compositeKey(...key),
      props: { at: clock.now().toISOString() },
    });
    return result.ok;
  }

  return {
    rememberConversation: async (context) => {
      await rememberReference(context);
      const { activity } = context;
      if (activity.conversation?.conversationType === 'personal' && activity.from) {
        await rememberPersonalChat(store, turn(context).actor, activity.conversation.id, clock.now());
      }
    },
    firstContact: (conversationId) => once('welcome', conversationId),
    welcome: (surface) => welcomeCard(surface),
    onCommand: (context, text) => dispatcher.onCommand(turn(context), text),
    onChatMessage: (context) => dispatcher.onChatMessage(turn(context)),
    onMeetingEvent: async (context, event): Promise<CommandReply> => {
      logger.info({ meetingEvent: event.kind, meeting: pseudonymize(event.meetingId ?? '') }, 'meeting event');
      await dispatcher.onMeetingEvent(turn(context), event);
      return NO_REPLY;
    },
    onCardAction: (context, verb, data) => dispatcher.onVerb(turn(context), verb, data),
  };
}
