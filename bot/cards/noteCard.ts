/**
 * Notes: the short help reply to a bare `note` (public, so it says nothing private) with a button
 * for the form, and the form itself, which comes back only to the facilitator who pressed it.
 * A credited person's name is asked for but the form says plainly that nobody sees it yet.
 */
import { wrapUpStrings } from './strings/wrapUp.en-GB';
import type { AdaptiveCard, CardElement, ChoiceSetInput, TextInput } from './types';

const text = wrapUpStrings.notes;

/** Input ids: the handler reads the same names from the press. */
export const NOTE_INPUTS = { text: 'text', credit: 'credit', topic: 'topicId' } as const;
/** The topic choice meaning "not about one part" (agenda item ids never take this form). */
export const NO_TOPIC = 'none';

export interface NoteTopic {
  readonly id: string;
  readonly title: string;
}

export interface NoteFormView {
  readonly sessionKey: string;
  /** Longest note and credited name, in characters (core/notes NOTE_LIMITS). */
  readonly limits: { readonly text: number; readonly credit: number };
  /** Agenda items to link the note to; no list means the choice is left out. */
  readonly topics?: readonly NoteTopic[];
  /** What was typed before a refusal, so nothing is lost. */
  readonly values?: { readonly text?: string; readonly credit?: string; readonly topicId?: string };
  /** Our own sentence saying what to fix. */
  readonly problem?: string;
}

/** Reply to `note` with nothing after it: how to type one, or a button for the private form. */
export function noteHowToCard(view: { readonly sessionKey: string; readonly problem?: string }): AdaptiveCard {
  const lines = [...(view.problem ? [view.problem] : []), text.howTo, text.formHint];
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    fallbackText: lines.join(' '),
    body: lines.map((line): CardElement => ({ type: 'TextBlock', text: line, wrap: true })),
    actions: [{ type: 'Action.Execute', verb: 'note.save', title: text.formButton, data: { sessionKey: view.sessionKey } }],
  };
}

export function noteFormCard(view: NoteFormView): AdaptiveCard {
  const form = text.form;
  const body: CardElement[] = [
    { type: 'TextBlock', text: form.title, style: 'heading', size: 'Medium', weight: 'Bolder', wrap: true },
    { type: 'TextBlock', text: form.onlyYou, wrap: true, isSubtle: true },
  ];
  if (view.problem) body.push({ type: 'TextBlock', text: view.problem, wrap: true, color: 'Attention' });
  const note: TextInput = {
    type: 'Input.Text',
    id: NOTE_INPUTS.text,
    label: form.text,
    placeholder: form.textPlaceholder,
    isMultiline: true,
    isRequired: true,
    errorMessage: form.textRequired,
    maxLength: view.limits.text,
    ...(view.values?.text ? { value: view.values.text } : {}),
  };
  const credit: TextInput = {
    type: 'Input.Text',
    id: NOTE_INPUTS.credit,
    label: form.credit,
    placeholder: form.creditPlaceholder,
    maxLength: view.limits.credit,
    ...(view.values?.credit ? { value: view.values.credit } : {}),
  };
  body.push(note, credit, { type: 'TextBlock', text: form.creditHint, wrap: true, isSubtle: true, size: 'Small' });
  if (view.topics && view.topics.length > 0) body.push(topicChoice(view.topics, view.values?.topicId));
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    fallbackText: `${form.title}. ${form.onlyYou}`,
    body,
    actions: [{ type: 'Action.Execute', verb: 'note.save', title: form.save, data: { sessionKey: view.sessionKey } }],
  };
}

function topicChoice(topics: readonly NoteTopic[], chosen: string | undefined): ChoiceSetInput {
  return {
    type: 'Input.ChoiceSet',
    id: NOTE_INPUTS.topic,
    label: text.form.topic,
    style: 'compact',
    // A first "none" choice, so a note is never linked to the first item just because it is shown first.
    // Titles are the facilitator's words; a choice title is shown as plain text, never markdown.
    choices: [{ title: text.form.noTopic, value: NO_TOPIC }, ...topics.map((t) => ({ title: t.title, value: t.id }))],
    value: chosen && topics.some((t) => t.id === chosen) ? chosen : NO_TOPIC,
  };
}

/** The saved confirmation for the form, seen only by the person who saved. */
export function noteSavedCard(view: { readonly sessionKey: string; readonly credited: boolean }): AdaptiveCard {
  const lines = [text.saved, ...(view.credited ? [text.creditedHidden] : [])];
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    fallbackText: lines.join(' '),
    body: lines.map((line, index): CardElement => ({ type: 'TextBlock', text: line, wrap: true, ...(index === 0 ? { weight: 'Bolder' as const } : {}) })),
    actions: [{ type: 'Action.Execute', verb: 'note.save', title: text.another, data: { sessionKey: view.sessionKey } }],
  };
}
