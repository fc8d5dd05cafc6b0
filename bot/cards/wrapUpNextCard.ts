/**
 * "What happens next", posted in the meeting chat for everyone when the facilitator saves the
 * wrap-up (and edited in place if they save again). Each step and owner is the facilitator's own
 * words, so plain text; dates are `{{DATE(...)}}` values so each reader sees their own calendar.
 * It ends with thanks and a button that shows each person, privately, what they gave today.
 */
import { fill } from './senseCheckCard';
import { wrapUpStrings } from './strings/wrapUp.en-GB';
import { cardDate, plainText, textRun } from './text';
import type { AdaptiveCard, CardElement, Container } from './types';

const text = wrapUpStrings.wrapUp.next;

export interface NextStepView {
  readonly what: string;
  readonly owner?: string;
  /** The instant that stands for the chosen date (midday where it was chosen). */
  readonly dueAt?: Date;
}

export interface WrapUpNextView {
  readonly sessionKey: string;
  readonly steps: readonly NextStepView[];
  readonly hearBackAt: Date;
}

export function wrapUpNextCard(view: WrapUpNextView): AdaptiveCard {
  const hearBack = fill(text.hearBack, { date: cardDate(view.hearBackAt, 'LONG') });
  const body: CardElement[] = [
    { type: 'TextBlock', text: text.title, style: 'heading', size: 'Medium', weight: 'Bolder', wrap: true },
    { type: 'TextBlock', text: text.intro, wrap: true },
    ...view.steps.map((step): Container => {
      const items: CardElement[] = [plainText(step.what, { weight: 'Bolder' })];
      if (step.owner) items.push({ type: 'RichTextBlock', inlines: [textRun(text.who, { isSubtle: true }), textRun(step.owner)] });
      if (step.dueAt) items.push({ type: 'TextBlock', text: fill(text.due, { date: cardDate(step.dueAt, 'LONG') }), wrap: true, isSubtle: true });
      return { type: 'Container', style: 'emphasis', spacing: 'Small', items };
    }),
    { type: 'TextBlock', text: hearBack, wrap: true, weight: 'Bolder', spacing: 'Medium' },
    { type: 'TextBlock', text: text.thanks, wrap: true },
    { type: 'TextBlock', text: text.buttonHint, wrap: true, isSubtle: true, size: 'Small' },
  ];
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    fallbackText: `${text.title}. ${text.thanks}`,
    body,
    actions: [{ type: 'Action.Execute', verb: 'wrapUp.myContribution', title: text.button, data: { sessionKey: view.sessionKey } }],
  };
}
