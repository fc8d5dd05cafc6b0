/**
 * The reply to `sense check` typed with nothing after it. It is posted in the shared chat, so it
 * only explains and offers a button; the form itself comes back privately to whoever presses it
 * (and only a facilitator may).
 */
import { senseCheckStrings } from './strings/senseCheck.en-GB';
import type { AdaptiveCard } from './types';

export function senseCheckStartCard(view: { readonly sessionKey: string }): AdaptiveCard {
  const words = senseCheckStrings.start;
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    fallbackText: `${words.title}. ${words.howToType}`,
    body: [
      { type: 'TextBlock', text: words.title, style: 'heading', size: 'Medium', weight: 'Bolder', wrap: true },
      { type: 'TextBlock', text: words.howToType, wrap: true },
      { type: 'TextBlock', text: words.howToForm, wrap: true },
    ],
    actions: [{ type: 'Action.Execute', verb: 'senseCheck.open', title: words.openButton, data: { sessionKey: view.sessionKey } }],
  };
}
