/**
 * The invoke response after an anonymous note or pause request: only the person who pressed sees
 * it. It thanks them and says again that there is no name on it. It echoes nothing they wrote,
 * so a card left open on a shared screen does not show their words.
 */
import { enGB, type CardStrings } from './strings.en-GB';
import type { AdaptiveCard } from './types';

export interface UnsaidThanksView {
  readonly sessionKey: string;
  readonly sent: 'note' | 'pause';
}

export function unsaidThanksCard(view: UnsaidThanksView, strings: CardStrings = enGB): AdaptiveCard {
  const text = view.sent === 'pause' ? strings.pause : strings.unsaid;
  const card: AdaptiveCard = {
    type: 'AdaptiveCard',
    version: '1.5',
    fallbackText: `${text.thanksTitle}. ${text.thanksNoName}`,
    body: [
      { type: 'TextBlock', text: text.thanksTitle, style: 'heading', size: 'Medium', weight: 'Bolder', wrap: true },
      { type: 'TextBlock', text: text.thanksNoName, wrap: true },
    ],
  };
  if (view.sent === 'pause') return card;
  const unsaid = strings.unsaid;
  return {
    ...card,
    body: [...card.body, { type: 'TextBlock', text: unsaid.thanksCannotDelete, wrap: true, isSubtle: true }],
    actions: [{ type: 'Action.Execute', verb: 'unsaid.open', title: unsaid.writeAnother, data: { sessionKey: view.sessionKey } }],
  };
}
