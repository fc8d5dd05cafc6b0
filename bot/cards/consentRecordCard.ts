/**
 * For facilitators: record the consent of someone who answered out loud, by phone, on paper or in
 * the room. The form and its confirmation come back only in the facilitator's own invoke response.
 * The person is picked from people Coproduce has seen in this session, or typed as a new name.
 */
import type { ConsentMethod, WordingVariant } from '../core/consentScopes';
import { choiceInputs, type Choices } from './consentCard';
import { RECORDED_METHODS, SCOPE_ORDER, type ConsentWording } from './consentWording';
import { consentStrings } from './strings/consent.en-GB';
import { plainText, textRun } from './text';
import type { AdaptiveCard, CardElement, ChoiceSetInput, TextInput } from './types';

const text = consentStrings.record;
export const RECORD_INPUTS = { person: 'consentPerson', name: 'consentName', method: 'consentMethod', variant: 'consentWordingVariant' } as const;
/** The pick list stays usable (and the card small) in a large meeting. */
export const MAX_PEOPLE_LISTED = 100;
export const MAX_RECORDED_NAME = 100;

export interface PickablePerson {
  /** Opaque to the card: the service reads it back and checks it against this session. */
  readonly value: string;
  readonly name: string;
}

export interface RecordFormView {
  readonly sessionKey: string;
  readonly wording: ConsentWording;
  readonly people: readonly PickablePerson[];
  readonly values?: { readonly person?: string; readonly name?: string; readonly method?: string; readonly variant?: WordingVariant; readonly choices?: Choices };
  readonly problems?: readonly string[];
}

export function consentRecordFormCard(view: RecordFormView): AdaptiveCard {
  const values = view.values ?? {};
  const body: CardElement[] = [
    { type: 'TextBlock', text: text.title, style: 'heading', size: 'Medium', weight: 'Bolder', wrap: true },
    { type: 'TextBlock', text: text.onlyYou, wrap: true, weight: 'Bolder' },
    { type: 'TextBlock', text: text.explain, wrap: true },
    ...(view.problems ?? []).map((p): CardElement => ({ type: 'TextBlock', text: p, wrap: true, color: 'Attention' })),
  ];
  if (view.people.length > 0) {
    const pick: ChoiceSetInput = {
      type: 'Input.ChoiceSet',
      id: RECORD_INPUTS.person,
      label: text.pickLabel,
      style: 'compact',
      choices: view.people.slice(0, MAX_PEOPLE_LISTED).map((p) => ({ title: p.name, value: p.value })),
      ...(values.person ? { value: values.person } : {}),
    };
    body.push(pick);
  }
  const name: TextInput = { type: 'Input.Text', id: RECORD_INPUTS.name, label: text.nameLabel, maxLength: MAX_RECORDED_NAME, ...(values.name ? { value: values.name } : {}) };
  const method: ChoiceSetInput = {
    type: 'Input.ChoiceSet',
    id: RECORD_INPUTS.method,
    label: text.methodLabel,
    style: 'expanded',
    choices: RECORDED_METHODS.map((m) => ({ title: text.methods[m as keyof typeof text.methods], value: m })),
    ...(values.method ? { value: values.method } : {}),
  };
  const variant: ChoiceSetInput = {
    type: 'Input.ChoiceSet',
    id: RECORD_INPUTS.variant,
    label: text.wordingLabel,
    style: 'expanded',
    value: values.variant ?? 'standard',
    choices: (['standard', 'easyRead'] as const).map((v) => ({ title: text.wordingChoices[v], value: v })),
  };
  body.push(name, method, variant, ...choiceInputs(view.wording, values.choices));
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    fallbackText: `${text.title}. ${text.onlyYou}`,
    body,
    actions: [{ type: 'Action.Execute', verb: 'consent.recordForSomeone', title: text.save, style: 'positive', data: { sessionKey: view.sessionKey, step: 'save' } }],
  };
}

export interface RecordedView {
  readonly sessionKey: string;
  readonly wording: ConsentWording;
  readonly name: string;
  readonly method: ConsentMethod;
  readonly choices: Choices;
  readonly outcome: 'saved' | 'unchanged';
}

export function consentRecordedCard(view: RecordedView): AdaptiveCard {
  const who = plainText(view.name, { weight: 'Bolder' });
  const how = text.methods[view.method as keyof typeof text.methods] ?? '';
  const { words } = view.wording;
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    fallbackText: text.savedTitle,
    body: [
      { type: 'TextBlock', text: text.savedTitle, style: 'heading', size: 'Medium', weight: 'Bolder', wrap: true },
      { ...who, inlines: [textRun(text.savedFor), ...who.inlines, textRun(` (${how.toLowerCase()})`)] },
      { type: 'TextBlock', text: view.outcome === 'saved' ? text.marked : text.unchanged, wrap: true },
      { type: 'FactSet', facts: SCOPE_ORDER.map((s) => ({ title: words.scopes[s], value: view.choices[s] === 'agree' ? words.yes : words.notNow })) },
    ],
    actions: [
      { type: 'Action.Execute', verb: 'consent.recordForSomeone', title: text.another, associatedInputs: 'none', data: { sessionKey: view.sessionKey } },
      { type: 'Action.Execute', verb: 'consent.confirmClearToRecord', title: consentStrings.facilitators.checkButton, associatedInputs: 'none', data: { sessionKey: view.sessionKey } },
    ],
  };
}
