/**
 * The break cards in the meeting chat: a heads-up before a planned break, "time for a break —
 * back at {{TIME(...)}}" and "welcome back"; and, privately to a facilitator who pressed "Skip
 * this break", the confirmation that alone removes it. Times are UTC macros, so each reader sees
 * their own local time; item titles are the facilitator's words, so they are plain text.
 */
import { fillIn, frameworkStrings, minutesText, type FrameworkStrings } from './strings/framework.en-GB';
import { cardTime, plainText, textRun } from './text';
import type { AdaptiveCard, CardElement, RichTextBlock, TextBlock } from './types';

export interface BreakTimes {
  readonly sessionKey: string;
  readonly itemId: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
}

export function breakHeadsUpCard(view: BreakTimes & { readonly now: Date }, strings: FrameworkStrings = frameworkStrings): AdaptiveCard {
  const text = strings.breaks;
  const length = minutesText(Math.round((view.endsAt.getTime() - view.startsAt.getTime()) / 60_000));
  const inMinutes = Math.round((view.startsAt.getTime() - view.now.getTime()) / 60_000);
  const start = cardTime(view.startsAt);
  const line = inMinutes >= 1 ? fillIn(text.headsUpSoon, { length, minutes: minutesText(inMinutes), start }) : fillIn(text.headsUpNow, { length, start });
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    fallbackText: text.headsUpTitle,
    body: [
      heading(text.headsUpTitle),
      block(line),
      { type: 'TextBlock', text: text.skipNote, wrap: true, isSubtle: true, size: 'Small' },
      {
        type: 'ActionSet',
        actions: [{ type: 'Action.Execute', verb: 'break.skip', title: text.skipButton, data: { sessionKey: view.sessionKey, itemId: view.itemId } }],
      },
    ],
  };
}

/** `after` is the item we come back to, when there is one. */
export function breakNowCard(view: { readonly endsAt: Date; readonly after?: string }, strings: FrameworkStrings = frameworkStrings): AdaptiveCard {
  const text = strings.breaks;
  const body: CardElement[] = [heading(text.nowTitle), block(fillIn(text.now, { end: cardTime(view.endsAt) })), block(text.tips)];
  if (view.after !== undefined) body.push(labelled(text.after, view.after));
  return { type: 'AdaptiveCard', version: '1.5', fallbackText: text.nowTitle, body };
}

export function welcomeBackCard(view: { readonly next?: string }, strings: FrameworkStrings = frameworkStrings): AdaptiveCard {
  const text = strings.breaks;
  const body: CardElement[] = [heading(text.welcomeBackTitle), block(text.welcomeBack)];
  if (view.next !== undefined) body.push(labelled(text.nextUp, view.next));
  return { type: 'AdaptiveCard', version: '1.5', fallbackText: text.welcomeBackTitle, body };
}

/** Shown only to the facilitator who pressed "Skip this break" (an invoke response). */
export interface SkipBreakView {
  readonly sessionKey: string;
  readonly itemId: string;
  readonly title: string;
  /** The planned times, when the session is running and not paused. */
  readonly times?: { readonly startsAt: Date; readonly endsAt: Date };
}

export function skipBreakConfirmCard(view: SkipBreakView, strings: FrameworkStrings = frameworkStrings): AdaptiveCard {
  const text = strings.breaks;
  const times = view.times ? [block(`${cardTime(view.times.startsAt)} – ${cardTime(view.times.endsAt)}`)] : [];
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    fallbackText: text.skipConfirmTitle,
    body: [
      heading(text.skipConfirmTitle),
      { ...plainText(view.title, { weight: 'Bolder' }), spacing: 'Small' },
      ...times,
      block(text.skipConfirm),
      { type: 'TextBlock', text: text.skipConfirmKeep, wrap: true, isSubtle: true },
      {
        type: 'ActionSet',
        actions: [
          {
            type: 'Action.Execute',
            verb: 'break.confirmSkip',
            title: text.skipConfirmButton,
            style: 'destructive',
            data: { sessionKey: view.sessionKey, itemId: view.itemId },
          },
        ],
      },
    ],
  };
}

function heading(text: string): TextBlock {
  return { type: 'TextBlock', text, style: 'heading', size: 'Medium', weight: 'Bolder', wrap: true };
}

function block(text: string): TextBlock {
  return { type: 'TextBlock', text, wrap: true };
}

function labelled(label: string, title: string): RichTextBlock {
  return { type: 'RichTextBlock', inlines: [textRun(label, { weight: 'Bolder' }), textRun(title)] };
}
