/**
 * Quiet voices, for facilitators only: who is here but has not had a say yet, who has gone, and
 * buttons to mark someone as gone or here. It is sent only to a facilitator's 1:1 chat or as the
 * answer to their own button press, never posted in the meeting chat. Names are what Teams or a
 * facilitator gave, so they are plain runs, never markdown. Anonymous notes and pause requests
 * appear only as totals, and only as of the last report, so this card never points at anyone.
 */
import type { NamedPerson, QuietVoices } from '../core/attendance';
import { voicesStrings, withNumbers } from './strings/voices.en-GB';
import { plainText } from './text';
import type { AdaptiveCard, CardElement } from './types';

export interface QuietVoicesCardView {
  readonly sessionKey: string;
  readonly voices: QuietVoices;
  /** Totals already reported to facilitators (never newer). */
  readonly anonymous: { readonly notes: number; readonly pauses: number };
}

/** Enough for a large session while keeping the card well inside Teams' size limit. */
export const MAX_QUIET_LISTED = 30;
const MAX_LEFT_LISTED = 10;

function personRow(sessionKey: string, person: NamedPerson, verb: 'attendance.markLeft' | 'attendance.markHere', title: string): CardElement {
  return {
    type: 'ColumnSet',
    columns: [
      { type: 'Column', width: 'stretch', verticalContentAlignment: 'Center', items: [plainText(person.name)] },
      {
        type: 'Column',
        width: 'auto',
        items: [{ type: 'ActionSet', actions: [{ type: 'Action.Execute', verb, title, data: { sessionKey, person: person.rowKey } }] }],
      },
    ],
  };
}

function listed(sessionKey: string, people: readonly NamedPerson[], max: number, verb: 'attendance.markLeft' | 'attendance.markHere', title: string): CardElement[] {
  const text = voicesStrings.quiet;
  const shown = people.slice(0, max).map((p) => personRow(sessionKey, p, verb, title));
  const more = people.length - max;
  return more > 0 ? [...shown, { type: 'TextBlock', text: withNumbers(text.moreNames, { count: more }), wrap: true, isSubtle: true }] : shown;
}

export function quietVoicesCard(view: QuietVoicesCardView): AdaptiveCard {
  const text = voicesStrings.quiet;
  const { voices, sessionKey } = view;
  const nobodyKnown = voices.present === 0 && voices.left.length === 0;
  const heading = (words: string): CardElement => ({ type: 'TextBlock', text: words, weight: 'Bolder', wrap: true, spacing: 'Medium', separator: true });
  const body: CardElement[] = [
    { type: 'TextBlock', text: text.title, style: 'heading', size: 'Medium', weight: 'Bolder', wrap: true },
    { type: 'TextBlock', text: text.onlyYou, wrap: true, isSubtle: true },
    { type: 'TextBlock', text: voices.countsChat ? text.basisCardsAndChat : text.basisCards, wrap: true, isSubtle: true, size: 'Small' },
    {
      type: 'TextBlock',
      text: nobodyKnown ? text.nobodyKnown : withNumbers(text.summary, { present: voices.present, hadSay: voices.hadSay }),
      wrap: true,
    },
  ];
  const anyQuiet = voices.quiet.length > 0 || voices.quietWithoutName > 0;
  if (anyQuiet) {
    body.push(heading(text.quietHeading), ...listed(sessionKey, voices.quiet, MAX_QUIET_LISTED, 'attendance.markLeft', text.markLeft));
    if (voices.quietWithoutName > 0) {
      const line = voices.quietWithoutName === 1 ? text.unnamedOne : withNumbers(text.unnamedMany, { count: voices.quietWithoutName });
      body.push({ type: 'TextBlock', text: line, wrap: true, isSubtle: true });
    }
  } else if (voices.present > 0) {
    body.push({ type: 'TextBlock', text: text.everyoneSpoke, wrap: true });
  }
  if (voices.left.length > 0) body.push(heading(text.leftHeading), ...listed(sessionKey, voices.left, MAX_LEFT_LISTED, 'attendance.markHere', text.markHere));
  body.push(
    { type: 'TextBlock', text: text.phoneHint, wrap: true, spacing: 'Medium', separator: true },
    { type: 'TextBlock', text: withNumbers(text.anonymous, view.anonymous), wrap: true, isSubtle: true },
  );
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    fallbackText: text.title,
    body,
    actions: [
      { type: 'Action.Execute', verb: 'quietVoices.show', title: text.refresh, data: { sessionKey } },
      { type: 'Action.Execute', verb: 'quietVoices.show', title: text.readNotes, data: { sessionKey, view: 'notes' } },
    ],
  };
}
