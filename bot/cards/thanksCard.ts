/**
 * The thank-you after a session, in the person's own 1:1 chat: what the session was for, what
 * they gave (their own answers only, never anyone else's and never anything sent without a
 * name), their payment as "due" or "paid" (never an amount, never "declined"), and when they will
 * hear back. Their words and the facilitators' statements are plain text.
 */
import type { PurposeVerdict } from '../core/purposeAnswers';
import type { Level } from '../core/senseCheck';
import { fill } from './senseCheckCard';
import { followUpStrings } from './strings/followUp.en-GB';
import { cardDate, plainText, textRun } from './text';
import type { AdaptiveCard, CardElement } from './types';

const text = followUpStrings.thanks;
const levels = followUpStrings.digest.levels;

export interface ThanksView {
  readonly sessionDay: Date;
  readonly outcome: string;
  readonly answers: readonly { readonly statement: string; readonly level: Level; readonly missed?: string; readonly recordedForThem: boolean }[];
  readonly purpose?: { readonly answer: PurposeVerdict; readonly reason?: string };
  readonly payment?: 'due' | 'paid';
  readonly followUpDay?: Date;
  readonly summaryUrl?: string;
}

/** At most this many answers on the card, each comment cut short: a message must stay small. */
export const MAX_THANKS_ANSWERS = 25;
const MAX_COMMENT = 300;

function clip(value: string): string {
  const chars = [...value];
  return chars.length <= MAX_COMMENT ? value : `${chars.slice(0, MAX_COMMENT - 1).join('')}…`;
}

export function thanksCard(view: ThanksView): AdaptiveCard {
  const body: CardElement[] = [
    { type: 'TextBlock', text: text.title, style: 'heading', size: 'Medium', weight: 'Bolder', wrap: true },
    { type: 'TextBlock', text: fill(text.intro, { date: cardDate(view.sessionDay, 'LONG') }), wrap: true },
    { type: 'TextBlock', text: text.purpose, weight: 'Bolder', wrap: true, spacing: 'Medium' },
    plainText(view.outcome),
  ];
  if (view.answers.length === 0 && !view.purpose) body.push({ type: 'TextBlock', text: text.nothing, wrap: true, spacing: 'Medium' });
  if (view.answers.length > 0) {
    body.push({ type: 'TextBlock', text: text.yourAnswers, weight: 'Bolder', wrap: true, spacing: 'Medium' });
    for (const given of view.answers.slice(0, MAX_THANKS_ANSWERS)) {
      const items: CardElement[] = [
        plainText(given.statement),
        { type: 'RichTextBlock', inlines: [textRun(`${levels[given.level]} `, { weight: 'Bolder' }), ...(given.recordedForThem ? [textRun(text.recordedForYou, { isSubtle: true })] : [])] },
      ];
      if (given.missed) items.push({ type: 'RichTextBlock', inlines: [textRun(text.missed, { isSubtle: true }), textRun(clip(given.missed))] });
      body.push({ type: 'Container', spacing: 'Small', items });
    }
  }
  if (view.purpose) {
    const runs = [textRun(text.yourPurpose), textRun(text.verdicts[view.purpose.answer], { weight: 'Bolder' })];
    body.push({ type: 'RichTextBlock', inlines: runs });
    if (view.purpose.reason) body.push(plainText(clip(view.purpose.reason), { italic: true }));
  }
  if (view.payment) body.push({ type: 'TextBlock', text: text.payment[view.payment], wrap: true, spacing: 'Medium' });
  if (view.followUpDay) body.push({ type: 'TextBlock', text: fill(text.followUp, { date: cardDate(view.followUpDay, 'LONG') }), wrap: true });
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    fallbackText: text.title,
    body,
    ...(view.summaryUrl ? { actions: [{ type: 'Action.OpenUrl' as const, title: text.summaryButton, url: view.summaryUrl }] } : {}),
  };
}
