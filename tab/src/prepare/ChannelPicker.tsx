/**
 * Where the summary goes besides the meeting chat: a channel for organisers. Only a channel the
 * chooser connected themselves is offered (Coproduce knows they can see it, and that the app is
 * in that team); choosing one makes it the channel every facilitator's review offers.
 */
// Parts only this screen uses come from their own packages, so they stay out of the side panel's bundle.
import { Field, makeStyles, tokens } from '@fluentui/react-components';
import { Radio, RadioGroup } from '@fluentui/react-radio';
import { useEffect, useState } from 'react';
import type { TabApi } from '../api/client';
import { Section } from '../components/Section';
import { chooseChannel, type ChannelChoices } from './prepareApi';
import { SaveStatus, statusOf, type Status } from './SaveStatus';
import { prepareText } from './strings.en-GB';

const words = prepareText.channel;

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '640px' },
});

const longDate = (iso: string) => {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? '' : at.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
};

export function ChannelPicker({ api, saved }: { readonly api: TabApi; readonly saved: ChannelChoices }) {
  const styles = useStyles();
  const [choices, setChoices] = useState(saved);
  const [picked, setPicked] = useState(saved.options.find((o) => o.chosen)?.id ?? saved.options[0]?.id ?? '');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>(undefined);
  useEffect(() => setChoices(saved), [saved]);

  const chosen = choices.options.find((o) => o.chosen);
  const save = async () => {
    setBusy(true);
    const outcome = await chooseChannel(api, picked);
    setBusy(false);
    setStatus(statusOf(outcome));
    if (outcome.ok) setChoices(outcome.value);
  };

  return (
    <Section title={words.heading}>
      <p>{words.explain}</p>
      <p>{words.whenTicked}</p>
      <div className={styles.form} data-testid="channel-picker">
        {choices.otherChosen && !chosen ? <p>{words.otherChosen}</p> : null}
        {choices.options.length === 0 ? (
          <p>{words.none}</p>
        ) : (
          <>
            <p>{words.onlyYours}</p>
            <Field label={words.legend}>
              <RadioGroup value={picked} onChange={(_, d) => setPicked(d.value)}>
                {choices.options.map((option) => (
                  <Radio key={option.id} value={option.id} label={`${words.option(longDate(option.connectedAt))}${option.chosen ? ` (${words.chosen})` : ''}`} />
                ))}
              </RadioGroup>
            </Field>
            <SaveStatus label={words.choose} busy={busy || picked === ''} status={status} onSave={() => void save()} />
          </>
        )}
      </div>
    </Section>
  );
}
