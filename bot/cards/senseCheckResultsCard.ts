/**
 * The results of a closed sense check, for facilitators only (their 1:1 chats and the closing
 * facilitator's own invoke response; never the meeting chat). Per point: the split, then the
 * answers fewer people gave, then what people said we missed. No names. Outnumbered answers are
 * listed first so a summary cannot quietly drop them.
 *
 * Many people may write up to 1,000 characters each, so the results are split over as many cards
 * as it takes to keep each one well inside Teams' message size.
 */
import type { Level, Tally } from '../core/senseCheck';
import { fill, statementBlock, tallyLine } from './senseCheckCard';
import { enGB } from './strings.en-GB';
import { senseCheckStrings } from './strings/senseCheck.en-GB';
import { plainText, textRun } from './text';
import type { AdaptiveCard, CardElement } from './types';

export interface ResultItem {
  readonly level: Level;
  readonly missed?: string;
  /** Recorded by a facilitator for someone who answered out loud, by phone, on paper or in the room. */
  readonly recorded: boolean;
}

export interface StatementResult {
  readonly statement: string;
  /** The closed tally, with its split. */
  readonly tally: Tally;
  readonly recordedCount: number;
  /** Answers whose level fewer people chose than the largest group (core minorityAnswers). */
  readonly minority: readonly ResultItem[];
  /** Everyone else who wrote what we missed. */
  readonly otherMissed: readonly ResultItem[];
}

export interface SenseCheckResultsView {
  readonly statements: readonly StatementResult[];
}

/** JSON characters of content per card; as UTF-16 this stays well under the 80 KB card budget. */
export const RESULTS_CARD_BUDGET = 30_000;

export function senseCheckResultsCards(view: SenseCheckResultsView, budget = RESULTS_CARD_BUDGET): AdaptiveCard[] {
  const pages = new Pager(budget);
  const count = view.statements.length;
  view.statements.forEach((result, index) => {
    const header = [statementBlock(count, index, result.statement, enGB), tallyLine(result.tally, enGB)];
    pages.startGroup(header);
    if (result.recordedCount > 0) pages.add([small(fill(senseCheckStrings.results.recordedCount, { count: result.recordedCount }))]);
    if (result.tally.answered === 0) pages.add([small(senseCheckStrings.results.noAnswers)]);
    if (result.minority.length > 0) {
      pages.add([heading(senseCheckStrings.results.minorityHeading), small(senseCheckStrings.results.minorityHint)]);
      for (const item of result.minority) pages.add(minorityItem(item));
    }
    if (result.otherMissed.length > 0) {
      pages.add([heading(senseCheckStrings.results.missedHeading)]);
      for (const item of result.otherMissed) pages.add(missedItem(item));
    }
  });
  const all = pages.done();
  const words = senseCheckStrings.results;
  return all.map((body, index) => {
    const title = index === 0 ? words.title : fill(words.continued, { part: index + 1, parts: all.length });
    return {
      type: 'AdaptiveCard',
      version: '1.5',
      fallbackText: `${title}. ${words.onlyFacilitators}`,
      body: [
        { type: 'TextBlock', text: title, style: 'heading', size: 'Medium', weight: 'Bolder', wrap: true },
        { type: 'TextBlock', text: words.onlyFacilitators, wrap: true, isSubtle: true },
        ...body,
      ],
    };
  });
}

/** A card saying more results are elsewhere, added to the closing facilitator's own view. */
export function withMoreNote(card: AdaptiveCard, reachedPrivately: boolean): AdaptiveCard {
  const words = senseCheckStrings.results;
  return { ...card, body: [...card.body, { type: 'TextBlock', text: reachedPrivately ? words.moreInPrivateChat : words.moreNoPrivateChat, wrap: true, color: 'Attention' }] };
}

const small = (text: string): CardElement => ({ type: 'TextBlock', text, wrap: true, isSubtle: true, size: 'Small' });
const heading = (text: string): CardElement => ({ type: 'TextBlock', text, wrap: true, weight: 'Bolder', spacing: 'Medium' });

function levelWords(item: ResultItem): string {
  return `${enGB.senseCheck.levels[item.level]}${item.recorded ? senseCheckStrings.results.recordedSuffix : ''}`;
}

function minorityItem(item: ResultItem): CardElement[] {
  const out: CardElement[] = [{ type: 'TextBlock', text: levelWords(item), wrap: true, spacing: 'Small' }];
  if (item.missed) out.push(plainText(item.missed));
  return out;
}

function missedItem(item: ResultItem): CardElement[] {
  const block = plainText(item.missed ?? '');
  return [{ ...block, spacing: 'Small', inlines: [...block.inlines, textRun(` (${levelWords(item)})`, { isSubtle: true })] }];
}

/** Packs elements into cards by size; a point carried over to the next card repeats its heading. */
class Pager {
  private readonly pages: CardElement[][] = [];
  private current: CardElement[] = [];
  private used = 0;
  private groupHeader: CardElement[] = [];

  constructor(private readonly budget: number) {}

  startGroup(header: CardElement[]): void {
    this.groupHeader = [];
    this.add([{ type: 'Container', style: 'emphasis', spacing: 'Large', items: header }]);
    this.groupHeader = [{ type: 'Container', style: 'emphasis', spacing: 'Large', items: header }];
  }

  add(elements: CardElement[]): void {
    const cost = JSON.stringify(elements).length;
    if (this.used + cost > this.budget && this.current.length > 0) {
      this.pages.push(this.current);
      this.current = [...this.groupHeader];
      this.used = JSON.stringify(this.current).length;
    }
    this.current.push(...elements);
    this.used += cost;
  }

  done(): CardElement[][] {
    if (this.current.length > 0 || this.pages.length === 0) this.pages.push(this.current);
    return this.pages;
  }
}
