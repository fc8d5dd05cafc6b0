/**
 * The purpose, as everyone in the meeting sees it, and the end-of-session question "did we do what
 * we came for?". The facilitator's words are plain text runs, never markdown. The question card
 * shows only how many have answered; each person's own answer comes back to them alone.
 */
import type { Purpose } from '../core/session';
import type { PurposeAnswer, PurposeVerdict } from '../core/purposeAnswers';
import { tallyLine } from './senseCheckCard';
import { enGB } from './strings.en-GB';
import { setupStrings } from './strings/setup.en-GB';
import { plainText, textRun } from './text';
import type { AdaptiveCard, CardElement } from './types';

const text = setupStrings.purpose;
export const PURPOSE_REASON_INPUT = 'purposeReason';
const VERDICTS: readonly PurposeVerdict[] = ['yes', 'partly', 'no'];

export interface PurposeView {
  readonly sessionKey: string;
  readonly purpose: Purpose;
  readonly safeguardingContact?: string;
}

function labelled(label: string, value: string): CardElement[] {
  return [
    { type: 'TextBlock', text: label, weight: 'Bolder', wrap: true, spacing: 'Medium' },
    plainText(value),
  ];
}

export function purposeCard(view: PurposeView): AdaptiveCard {
  const { purpose } = view;
  const body: CardElement[] = [
    { type: 'TextBlock', text: text.title, style: 'heading', size: 'Medium', weight: 'Bolder', wrap: true },
    ...labelled(text.outcome, purpose.outcome),
    { type: 'TextBlock', text: purpose.openToUnexpected.open ? text.open : text.notOpen, wrap: true, spacing: 'Medium' },
  ];
  if (purpose.openToUnexpected.note) body.push(plainText(purpose.openToUnexpected.note));
  if (purpose.responsible) body.push(...labelled(text.responsible, purpose.responsible));
  if (purpose.capture) body.push(...labelled(text.capture, purpose.capture));
  if (view.safeguardingContact) body.push(...labelled(text.safeguarding, view.safeguardingContact));
  return { type: 'AdaptiveCard', version: '1.5', fallbackText: `${text.title}: ${purpose.outcome}`, body };
}

export interface PurposeQuestionView {
  readonly sessionKey: string;
  readonly outcome: string;
  readonly answered: number;
  readonly expected?: number;
}

export function purposeQuestionCard(view: PurposeQuestionView): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    fallbackText: `${text.question} ${text.questionIntro}`,
    body: [
      { type: 'TextBlock', text: text.question, style: 'heading', size: 'Medium', weight: 'Bolder', wrap: true },
      ...labelled(text.outcome, view.outcome),
      { type: 'TextBlock', text: text.questionIntro, wrap: true, spacing: 'Medium' },
      tallyLine({ answered: view.answered, ...(view.expected !== undefined ? { expected: view.expected } : {}) }, enGB),
      { type: 'Input.Text', id: PURPOSE_REASON_INPUT, label: text.reason, placeholder: text.reasonPlaceholder, isMultiline: true, maxLength: 1000 },
    ],
    actions: VERDICTS.map((answer) => ({
      type: 'Action.Execute' as const,
      verb: 'purpose.answer' as const,
      title: text.answers[answer],
      data: { sessionKey: view.sessionKey, answer },
    })),
  };
}

/** What the presser sees after answering: their own answer only. */
export function purposeAnswerCard(answer: PurposeAnswer, unchanged: boolean): AdaptiveCard {
  const body: CardElement[] = [
    { type: 'TextBlock', text: text.question, weight: 'Bolder', wrap: true },
    { type: 'RichTextBlock', inlines: [textRun(text.yourAnswer), textRun(text.answers[answer.verdict], { weight: 'Bolder' })] },
  ];
  if (answer.reason) body.push({ type: 'RichTextBlock', inlines: [textRun(text.yourReason), textRun(answer.reason)] });
  body.push({ type: 'TextBlock', text: unchanged ? text.unchanged : text.changeable, wrap: true, isSubtle: true, size: 'Small' });
  return { type: 'AdaptiveCard', version: '1.5', fallbackText: `${text.yourAnswer}${text.answers[answer.verdict]}`, body };
}
