/**
 * The plain-English checker from the bot's core (pure text arithmetic, no I/O), run in the
 * browser so problems show while the facilitator types, with no request per key press. This
 * file is only part of the preparation screen's bundle, never the side panel's.
 */
import { useEffect, useState } from 'react';
import { checkPlainEnglish, type PlainEnglishIssue } from '../../../bot/core/plainEnglish';

export type { PlainEnglishIssue };

const SETTLE_MS = 300;

/** The issues in `value`, re-checked once typing has paused briefly. */
export function usePlainEnglish(value: string): readonly PlainEnglishIssue[] {
  const [issues, setIssues] = useState<readonly PlainEnglishIssue[]>(() => (value.trim() ? checkPlainEnglish(value) : []));
  useEffect(() => {
    const timer = setTimeout(() => setIssues(value.trim() ? checkPlainEnglish(value) : []), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [value]);
  return issues;
}

/** One line per issue: what was found and what to do instead. */
export function issueLine(issue: PlainEnglishIssue): string {
  return issue.kind === 'longSentence' || issue.kind === 'readingEase' ? issue.suggestion : `“${issue.found}”: ${issue.suggestion}`;
}
