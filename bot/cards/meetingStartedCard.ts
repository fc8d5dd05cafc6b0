/**
 * Posted in the meeting chat when a meeting starts and no session is set up. It is neutral on
 * purpose: everyone in the meeting sees it, so it names nobody and asks nothing of attendees.
 */
import { enGB, type CardStrings } from './strings.en-GB';
import type { AdaptiveCard } from './types';

export function meetingStartedCard(strings: CardStrings = enGB): AdaptiveCard {
  const text = strings.meetingStarted;
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    fallbackText: `${text.title}. ${text.noSession} ${text.howToSetUp}`,
    body: [
      { type: 'TextBlock', text: text.title, style: 'heading', size: 'Medium', weight: 'Bolder', wrap: true },
      { type: 'TextBlock', text: text.noSession, wrap: true },
      { type: 'TextBlock', text: text.howToSetUp, wrap: true },
    ],
    actions: [{ type: 'Action.Execute', verb: 'help.show', title: text.helpButton }],
  };
}
