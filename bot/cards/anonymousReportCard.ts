/**
 * The batched report facilitators get in their 1:1 chat: how many asked for a pause and the new
 * notes without names from one closed window, in shuffled order. It carries no time beyond
 * "the last few minutes" and nothing about who. Notes are people's words: plain runs only.
 */
import { voicesStrings, withNumbers } from './strings/voices.en-GB';
import { plainText } from './text';
import type { AdaptiveCard, CardElement } from './types';

export interface AnonymousReportView {
  readonly sessionKey: string;
  /** Pause requests in the window; 0 leaves the line out. */
  readonly pauses: number;
  /** How many notes came in the window (this card may show only some of them). */
  readonly newNotes: number;
  /** The notes this card shows, already shuffled. */
  readonly notes: readonly string[];
  /** More notes follow in another message. */
  readonly continues: boolean;
  /** Totals already reported, this window included. */
  readonly soFar: { readonly notes: number; readonly pauses: number };
}

export function anonymousReportCard(view: AnonymousReportView): AdaptiveCard {
  const text = voicesStrings.report;
  const body: CardElement[] = [
    { type: 'TextBlock', text: text.title, style: 'heading', size: 'Medium', weight: 'Bolder', wrap: true },
    { type: 'TextBlock', text: text.onlyYou, wrap: true, isSubtle: true },
  ];
  if (view.pauses > 0) {
    body.push(
      { type: 'TextBlock', text: view.pauses === 1 ? text.pauseOne : withNumbers(text.pauseMany, { count: view.pauses }), wrap: true, weight: 'Bolder' },
      { type: 'TextBlock', text: text.pauseHint, wrap: true },
    );
  }
  if (view.notes.length > 0) {
    body.push({
      type: 'TextBlock',
      text: view.newNotes === 1 ? text.notesOne : withNumbers(text.notesMany, { count: view.newNotes }),
      wrap: true,
      weight: 'Bolder',
      spacing: 'Medium',
    });
    for (const note of view.notes) body.push({ type: 'Container', style: 'emphasis', spacing: 'Small', items: [plainText(note)] });
    if (view.continues) body.push({ type: 'TextBlock', text: text.notesMore, wrap: true, isSubtle: true });
    body.push({ type: 'TextBlock', text: text.worried, wrap: true, size: 'Small' });
  }
  body.push({ type: 'TextBlock', text: withNumbers(text.soFar, view.soFar), wrap: true, isSubtle: true, spacing: 'Medium' });
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    fallbackText: text.title,
    body,
    actions: [{ type: 'Action.Execute', verb: 'quietVoices.show', title: text.quietButton, data: { sessionKey: view.sessionKey } }],
  };
}
