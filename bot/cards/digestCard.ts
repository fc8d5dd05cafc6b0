/**
 * The session summary as the group sees it: one card in the meeting chat (and the organisers'
 * channel, if chosen), split into ordered cards only when it would not fit in one message. The
 * tallies are Teams charts with the same numbers as text beside them for other clients. Long
 * lists are cut short here; the full summary in the tab and its Markdown export have everything.
 *
 * Everyone's words (purpose, statements, notes, comments, steps, owners) go in plain text runs;
 * TextBlocks hold only our own sentences and numbers. Nothing here names who answered what.
 */
import type { DigestView, DigestViewStatement, LadderView } from '../core/digestView';
import type { Level } from '../core/senseCheck';
import { donutChart, stackedBars, type Chart, type ChartColor } from './digestCharts';
import { cardSizeBytes } from './lint';
import { fill } from './senseCheckCard';
import { followUpStrings } from './strings/followUp.en-GB';
import { cardDate, plainText, textRun } from './text';
import type { CardAction, CardElement, TextBlock } from './types';

const text = followUpStrings.digest;

/** Under the outbox's 64 KiB per stored message, with room for its wrapper. */
export const DIGEST_CARD_BUDGET_BYTES = 56_000;
export const CHAT_LIMITS = { notes: 20, noteCharacters: 400, reasons: 3, missedPerPoint: 2, missedCharacters: 200 } as const;
/** Tried before splitting: numbers and headlines stay, people's comments wait in the full summary. */
export const COMPACT_LIMITS: Limits = { notes: 5, noteCharacters: 200, reasons: 0, missedPerPoint: 0, missedCharacters: 200 };
type Limits = { readonly [K in keyof typeof CHAT_LIMITS]: number };

export type DigestElement = CardElement | Chart;
export type DigestCardJson = {
  readonly type: 'AdaptiveCard';
  readonly version: '1.5';
  readonly body: readonly DigestElement[];
  readonly actions?: readonly CardAction[];
  readonly fallbackText?: string;
};

export interface DigestCardOptions {
  /** A "here is what we heard" round before approval: says it is a draft. */
  readonly round?: boolean;
  readonly budgetBytes?: number;
}

const LEVEL_COLORS: Readonly<Record<Level, ChartColor>> = { agree: 'good', partly: 'warning', disagree: 'attention' };

/** A calendar date shown in each reader's zone; midday UTC keeps the same date across the UK and Europe. */
export function dayOf(date: string): Date {
  return new Date(`${date}T12:00:00Z`);
}

function clip(value: string, max: number): string {
  const chars = [...value];
  return chars.length <= max ? value : `${chars.slice(0, max - 1).join('')}…`;
}

const heading = (words: string): TextBlock => ({ type: 'TextBlock', text: words, weight: 'Bolder', wrap: true, spacing: 'Medium' });
const line = (words: string, subtle = false): TextBlock => ({ type: 'TextBlock', text: words, wrap: true, ...(subtle ? { isSubtle: true } : {}) });

/** Up to `limit` quotes, then how many more the full summary holds. */
function quotes(list: readonly string[], limit: number, characters: number): DigestElement[] {
  const out: DigestElement[] = list.slice(0, limit).map((words) => plainText(`“${clip(words, characters)}”`, { italic: true }));
  const rest = list.length - Math.min(limit, list.length);
  if (rest > 0) out.push(line(fill(limit > 0 ? text.more : text.inFull, { count: rest }), true));
  return out;
}

function purposeBlock(view: DigestView, limits: Limits): DigestElement[] {
  const { yes, partly, no } = view.purpose.verdicts;
  const out: DigestElement[] = [heading(text.purpose), plainText(view.purpose.outcome), heading(text.achieved)];
  if (yes + partly + no === 0) return [...out, line(text.nobodyAnswered)];
  const words = fill(text.verdictLine, { yes, partly, no });
  out.push(
    donutChart(text.achieved, [
      { legend: text.verdicts.yes, value: yes, color: 'good' },
      { legend: text.verdicts.partly, value: partly, color: 'warning' },
      { legend: text.verdicts.no, value: no, color: 'attention' },
    ], words),
    line(words),
  );
  const reasons = view.purpose.reasons;
  if (reasons.length > 0) {
    out.push(line(text.reasons), ...quotes(reasons, limits.reasons, limits.missedCharacters));
  }
  return out;
}

function factsBlock(view: DigestView): DigestElement[] {
  const tookPart = view.tookPart === 1 ? text.tookPartOne : fill(text.tookPart, { count: view.tookPart });
  return [line(tookPart), line(text.recording[view.recording])];
}

function splitWords(s: DigestViewStatement): string {
  return fill(text.splitLine, { agree: s.split.agree, partly: s.split.partly, disagree: s.split.disagree });
}

function senseCheckBlock(statements: readonly DigestViewStatement[], number: number, limits: Limits): DigestElement[] {
  const title = fill(text.senseCheck, { number });
  const out: DigestElement[] = [heading(title)];
  const rows = statements.map((s, i) => ({
    title: fill(text.point, { number: i + 1 }),
    data: (['agree', 'partly', 'disagree'] as const).map((level) => ({ legend: text.levels[level], value: s.split[level], color: LEVEL_COLORS[level] })),
  }));
  const fallback = statements.map((s, i) => `${fill(text.point, { number: i + 1 })}: ${splitWords(s)}`).join(' ');
  // The numbers as text too, for screen readers and anyone who cannot read a chart.
  if (statements.some((s) => s.answered > 0)) out.push(stackedBars(title, rows, fallback), line(fallback, true));
  statements.forEach((s, i) => {
    out.push({ type: 'RichTextBlock', inlines: [textRun(`${fill(text.point, { number: i + 1 })}: `, { weight: 'Bolder' }), textRun(s.text)] });
    // The chart (or its fallback) carries the split; a point nobody answered says so.
    if (s.answered === 0) out.push(line(text.nobodyAnswered, true));
    if (s.minority.length > 0) {
      const levels = s.minority.map((m) => `${text.levels[m.level].toLowerCase()} (${m.count})`).join(', ');
      out.push(line(fill(text.minority, { levels }), true));
    }
    if (s.missed.length > 0) {
      out.push(line(text.missed), ...quotes(s.missed, limits.missedPerPoint, limits.missedCharacters));
    }
  });
  return out;
}

function notesBlock(view: DigestView, limits: Limits): DigestElement[] {
  if (view.notes.length === 0) return [];
  const out: DigestElement[] = [heading(`${text.notes} (${view.notes.length})`)];
  for (const note of view.notes.slice(0, limits.notes)) {
    const runs = [textRun(clip(note.text, limits.noteCharacters))];
    if (note.credit) runs.push(textRun(` ${text.credit}`, { isSubtle: true }), textRun(note.credit, { isSubtle: true }));
    out.push({ type: 'RichTextBlock', inlines: runs });
  }
  if (view.notes.length > limits.notes) out.push(line(fill(text.more, { count: view.notes.length - limits.notes }), true));
  return out;
}

function stepsBlock(view: DigestView): DigestElement[] {
  if (view.nextSteps.length === 0 && !view.followUpDate) return [];
  const out: DigestElement[] = [heading(text.nextSteps)];
  for (const step of view.nextSteps) {
    const runs = [textRun(step.what, { weight: 'Bolder' })];
    if (step.owner) runs.push(textRun(`  ${text.who}`, { isSubtle: true }), textRun(step.owner));
    out.push({ type: 'RichTextBlock', inlines: runs });
    if (step.due) out.push(line(fill(text.due, { date: cardDate(dayOf(step.due), 'LONG') }), true));
  }
  if (view.followUpDate) out.push(line(fill(text.followUp, { date: cardDate(dayOf(view.followUpDate), 'LONG') })));
  return out;
}

function ladderBlock(ladder: LadderView | undefined): DigestElement[] {
  const out: DigestElement[] = [heading(text.ladder)];
  if (!ladder?.rung) return [...out, line(text.notPlaced, true)];
  const rungs = followUpStrings.ladder.rungs;
  out.push(line(fill(text.rungLine, { rung: rungs[ladder.rung], number: LADDER_ORDER.indexOf(ladder.rung) + 1 })));
  out.push(line(followUpStrings.ladder.explained[ladder.rung], true));
  if (ladder.votes) {
    const votes = LADDER_ORDER.filter((r) => (ladder.votes?.[r] ?? 0) > 0).map((r) => `${rungs[r]}: ${ladder.votes?.[r] ?? 0}`);
    if (votes.length > 0) out.push(line(`${text.votes}: ${votes.join('. ')}.`, true));
  }
  if (ladder.trend.length > 1) {
    out.push(line(`${text.trend}: ${ladder.trend.map((p) => `${cardDate(dayOf(p.occurrence), 'SHORT')} ${rungs[p.rung]}`).join(', ')}.`, true));
  }
  out.push(line(text.direction[ladder.direction], true));
  return out;
}

const LADDER_ORDER = ['coercion', 'educating', 'informing', 'consultation', 'engagement', 'coDesign', 'coProduction'] as const;

function card(body: readonly DigestElement[], actions?: readonly CardAction[]): DigestCardJson {
  return { type: 'AdaptiveCard', version: '1.5', fallbackText: text.fallbackText, body, ...(actions && actions.length > 0 ? { actions } : {}) };
}

function linkActions(view: DigestView): CardAction[] {
  if (!view.links) return [];
  return [
    { type: 'Action.OpenUrl', title: text.fullButton, url: view.links.full },
    { type: 'Action.OpenUrl', title: text.markdownButton, url: view.links.markdown },
  ];
}

/**
 * The summary as ordered cards: one when it fits; if not, one with people's comments left to the
 * full summary; only if that still does not fit, ordered parts of it.
 */
export function digestCards(view: DigestView, options: DigestCardOptions = {}): DigestCardJson[] {
  const full = pack(view, options, CHAT_LIMITS);
  return full.length === 1 ? full : pack(view, options, COMPACT_LIMITS);
}

function pack(view: DigestView, options: DigestCardOptions, limits: Limits): DigestCardJson[] {
  const budget = options.budgetBytes ?? DIGEST_CARD_BUDGET_BYTES;
  const header: DigestElement[] = [
    { type: 'TextBlock', text: options.round ? text.roundTitle : text.title, style: 'heading', size: 'Medium', weight: 'Bolder', wrap: true },
    line(fill(text.date, { date: cardDate(dayOf(view.occurrence), 'LONG') }), true),
    ...(options.round ? [line(text.roundIntro)] : []),
  ];
  const blocks = [
    purposeBlock(view, limits),
    factsBlock(view),
    ...view.senseChecks.map((check, i) => senseCheckBlock(check.statements, i + 1, limits)),
    notesBlock(view, limits),
    stepsBlock(view),
    ladderBlock(view.ladder),
  ].filter((block) => block.length > 0);
  const actions = options.round ? [] : linkActions(view);
  // Room for the "part n of N" line each card gets when there is more than one.
  const reserve = 400;
  const parts: DigestElement[][] = [[...header]];
  for (const block of blocks) {
    const current = parts[parts.length - 1];
    const candidate = card([...current, ...block], parts.length === 1 ? actions : undefined);
    if (current.length > 0 && cardSizeBytes(candidate) + reserve > budget) parts.push([...block]);
    else current.push(...block);
  }
  const total = parts.length;
  return parts.map((body, index) => {
    if (total === 1) return card(body, actions);
    const partLine = line(fill(text.continued, { part: index + 1, total }), true);
    return index === 0 ? card([...body, partLine], actions) : card([partLine, ...body]);
  });
}
