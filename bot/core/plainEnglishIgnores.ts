/**
 * "Don't flag this again" for one session: the rule ids (or whole kinds) a facilitator has turned
 * off. Kept as a plain sorted list so the store can save it as JSON; the caller saves it.
 */
import type { IssueKind, PlainEnglishIssue } from './plainEnglish';

export type PlainEnglishIgnores = readonly string[];

/** Enough for every label rule and many acronyms; stops a session record growing without end. */
export const MAX_IGNORED_RULES = 100;

const KINDS: readonly IssueKind[] = ['label', 'acronym', 'longSentence', 'readingEase'];
// Only ids the checker itself produces are stored, never free text.
const RULE_ID = /^(?:label\.[A-Za-z]+|acronym\.[A-Z0-9&]{2,12})$/;

export function isIgnorableRule(rule: string): boolean {
  return (KINDS as readonly string[]).includes(rule) || RULE_ID.test(rule);
}

export type IgnoreResult =
  | { readonly ok: true; readonly ignores: PlainEnglishIgnores }
  | { readonly ok: false; readonly reason: 'unknownRule' | 'tooMany' };

/** Adds a rule to the session's list; adding one already there changes nothing. */
export function ignoreRule(ignores: PlainEnglishIgnores, rule: string): IgnoreResult {
  if (!isIgnorableRule(rule)) return { ok: false, reason: 'unknownRule' };
  if (ignores.includes(rule)) return { ok: true, ignores };
  if (ignores.length >= MAX_IGNORED_RULES) return { ok: false, reason: 'tooMany' };
  return { ok: true, ignores: [...ignores, rule].sort() };
}

/** Lets the facilitator change their mind. */
export function unignoreRule(ignores: PlainEnglishIgnores, rule: string): PlainEnglishIgnores {
  return ignores.filter((r) => r !== rule);
}

export function isIgnored(ignores: PlainEnglishIgnores, issue: Pick<PlainEnglishIssue, 'rule' | 'kind'>): boolean {
  return ignores.includes(issue.rule) || ignores.includes(issue.kind);
}
