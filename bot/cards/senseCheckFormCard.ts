/**
 * The facilitator's form for up to five points. It comes back in the invoke response, so only the
 * facilitator sees it until they post. The post button carries a draft id: pressing it twice
 * posts one sense check. When something is wrong the form comes back with what they wrote and a
 * short line saying what to fix.
 */
import { fill } from './senseCheckCard';
import { senseCheckStrings } from './strings/senseCheck.en-GB';
import type { AdaptiveCard, CardElement, TextInput } from './types';

/** The five point boxes; the handler reads them back by these ids. */
export const STATEMENT_INPUT_IDS: readonly string[] = ['statement1', 'statement2', 'statement3', 'statement4', 'statement5'];
/** Same as the core's MAX_STATEMENT_CHARACTERS (a test keeps them equal); the handler checks again. */
export const MAX_POINT_INPUT = 300;

export interface SenseCheckFormView {
  readonly sessionKey: string;
  readonly draftId: string;
  /** What they typed last time, when the form comes back to be fixed. */
  readonly values?: readonly string[];
  /** Our own sentence saying what to fix (from senseCheckStrings), never their text. */
  readonly problem?: string;
}

export function senseCheckFormCard(view: SenseCheckFormView): AdaptiveCard {
  const words = senseCheckStrings.form;
  const body: CardElement[] = [
    { type: 'TextBlock', text: words.title, style: 'heading', size: 'Medium', weight: 'Bolder', wrap: true },
    { type: 'TextBlock', text: words.onlyYou, wrap: true, weight: 'Bolder' },
    { type: 'TextBlock', text: words.explain, wrap: true },
  ];
  if (view.problem) body.push({ type: 'TextBlock', text: view.problem, wrap: true, color: 'Attention' });
  STATEMENT_INPUT_IDS.forEach((id, index) => {
    const value = view.values?.[index];
    const input: TextInput = {
      type: 'Input.Text',
      id,
      label: fill(index === 0 ? words.pointLabel : words.pointLabelOptional, { number: index + 1 }),
      isMultiline: true,
      maxLength: MAX_POINT_INPUT,
      ...(value ? { value } : {}),
    };
    body.push(input);
  });
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    fallbackText: `${words.title}. ${words.onlyYou}`,
    body,
    actions: [
      {
        type: 'Action.Execute',
        verb: 'senseCheck.open',
        title: words.postButton,
        style: 'positive',
        data: { sessionKey: view.sessionKey, draftId: view.draftId, step: 'post' },
      },
    ],
  };
}
