/**
 * The standing consent card in the meeting chat, and the same words as a form in a person's own
 * view (easy read, or after they answered). The public card shows only how many have answered:
 * never who, never what. Every choice starts at "Not now".
 */
import type { ConsentChoice, ConsentScope } from '../core/consentScopes';
import { SCOPE_ORDER, type ConsentWording } from './consentWording';
import { consentStrings, fillConsent } from './strings/consent.en-GB';
import { plainText } from './text';
import type { AdaptiveCard, CardAction, CardElement, ChoiceSetInput, TextBlock } from './types';

const text = consentStrings.card;

/** Input ids of the five choices; Teams merges their values into the button's data. */
export const CONSENT_INPUT_IDS: { readonly [S in ConsentScope]: string } = {
  recording: 'consentRecording',
  transcript: 'consentTranscript',
  aiSummary: 'consentAiSummary',
  named: 'consentNamed',
  quoted: 'consentQuoted',
};

export type Choices = Partial<Record<ConsentScope, ConsentChoice>>;

export interface Tally {
  readonly answered: number;
  readonly expected: number;
}

export function tallyText(tally: Tally): string {
  if (tally.answered === 0) return text.nobodyYet;
  if (tally.expected >= tally.answered && tally.expected > 0) return fillConsent(text.answeredOf, { ...tally });
  return tally.answered === 1 ? text.answeredOne : fillConsent(text.answeredMany, { ...tally });
}

function sentence(line: string): string {
  return line.endsWith('.') ? line : `${line}.`;
}

/** The wording as card elements: headings in bold, one line per idea, the contact as plain text. */
export function wordingElements(wording: ConsentWording): CardElement[] {
  const { words } = wording;
  const line = (t: string, extra: Partial<TextBlock> = {}): TextBlock => ({ type: 'TextBlock', text: t, wrap: true, spacing: 'Small', ...extra });
  const out: CardElement[] = [
    { type: 'TextBlock', text: words.title, style: 'heading', size: 'Medium', weight: 'Bolder', wrap: true },
    ...words.intro.map((t) => line(t)),
  ];
  for (const section of words.sections) {
    out.push(line(section.heading, { weight: 'Bolder', spacing: 'Medium' }), ...section.lines.map((t) => line(t)));
  }
  if (wording.contact) out.push(line(words.contactHeading, { weight: 'Bolder', spacing: 'Medium' }), plainText(wording.contact));
  else out.push(line(words.noContact, { weight: 'Bolder', spacing: 'Medium' }));
  out.push({ type: 'Container', style: 'warning', spacing: 'Medium', items: words.cannotStop.map((t) => line(t)) });
  return out;
}

/** The five choices, each Yes / Not now, starting at the person's current answer or "Not now". */
export function choiceInputs(wording: ConsentWording, current: Choices = {}): CardElement[] {
  const { words } = wording;
  const inputs: ChoiceSetInput[] = SCOPE_ORDER.map((scope) => ({
    type: 'Input.ChoiceSet',
    id: CONSENT_INPUT_IDS[scope],
    label: words.scopes[scope],
    style: 'expanded',
    isRequired: true,
    errorMessage: consentStrings.answer.badChoice,
    value: current[scope] ?? 'notNow',
    choices: [
      { title: words.yes, value: 'agree' },
      { title: words.notNow, value: 'notNow' },
    ],
  }));
  return [{ type: 'TextBlock', text: words.choicesHeading, weight: 'Bolder', size: 'Medium', wrap: true, spacing: 'Large' }, ...inputs];
}

/** Save (the five as chosen) and "Not now to everything", naming the wording they were shown. */
export function answerActions(sessionKey: string, wording: ConsentWording): CardAction[] {
  const data = { sessionKey, variant: wording.variant, wordingHash: wording.hash };
  return [
    { type: 'Action.Execute', verb: 'consent.give', title: wording.words.save, style: 'positive', data },
    { type: 'Action.Execute', verb: 'consent.decline', title: wording.words.declineAll, associatedInputs: 'none', data },
  ];
}

export interface ConsentCardView {
  readonly sessionKey: string;
  readonly wording: ConsentWording;
  readonly tally: Tally;
}

/** The public card: the standard wording, the choices at "Not now", and a count with no names. */
export function consentCard(view: ConsentCardView): AdaptiveCard {
  const { sessionKey, wording } = view;
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    fallbackText: `${wording.words.title}. ${tallyText(view.tally)}`,
    body: [
      ...wordingElements(wording),
      ...choiceInputs(wording),
      { type: 'TextBlock', text: `${sentence(tallyText(view.tally))} ${text.onlyYouAnswer}`, wrap: true, isSubtle: true, size: 'Small', spacing: 'Medium' },
    ],
    actions: [
      ...answerActions(sessionKey, wording),
      { type: 'Action.Execute', verb: 'consent.easyRead', title: text.easyReadButton, associatedInputs: 'none', data: { sessionKey } },
      { type: 'Action.Execute', verb: 'consent.confirmClearToRecord', title: text.checkButton, associatedInputs: 'none', data: { sessionKey } },
    ],
  };
}

/** A person's own view of the form (easy read, or the standard words in a 1:1 chat). */
export function consentFormCard(sessionKey: string, wording: ConsentWording, current: Choices = {}): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    fallbackText: wording.words.title,
    body: [
      { type: 'TextBlock', text: consentStrings.answer.onlyYou, wrap: true, isSubtle: true, size: 'Small' },
      ...wordingElements(wording),
      ...choiceInputs(wording, current),
    ],
    actions: answerActions(sessionKey, wording),
  };
}
