/**
 * "What you gave today": the invoke response to one person's own press, so only they see it. It
 * is built only from rows keyed by that person's identity (never anyone else's), and says
 * honestly that anything sent without a name cannot be shown, because nobody knows whose it is.
 */
import type { Level } from '../core/senseCheck';
import { enGB } from './strings.en-GB';
import { setupStrings } from './strings/setup.en-GB';
import { wrapUpStrings } from './strings/wrapUp.en-GB';
import { plainText, textRun } from './text';
import type { AdaptiveCard, CardElement, RichTextBlock } from './types';

const text = wrapUpStrings.contribution;

export interface GivenAnswer {
  /** The facilitator's statement the person answered. */
  readonly statement: string;
  readonly level: Level;
  readonly missed?: string;
  /** A facilitator recorded it for them (said out loud, by phone or on paper). */
  readonly recordedForThem: boolean;
}

export type PurposeAnswer = 'yes' | 'partly' | 'no';

export interface MyContributionView {
  readonly answers: readonly GivenAnswer[];
  readonly purpose?: { readonly answer: PurposeAnswer; readonly reason?: string };
}

export function myContributionCard(view: MyContributionView): AdaptiveCard {
  const body: CardElement[] = [
    { type: 'TextBlock', text: text.title, style: 'heading', size: 'Medium', weight: 'Bolder', wrap: true },
    { type: 'TextBlock', text: text.onlyYou, wrap: true, isSubtle: true },
  ];
  const nothing = view.answers.length === 0 && !view.purpose;
  body.push({ type: 'TextBlock', text: nothing ? text.nothing : text.thanks, wrap: true });
  if (view.answers.length > 0) {
    body.push({ type: 'TextBlock', text: text.senseChecks, weight: 'Bolder', wrap: true, spacing: 'Medium' });
    for (const given of view.answers) {
      const items: CardElement[] = [
        plainText(given.statement, { weight: 'Bolder' }),
        { type: 'TextBlock', text: `${text.youSaid}${enGB.senseCheck.levels[given.level]}`, wrap: true },
      ];
      if (given.missed) items.push(labelled(text.youMissed, given.missed));
      if (given.recordedForThem) items.push({ type: 'TextBlock', text: text.recordedForYou, wrap: true, isSubtle: true, size: 'Small' });
      body.push({ type: 'Container', style: 'emphasis', spacing: 'Small', items });
    }
  }
  if (view.purpose) {
    const items: CardElement[] = [
      { type: 'TextBlock', text: text.purpose, weight: 'Bolder', wrap: true },
      { type: 'TextBlock', text: `${text.youSaid}${setupStrings.purpose.answers[view.purpose.answer]}`, wrap: true },
    ];
    if (view.purpose.reason) items.push(labelled(text.purposeReason, view.purpose.reason));
    body.push({ type: 'Container', style: 'emphasis', spacing: 'Medium', items });
  }
  body.push({ type: 'TextBlock', text: text.anonymous, wrap: true, isSubtle: true, size: 'Small', spacing: 'Medium' });
  return { type: 'AdaptiveCard', version: '1.5', fallbackText: `${text.title}. ${text.onlyYou}`, body };
}

// Their own words, after our label, as typed.
function labelled(label: string, words: string): RichTextBlock {
  return { type: 'RichTextBlock', inlines: [textRun(label, { isSubtle: true }), ...plainText(words).inlines] };
}
