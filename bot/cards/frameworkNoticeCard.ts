/**
 * A short public confirmation after a live control ("Moved on to: Break. This runs until …").
 * A card rather than a text reply because the item title is the facilitator's own words and a
 * text message would read markdown in it.
 */
import { textRun } from './text';
import type { AdaptiveCard, CardElement } from './types';

export interface FrameworkNotice {
  /** Our own words, e.g. "Moved on to: ". */
  readonly lead: string;
  /** An item title (someone's words), shown exactly as typed after the lead. */
  readonly title?: string;
  /** Our own sentence, which may hold a {{TIME(...)}}. */
  readonly detail?: string;
}

export function frameworkNoticeCard(notice: FrameworkNotice): AdaptiveCard {
  const body: CardElement[] = [
    notice.title === undefined
      ? { type: 'TextBlock', text: notice.lead, wrap: true, weight: 'Bolder' }
      : { type: 'RichTextBlock', inlines: [textRun(notice.lead, { weight: 'Bolder' }), textRun(notice.title, { weight: 'Bolder' })] },
  ];
  if (notice.detail) body.push({ type: 'TextBlock', text: notice.detail, wrap: true, spacing: 'Small' });
  return { type: 'AdaptiveCard', version: '1.5', fallbackText: `${notice.lead}${notice.title ?? ''}`, body };
}
