/**
 * Every note without a name reported so far, for a facilitator in their 1:1 chat: shuffled, no
 * times, nothing about who. Notes are people's words, so each is a plain run.
 */
import { voicesStrings, withNumbers } from './strings/voices.en-GB';
import { plainText } from './text';
import type { AdaptiveCard, CardElement } from './types';

export interface UnsaidNotesView {
  readonly sessionKey: string;
  /** Already shuffled. */
  readonly notes: readonly string[];
}

/** Up to 1,000 characters each: this many keeps the card inside Teams' size limit. */
export const MAX_NOTES_SHOWN = 25;

export function unsaidNotesCard(view: UnsaidNotesView): AdaptiveCard {
  const text = voicesStrings.notes;
  const shown = view.notes.slice(0, MAX_NOTES_SHOWN);
  const body: CardElement[] = [
    { type: 'TextBlock', text: text.title, style: 'heading', size: 'Medium', weight: 'Bolder', wrap: true },
    { type: 'TextBlock', text: text.intro, wrap: true, isSubtle: true },
  ];
  if (shown.length === 0) body.push({ type: 'TextBlock', text: text.none, wrap: true });
  for (const note of shown) body.push({ type: 'Container', style: 'emphasis', spacing: 'Small', items: [plainText(note)] });
  if (view.notes.length > shown.length) {
    body.push({ type: 'TextBlock', text: withNumbers(text.showing, { shown: shown.length, count: view.notes.length }), wrap: true, isSubtle: true });
  }
  if (shown.length > 0) body.push({ type: 'TextBlock', text: text.worried, wrap: true, size: 'Small' });
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    fallbackText: text.title,
    body,
    actions: [
      { type: 'Action.Execute', verb: 'quietVoices.show', title: voicesStrings.quiet.refresh, data: { sessionKey: view.sessionKey, view: 'notes' } },
      { type: 'Action.Execute', verb: 'quietVoices.show', title: voicesStrings.report.quietButton, data: { sessionKey: view.sessionKey } },
    ],
  };
}
