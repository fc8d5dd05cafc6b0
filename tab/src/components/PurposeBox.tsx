/** The session's purpose, read-only. Every field is someone's own words, shown as plain text. */
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Purpose } from '../api/viewTypes';
import { text } from '../strings.en-GB';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, overflowWrap: 'anywhere' },
  outcome: { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
  label: { fontWeight: tokens.fontWeightSemibold },
});

export function PurposeBox({ purpose, safeguardingContact }: { readonly purpose: Purpose; readonly safeguardingContact?: string }) {
  const styles = useStyles();
  return (
    <div className={styles.box} data-testid="purpose">
      <Text className={styles.outcome}>{purpose.outcome}</Text>
      <Text>{purpose.openToUnexpected.open ? text.purpose.open : text.purpose.notOpen}</Text>
      {purpose.openToUnexpected.note ? <Text>{purpose.openToUnexpected.note}</Text> : null}
      {purpose.responsible ? (
        <Text>
          <span className={styles.label}>{text.purpose.responsible}</span> {purpose.responsible}
        </Text>
      ) : null}
      {purpose.capture ? (
        <Text>
          <span className={styles.label}>{text.purpose.capture}</span> {purpose.capture}
        </Text>
      ) : null}
      {safeguardingContact ? (
        <Text>
          <span className={styles.label}>{text.purpose.safeguarding}</span> {safeguardingContact}
        </Text>
      ) : null}
    </div>
  );
}
