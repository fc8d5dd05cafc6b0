/**
 * The agenda editor, shown only to the facilitator who asked for it (an invoke response). Each
 * item's title and minutes are inputs; one picker chooses the item to move up, move down or
 * remove (one set of buttons keeps the card small with 30 items); a short form adds an item. The
 * time budget check sits here, privately, and never on a card in the meeting chat.
 *
 * Every button is `agenda.save` with an `op` and the agenda version the card was drawn from, so a
 * double press, or a press on a card someone else's save has overtaken, changes nothing.
 */
import type { Agenda, AgendaKind } from '../core/agenda';
import { fillIn, frameworkStrings, type FrameworkStrings } from './strings/framework.en-GB';
import type { ActionSet, AdaptiveCard, CardElement, Choice, ChoiceSetInput, ExecuteAction, TextBlock, TextInput } from './types';

export const EDITOR_OPS = ['save', 'add', 'up', 'down', 'remove', 'close'] as const;
export type EditorOp = (typeof EDITOR_OPS)[number];

/** Input ids; Teams merges each input's value into the pressed button's data under its id. */
export const EDITOR_INPUTS = {
  title: (itemId: string) => `t_${itemId}`,
  minutes: (itemId: string) => `m_${itemId}`,
  picked: 'pick',
  newKind: 'new_kind',
  newTitle: 'new_title',
  newMinutes: 'new_minutes',
  newQuestion: 'new_question',
  newPosition: 'new_position',
} as const;
export const POSITION_END = 'end';
/** Kinds a facilitator can add; the opening and closing items are in the default plan already. */
export const ADDABLE_KINDS: readonly AgendaKind[] = ['topic', 'break', 'icebreaker', 'recap', 'senseCheck', 'welcome', 'purpose', 'ways', 'wrapUp'];

export interface AgendaEditorView {
  readonly sessionKey: string;
  readonly agenda: Agenda;
  readonly agendaVersion: number;
  readonly meetingMinutes: number;
  /** Time budget warnings, plain English, for this facilitator only. */
  readonly warnings: readonly string[];
  readonly notice?: 'saved' | 'unchanged' | 'stale';
  /** Why nothing was saved. */
  readonly problems?: readonly string[];
  /** What the facilitator typed, shown again after a problem so nothing is lost. */
  readonly typed?: Readonly<Record<string, string>>;
  /** The item chosen in the picker. */
  readonly pickedItemId?: string;
}

export function agendaEditorCard(view: AgendaEditorView, strings: FrameworkStrings = frameworkStrings): AdaptiveCard {
  const text = strings.editor;
  const body: CardElement[] = [
    { type: 'TextBlock', text: text.title, style: 'heading', size: 'Medium', weight: 'Bolder', wrap: true },
    { type: 'TextBlock', text: text.onlyYou, wrap: true, isSubtle: true, size: 'Small' },
  ];
  if (view.notice) body.push(say(text[view.notice], view.notice === 'stale' ? 'Warning' : 'Good'));
  if (view.problems && view.problems.length > 0) body.push(say(text.problemsTitle, 'Attention'), ...view.problems.map((p) => bullet(p)));
  body.push(...timeCheck(view, strings));
  view.agenda.forEach((item, index) => body.push(...itemInputs(view, item.id, item.kind, item.title, item.minutes, index, strings)));
  body.push(...moveControls(view, strings), ...addForm(view, strings));
  body.push(buttons([action(view, 'save', text.saveButton, 'positive'), { ...action(view, 'close', text.closeButton), associatedInputs: 'none' }]));
  return { type: 'AdaptiveCard', version: '1.5', fallbackText: text.title, body };
}

function timeCheck(view: AgendaEditorView, strings: FrameworkStrings): CardElement[] {
  const text = strings.editor;
  const planned = view.agenda.reduce((sum, item) => sum + item.minutes, 0);
  const out: CardElement[] = [
    { type: 'TextBlock', text: text.budgetTitle, weight: 'Bolder', wrap: true, spacing: 'Medium' },
    { type: 'TextBlock', text: fillIn(text.totals, { planned, meeting: view.meetingMinutes }), wrap: true },
  ];
  if (view.warnings.length === 0) out.push({ type: 'TextBlock', text: text.budgetFine, wrap: true });
  else out.push(...view.warnings.map((warning) => bullet(warning, 'Warning')));
  return out;
}

function itemInputs(view: AgendaEditorView, id: string, kind: AgendaKind, title: string, minutes: number, index: number, strings: FrameworkStrings): CardElement[] {
  const text = strings.editor;
  const n = index + 1;
  const titleId = EDITOR_INPUTS.title(id);
  const minutesId = EDITOR_INPUTS.minutes(id);
  const titleInput: TextInput = { type: 'Input.Text', id: titleId, label: fillIn(text.titleLabel, { n }), value: view.typed?.[titleId] ?? title, maxLength: 80 };
  const minutesInput: TextInput = { type: 'Input.Text', id: minutesId, label: fillIn(text.minutesLabel, { n }), value: view.typed?.[minutesId] ?? String(minutes), maxLength: 3 };
  return [
    { type: 'TextBlock', text: fillIn(text.itemHeading, { n, kind: text.kinds[kind] }), weight: 'Bolder', wrap: true, spacing: 'Medium', separator: true },
    {
      type: 'ColumnSet',
      spacing: 'Small',
      columns: [
        { type: 'Column', width: 'stretch', items: [titleInput] },
        { type: 'Column', width: '110px', items: [minutesInput] },
      ],
    },
  ];
}

function moveControls(view: AgendaEditorView, strings: FrameworkStrings): CardElement[] {
  const text = strings.editor;
  const choices: Choice[] = view.agenda.map((item, index) => ({ title: `${index + 1}. ${item.title}`, value: item.id }));
  const picked = view.pickedItemId && view.agenda.some((item) => item.id === view.pickedItemId) ? view.pickedItemId : view.agenda[0]?.id;
  const picker: ChoiceSetInput = { type: 'Input.ChoiceSet', id: EDITOR_INPUTS.picked, label: `${text.up}, ${text.down.toLowerCase()} or ${text.remove.toLowerCase()}`, style: 'compact', choices, ...(picked ? { value: picked } : {}), spacing: 'Large', separator: true };
  return [picker, buttons([action(view, 'up', text.up), action(view, 'down', text.down), action(view, 'remove', text.remove, 'destructive')])];
}

function addForm(view: AgendaEditorView, strings: FrameworkStrings): CardElement[] {
  const text = strings.editor;
  const typed = (id: string) => (view.typed?.[id] !== undefined ? { value: view.typed[id] } : {});
  const positions: Choice[] = [
    ...view.agenda.map((item, index) => ({ title: `${fillIn(text.positionBefore, { n: index + 1 })}${item.title}`, value: item.id })),
    { title: text.positionEnd, value: POSITION_END },
  ];
  // Most additions belong before the closing item, so that is where the picker starts.
  const lastId = view.agenda[view.agenda.length - 1]?.id ?? POSITION_END;
  return [
    { type: 'TextBlock', text: text.addHeading, weight: 'Bolder', wrap: true, spacing: 'Large', separator: true },
    {
      type: 'Input.ChoiceSet',
      id: EDITOR_INPUTS.newKind,
      label: text.newKind,
      style: 'compact',
      choices: ADDABLE_KINDS.map((kind) => ({ title: text.kinds[kind], value: kind })),
      value: view.typed?.[EDITOR_INPUTS.newKind] ?? 'topic',
    },
    { type: 'Input.Text', id: EDITOR_INPUTS.newTitle, label: text.newTitle, maxLength: 80, ...typed(EDITOR_INPUTS.newTitle) },
    { type: 'Input.Text', id: EDITOR_INPUTS.newMinutes, label: text.newMinutes, maxLength: 3, ...typed(EDITOR_INPUTS.newMinutes) },
    { type: 'Input.Text', id: EDITOR_INPUTS.newQuestion, label: text.newQuestion, maxLength: 300, isMultiline: true, ...typed(EDITOR_INPUTS.newQuestion) },
    { type: 'Input.ChoiceSet', id: EDITOR_INPUTS.newPosition, label: text.newPosition, style: 'compact', choices: positions, value: view.typed?.[EDITOR_INPUTS.newPosition] ?? lastId },
    buttons([action(view, 'add', text.addButton)]),
  ];
}

function action(view: AgendaEditorView, op: EditorOp, title: string, style?: 'positive' | 'destructive'): ExecuteAction {
  return { type: 'Action.Execute', verb: 'agenda.save', title, ...(style ? { style } : {}), data: { sessionKey: view.sessionKey, agendaVersion: view.agendaVersion, op } };
}

function buttons(list: readonly ExecuteAction[]): ActionSet {
  return { type: 'ActionSet', actions: list };
}

function say(text: string, color: 'Good' | 'Warning' | 'Attention'): TextBlock {
  return { type: 'TextBlock', text, wrap: true, weight: 'Bolder', color };
}

/** Problems and warnings are our own sentences (from the core), never someone's words. */
function bullet(text: string, color?: 'Warning'): TextBlock {
  return { type: 'TextBlock', text: `• ${text}`, wrap: true, spacing: 'Small', ...(color ? { color } : {}) };
}
