/**
 * The programme's payment settings: the hourly rate the organisation pays (there is no built-in
 * amount), the currency, preparation time paid for everyone, when to remind organisers about a
 * payment still due (14 days unless changed) and whether vouchers are offered (never the
 * default). The amount is typed as people write money and sent as whole pence.
 */
// Parts only this screen uses come from their own packages, so they stay out of the side panel's bundle.
import { Field, makeStyles, tokens } from '@fluentui/react-components';
import { Input } from '@fluentui/react-input';
import { Select } from '@fluentui/react-select';
import { Switch } from '@fluentui/react-switch';
import { useEffect, useState } from 'react';
import { DEFAULT_REMINDER_DAYS } from '../../../bot/core/payments';
import { minorUnitsFromText, OFFERED_CURRENCIES, textFromMinorUnits } from '../../../bot/core/preparationMoney';
import type { TabApi } from '../api/client';
import { Section } from '../components/Section';
import { savePaymentRate, type PaymentSettingsView } from './prepareApi';
import { SaveStatus, statusOf, type Status } from './SaveStatus';
import { prepareText } from './strings.en-GB';

const words = prepareText.payment;

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '480px' },
});

interface Draft {
  readonly amount: string;
  readonly currency: string;
  readonly prep: string;
  readonly reminder: string;
  readonly vouchers: boolean;
}

function draftOf(settings: PaymentSettingsView): Draft {
  const rate = settings.rate;
  return {
    amount: rate ? textFromMinorUnits(rate.perHourMinor) : '',
    currency: rate?.currency ?? OFFERED_CURRENCIES[0],
    prep: String(rate?.prepMinutes ?? 0),
    reminder: String(rate?.reminderDays ?? DEFAULT_REMINDER_DAYS),
    vouchers: rate?.vouchersOffered ?? false,
  };
}

const whole = (typed: string): number | undefined => (/^\d{1,6}$/.test(typed.trim()) ? Number(typed.trim()) : undefined);

export function PaymentSettings({ api, saved }: { readonly api: TabApi; readonly saved: PaymentSettingsView }) {
  const styles = useStyles();
  const [draft, setDraft] = useState<Draft>(() => draftOf(saved));
  const [settings, setSettings] = useState(saved);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>(undefined);
  useEffect(() => {
    setSettings(saved);
    setDraft(draftOf(saved));
  }, [saved]);

  const currencies = OFFERED_CURRENCIES.includes(draft.currency as (typeof OFFERED_CURRENCIES)[number]) ? OFFERED_CURRENCIES : [...OFFERED_CURRENCIES, draft.currency];
  const set = (part: Partial<Draft>) => setDraft({ ...draft, ...part });

  const save = async () => {
    const perHourMinor = minorUnitsFromText(draft.amount);
    const prepMinutes = whole(draft.prep);
    const reminderDays = whole(draft.reminder);
    const problems = [
      ...(perHourMinor === undefined ? [words.badRate] : []),
      ...(prepMinutes === undefined ? [words.badWhole(words.prep)] : []),
      ...(reminderDays === undefined ? [words.badWhole(words.reminder)] : []),
    ];
    if (perHourMinor === undefined || prepMinutes === undefined || reminderDays === undefined) {
      setStatus({ ok: false, message: problems.join(' ') });
      return;
    }
    setBusy(true);
    const outcome = await savePaymentRate(api, { currency: draft.currency, perHourMinor, prepMinutes, reminderDays, vouchersOffered: draft.vouchers });
    setBusy(false);
    setStatus(statusOf(outcome));
    if (outcome.ok) setSettings(outcome.value);
  };

  return (
    <Section title={words.heading}>
      <p>{words.explain}</p>
      {settings.programme ? <p>{words.programme}</p> : null}
      {settings.rate ? null : <p data-testid="payment-not-set">{words.notSet}</p>}
      <div className={styles.form} data-testid="payment-settings">
        <Field label={words.rate} hint={words.rateHint}>
          <Input value={draft.amount} inputMode="decimal" maxLength={12} onChange={(_, d) => set({ amount: d.value })} />
        </Field>
        <Field label={words.currency}>
          <Select value={draft.currency} onChange={(_, d) => set({ currency: d.value })}>
            {currencies.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={words.prep}>
          <Input value={draft.prep} inputMode="numeric" maxLength={4} onChange={(_, d) => set({ prep: d.value })} />
        </Field>
        <Field label={words.reminder}>
          <Input value={draft.reminder} inputMode="numeric" maxLength={3} onChange={(_, d) => set({ reminder: d.value })} />
        </Field>
        <Field hint={words.vouchersHint}>
          <Switch label={words.vouchers} checked={draft.vouchers} onChange={(_, d) => set({ vouchers: d.checked })} />
        </Field>
        <SaveStatus label={words.save} busy={busy} status={status} onSave={() => void save()} />
      </div>
    </Section>
  );
}
