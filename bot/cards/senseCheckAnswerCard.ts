/**
 * What a person sees after pressing an answer: the invoke response to their own press, so only
 * they see it (DESIGN.md "Anonymity" and "Card budget": answer cards are kept apart from the
 * public tally). It shows their own answers, says they can change them until the facilitator
 * closes the sense check, and offers the same buttons again while it is open.
 */
import type { Level, SenseCheckStatus } from '../core/senseCheck';
import { answerButtons, missedInput, statementBlock, statementContainer, type SenseCheckView } from './senseCheckCard';
import { enGB, type CardStrings } from './strings.en-GB';
import { plainText, textRun } from './text';
import type { AdaptiveCard, CardElement, RichTextBlock } from './types';

/** This person's answer to one statement, if any. */
export interface OwnAnswer {
  readonly level: Level;
  readonly missed?: string;
}

export interface SenseCheckAnswerView extends Pick<SenseCheckView, 'sessionKey' | 'senseCheckId' | 'statements'> {
  readonly status: SenseCheckStatus;
  /** One per statement, in statement order. */
  readonly mine: readonly (OwnAnswer | undefined)[];
  /** What happened to this press: saved, the same as before, or refused because it is closed. */
  readonly outcome: 'saved' | 'unchanged' | 'closed';
}

export function senseCheckAnswerCard(view: SenseCheckAnswerView, strings: CardStrings = enGB): AdaptiveCard {
  const text = strings.senseCheck;
  const open = view.status === 'open' && view.outcome !== 'closed';
  const body: CardElement[] = [
    { type: 'TextBlock', text: text.yourAnswerTitle, style: 'heading', size: 'Medium', weight: 'Bolder', wrap: true },
  ];
  if (view.outcome === 'closed') body.push({ type: 'TextBlock', text: text.refusedClosed, wrap: true, color: 'Attention' });
  if (view.outcome === 'unchanged') body.push({ type: 'TextBlock', text: text.unchanged, wrap: true });
  body.push({ type: 'TextBlock', text: open ? text.changeUntilClosed : text.closed, wrap: true, weight: 'Bolder' });

  view.statements.forEach((statement, index) => {
    const items: CardElement[] = [statementBlock(view.statements.length, index, statement, strings), ...ownAnswer(view.mine[index], strings)];
    if (open) items.push(answerButtons(view, index, strings));
    body.push(statementContainer(items));
  });
  if (open) body.push(...missedInput(strings));
  return { type: 'AdaptiveCard', version: '1.5', fallbackText: `${text.yourAnswerTitle}. ${open ? text.changeUntilClosed : text.closed}`, body };
}

function ownAnswer(mine: OwnAnswer | undefined, strings: CardStrings): CardElement[] {
  const text = strings.senseCheck;
  if (!mine) return [{ type: 'TextBlock', text: text.notAnswered, wrap: true, isSubtle: true }];
  const out: CardElement[] = [{ type: 'TextBlock', text: `${text.yourAnswer}${text.levels[mine.level]}`, wrap: true }];
  if (mine.missed) out.push(labelled(text.yourMissed, mine.missed));
  return out;
}

// Their own words, shown back to them as typed: a plain run after our label.
function labelled(label: string, words: string): RichTextBlock {
  const block = plainText(words);
  return { ...block, inlines: [textRun(label, { isSubtle: true }), ...block.inlines] };
}
