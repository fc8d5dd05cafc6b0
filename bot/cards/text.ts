/**
 * Helpers that keep user text as data. TextBlocks (and FactSet facts) process markdown, so a
 * person's words there could become a link or bold text; TextRuns inside a RichTextBlock never
 * do. Rule: text a person wrote goes through `plainText`; `escapeMarkdown` is only for a short
 * dynamic value that has to sit inside one of our own sentences in a TextBlock.
 */
import type { RichTextBlock, TextRun } from './types';

type RunStyle = Omit<TextRun, 'type' | 'text'>;

// Renderers turn `{{DATE(…)}}`/`{{TIME(…)}}` into dates even inside a TextRun. A zero-width space
// between the braces keeps what the person typed looking the same without it being run.
const ZERO_WIDTH_SPACE = '\u200B';

function defuseMacros(text: string): string {
  return text.replace(/\{\{/g, `{${ZERO_WIDTH_SPACE}{`);
}

/** One run of a person's text, shown exactly as typed. */
export function textRun(text: string, style: RunStyle = {}): TextRun {
  return { type: 'TextRun', text: defuseMacros(text), ...style };
}

/** A block showing a person's text exactly as typed: no markdown, no links, no templates. */
export function plainText(text: string, style: RunStyle = {}): RichTextBlock {
  return { type: 'RichTextBlock', inlines: [textRun(text, style)] };
}

// Characters CommonMark gives meaning to, plus `{}` so `{{…}}` cannot form.
const MARKDOWN_ACTIVE = /[\\`*_{}[\]()<>#+\-.!|~]/g;

/**
 * Backslash-escapes markdown so a short value (an agenda item title, say) shows literally inside
 * a TextBlock. It cannot stop Teams linking a bare web address: a value that may hold one belongs
 * in `plainText`, and the card lint fails a TextBlock with a web address in it.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(MARKDOWN_ACTIVE, (char) => `\\${char}`);
}

export type DateFormat = 'COMPACT' | 'SHORT' | 'LONG';

/**
 * Teams shows `{{TIME(…)}}` and `{{DATE(…)}}` in each reader's own time zone. The functions are
 * upper case, have no spaces inside the braces or brackets, and take strict RFC 3339: seconds but
 * no milliseconds (`2026-11-25T10:00:00Z`); anything else is shown to people as the raw string.
 * Throws on an invalid Date, which is a bug in the caller.
 */
export function rfc3339Utc(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The reader's local time of day, e.g. "10:00". */
export function cardTime(date: Date): string {
  return `{{TIME(${rfc3339Utc(date)})}}`;
}

/** The reader's local date; without a format Teams uses its compact form. */
export function cardDate(date: Date, format?: DateFormat): string {
  return format ? `{{DATE(${rfc3339Utc(date)}, ${format})}}` : `{{DATE(${rfc3339Utc(date)})}}`;
}
