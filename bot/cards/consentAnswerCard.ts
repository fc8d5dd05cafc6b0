/**
 * What a person sees after answering, in their own invoke response only: their current choices,
 * how to change their mind, their personal code (and link, when the server has a public address),
 * and the form again, set to what they chose, so changing one answer is one press away.
 */
import { answerActions, choiceInputs, type Choices } from './consentCard';
import { SCOPE_ORDER, type ConsentWording } from './consentWording';
import { consentStrings } from './strings/consent.en-GB';
import { plainText } from './text';
import type { AdaptiveCard, CardAction, CardElement } from './types';

const text = consentStrings.answer;

export interface ConsentAnswerView {
  readonly sessionKey: string;
  readonly wording: ConsentWording;
  readonly choices: Choices;
  readonly outcome: 'saved' | 'unchanged';
  /** Some answers were recorded by a facilitator for this person. */
  readonly recordedForYou: boolean;
  /** Shown only when they agreed to anything. */
  readonly withdrawal?: { readonly code: string; readonly link?: string };
}

export function consentAnswerCard(view: ConsentAnswerView): AdaptiveCard {
  const { words } = view.wording;
  const body: CardElement[] = [
    { type: 'TextBlock', text: text.title, style: 'heading', size: 'Medium', weight: 'Bolder', wrap: true },
    { type: 'TextBlock', text: text.onlyYou, wrap: true, isSubtle: true, size: 'Small', spacing: 'None' },
    { type: 'TextBlock', text: view.outcome === 'saved' ? text.saved : text.unchanged, wrap: true },
    {
      type: 'FactSet',
      facts: SCOPE_ORDER.map((scope) => ({ title: words.scopes[scope], value: view.choices[scope] === 'agree' ? words.yes : words.notNow })),
    },
  ];
  if (view.recordedForYou) body.push({ type: 'TextBlock', text: text.recordedForYou, wrap: true, isSubtle: true });
  const actions: CardAction[] = [...answerActions(view.sessionKey, view.wording)];
  if (view.withdrawal) {
    body.push(
      { type: 'TextBlock', text: text.changeMind, wrap: true, spacing: 'Medium' },
      { type: 'TextBlock', text: text.codeIntro, wrap: true, weight: 'Bolder', spacing: 'Medium' },
      plainText(view.withdrawal.code, { fontType: 'Monospace' }),
    );
    if (view.withdrawal.link) {
      body.push({ type: 'TextBlock', text: text.linkIntro, wrap: true }, plainText(view.withdrawal.link));
      if (/^https:\/\//i.test(view.withdrawal.link)) actions.push({ type: 'Action.OpenUrl', title: text.openLink, url: view.withdrawal.link });
    }
    body.push({ type: 'TextBlock', text: text.newCode, wrap: true, isSubtle: true, size: 'Small' });
  }
  body.push(...choiceInputs(view.wording, view.choices));
  return { type: 'AdaptiveCard', version: '1.5', fallbackText: `${text.title}. ${text.onlyYou}`, body, actions };
}
