/**
 * "Here is what we heard": the sense check everyone in the chat sees. Statements are the
 * facilitator's words, so they are plain text runs, never markdown. The card names nobody: it
 * shows only how many have answered while open (the split only after closing), and each person's
 * own answer comes back privately in their invoke response (senseCheckAnswerCard). The tally is
 * refreshed by a coalesced edit at most once every 12 s (DESIGN.md "Card budget").
 */
import type { Level, SenseCheckStatus, Tally } from '../core/senseCheck';
import { enGB, type CardStrings } from './strings.en-GB';
import { senseCheckStrings } from './strings/senseCheck.en-GB';
import { plainText, textRun } from './text';
import type { ActionSet, AdaptiveCard, CardElement, Container, RichTextBlock, TextBlock, TextInput } from './types';

export interface SenseCheckView {
  readonly sessionKey: string;
  readonly senseCheckId: string;
  readonly statements: readonly string[];
  readonly status: SenseCheckStatus;
  /** One per statement, from core `tallies`. */
  readonly tallies: readonly Tally[];
  /**
   * Add "close" and "record an answer for someone" while open. Everyone sees them (it is one card
   * for the whole chat); the permission table refuses anyone who is not a facilitator.
   */
  readonly facilitatorControls?: boolean;
}

/** The input whose value Teams merges into the answer button's data. */
export const MISSED_INPUT_ID = 'missed';
const LEVEL_ORDER: readonly Level[] = ['agree', 'partly', 'disagree'];
const MAX_MISSED_INPUT = 1000;

/** Fills `{name}` placeholders in a catalogue string with numbers or our own labels. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export function senseCheckCard(view: SenseCheckView, strings: CardStrings = enGB): AdaptiveCard {
  const text = strings.senseCheck;
  const open = view.status === 'open';
  const body: CardElement[] = [
    { type: 'TextBlock', text: text.title, style: 'heading', size: 'Medium', weight: 'Bolder', wrap: true },
    { type: 'TextBlock', text: open ? text.intro : text.closed, wrap: true },
  ];
  view.statements.forEach((statement, index) => {
    const items: CardElement[] = [statementBlock(view.statements.length, index, statement, strings)];
    const tally = view.tallies[index];
    if (tally) items.push(tallyLine(tally, strings));
    if (open) items.push(answerButtons(view, index, strings));
    body.push(statementContainer(items));
  });
  if (open) body.push(...missedInput(strings));
  if (open && view.facilitatorControls) body.push(facilitatorControls(view));
  return { type: 'AdaptiveCard', version: '1.5', fallbackText: `${text.title}. ${open ? text.intro : text.closed}`, body };
}

/** Buttons for facilitators; they never carry what someone typed in the "missed" box. */
function facilitatorControls(view: Pick<SenseCheckView, 'sessionKey' | 'senseCheckId'>): Container {
  const words = senseCheckStrings.controls;
  const data = { sessionKey: view.sessionKey, senseCheckId: view.senseCheckId };
  return {
    type: 'Container',
    spacing: 'Large',
    separator: true,
    items: [
      { type: 'TextBlock', text: words.forFacilitators, wrap: true, isSubtle: true, size: 'Small' },
      {
        type: 'ActionSet',
        actions: [
          { type: 'Action.Execute', verb: 'senseCheck.close', title: words.close, associatedInputs: 'none', data },
          { type: 'Action.Execute', verb: 'answer.recordForSomeone', title: words.recordForSomeone, associatedInputs: 'none', data },
        ],
      },
    ],
  };
}

export function statementContainer(items: readonly CardElement[]): Container {
  return { type: 'Container', style: 'emphasis', spacing: 'Medium', items };
}

/** "Point 2: …" when there are several; the number is ours, the words are the facilitator's. */
export function statementBlock(count: number, index: number, statement: string, strings: CardStrings): RichTextBlock {
  const block = plainText(statement, { weight: 'Bolder' });
  if (count === 1) return block;
  return { ...block, inlines: [textRun(`${strings.senseCheck.statementNumber}${index + 1}: `, { weight: 'Bolder' }), ...block.inlines] };
}

export function answerButtons(view: Pick<SenseCheckView, 'sessionKey' | 'senseCheckId' | 'statements'>, index: number, strings: CardStrings): ActionSet {
  const labels = strings.senseCheck.levels;
  const several = view.statements.length > 1;
  return {
    type: 'ActionSet',
    actions: LEVEL_ORDER.map((level) => ({
      type: 'Action.Execute' as const,
      verb: 'senseCheck.answer' as const,
      title: labels[level],
      // Several points share button titles: the tooltip tells a screen reader which point.
      ...(several ? { tooltip: `${labels[level]} – ${strings.senseCheck.statementNumber}${index + 1}` } : {}),
      data: { sessionKey: view.sessionKey, senseCheckId: view.senseCheckId, statementIndex: index, level },
    })),
  };
}

export function missedInput(strings: CardStrings): CardElement[] {
  const input: TextInput = {
    type: 'Input.Text',
    id: MISSED_INPUT_ID,
    label: strings.senseCheck.missedLabel,
    placeholder: strings.senseCheck.missedPlaceholder,
    isMultiline: true,
    maxLength: MAX_MISSED_INPUT,
    spacing: 'Medium',
  };
  return [
    input,
    { type: 'TextBlock', text: strings.senseCheck.missedHint, wrap: true, isSubtle: true, size: 'Small' },
    { type: 'TextBlock', text: senseCheckStrings.answer.missedPrivate, wrap: true, isSubtle: true, size: 'Small', spacing: 'None' },
  ];
}

/** "N of M have answered" while open; the split is added only once closed. */
export function tallyLine(tally: Tally, strings: CardStrings): TextBlock {
  const text = strings.senseCheck;
  let line =
    tally.expected !== undefined
      ? fill(text.answeredOf, { answered: tally.answered, expected: tally.expected })
      : tally.answered === 1
        ? text.answeredOnlyOne
        : fill(text.answeredOnly, { answered: tally.answered });
  if (tally.split) {
    const split = tally.split;
    const parts = LEVEL_ORDER.map((level) => fill(text.splitPart, { level: text.levels[level], count: split[level] }));
    line = `${line}. ${parts.join(text.splitSeparator)}`;
  }
  return { type: 'TextBlock', text: line, wrap: true, isSubtle: true, size: 'Small' };
}
