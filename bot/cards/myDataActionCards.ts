/**
 * The answers to "Download my data" and "Delete my data", each seen only by the person who
 * pressed. The download is a one-time link to our server, never a file in the chat. Deleting asks
 * once more first, and afterwards says plainly what deleting cannot reach.
 */
import { fillIn, myDataStrings } from './strings/myData.en-GB';
import { buttonData } from './myDataCard';
import { plainText } from './text';
import type { AdaptiveCard, CardAction, CardElement } from './types';

const limits = (): CardElement[] => [
  { type: 'TextBlock', text: myDataStrings.erase.limitsTitle, wrap: true, weight: 'Bolder', spacing: 'Medium' },
  ...myDataStrings.cannotReach.map((limit): CardElement => ({ type: 'TextBlock', text: `- ${limit}`, wrap: true, size: 'Small', spacing: 'Small' })),
];

/** `url` undefined: the server has no public address set, so there is no link to give. */
export function downloadLinkCard(url: string | undefined, minutes: number): AdaptiveCard {
  const text = myDataStrings.download;
  if (!url) {
    return { type: 'AdaptiveCard', version: '1.5', fallbackText: text.notSetUp, body: [{ type: 'TextBlock', text: text.notSetUp, wrap: true }] };
  }
  const body: CardElement[] = [
    { type: 'TextBlock', text: text.title, weight: 'Bolder', wrap: true },
    { type: 'TextBlock', text: fillIn(text.body, { minutes }), wrap: true },
    { type: 'TextBlock', text: text.copy, wrap: true, isSubtle: true, size: 'Small' },
    plainText(url, { size: 'Small', fontType: 'Monospace' }),
  ];
  // Teams opens only https addresses from a button; a local test server shows the address alone.
  const actions: CardAction[] = /^https:\/\//i.test(url) ? [{ type: 'Action.OpenUrl', title: text.button, url }] : [];
  return { type: 'AdaptiveCard', version: '1.5', fallbackText: text.title, body, ...(actions.length > 0 ? { actions } : {}) };
}

export function eraseConfirmCard(sessionKey: string | undefined): AdaptiveCard {
  const text = myDataStrings.erase;
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    fallbackText: text.confirmTitle,
    body: [
      { type: 'TextBlock', text: text.confirmTitle, style: 'heading', weight: 'Bolder', wrap: true },
      { type: 'TextBlock', text: text.confirmBody, wrap: true },
      { type: 'TextBlock', text: text.confirmWithdraw, wrap: true },
      { type: 'TextBlock', text: text.confirmKeep, wrap: true, isSubtle: true },
    ],
    actions: [
      { type: 'Action.Execute', verb: 'myData.erase', title: text.confirmButton, style: 'destructive', data: buttonData(sessionKey, { confirm: 'yes' }) },
      { type: 'Action.Execute', verb: 'myData.show', title: text.cancelButton, data: buttonData(sessionKey) },
    ],
  };
}

export function erasedCard(sessions: number): AdaptiveCard {
  const text = myDataStrings.erase;
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    fallbackText: text.doneTitle,
    body: [
      { type: 'TextBlock', text: text.doneTitle, style: 'heading', weight: 'Bolder', wrap: true },
      { type: 'TextBlock', text: sessions > 0 ? fillIn(text.doneSessions, { count: sessions }) : text.doneNothing, wrap: true },
      { type: 'TextBlock', text: text.doneLink, wrap: true },
      ...limits(),
    ],
  };
}
