/**
 * Plain-English checker for what a facilitator is about to share. It flags labels that turn
 * people into categories, acronyms nobody has explained, very long sentences and text that is
 * hard to read, each with a short suggestion. It only advises: the facilitator sees the warnings
 * privately and decides, and can say "don't flag this again" for the rest of the session.
 */
import { findLabels, type LabelRuleId } from './plainEnglishLabels';
import { isIgnored } from './plainEnglishIgnores';
import { fleschReadingEase } from './readingEase';

export type IssueKind = 'label' | 'acronym' | 'longSentence' | 'readingEase';

/** Stable ids: a label rule, `acronym.<LETTERS>` for one acronym, or the kind itself. */
export type PlainEnglishRule = LabelRuleId | `acronym.${string}` | 'longSentence' | 'readingEase';

export interface PlainEnglishIssue {
  readonly rule: PlainEnglishRule;
  readonly kind: IssueKind;
  /** Character offsets into the checked text, so the tab can mark the words inline. */
  readonly start: number;
  readonly end: number;
  readonly found: string;
  readonly suggestion: string;
}

export interface PlainEnglishOptions {
  /** Rule ids or whole kinds the facilitator asked us not to flag again in this session. */
  readonly ignore?: readonly string[];
}

/** A sentence longer than this is hard to follow when read aloud or through a screen reader. */
export const LONG_SENTENCE_WORDS = 25;
/** Reading ease is only meaningful over a few sentences, so short texts are not scored. */
export const READING_EASE_MIN_WORDS = 25;
/**
 * Below 50 on the Flesch scale is "difficult" (university level). Plain English aims for 60 or
 * more, but a facilitator's notes often name a service or a place, so 50 avoids nagging about
 * text most people can still read.
 */
export const READING_EASE_THRESHOLD = 50;

// Known to nearly everyone in the UK, so saying them in full would read as odd.
const WELL_KNOWN_ACRONYMS = new Set(['NHS', 'GP', 'UK', 'OK', 'TV', 'BSL', 'AI', 'BBC', 'ID', 'PDF', 'A&E', 'Q&A', 'PIN', 'SMS', 'MP', 'COVID', 'AM', 'PM']);
// Capitals used for emphasis are shouting, not acronyms.
const EMPHASIS_WORDS = new Set(['PLEASE', 'NOTE', 'NOT', 'DO', 'DON', 'DONT', 'STOP', 'NOW', 'ALL', 'NEW', 'NO', 'YES', 'AND', 'OR', 'THE', 'IMPORTANT', 'URGENT', 'REMINDER']);

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const ACRONYM = /(?<![\p{L}\p{N}@&])([A-Z][A-Z0-9&]*[A-Z0-9])(s?)(?![\p{L}\p{N}&])/gu;

export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

export function checkPlainEnglish(text: string, options: PlainEnglishOptions = {}): PlainEnglishIssue[] {
  const ignores = options.ignore ?? [];
  const issues = [...labelIssues(text), ...acronymIssues(text), ...longSentenceIssues(text), ...readingEaseIssues(text)];
  return issues
    .filter((issue) => !isIgnored(ignores, issue))
    .sort((a, b) => a.start - b.start || a.end - b.end);
}

function labelIssues(text: string): PlainEnglishIssue[] {
  return findLabels(text).map((m) => ({ ...m, kind: 'label' as const, found: text.slice(m.start, m.end) }));
}

function acronymIssues(text: string): PlainEnglishIssue[] {
  const issues: PlainEnglishIssue[] = [];
  for (const match of text.matchAll(ACRONYM)) {
    const letters = match[1];
    const start = match.index;
    const capitals = letters.replace(/[^A-Z]/g, '').length;
    // A trailing lower-case s is a plural ("GPs", "ICBs"), so the letters alone are checked.
    if (capitals < 2 || WELL_KNOWN_ACRONYMS.has(letters) || EMPHASIS_WORDS.has(letters)) continue;
    if (isExplained(text, letters)) continue;
    const end = start + match[0].length;
    issues.push({
      rule: `acronym.${letters}`,
      kind: 'acronym',
      start,
      end,
      found: match[0],
      suggestion: `Say what ${letters} stands for the first time you use it, or use everyday words instead.`,
    });
  }
  return issues;
}

// `letters` holds only A-Z, 0-9 and &, none of which is special inside a pattern.
/** "Integrated Care Board (ICB)", "ICB (Integrated Care Board)" or "ICB means …" anywhere in the text. */
function isExplained(text: string, letters: string): boolean {
  const acronym = letters.replace(/[^A-Z]/g, '');
  const saysWhatItMeans = new RegExp(`(?<![\\p{L}])${letters}s?,? (?:means|stands for|is short for)\\b`, 'u');
  if (saysWhatItMeans.test(text)) return true;
  // The words before "(ICB)", up to the last comma or full stop, must spell it out.
  for (const m of text.matchAll(new RegExp(`\\(\\s*${letters}s?\\s*\\)`, 'gu'))) {
    const before = text.slice(0, m.index).split(/[.,;:!?()]/).pop() ?? '';
    if (spellsOut(before.split(/\s+/).slice(-8), acronym)) return true;
  }
  // Or the words inside the brackets after it: "ICB (Integrated Care Board)".
  for (const m of text.matchAll(new RegExp(`(?<![\\p{L}])${letters}s?\\s*\\(([^()]+)\\)`, 'gu'))) {
    if (spellsOut(m[1].split(/\s+/), acronym)) return true;
  }
  return false;
}

/** True when the acronym's letters appear, in order, among the words' first letters. */
function spellsOut(words: readonly string[], acronym: string): boolean {
  const initials = words.filter((w) => /^\p{L}/u.test(w)).map((w) => w[0].toUpperCase());
  let next = 0;
  for (const initial of initials) if (initial === acronym[next]) next += 1;
  return acronym.length > 0 && next >= acronym.length;
}

interface Span {
  readonly start: number;
  readonly end: number;
}

/** Sentences end at . ! or ? followed by a space or the end, or at a line break. */
export function sentenceSpans(text: string): Span[] {
  const spans: Span[] = [];
  let from = 0;
  const boundary = /[.!?]+["'”’)\]]*(?=\s|$)|\n/g;
  const push = (to: number) => {
    const piece = text.slice(from, to);
    const lead = piece.length - piece.trimStart().length;
    const trimmed = piece.trim();
    if (trimmed) spans.push({ start: from + lead, end: from + lead + trimmed.length });
  };
  for (const match of text.matchAll(boundary)) {
    const to = match.index + match[0].length;
    push(to);
    from = to;
  }
  push(text.length);
  return spans;
}

function longSentenceIssues(text: string): PlainEnglishIssue[] {
  return sentenceSpans(text).flatMap(({ start, end }) => {
    const found = text.slice(start, end);
    const words = countWords(found);
    if (words <= LONG_SENTENCE_WORDS) return [];
    return [{
      rule: 'longSentence' as const,
      kind: 'longSentence' as const,
      start,
      end,
      found,
      suggestion: `This sentence has ${words} words. Try splitting it into shorter sentences, with one idea in each.`,
    }];
  });
}

function readingEaseIssues(text: string): PlainEnglishIssue[] {
  if (countWords(text) <= READING_EASE_MIN_WORDS) return [];
  if (fleschReadingEase(text) >= READING_EASE_THRESHOLD) return [];
  const start = text.length - text.trimStart().length;
  const end = text.trimEnd().length;
  return [{
    rule: 'readingEase',
    kind: 'readingEase',
    start,
    end,
    found: text.slice(start, end),
    suggestion: 'This may be hard to read. Try shorter sentences and everyday words, and say one thing at a time.',
  }];
}
