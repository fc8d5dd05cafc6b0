/**
 * "Unsaid": somewhere to write what a person did not feel able to say, with no name on it, and
 * the anonymous "I need a pause" button. The card tells the truth first (DESIGN.md "Anonymity"):
 * facilitators will read it; we cannot delete it later because we do not know who wrote it; do
 * not put your name in it; where to get support. The safeguarding contact is text a facilitator
 * typed at setup, so it is a plain run, never markdown. The card names nobody.
 */
import { enGB, type CardStrings } from './strings.en-GB';
import { plainText } from './text';
import type { AdaptiveCard, CardElement } from './types';

export interface UnsaidView {
  readonly sessionKey: string;
  /** Who to contact if something is wrong, as set at setup; a general line when absent. */
  readonly safeguardingContact?: string;
}

export const UNSAID_INPUT_ID = 'unsaidText';
/** Same as the core's MAX_UNSAID_CHARACTERS (cards import core types only), so the box stops people first. */
export const MAX_UNSAID_INPUT = 1000;

/**
 * The four truths (DESIGN.md "Anonymity"), in a warning box: facilitators will read it; it cannot
 * be deleted later; no name in it; where to get support. Every unsaid card shows them first.
 */
export function unsaidHonesty(view: UnsaidView, strings: CardStrings = enGB): CardElement {
  const text = strings.unsaid;
  const contact = view.safeguardingContact?.trim();
  return {
    type: 'Container',
    style: 'warning',
    items: [
      { type: 'TextBlock', text: text.facilitatorsRead, wrap: true, weight: 'Bolder' },
      { type: 'TextBlock', text: text.cannotDelete, wrap: true, weight: 'Bolder' },
      { type: 'TextBlock', text: text.noName, wrap: true, weight: 'Bolder' },
      ...(contact
        ? [{ type: 'TextBlock' as const, text: text.supportWithContact, wrap: true }, plainText(contact)]
        : [{ type: 'TextBlock' as const, text: text.supportGeneric, wrap: true }]),
    ],
  };
}

/** The anonymous "I need a pause" button and what it does. */
export function pauseSection(sessionKey: string, strings: CardStrings = enGB): CardElement[] {
  return [
    { type: 'TextBlock', text: strings.pause.explain, wrap: true, spacing: 'Large', separator: true },
    {
      type: 'ActionSet',
      actions: [
        {
          type: 'Action.Execute',
          verb: 'break.requestPause',
          title: strings.pause.button,
          data: { sessionKey },
          // The note box is required and private: a pause request must neither wait for it nor carry it.
          associatedInputs: 'none',
        },
      ],
    },
  ];
}

/** The writing card: returned only to the person who pressed "Write something". */
export function unsaidCard(view: UnsaidView, strings: CardStrings = enGB): AdaptiveCard {
  const text = strings.unsaid;
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    fallbackText: `${text.title}. ${text.facilitatorsRead} ${text.cannotDelete} ${text.noName}`,
    body: [
      { type: 'TextBlock', text: text.title, style: 'heading', size: 'Medium', weight: 'Bolder', wrap: true },
      { type: 'TextBlock', text: text.intro, wrap: true },
      unsaidHonesty(view, strings),
      { type: 'TextBlock', text: text.noTimes, wrap: true, isSubtle: true, size: 'Small' },
      {
        type: 'Input.Text',
        id: UNSAID_INPUT_ID,
        label: text.inputLabel,
        isMultiline: true,
        maxLength: MAX_UNSAID_INPUT,
        isRequired: true,
        errorMessage: text.inputRequired,
      },
      {
        type: 'ActionSet',
        actions: [{ type: 'Action.Execute', verb: 'unsaid.send', title: text.sendButton, data: { sessionKey: view.sessionKey } }],
      },
      ...pauseSection(view.sessionKey, strings),
    ],
  };
}
