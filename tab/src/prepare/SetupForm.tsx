/**
 * The session setup, as on the chat's setup form: the purpose questions, being open to the
 * unexpected, who acts on what is heard, how it is captured, the safeguarding contact and the
 * programme. It starts from the server's own form (setup.open), so fields this screen does not
 * show (the facilitators and notetakers picked in the chat) are sent back unchanged.
 */
// Parts only this screen uses come from their own packages, so they stay out of the side panel's bundle.
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { StatusLine } from '../components/StatusLine';
import { Switch } from '@fluentui/react-switch';
import { useState } from 'react';
import type { TabApi } from '../api/client';
import { text } from '../strings.en-GB';
import { CheckedField } from './CheckedField';

/** Input ids of the setup form (bot/cards/setupCards.ts SETUP_INPUTS). */
export const SETUP_FIELDS = {
  outcome: 'outcome',
  openToUnexpected: 'openToUnexpected',
  openNote: 'openToUnexpectedNote',
  responsible: 'responsible',
  capture: 'capture',
  programme: 'programmeId',
  safeguarding: 'safeguardingContact',
  moreBreaks: 'needsMoreBreaks',
  countChat: 'countChat',
} as const;

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '640px' },
});

interface Props {
  readonly api: TabApi;
  readonly initial: Readonly<Record<string, string>>;
  /** Tells the page the session now exists or changed (the contact feeds the consent preview). */
  readonly onSaved: (values: Readonly<Record<string, string>>) => void;
  readonly onChange: (values: Readonly<Record<string, string>>) => void;
}

export function SetupForm({ api, initial, onSaved, onChange }: Props) {
  const styles = useStyles();
  const [values, setValues] = useState<Readonly<Record<string, string>>>(initial);
  const [status, setStatus] = useState<{ readonly ok: boolean; readonly message: string } | undefined>(undefined);
  const [saving, setSaving] = useState(false);

  const set = (id: string, value: string) => {
    const next = { ...values, [id]: value };
    setValues(next);
    onChange(next);
  };
  const flag = (id: string) => values[id] === 'true';

  const save = async () => {
    setSaving(true);
    const outcome = await api.act('setup.save', values);
    setSaving(false);
    if (outcome.kind === 'done' && outcome.answer.ok) {
      setStatus({ ok: true, message: text.prepare.saved });
      onSaved(values);
    } else {
      setStatus({ ok: false, message: outcome.kind === 'done' ? (outcome.answer.message ?? text.prepare.notAllowed) : outcome.message });
    }
  };

  return (
    <form
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <CheckedField label={text.prepare.outcome} value={values[SETUP_FIELDS.outcome] ?? ''} onChange={(v) => set(SETUP_FIELDS.outcome, v)} multiline maxLength={500} required />
      <Switch label={text.prepare.openToUnexpected} checked={flag(SETUP_FIELDS.openToUnexpected)} onChange={(_, d) => set(SETUP_FIELDS.openToUnexpected, String(d.checked))} />
      <CheckedField label={text.prepare.openNote} value={values[SETUP_FIELDS.openNote] ?? ''} onChange={(v) => set(SETUP_FIELDS.openNote, v)} maxLength={500} />
      <CheckedField label={text.prepare.responsible} value={values[SETUP_FIELDS.responsible] ?? ''} onChange={(v) => set(SETUP_FIELDS.responsible, v)} maxLength={500} />
      <CheckedField label={text.prepare.capture} value={values[SETUP_FIELDS.capture] ?? ''} onChange={(v) => set(SETUP_FIELDS.capture, v)} maxLength={500} />
      <CheckedField
        label={text.prepare.safeguarding}
        hint={text.prepare.safeguardingHint}
        value={values[SETUP_FIELDS.safeguarding] ?? ''}
        onChange={(v) => set(SETUP_FIELDS.safeguarding, v)}
        maxLength={300}
      />
      <CheckedField label={text.prepare.programme} value={values[SETUP_FIELDS.programme] ?? ''} onChange={(v) => set(SETUP_FIELDS.programme, v)} maxLength={100} />
      <Switch label={text.prepare.moreBreaks} checked={flag(SETUP_FIELDS.moreBreaks)} onChange={(_, d) => set(SETUP_FIELDS.moreBreaks, String(d.checked))} />
      <Switch label={text.prepare.countChat} checked={flag(SETUP_FIELDS.countChat)} onChange={(_, d) => set(SETUP_FIELDS.countChat, String(d.checked))} />
      <p>{text.prepare.facilitatorsNote}</p>
      <div>
        <Button appearance="primary" type="submit" disabledFocusable={saving}>
          {text.prepare.save}
        </Button>
      </div>
      <StatusLine outcome={status} />
    </form>
  );
}
