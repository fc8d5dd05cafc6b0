/**
 * What the bot does for each kind of turn. Later capabilities plug their services in here; the
 * bot class stays a thin reader of activities.
 */
import type { Clock, Store } from '../core/ports';
import type { Logger } from '../core/logger';
import { compositeKey, keyPart } from '../core/keys';
import { parseCommand } from '../core/commandParser';
import type { ServiceUrlPolicy } from '../core/serviceUrl';
import type { Pseudonymize } from '../log';
import { helpCard } from '../cards/helpCard';
import { welcomeCard } from '../cards/welcomeCard';
import { meetingStartedCard } from '../cards/meetingStartedCard';
import { notReadyText } from '../cards/notReady';
import { createConversationRememberer } from './conversationReferences';
import { ConversationBook } from '../core/conversations';
import type { BotDeps } from './coproduceBot';
import type { MeetingEvent } from './meetingEvents';
import { NO_REPLY, type CommandReply, type InvokeReply } from './replies';
import { isVerb } from '../cards/verbs';

const MARKERS_TABLE = 'markers';

export interface TurnHandlerDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly pseudonymize: Pseudonymize;
  readonly policy: ServiceUrlPolicy;
}

export function createTurnHandlers(deps: TurnHandlerDeps): Omit<BotDeps, 'logger'> {
  const { store, logger, pseudonymize } = deps;

  /** Insert-if-absent: true only for the first caller, so retried or doubled events act once. */
  async function once(kind: string, ...key: string[]): Promise<boolean> {
    const result = await store.insert(MARKERS_TABLE, {
      partitionKey: keyPart(kind),
      rowKey: compositeKey(...key),
      props: { at: deps.clock.now().toISOString() },
    });
    return result.ok;
  }

  return {
    rememberConversation: createConversationRememberer({ book: new ConversationBook(store, deps.policy), clock: deps.clock, logger }),
    firstContact: (conversationId) => once('welcome', conversationId),
    welcome: (surface) => welcomeCard(surface),
    onCommand: async (_context, text): Promise<CommandReply> => {
      const parsed = parseCommand(text);
      if (parsed.kind !== 'command') return { card: helpCard({ unknownCommand: parsed.kind === 'unknown' }) };
      logger.info({ command: parsed.word }, 'command');
      if (parsed.word === 'help') return { card: helpCard({ unknownCommand: false }) };
      return { text: notReadyText(parsed.word) };
    },
    onMeetingEvent: async (context, event: MeetingEvent): Promise<CommandReply> => {
      logger.info({ meetingEvent: event.kind, meeting: pseudonymize(event.meetingId) }, 'meeting event');
      if (event.kind !== 'start') return NO_REPLY;
      const first = await once('meetingStart', context.activity.conversation.id, event.meetingId, event.at ?? '');
      return first ? { card: meetingStartedCard() } : NO_REPLY;
    },
    onCardAction: async (_context, verb): Promise<InvokeReply> => {
      if (!isVerb(verb)) return { kind: 'error', status: 400, code: 'UnknownAction', message: 'This button is not recognised. Please type help.' };
      if (verb === 'help.show') return { kind: 'card', card: helpCard({ unknownCommand: false }) };
      return { kind: 'message', text: 'This part of Coproduce is not ready yet.' };
    },
  };
}
