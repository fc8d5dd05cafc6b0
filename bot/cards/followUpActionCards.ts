/**
 * "You said, we did" for facilitators: a neutral prompt for the meeting chat, the private list of
 * actions (status, what happened, add one) and the private "this came from…" picker. Everyone's
 * words are plain text; choice titles are never read as markdown.
 */
import type { ActionStatus } from '../core/actions';
import { fill } from './senseCheckCard';
import { followUpStrings } from './strings/followUp.en-GB';
import { cardDate, plainText, textRun } from './text';
import type { AdaptiveCard, CardElement } from './types';

const text = followUpStrings.actions;
const STATUSES = ['planned', 'inProgress', 'done', 'notDoing'] as const;

export const ACTION_INPUTS = {
  statusPrefix: 'status.',
  notePrefix: 'statusNote.',
  what: 'newWhat',
  owner: 'newOwner',
  ownerPerson: 'newOwnerPerson',
  due: 'newDue',
  sources: 'sources',
} as const;

export interface ActionRowView {
  readonly id: string;
  readonly what: string;
  readonly owner?: string;
  /** Midday on the due date, shown in each reader's own calendar. */
  readonly dueAt?: Date;
  readonly status: ActionStatus;
  readonly statusNote?: string;
  readonly sources: number;
}

export function actionsPromptCard(sessionKey: string): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: text.title, style: 'heading', weight: 'Bolder', wrap: true },
      { type: 'TextBlock', text: text.prompt, wrap: true, isSubtle: true },
    ],
    actions: [{ type: 'Action.Execute', verb: 'actions.open', title: text.openButton, data: { sessionKey } }],
  };
}

function actionBlock(sessionKey: string, action: ActionRowView): CardElement {
  const items: CardElement[] = [plainText(action.what, { weight: 'Bolder' })];
  if (action.owner) items.push({ type: 'RichTextBlock', inlines: [textRun(followUpStrings.digest.who, { isSubtle: true }), textRun(action.owner)] });
  if (action.dueAt) items.push({ type: 'TextBlock', text: fill(followUpStrings.digest.due, { date: cardDate(action.dueAt, 'LONG') }), wrap: true, isSubtle: true });
  if (action.sources > 0) items.push({ type: 'TextBlock', text: fill(text.sources, { count: action.sources }), wrap: true, isSubtle: true });
  items.push(
    { type: 'Input.ChoiceSet', id: `${ACTION_INPUTS.statusPrefix}${action.id}`, label: text.status, style: 'compact', value: action.status, choices: STATUSES.map((s) => ({ title: text.statuses[s], value: s })) },
    { type: 'Input.Text', id: `${ACTION_INPUTS.notePrefix}${action.id}`, label: text.statusNote, isMultiline: true, maxLength: 500, ...(action.statusNote ? { value: action.statusNote } : {}) },
    {
      type: 'ActionSet',
      actions: [
        { type: 'Action.Execute', verb: 'actions.save', title: text.save, data: { sessionKey, actionId: action.id, step: 'status' } },
        { type: 'Action.Execute', verb: 'actions.link', title: text.linkButton, data: { sessionKey, actionId: action.id, step: 'open' }, associatedInputs: 'none' },
      ],
    },
  );
  return { type: 'Container', style: 'emphasis', spacing: 'Medium', items };
}

export function actionsCard(view: { readonly sessionKey: string; readonly actions: readonly ActionRowView[]; readonly notice?: string; readonly today: string }): AdaptiveCard {
  const body: CardElement[] = [
    { type: 'TextBlock', text: text.title, style: 'heading', size: 'Medium', weight: 'Bolder', wrap: true },
    { type: 'TextBlock', text: text.onlyYou, wrap: true, isSubtle: true },
  ];
  if (view.notice) body.push({ type: 'TextBlock', text: view.notice, wrap: true, color: 'Accent' });
  if (view.actions.length === 0) body.push({ type: 'TextBlock', text: text.none, wrap: true });
  for (const action of view.actions) body.push(actionBlock(view.sessionKey, action));
  body.push(
    { type: 'TextBlock', text: text.add, weight: 'Bolder', wrap: true, spacing: 'Large' },
    { type: 'Input.Text', id: ACTION_INPUTS.what, label: text.what, maxLength: 300 },
    { type: 'Input.Text', id: ACTION_INPUTS.owner, label: text.owner, maxLength: 100 },
    { type: 'Input.ChoiceSet', id: ACTION_INPUTS.ownerPerson, label: text.ownerPerson, choices: [], 'choices.data': { type: 'Data.Query', dataset: 'graph.microsoft.com/users?scope=currentContext' } },
    { type: 'Input.Date', id: ACTION_INPUTS.due, label: text.due, min: view.today },
    { type: 'ActionSet', actions: [{ type: 'Action.Execute', verb: 'actions.save', title: text.addButton, data: { sessionKey: view.sessionKey, step: 'add' } }] },
  );
  return { type: 'AdaptiveCard', version: '1.5', body };
}

export interface SourceChoice {
  /** A reference that names no person (ids and short tags only). */
  readonly ref: string;
  readonly kind: 'note' | 'answer' | 'unsaid';
  readonly text: string;
}

function clip(value: string, max: number): string {
  const chars = [...value.replace(/\s+/g, ' ')];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

export function actionLinkCard(view: { readonly sessionKey: string; readonly actionId: string; readonly what: string; readonly choices: readonly SourceChoice[]; readonly linked: readonly string[] }): AdaptiveCard {
  const body: CardElement[] = [
    { type: 'TextBlock', text: text.linkTitle, style: 'heading', weight: 'Bolder', wrap: true },
    plainText(view.what, { weight: 'Bolder' }),
    { type: 'TextBlock', text: text.linkHint, wrap: true, isSubtle: true },
  ];
  if (view.choices.length === 0) body.push({ type: 'TextBlock', text: followUpStrings.review.noItems, wrap: true });
  else {
    body.push({
      type: 'Input.ChoiceSet',
      id: ACTION_INPUTS.sources,
      label: text.linkChoices,
      style: 'expanded',
      isMultiSelect: true,
      wrap: true,
      ...(view.linked.length > 0 ? { value: view.linked.join(',') } : {}),
      choices: view.choices.map((c) => ({ title: `${text.kinds[c.kind]}: ${clip(c.text, 140)}`, value: c.ref })),
    });
  }
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    body,
    actions: [{ type: 'Action.Execute', verb: 'actions.link', title: text.linkSave, data: { sessionKey: view.sessionKey, actionId: view.actionId, step: 'save' } }],
  };
}
