/**
 * Setup: a neutral prompt everyone in the chat may see (it names nobody and asks nothing of
 * attendees), and the form itself, which comes back only to the person who pressed the button.
 */
import { setupStrings as text } from './strings/setup.en-GB';
import type { AdaptiveCard, CardElement, ChoiceSetInput, TextInput, ToggleInput } from './types';

/** Posted at a meeting start with no session, and in reply to `setup`. */
export function setupPromptCard(view: { readonly sessionKey?: string } = {}): AdaptiveCard {
  const editing = view.sessionKey !== undefined;
  const title = editing ? text.prompt.changeTitle : text.prompt.title;
  const lines = editing ? [text.prompt.change] : [text.prompt.noSession, text.prompt.who];
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    fallbackText: `${title}. ${lines.join(' ')}`,
    body: [
      { type: 'TextBlock', text: title, style: 'heading', size: 'Medium', weight: 'Bolder', wrap: true },
      ...lines.map((line): CardElement => ({ type: 'TextBlock', text: line, wrap: true })),
    ],
    actions: [
      {
        type: 'Action.Execute',
        verb: 'setup.open',
        title: editing ? text.prompt.changeButton : text.prompt.button,
        data: editing ? { sessionKey: view.sessionKey as string } : {},
      },
      { type: 'Action.Execute', verb: 'help.show', title: text.prompt.helpButton },
    ],
  };
}

export interface SetupFormView {
  readonly sessionKey?: string;
  readonly outcome?: string;
  readonly openToUnexpected?: boolean;
  readonly openToUnexpectedNote?: string;
  readonly responsible?: string;
  readonly capture?: string;
  /** Entra object ids already named (the people picker shows them). */
  readonly facilitatorIds?: readonly string[];
  readonly notetakerIds?: readonly string[];
  readonly programmeId?: string;
  readonly safeguardingContact?: string;
  readonly needsMoreBreaks?: boolean;
  readonly countChat?: boolean;
}

/** Input ids: the handler reads the same names from the press. */
export const SETUP_INPUTS = {
  outcome: 'outcome',
  openToUnexpected: 'openToUnexpected',
  openNote: 'openToUnexpectedNote',
  responsible: 'responsible',
  capture: 'capture',
  facilitators: 'facilitators',
  notetakers: 'notetakers',
  programme: 'programmeId',
  safeguarding: 'safeguardingContact',
  moreBreaks: 'needsMoreBreaks',
  countChat: 'countChat',
} as const;

export function setupFormCard(view: SetupFormView = {}): AdaptiveCard {
  const f = text.form;
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    fallbackText: f.title,
    body: [
      { type: 'TextBlock', text: f.title, style: 'heading', size: 'Medium', weight: 'Bolder', wrap: true },
      { type: 'TextBlock', text: f.onlyYou, wrap: true, isSubtle: true, size: 'Small' },
      textInput(SETUP_INPUTS.outcome, f.outcome, view.outcome, { required: true, multiline: true, max: 500, placeholder: f.outcomePlaceholder }),
      toggle(SETUP_INPUTS.openToUnexpected, f.openToUnexpected, view.openToUnexpected ?? true),
      textInput(SETUP_INPUTS.openNote, f.openNote, view.openToUnexpectedNote, { max: 500 }),
      textInput(SETUP_INPUTS.responsible, f.responsible, view.responsible, { max: 500 }),
      textInput(SETUP_INPUTS.capture, f.capture, view.capture, { max: 500, placeholder: f.capturePlaceholder }),
      peoplePicker(SETUP_INPUTS.facilitators, f.facilitators, view.facilitatorIds),
      peoplePicker(SETUP_INPUTS.notetakers, f.notetakers, view.notetakerIds),
      textInput(SETUP_INPUTS.safeguarding, f.safeguarding, view.safeguardingContact, { max: 300, placeholder: f.safeguardingPlaceholder }),
      textInput(SETUP_INPUTS.programme, f.programme, view.programmeId, { max: 100 }),
      toggle(SETUP_INPUTS.moreBreaks, f.moreBreaks, view.needsMoreBreaks ?? false),
      toggle(SETUP_INPUTS.countChat, f.countChat, view.countChat ?? false),
    ],
    actions: [
      {
        type: 'Action.Execute',
        verb: 'setup.save',
        title: f.save,
        style: 'positive',
        data: view.sessionKey ? { sessionKey: view.sessionKey } : {},
        associatedInputs: 'auto',
      },
    ],
  };
}

function textInput(
  id: string,
  label: string,
  value: string | undefined,
  options: { required?: boolean; multiline?: boolean; max: number; placeholder?: string },
): TextInput {
  return {
    type: 'Input.Text',
    id,
    label,
    maxLength: options.max,
    ...(value ? { value } : {}),
    ...(options.placeholder ? { placeholder: options.placeholder } : {}),
    ...(options.multiline ? { isMultiline: true } : {}),
    ...(options.required ? { isRequired: true, errorMessage: label } : {}),
  };
}

function toggle(id: string, title: string, on: boolean): ToggleInput {
  return { type: 'Input.Toggle', id, title, value: on ? 'true' : 'false', wrap: true };
}

function peoplePicker(id: string, label: string, ids: readonly string[] | undefined): ChoiceSetInput {
  return {
    type: 'Input.ChoiceSet',
    id,
    label,
    isMultiSelect: true,
    choices: [],
    'choices.data': { type: 'Data.Query', dataset: 'graph.microsoft.com/users?scope=currentContext' },
    ...(ids && ids.length > 0 ? { value: ids.join(',') } : {}),
  };
}
