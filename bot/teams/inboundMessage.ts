/**
 * Decides whether a message is meant for the bot. In group chats, meeting chats and channels
 * only an @mention makes a command (nothing there is private, and people talk to each other);
 * in a personal chat every message is a command.
 */
import { TurnContext, type Activity } from 'botbuilder';

export type Surface = 'personal' | 'groupChat' | 'meeting' | 'channel';

export function surfaceOf(activity: Partial<Activity>): Surface {
  const type = activity.conversation?.conversationType;
  if (type === 'personal') return 'personal';
  if (type === 'channel') return 'channel';
  const meeting = (activity.channelData as { meeting?: { id?: string } } | undefined)?.meeting?.id;
  return meeting ? 'meeting' : 'groupChat';
}

/** The command text, or undefined when the message is not addressed to the bot. */
export function commandText(activity: Activity): string | undefined {
  if (surfaceOf(activity) === 'personal') return stripInvisible(activity.text ?? '');
  const botId = activity.recipient?.id;
  const mentioned = (activity.entities ?? []).some(
    (e) => e.type === 'mention' && (e as { mentioned?: { id?: string } }).mentioned?.id === botId,
  );
  if (!mentioned) return undefined;
  return stripInvisible(TurnContext.removeRecipientMention(activity) ?? activity.text ?? '');
}

function stripInvisible(text: string): string {
  return text.replace(/<at>.*?<\/at>/gi, ' ').replace(/&nbsp;/g, ' ').replace(/[\u200b\u00a0]/g, ' ').trim();
}
