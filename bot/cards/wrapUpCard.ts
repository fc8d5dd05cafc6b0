/**
 * The public "time to wrap up" card posted in reply to `wrap up`. Everyone sees it, so it only
 * says what is about to happen; its button opens the next-steps form for facilitators, privately.
 */
import { wrapUpStrings } from './strings/wrapUp.en-GB';
import type { AdaptiveCard } from './types';

const text = wrapUpStrings.wrapUp.prompt;

export function wrapUpCard(view: { readonly sessionKey: string }): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    fallbackText: `${text.title}. ${text.body}`,
    body: [
      { type: 'TextBlock', text: text.title, style: 'heading', size: 'Medium', weight: 'Bolder', wrap: true },
      { type: 'TextBlock', text: text.body, wrap: true },
      { type: 'TextBlock', text: text.facilitatorHint, wrap: true, isSubtle: true, size: 'Small' },
    ],
    actions: [{ type: 'Action.Execute', verb: 'wrapUp.start', title: text.button, data: { sessionKey: view.sessionKey } }],
  };
}
