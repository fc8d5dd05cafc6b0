/**
 * A save button and what became of the save, read out to screen readers as it changes. Each
 * Prepare section has one, so a person always hears whether their words were kept.
 */
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { StatusLine } from '../components/StatusLine';
import { prepareText } from './strings.en-GB';

export type Status = { readonly ok: boolean; readonly message: string } | undefined;

const useStyles = makeStyles({
  row: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
});

interface Props {
  readonly label: string;
  readonly busy: boolean;
  readonly status: Status;
  readonly onSave: () => void;
}

export function SaveStatus({ label, busy, status, onSave }: Props) {
  const styles = useStyles();
  return (
    <div className={styles.row}>
      <Button appearance="primary" disabledFocusable={busy} onClick={onSave}>
        {label}
      </Button>
      <StatusLine outcome={status} />
    </div>
  );
}

/** The outcome of a save as a status line: "Saved." or the server's plain message. */
export function statusOf(outcome: { readonly ok: true } | { readonly ok: false; readonly message: string }): Status {
  return outcome.ok ? { ok: true, message: prepareText.saved } : { ok: false, message: outcome.message };
}
