/**
 * Payments in the organiser view: the programme's rate (set in Prepare), a button to propose a
 * payment for everyone who took part from how long they were there, and each person's line.
 */
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { OrganiserView, Outcome } from './afterTypes';
import { formatMoney } from './format';
import { PaymentRow } from './PaymentRow';
import { afterText } from './strings.en-GB';

const words = afterText.organiser.payments;

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  line: { margin: 0 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

interface Props {
  readonly payments: OrganiserView['payments'];
  readonly busy: boolean;
  readonly act: (path: string, body: Record<string, unknown>) => Promise<Outcome>;
  readonly refuse: (message: string) => void;
}

export function PaymentsSection({ payments, busy, act, refuse }: Props) {
  const styles = useStyles();
  const { rate, rows } = payments;
  return (
    <div className={styles.box}>
      <p className={styles.line}>{rate ? words.rate(formatMoney(rate.perHourMinor, rate.currency), rate.prepMinutes, rate.reminderDays) : words.noRate}</p>
      <div>
        <Button disabledFocusable={busy} onClick={() => void act('propose', {})}>
          {words.propose}
        </Button>
      </div>
      {rows.length === 0 ? (
        <p className={styles.line}>{words.none}</p>
      ) : (
        <ul className={styles.list}>
          {rows.map((row) => (
            <PaymentRow key={`${row.who}|${row.line.status}|${row.line.amountMinor}|${row.whoIsThis?.name ?? ''}`} row={row} vouchersOffered={rate?.vouchersOffered === true} busy={busy} act={(path, body) => act(path, body)} refuse={refuse} />
          ))}
        </ul>
      )}
    </div>
  );
}
