/**
 * The Teams bot: a thin handler that reads the activity, asks the core what to do and replies.
 * No state and no rules live here.
 */
import {
  CardFactory,
  MessageFactory,
  TeamsActivityHandler,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type TurnContext,
} from 'botbuilder';
import type { CardJson } from '../core/ports';
import type { Logger } from '../core/logger';
import { parseCommand } from '../core/commandParser';
import { commandText, surfaceOf } from './inboundMessage';
import { isMeetingEvent, readMeetingEvent, type MeetingEvent } from './meetingEvents';
import type { CommandReply, InvokeReply } from './replies';

export interface BotDeps {
  readonly logger: Logger;
  /** Stores or refreshes the conversation reference; called on every turn. */
  readonly rememberConversation: (context: TurnContext) => Promise<void>;
  /** True the first time it is called for a conversation, false after. */
  readonly firstContact: (conversationId: string) => Promise<boolean>;
  readonly welcome: (surface: ReturnType<typeof surfaceOf>) => CardJson;
  readonly onCommand: (context: TurnContext, text: string) => Promise<CommandReply>;
  /** A shared-chat message not addressed to the bot: counted at most, never read. */
  readonly onChatMessage: (context: TurnContext) => Promise<void>;
  readonly onMeetingEvent: (context: TurnContext, event: MeetingEvent) => Promise<CommandReply>;
  readonly onCardAction: (context: TurnContext, verb: string, data: Record<string, unknown>) => Promise<InvokeReply>;
}

export class CoproduceBot extends TeamsActivityHandler {
  constructor(private readonly deps: BotDeps) {
    super();
    this.onTurn(async (context, next) => {
      await deps.rememberConversation(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.welcomeOnce(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      if ((context.activity.membersAdded ?? []).some((m) => m.id === botId)) await this.welcomeOnce(context);
      await next();
    });
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const text = commandText(context.activity);
    if (text === undefined) return this.deps.onChatMessage(context); // not addressed to us: stay silent
    if (parseCommand(text).kind === 'empty' && context.activity.value) return; // legacy card submit, no text
    await send(context, await this.deps.onCommand(context, text));
  }

  private async welcomeOnce(context: TurnContext): Promise<void> {
    if (!(await this.deps.firstContact(context.activity.conversation.id))) return;
    await send(context, { card: this.deps.welcome(surfaceOf(context.activity)) });
  }

  /** Meeting events are read by our own parser; other events go to botbuilder's. */
  protected override async dispatchEventActivity(context: TurnContext): Promise<void> {
    if (context.activity.channelId === 'msteams' && isMeetingEvent(context.activity)) {
      const event = readMeetingEvent(context.activity);
      if (!event) {
        this.deps.logger.warn({ eventName: context.activity.name }, 'meeting event without a meeting id ignored');
        return;
      }
      await send(context, await this.deps.onMeetingEvent(context, event));
      return;
    }
    await super.dispatchEventActivity(context);
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const data = (invokeValue.action?.data ?? {}) as Record<string, unknown>;
    const reply = await this.deps.onCardAction(context, invokeValue.action?.verb ?? '', data);
    if (reply.kind === 'card') return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: reply.card };
    if (reply.kind === 'message') return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: reply.text as never };
    return { statusCode: reply.status, type: 'application/vnd.microsoft.error', value: { code: reply.code, message: reply.message } as never };
  }
}

async function send(context: TurnContext, reply: CommandReply): Promise<void> {
  if (reply.card) await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(reply.card)));
  else if (reply.text) await context.sendActivity(MessageFactory.text(reply.text));
}
