/**
 * Short messages that follow a session through: "you said, we did" in the group's chat when an
 * action is done; what happened to what a person said (their 1:1 chat only, their own words);
 * an owner's due reminder; the organisers' follow-up-date reminder. None names who said what to
 * anyone but that person, and none carries payments or access needs.
 */
import type { ActionStatus } from '../core/actions';
import { fill } from './senseCheckCard';
import { followUpStrings } from './strings/followUp.en-GB';
import { cardDate, plainText, textRun } from './text';
import type { AdaptiveCard, CardElement } from './types';

const text = followUpStrings.actions;

const title = (words: string): CardElement => ({ type: 'TextBlock', text: words, style: 'heading', weight: 'Bolder', wrap: true });
const line = (words: string, subtle = false): CardElement => ({ type: 'TextBlock', text: words, wrap: true, ...(subtle ? { isSubtle: true } : {}) });
const card = (body: CardElement[], fallbackText: string): AdaptiveCard => ({ type: 'AdaptiveCard', version: '1.5', fallbackText, body });

function statusLine(status: ActionStatus, note: string | undefined): CardElement[] {
  const out: CardElement[] = [line(fill(text.nowStatus, { status: text.statuses[status].toLowerCase() }))];
  if (note) out.push(plainText(note));
  return out;
}

/** In the group's chat when an action is done. */
export function actionDoneCard(view: { readonly sessionDay: Date; readonly what: string; readonly statusNote?: string }): AdaptiveCard {
  return card(
    [title(text.groupDone), line(fill(followUpStrings.digest.date, { date: cardDate(view.sessionDay, 'LONG') }), true), plainText(view.what, { weight: 'Bolder' }), ...statusLine('done', view.statusNote)],
    text.groupDone,
  );
}

/** To one person, about what they themselves said. */
export function personUpdateCard(view: { readonly sessionDay: Date; readonly words: readonly string[]; readonly what: string; readonly status: ActionStatus; readonly statusNote?: string }): AdaptiveCard {
  const body: CardElement[] = [title(text.personTitle)];
  if (view.words.length > 0) {
    body.push(line(fill(text.personIntro, { date: cardDate(view.sessionDay, 'LONG') })));
    for (const words of view.words.slice(0, 3)) body.push(plainText(`“${words}”`, { italic: true }));
  }
  body.push({ type: 'RichTextBlock', inlines: [textRun(text.personStatus, { weight: 'Bolder' }), textRun(view.what)] });
  body.push(...statusLine(view.status, view.statusNote));
  return card(body, text.personTitle);
}

export function actionDueCard(view: { readonly sessionDay: Date; readonly what: string; readonly sessionKey: string }): AdaptiveCard {
  return {
    ...card([title(text.dueTitle), line(fill(text.dueBody, { date: cardDate(view.sessionDay, 'LONG') })), plainText(view.what, { weight: 'Bolder' })], text.dueTitle),
    actions: [{ type: 'Action.Execute', verb: 'actions.open', title: text.openButton, data: { sessionKey: view.sessionKey } }],
  };
}

export function followUpDateCard(view: {
  readonly sessionKey: string;
  readonly sessionDay: Date;
  readonly actions: readonly { readonly what: string; readonly status: ActionStatus }[];
  readonly unreachable: number;
}): AdaptiveCard {
  const body: CardElement[] = [title(text.followUpTitle), line(fill(text.followUpBody, { date: cardDate(view.sessionDay, 'LONG') }))];
  for (const action of view.actions.slice(0, 20)) {
    body.push({ type: 'RichTextBlock', inlines: [textRun(`${text.statuses[action.status]}: `, { weight: 'Bolder' }), textRun(action.what)] });
  }
  if (view.actions.length === 0) body.push(line(text.none, true));
  if (view.unreachable > 0) body.push(line(fill(text.followUpUnreachable, { count: view.unreachable }), true));
  return {
    ...card(body, text.followUpTitle),
    actions: [{ type: 'Action.Execute', verb: 'actions.open', title: text.openButton, data: { sessionKey: view.sessionKey } }],
  };
}
