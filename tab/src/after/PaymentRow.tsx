/**
 * One person's payment in the organiser view: who it is for (the name the organiser keeps, else
 * their Teams name), the time and expenses, the amount and where it stands, with the next step:
 * confirm a proposal (correcting minutes and expenses), mark it paid, record that they cannot
 * accept it (the reason stays here), or make it due again. "Who is this?" keeps a name and a way
 * to reach them for finance, apart from their Teams account.
 */
import { Badge, Button, Field, makeStyles, tokens } from '@fluentui/react-components';
import { Checkbox } from '@fluentui/react-checkbox';
import { Input } from '@fluentui/react-input';
import { useState } from 'react';
import { EXPENSE_KINDS, type ExpenseKind } from '../../../bot/core/payments';
import { followUpStrings } from '../../../bot/cards/strings/followUp.en-GB';
import type { OrganiserPayment, Outcome } from './afterTypes';
import { formatMoney, minutesOf, penceOf, poundsOf } from './format';
import { afterText } from './strings.en-GB';

const words = afterText.organiser.payments;
const EXPENSE_WORDS: Readonly<Record<ExpenseKind, string>> = followUpStrings.payments.expenses;
const STATUS_COLOUR = { proposed: 'warning', due: 'informative', paid: 'success', declined: 'subtle' } as const;

const useStyles = makeStyles({
  row: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM, border: `1px solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium, overflowWrap: 'anywhere' },
  name: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  line: { margin: 0 },
  subtle: { margin: 0, color: tokens.colorNeutralForeground2 },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '420px' },
});

type Open = 'none' | 'confirm' | 'decline' | 'who';

interface Props {
  readonly row: OrganiserPayment;
  readonly vouchersOffered: boolean;
  readonly busy: boolean;
  readonly act: (path: string, body: Record<string, unknown>) => Promise<Outcome>;
  readonly refuse: (message: string) => void;
}

export function PaymentRow({ row, vouchersOffered, busy, act, refuse }: Props) {
  const styles = useStyles();
  const { line } = row;
  const [open, setOpen] = useState<Open>('none');
  const [minutes, setMinutes] = useState(String(line.minutes));
  const [prep, setPrep] = useState(String(line.prepMinutes));
  const [expenses, setExpenses] = useState<Record<ExpenseKind, string>>(() => Object.fromEntries(EXPENSE_KINDS.map((k) => [k, poundsOf(line.expenses.find((e) => e.kind === k)?.amountMinor)])) as Record<ExpenseKind, string>);
  const [voucher, setVoucher] = useState(line.method === 'voucher');
  const [reason, setReason] = useState('');
  const [name, setName] = useState(row.whoIsThis?.name ?? row.teamsName ?? '');
  const [contact, setContact] = useState(row.whoIsThis?.contact ?? '');
  const shownName = row.whoIsThis?.name ?? row.teamsName ?? words.unnamed;

  const done = async (path: string, body: Record<string, unknown>) => {
    if ((await act(path, { who: row.who, ...body })).ok) setOpen('none');
  };

  const confirm = () => {
    const atSession = minutesOf(minutes);
    const preparing = minutesOf(prep);
    if (atSession === undefined || preparing === undefined) return refuse(words.badMinutes);
    const amounts = EXPENSE_KINDS.map((kind) => ({ kind, amountMinor: penceOf(expenses[kind]) }));
    if (amounts.some((e) => e.amountMinor === undefined)) return refuse(words.badAmount);
    void done('confirm', { minutes: atSession, prepMinutes: preparing, expenses: amounts.filter((e) => (e.amountMinor ?? 0) > 0), method: voucher ? 'voucher' : 'usual' });
  };

  return (
    <li className={styles.row} data-testid="payment-row">
      <h4 className={styles.name}>{shownName}</h4>
      {row.whoIsThis && row.teamsName ? <p className={styles.subtle}>{words.teamsName(row.teamsName)}</p> : null}
      {row.whoIsThis?.contact ? <p className={styles.subtle}>{words.contact(row.whoIsThis.contact)}</p> : null}
      <div>
        <Badge appearance="tint" color={STATUS_COLOUR[line.status]}>
          {words.status[line.status]}
        </Badge>
      </div>
      <p className={styles.line}>{words.minutes(line.minutes, line.prepMinutes)}</p>
      {line.expenses.length > 0 ? <p className={styles.line}>{`${words.expenses}: ${line.expenses.map((e) => `${EXPENSE_WORDS[e.kind]} ${formatMoney(e.amountMinor, line.currency)}`).join(', ')}`}</p> : null}
      <p className={styles.line}>
        {words.amount}: <strong>{formatMoney(line.amountMinor, line.currency)}</strong>. {words.method[line.method]}.
      </p>
      {line.status === 'declined' && line.declinedReason ? (
        <>
          <p className={styles.line}>{words.reasonShown(line.declinedReason)}</p>
          <p className={styles.subtle}>{words.onlyHere}</p>
        </>
      ) : null}

      {open === 'none' ? (
        <div className={styles.buttons}>
          {line.status === 'proposed' ? (
            <Button appearance="primary" onClick={() => setOpen('confirm')}>
              {words.confirm}
            </Button>
          ) : null}
          {line.status === 'due' ? (
            <>
              <Button appearance="primary" disabledFocusable={busy} onClick={() => void done('settle', { status: 'paid' })}>
                {words.paid}
              </Button>
              <Button onClick={() => setOpen('decline')}>{words.declined}</Button>
            </>
          ) : null}
          {line.status === 'paid' || line.status === 'declined' ? (
            <Button disabledFocusable={busy} onClick={() => void done('settle', { status: 'due' })}>
              {words.dueAgain}
            </Button>
          ) : null}
          <Button onClick={() => setOpen('who')}>{words.whoIsThis}</Button>
        </div>
      ) : null}

      {open === 'confirm' ? (
        <form className={styles.form} onSubmit={(e) => (e.preventDefault(), confirm())}>
          <Field label={words.minutesLabel}>
            <Input inputMode="numeric" value={minutes} onChange={(_, d) => setMinutes(d.value)} />
          </Field>
          <Field label={words.prepLabel}>
            <Input inputMode="numeric" value={prep} onChange={(_, d) => setPrep(d.value)} />
          </Field>
          {EXPENSE_KINDS.map((kind) => (
            <Field key={kind} label={words.expenseLabel(EXPENSE_WORDS[kind])}>
              <Input inputMode="decimal" value={expenses[kind]} onChange={(_, d) => setExpenses({ ...expenses, [kind]: d.value })} />
            </Field>
          ))}
          {vouchersOffered ? <Checkbox label={words.useVoucher} checked={voucher} onChange={(_, d) => setVoucher(d.checked === true)} /> : null}
          <SaveOrCancel label={words.confirm} busy={busy} onCancel={() => setOpen('none')} />
        </form>
      ) : null}

      {open === 'decline' ? (
        <form className={styles.form} onSubmit={(e) => (e.preventDefault(), void done('settle', { status: 'declined', ...(reason.trim() ? { reason } : {}) }))}>
          <Field label={words.declinedReason} hint={words.onlyHere}>
            <Input value={reason} onChange={(_, d) => setReason(d.value)} maxLength={500} />
          </Field>
          <SaveOrCancel label={words.saveDeclined} busy={busy} onCancel={() => setOpen('none')} />
        </form>
      ) : null}

      {open === 'who' ? (
        <form className={styles.form} onSubmit={(e) => (e.preventDefault(), void done('who', { name, ...(contact.trim() ? { contact } : {}) }))}>
          <p className={styles.subtle}>{words.whoHint}</p>
          <Field label={words.whoName} required>
            <Input value={name} onChange={(_, d) => setName(d.value)} maxLength={100} />
          </Field>
          <Field label={words.whoContact}>
            <Input value={contact} onChange={(_, d) => setContact(d.value)} maxLength={300} />
          </Field>
          <SaveOrCancel label={words.saveWho} busy={busy} onCancel={() => setOpen('none')} />
        </form>
      ) : null}
    </li>
  );
}

/** A form's save button and its way out, alike on every form of the row. */
function SaveOrCancel({ label, busy, onCancel }: { readonly label: string; readonly busy: boolean; readonly onCancel: () => void }) {
  const styles = useStyles();
  return (
    <div className={styles.buttons}>
      <Button appearance="primary" type="submit" disabledFocusable={busy}>
        {label}
      </Button>
      <Button appearance="subtle" onClick={onCancel}>
        {afterText.review.cancel}
      </Button>
    </div>
  );
}
