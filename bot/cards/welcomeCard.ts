/**
 * The first message after Coproduce is added. It says what the app is for, tells people plainly
 * whether this chat is private, and how to ask for help: in shared chats the message must
 * @mention the bot, or it is ignored.
 */
import { enGB, type CardStrings, type WelcomeScope } from './strings.en-GB';
import type { AdaptiveCard } from './types';

export function welcomeCard(scope: WelcomeScope, strings: CardStrings = enGB): AdaptiveCard {
  const text = strings.welcome;
  const howToAsk = scope === 'personal' ? text.howToAskPersonal : text.howToAskShared;
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    fallbackText: `${text.title}. ${text.privacy[scope]} ${howToAsk}`,
    body: [
      { type: 'TextBlock', text: text.title, style: 'heading', size: 'Large', weight: 'Bolder', wrap: true },
      { type: 'TextBlock', text: text.whatItDoes, wrap: true },
      { type: 'TextBlock', text: text.howItHelps, wrap: true },
      {
        type: 'Container',
        style: scope === 'personal' ? 'emphasis' : 'warning',
        items: [{ type: 'TextBlock', text: text.privacy[scope], wrap: true, weight: 'Bolder' }],
      },
      { type: 'TextBlock', text: howToAsk, wrap: true },
    ],
    actions: [{ type: 'Action.Execute', verb: 'help.show', title: text.helpButton }],
  };
}
