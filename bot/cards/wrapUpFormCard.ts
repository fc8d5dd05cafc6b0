/**
 * The next-steps form, returned only to the facilitator who pressed "Add the next steps". It
 * carries the version it was opened on, so saving an out-of-date form is refused, not merged.
 * After a refusal it comes back with what was typed and a list of what to fix.
 */
import type { NextStepInput } from '../core/nextSteps';
import { fill } from './senseCheckCard';
import { wrapUpStrings } from './strings/wrapUp.en-GB';
import type { AdaptiveCard, CardElement, Container } from './types';

const text = wrapUpStrings.wrapUp.form;
/** Rows shown even when fewer steps are filled in; more appear as the list grows. */
const MIN_ROWS = 5;

export const FOLLOW_UP_INPUT = 'followUpDate';

/** Input ids for step `number` (1-based): the handler reads the same names. */
export function stepInputIds(number: number): { readonly what: string; readonly owner: string; readonly due: string } {
  return { what: `step${number}What`, owner: `step${number}Owner`, due: `step${number}Due` };
}

export interface WrapUpFormView {
  readonly sessionKey: string;
  /** The saved version the form starts from; 0 when nothing is saved yet. */
  readonly version: number;
  readonly steps: readonly NextStepInput[];
  readonly followUpDate?: string;
  /** `YYYY-MM-DD` today for the facilitator: the earliest date the pickers offer. */
  readonly today: string;
  /** Our own sentences saying what to fix. */
  readonly problems?: readonly string[];
  /** From core/nextSteps: most steps, and longest what and who, in characters. */
  readonly limits: { readonly steps: number; readonly what: number; readonly owner: number };
}

export function wrapUpFormCard(view: WrapUpFormView): AdaptiveCard {
  const body: CardElement[] = [
    { type: 'TextBlock', text: text.title, style: 'heading', size: 'Medium', weight: 'Bolder', wrap: true },
    { type: 'TextBlock', text: text.onlyYou, wrap: true, isSubtle: true },
  ];
  if (view.problems && view.problems.length > 0) {
    body.push({
      type: 'Container',
      style: 'attention',
      items: [text.problemsTitle, ...view.problems].map((line, index): CardElement => ({ type: 'TextBlock', text: line, wrap: true, ...(index === 0 ? { weight: 'Bolder' as const } : {}) })),
    });
  }
  body.push({ type: 'TextBlock', text: text.blankRows, wrap: true, size: 'Small' });
  const rows = Math.min(view.limits.steps, Math.max(MIN_ROWS, view.steps.length + 2));
  for (let number = 1; number <= rows; number++) body.push(stepRow(number, view.steps[number - 1], view));
  body.push({
    type: 'Input.Date',
    id: FOLLOW_UP_INPUT,
    label: text.followUp,
    min: view.today,
    isRequired: true,
    errorMessage: wrapUpStrings.wrapUp.problems.followUpMissing,
    spacing: 'Large',
    ...(view.followUpDate ? { value: view.followUpDate } : {}),
  });
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    fallbackText: `${text.title}. ${text.onlyYou}`,
    body,
    actions: [{ type: 'Action.Execute', verb: 'wrapUp.save', title: text.save, data: { sessionKey: view.sessionKey, formVersion: view.version } }],
  };
}

function stepRow(number: number, step: NextStepInput | undefined, view: WrapUpFormView): Container {
  const ids = stepInputIds(number);
  const label = fill(text.step, { number });
  return {
    type: 'Container',
    spacing: 'Medium',
    separator: number > 1,
    items: [
      { type: 'TextBlock', text: label, weight: 'Bolder', wrap: true },
      // Each label names its step, so a screen reader does not hear eight fields called "Who".
      { type: 'Input.Text', id: ids.what, label: `${label}: ${text.what}`, maxLength: view.limits.what, isMultiline: true, ...(step?.what ? { value: step.what } : {}) },
      { type: 'Input.Text', id: ids.owner, label: `${label}: ${text.owner}`, placeholder: text.ownerPlaceholder, maxLength: view.limits.owner, ...(step?.owner ? { value: step.owner } : {}) },
      { type: 'Input.Date', id: ids.due, label: `${label}: ${text.due}`, min: view.today, ...(step?.due ? { value: step.due } : {}) },
    ],
  };
}
