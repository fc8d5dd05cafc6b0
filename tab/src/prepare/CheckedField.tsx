/**
 * A text field with the plain-English check: suggestions appear under it as the facilitator
 * types, and the words found are marked in a copy of the text, so the problem is easy to spot.
 */
// Parts only this screen uses come from their own packages, so they stay out of the side panel's bundle.
import { Field, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { Input } from '@fluentui/react-input';
import type { ReactNode } from 'react';
import { text } from '../strings.en-GB';
import { issueLine, usePlainEnglish, type PlainEnglishIssue } from './plainEnglish';

const useStyles = makeStyles({
  hints: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: '1.25em', color: tokens.colorNeutralForeground1 },
  marked: { margin: `${tokens.spacingVerticalXS} 0 0`, overflowWrap: 'anywhere', color: tokens.colorNeutralForeground2 },
  mark: {
    backgroundColor: 'transparent',
    color: 'inherit',
    textDecorationLine: 'underline',
    textDecorationStyle: 'wavy',
    textDecorationColor: tokens.colorPaletteDarkOrangeBorder2,
    textDecorationThickness: '2px',
  },
});

/** The text with each flagged word range wrapped in <mark>. */
function markedCopy(value: string, issues: readonly PlainEnglishIssue[], className: string): ReactNode[] {
  const spans = issues.filter((i) => i.kind === 'label' || i.kind === 'acronym').sort((a, b) => a.start - b.start);
  const out: ReactNode[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue;
    out.push(value.slice(at, span.start));
    out.push(
      <mark key={`${span.start}-${span.end}`} className={className}>
        {value.slice(span.start, span.end)}
      </mark>,
    );
    at = span.end;
  }
  out.push(value.slice(at));
  return out;
}

interface Props {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly multiline?: boolean;
  readonly maxLength: number;
  readonly required?: boolean;
  readonly hint?: string;
}

export function CheckedField({ label, value, onChange, multiline = false, maxLength, required = false, hint }: Props) {
  const styles = useStyles();
  const issues = usePlainEnglish(value);
  const hasIssues = issues.length > 0;
  // The suggestions are the field's validation message, so screen readers hear them with the field.
  const message = hasIssues ? (
    <span data-testid="plain-english">
      {text.prepare.plainEnglishHeading}:
      <ul className={styles.hints}>
        {issues.map((issue) => (
          <li key={`${issue.rule}-${issue.start}`}>{issueLine(issue)}</li>
        ))}
      </ul>
    </span>
  ) : undefined;
  return (
    <div>
      <Field label={label} required={required} hint={hint} validationState={hasIssues ? 'warning' : 'none'} validationMessage={message}>
        {multiline ? (
          <Textarea value={value} onChange={(_, d) => onChange(d.value)} maxLength={maxLength} resize="vertical" />
        ) : (
          <Input value={value} onChange={(_, d) => onChange(d.value)} maxLength={maxLength} />
        )}
      </Field>
      {hasIssues ? (
        <p className={styles.marked} aria-hidden="true">
          {markedCopy(value, issues, styles.mark)}
        </p>
      ) : null}
    </div>
  );
}
