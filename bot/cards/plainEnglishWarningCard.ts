/**
 * Plain-English suggestions, sent only to facilitators' 1:1 chats. Each finding shows where it
 * was, the words found (the facilitator's own, so plain text), the suggestion, and a button to
 * stop that suggestion for the rest of the session.
 */
import type { IssueKind, PlainEnglishRule } from '../core/plainEnglish';
import { fill } from './senseCheckCard';
import { wrapUpStrings } from './strings/wrapUp.en-GB';
import { plainText, textRun } from './text';
import type { AdaptiveCard, CardElement, Container } from './types';

const text = wrapUpStrings.plainEnglish;

export interface WordingFinding {
  /** A place key from the strings (note, nextSteps…) or the caller's own short description. */
  readonly where: string;
  readonly rule: PlainEnglishRule;
  readonly kind: IssueKind;
  readonly found: string;
  readonly suggestion: string;
}

export interface PlainEnglishWarningView {
  readonly sessionKey: string;
  readonly findings: readonly WordingFinding[];
  /** Findings left off this card to keep it short. */
  readonly more: number;
}

/** Long sentences are shown cut short: enough to find them, not a wall of text. */
const MAX_FOUND_SHOWN = 160;

export function plainEnglishWarningCard(view: PlainEnglishWarningView): AdaptiveCard {
  const body: CardElement[] = [
    { type: 'TextBlock', text: text.title, style: 'heading', size: 'Medium', weight: 'Bolder', wrap: true },
    { type: 'TextBlock', text: text.intro, wrap: true, isSubtle: true },
    ...view.findings.map((finding) => findingBlock(view.sessionKey, finding)),
  ];
  if (view.more > 0) body.push({ type: 'TextBlock', text: fill(text.more, { count: view.more }), wrap: true, isSubtle: true });
  return { type: 'AdaptiveCard', version: '1.5', fallbackText: `${text.title}. ${text.intro}`, body };
}

function findingBlock(sessionKey: string, finding: WordingFinding): Container {
  const place = text.places[finding.where] ?? finding.where;
  const found = shortened(finding.found, MAX_FOUND_SHOWN);
  return {
    type: 'Container',
    style: 'emphasis',
    spacing: 'Medium',
    items: [
      plainText(place, { weight: 'Bolder' }),
      { type: 'RichTextBlock', inlines: [textRun(text.youWrote, { isSubtle: true }), textRun(found)] },
      { type: 'RichTextBlock', inlines: [textRun(text.suggestion, { isSubtle: true }), textRun(finding.suggestion)] },
      {
        type: 'ActionSet',
        actions: [
          {
            type: 'Action.Execute',
            verb: 'plainEnglish.ignore',
            title: text.ignore,
            // Several findings share the title: the tooltip tells a screen reader which one.
            tooltip: `${text.ignore}: ${shortened(finding.found, 60)}`,
            data: { sessionKey, rule: finding.rule },
          },
        ],
      },
    ],
  };
}

/** Cut by characters as people see them, so an emoji is never split in half. */
function shortened(words: string, max: number): string {
  const characters = [...words];
  return characters.length > max ? `${characters.slice(0, max).join('')}…` : words;
}
