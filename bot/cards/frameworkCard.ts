/**
 * The framework card everyone sees in the meeting chat: the agenda, the item we are on and
 * "until {{TIME(...)}}" (each reader sees their own local time). It is edited only when the item,
 * the pause or the end changes, never as a countdown: the running timer is for the side panel.
 * Titles and questions are the facilitator's words, so they are plain text runs.
 *
 * Every button names the item it was pressed from (`fromItemId`), so pressing Next twice on the
 * same card moves on once.
 */
import type { AgendaItem } from '../core/agenda';
import type { PlanState } from '../core/sessionPlan';
import { fillIn, frameworkStrings, minutesText, type FrameworkStrings } from './strings/framework.en-GB';
import { cardTime, plainText, textRun } from './text';
import type { ActionSet, AdaptiveCard, CardElement, ExecuteAction, RichTextBlock, TextBlock } from './types';
import type { Verb } from './verbs';

export interface FrameworkCardView {
  readonly sessionKey: string;
  readonly plan: PlanState;
}

export function frameworkCard(view: FrameworkCardView, strings: FrameworkStrings = frameworkStrings): AdaptiveCard {
  const text = strings.card;
  const { agenda, live } = view.plan;
  const current = live && !live.ended ? agenda[live.currentIndex] : undefined;
  const body: CardElement[] = [{ type: 'TextBlock', text: text.title, style: 'heading', size: 'Medium', weight: 'Bolder', wrap: true }];
  const status: string[] = [];

  if (!live) {
    body.push(note(text.notStarted));
    status.push(text.notStarted);
  } else if (live.ended) {
    const ended = live.ended.early ? text.endedEarly : text.ended;
    body.push(note(ended));
    status.push(ended);
  } else if (current) {
    body.push({ type: 'Container', style: 'emphasis', items: currentItem(current, live.paused?.remainingMs, live.itemEndsAt, strings) });
    status.push(`${text.now}${current.title}`);
  }

  body.push(...agenda.map((item, index) => agendaLine(item, index, live && !live.ended ? live.currentIndex : -1, live?.ended !== undefined, strings)));
  if (live && !live.ended && current) body.push(note(text.facilitatorsOnly, true), ...controls(view.sessionKey, current.id, live.paused !== undefined, strings));
  else body.push(actions([button('agenda.open', text.buttons.editAgenda, view.sessionKey)]));

  return { type: 'AdaptiveCard', version: '1.5', fallbackText: [text.title, ...status].join('. '), body };
}

function currentItem(item: AgendaItem, pausedRemainingMs: number | undefined, endsAt: string, strings: FrameworkStrings): CardElement[] {
  const text = strings.card;
  const title: RichTextBlock = { type: 'RichTextBlock', inlines: [textRun(text.now, { weight: 'Bolder' }), textRun(item.title, { weight: 'Bolder', size: 'Medium' })] };
  const when: TextBlock =
    pausedRemainingMs === undefined
      ? { type: 'TextBlock', text: fillIn(text.until, { time: cardTime(new Date(endsAt)) }), wrap: true }
      : { type: 'TextBlock', text: fillIn(text.paused, { minutes: minutesText(Math.max(0, Math.ceil(pausedRemainingMs / 60_000))) }), wrap: true, color: 'Warning' };
  const out: CardElement[] = [title, when];
  if (item.question) out.push({ ...plainText(`${text.question}${item.question}`), spacing: 'Small' });
  return out;
}

/** "3. Topic 1 – 27 min", the current item in bold and items already done greyed. */
function agendaLine(item: AgendaItem, index: number, currentIndex: number, ended: boolean, strings: FrameworkStrings): RichTextBlock {
  const text = strings.card;
  const isCurrent = index === currentIndex;
  const done = ended || (currentIndex >= 0 && index < currentIndex);
  const style = isCurrent ? { weight: 'Bolder' as const } : done ? { isSubtle: true } : {};
  return {
    type: 'RichTextBlock',
    spacing: index === 0 ? 'Medium' : 'None',
    inlines: [
      textRun(`${index + 1}. `, style),
      textRun(item.title, style),
      textRun(`${fillIn(text.itemMinutes, { minutes: item.minutes })}${isCurrent ? text.nowMarker : ''}`, style),
    ],
  };
}

function controls(sessionKey: string, fromItemId: string, paused: boolean, strings: FrameworkStrings): ActionSet[] {
  const b = strings.card.buttons;
  const from = { fromItemId };
  return [
    actions([button('agenda.next', b.next, sessionKey, from, 'positive'), button('agenda.back', b.back, sessionKey, from), button('agenda.extend', b.extend, sessionKey, from)]),
    actions([
      paused ? button('agenda.resume', b.resume, sessionKey, from) : button('agenda.pause', b.pause, sessionKey, from),
      button('break.start', b.startBreak, sessionKey, from),
      button('agenda.endEarly', b.endEarly, sessionKey, from, 'destructive'),
    ]),
    actions([button('agenda.open', b.editAgenda, sessionKey), button('recap.show', b.recap, sessionKey)]),
  ];
}

function button(verb: Verb, title: string, sessionKey: string, extra: Readonly<Record<string, string>> = {}, style?: 'positive' | 'destructive'): ExecuteAction {
  return { type: 'Action.Execute', verb, title, ...(style ? { style } : {}), data: { sessionKey, ...extra } };
}

function actions(list: readonly ExecuteAction[]): ActionSet {
  return { type: 'ActionSet', actions: list };
}

function note(text: string, subtle = false): TextBlock {
  return { type: 'TextBlock', text, wrap: true, ...(subtle ? { isSubtle: true, size: 'Small' as const } : {}) };
}
