/**
 * The invoke response after an anonymous note or pause request: only the person who pressed sees
 * it. It thanks them and says again that there is no name on it. It echoes nothing they wrote,
 * so a card left open on a shared screen does not show their words. After a note it repeats the
 * honest part (it cannot be deleted) and where to get support, since writing it may have been hard.
 */
import { enGB, type CardStrings } from './strings.en-GB';
import { plainText } from './text';
import type { AdaptiveCard, CardElement } from './types';

export interface UnsaidThanksView {
  readonly sessionKey: string;
  readonly sent: 'note' | 'pause';
  /** The session's safeguarding contact, as typed at setup; a general line when absent. */
  readonly safeguardingContact?: string;
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
  const contact = view.safeguardingContact?.trim();
  const support: CardElement[] = contact
    ? [{ type: 'TextBlock', text: unsaid.supportWithContact, wrap: true }, plainText(contact)]
    : [{ type: 'TextBlock', text: unsaid.supportGeneric, wrap: true }];
  return {
    ...card,
    body: [...card.body, { type: 'TextBlock', text: unsaid.thanksCannotDelete, wrap: true, isSubtle: true }, ...support],
    actions: [{ type: 'Action.Execute', verb: 'unsaid.open', title: unsaid.writeAnother, data: { sessionKey: view.sessionKey } }],
  };
}
