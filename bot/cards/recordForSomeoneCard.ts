/**
 * For facilitators: record an answer someone gave without pressing a button (out loud, by phone,
 * on paper, in the room). Both cards come back in the facilitator's own invoke response, so the
 * name they type is seen only by them; it is never shown in the meeting chat.
 */
import type { AnswerMethod, Level } from '../core/senseCheck';
import type { RecordedAnswerForm, RecordFormInputs } from '../core/senseCheckForms';
import { MISSED_INPUT_ID, fill, statementBlock, statementContainer } from './senseCheckCard';
import { enGB } from './strings.en-GB';
import { senseCheckStrings } from './strings/senseCheck.en-GB';
import { plainText, textRun } from './text';
import type { AdaptiveCard, CardElement, ChoiceSetInput, ExecuteAction, TextInput } from './types';

/** The form's input ids; the handler reads the answer back by these. */
export const RECORD_INPUTS: RecordFormInputs = {
  name: 'personName',
  method: 'method',
  level: (statementIndex) => `level${statementIndex + 1}`,
  missed: MISSED_INPUT_ID,
};
/** Same as the core's MAX_NAME_CHARACTERS (a test keeps them equal); the handler checks again. */
export const MAX_NAME_INPUT = 100;
const METHOD_ORDER: readonly Exclude<AnswerMethod, 'self'>[] = ['verbal', 'phone', 'paper', 'inRoom'];

export interface RecordForSomeoneView {
  readonly sessionKey: string;
  readonly senseCheckId: string;
  readonly statements: readonly string[];
  /** What they entered last time, when the form comes back to be fixed. */
  readonly values?: Partial<RecordedAnswerForm>;
  /** Our own sentences saying what to fix, never their text. */
  readonly problems?: readonly string[];
}

const LEVEL_ORDER: readonly Level[] = ['agree', 'partly', 'disagree'];

export function recordForSomeoneCard(view: RecordForSomeoneView): AdaptiveCard {
  const words = senseCheckStrings.record;
  const body: CardElement[] = [
    { type: 'TextBlock', text: words.title, style: 'heading', size: 'Medium', weight: 'Bolder', wrap: true },
    { type: 'TextBlock', text: words.onlyYou, wrap: true, weight: 'Bolder' },
    { type: 'TextBlock', text: words.explain, wrap: true },
  ];
  for (const problem of view.problems ?? []) body.push({ type: 'TextBlock', text: problem, wrap: true, color: 'Attention' });

  const name: TextInput = {
    type: 'Input.Text',
    id: RECORD_INPUTS.name,
    label: words.nameLabel,
    maxLength: MAX_NAME_INPUT,
    ...(view.values?.name ? { value: view.values.name } : {}),
  };
  const method: ChoiceSetInput = {
    type: 'Input.ChoiceSet',
    id: RECORD_INPUTS.method,
    label: words.methodLabel,
    style: 'expanded',
    choices: METHOD_ORDER.map((m) => ({ title: words.methods[m], value: m })),
    ...(view.values?.method ? { value: view.values.method } : {}),
  };
  body.push(name, { type: 'TextBlock', text: words.nameHint, wrap: true, isSubtle: true, size: 'Small', spacing: 'None' }, method);

  const several = view.statements.length > 1;
  view.statements.forEach((statement, index) => {
    const chosen = view.values?.levels?.[index];
    const level: ChoiceSetInput = {
      type: 'Input.ChoiceSet',
      id: RECORD_INPUTS.level(index),
      label: several ? fill(words.levelLabel, { number: index + 1 }) : words.levelLabelOne,
      style: 'expanded',
      choices: LEVEL_ORDER.map((l) => ({ title: enGB.senseCheck.levels[l], value: l })),
      ...(chosen ? { value: chosen } : {}),
    };
    body.push(statementContainer([statementBlock(view.statements.length, index, statement, enGB), level]));
  });
  const missed: TextInput = {
    type: 'Input.Text',
    id: RECORD_INPUTS.missed,
    label: words.missedLabel,
    isMultiline: true,
    maxLength: 1000,
    ...(view.values?.missed ? { value: view.values.missed } : {}),
  };
  body.push(missed);
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    fallbackText: `${words.title}. ${words.onlyYou}`,
    body,
    actions: [recordAction(view, words.saveButton, 'save')],
  };
}

export interface RecordedView {
  readonly sessionKey: string;
  readonly senseCheckId: string;
  readonly name: string;
  readonly outcome: 'saved' | 'unchanged';
}

/** The facilitator's confirmation, with a way to record the next person straight away. */
export function recordedCard(view: RecordedView): AdaptiveCard {
  const words = senseCheckStrings.record;
  const who = plainText(view.name);
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    fallbackText: words.savedTitle,
    body: [
      { type: 'TextBlock', text: words.savedTitle, style: 'heading', size: 'Medium', weight: 'Bolder', wrap: true },
      { ...who, inlines: [textRun(words.savedFor), ...who.inlines] },
      { type: 'TextBlock', text: view.outcome === 'saved' ? words.savedCounts : words.unchanged, wrap: true },
    ],
    actions: [
      recordAction(view, words.anotherButton),
      {
        type: 'Action.Execute',
        verb: 'senseCheck.close',
        title: senseCheckStrings.controls.close,
        associatedInputs: 'none',
        data: { sessionKey: view.sessionKey, senseCheckId: view.senseCheckId },
      },
    ],
  };
}

function recordAction(view: { readonly sessionKey: string; readonly senseCheckId: string }, title: string, step?: 'save'): ExecuteAction {
  return {
    type: 'Action.Execute',
    verb: 'answer.recordForSomeone',
    title,
    ...(step ? { style: 'positive' as const } : { associatedInputs: 'none' as const }),
    data: { sessionKey: view.sessionKey, senseCheckId: view.senseCheckId, ...(step ? { step } : {}) },
  };
}
