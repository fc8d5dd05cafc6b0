/**
 * The recap posted in the meeting chat: the parts of the plan we have been through and, for
 * topics, the question the group worked on. It says plainly that it lists topics, not what
 * anyone said. Titles and questions are the facilitator's words, so they are plain text runs.
 */
import type { AgendaItem } from '../core/agenda';
import { frameworkStrings, type FrameworkStrings } from './strings/framework.en-GB';
import { textRun } from './text';
import type { AdaptiveCard, CardElement, Container } from './types';

export interface RecapView {
  readonly covered: readonly AgendaItem[];
  /** The item we are on now; absent before the start and after the end. */
  readonly current?: AgendaItem;
  readonly ended: boolean;
}

export function recapCard(view: RecapView, strings: FrameworkStrings = frameworkStrings): AdaptiveCard {
  const text = strings.recap;
  const title = view.ended ? text.finalTitle : text.title;
  const body: CardElement[] = [{ type: 'TextBlock', text: title, style: 'heading', size: 'Medium', weight: 'Bolder', wrap: true }];
  if (view.covered.length === 0) {
    body.push({ type: 'TextBlock', text: text.nothingYet, wrap: true });
  } else {
    body.push({ type: 'TextBlock', text: text.intro, wrap: true, isSubtle: true });
    body.push(...view.covered.map((item, index) => coveredItem(item, index, strings)));
  }
  if (view.current && !view.ended) {
    body.push({ type: 'RichTextBlock', spacing: 'Medium', inlines: [textRun(text.nowOn, { weight: 'Bolder' }), textRun(view.current.title)] });
  }
  return { type: 'AdaptiveCard', version: '1.5', fallbackText: title, body };
}

function coveredItem(item: AgendaItem, index: number, strings: FrameworkStrings): Container {
  const items: CardElement[] = [{ type: 'RichTextBlock', inlines: [textRun(`${index + 1}. `, { weight: 'Bolder' }), textRun(item.title, { weight: 'Bolder' })] }];
  if (item.question) {
    items.push({ type: 'RichTextBlock', spacing: 'None', inlines: [textRun(strings.recap.question, { isSubtle: true }), textRun(item.question, { isSubtle: true })] });
  }
  return { type: 'Container', spacing: index === 0 ? 'Medium' : 'Small', items };
}
