/**
 * The access needs a person can tick, and "anything else", as one labelled group. Used for a
 * person's own needs and for a facilitator recording someone else's, so both look the same.
 */
// Parts only this screen uses come from their own packages, so they stay out of the side panel's bundle.
import { Field, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { Checkbox } from '@fluentui/react-checkbox';
import { ACCESS_NEEDS, MAX_OTHER_CHARACTERS } from '../../../bot/core/accessNeeds';
import type { NeedsDraft } from './accessCards';
import { prepareText } from './strings.en-GB';

const words = prepareText.access;

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, border: 'none', margin: 0, padding: 0 },
  legend: { fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXS, padding: 0 },
});

interface Props {
  readonly legend: string;
  readonly value: NeedsDraft;
  readonly onChange: (value: NeedsDraft) => void;
}

export function AccessNeedsFields({ legend, value, onChange }: Props) {
  const styles = useStyles();
  return (
    <fieldset className={styles.group}>
      <legend className={styles.legend}>{legend}</legend>
      {ACCESS_NEEDS.map((need) => (
        <Checkbox
          key={need}
          label={words.needs[need]}
          checked={value.needs.has(need)}
          onChange={(_, d) => {
            const needs = new Set(value.needs);
            if (d.checked === true) needs.add(need);
            else needs.delete(need);
            onChange({ ...value, needs });
          }}
        />
      ))}
      <Field label={words.other}>
        <Textarea value={value.other} maxLength={MAX_OTHER_CHARACTERS} resize="vertical" onChange={(_, d) => onChange({ ...value, other: d.value })} />
      </Field>
    </fieldset>
  );
}
