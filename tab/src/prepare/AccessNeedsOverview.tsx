/**
 * For facilitators: what people have said would help them take part (their own entries and
 * those recorded for them), and a form to record someone's needs with their agreement. Names
 * and needs stay on this screen; nothing here is ever posted in a chat.
 */
// Parts only this screen uses come from their own packages, so they stay out of the side panel's bundle.
import { Field, makeStyles, tokens } from '@fluentui/react-components';
import { Checkbox } from '@fluentui/react-checkbox';
import { Select } from '@fluentui/react-select';
import { useState } from 'react';
import type { TabApi } from '../api/client';
import { Section } from '../components/Section';
import { NO_NEEDS, recordForData, savedOrProblem, type NeedsDraft } from './accessCards';
import { AccessNeedsFields } from './AccessNeedsFields';
import { MyAccessNeeds } from './MyAccessNeeds';
import type { AccessOverview } from './prepareApi';
import { SaveStatus, type Status } from './SaveStatus';
import { prepareText } from './strings.en-GB';

const words = prepareText.access;

const useStyles = makeStyles({
  records: { margin: 0, paddingLeft: '1.25em', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '640px' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '640px' },
  subtle: { color: tokens.colorNeutralForeground2 },
});

interface Props {
  readonly api: TabApi;
  readonly overview: AccessOverview;
  /** Reloads the overview after a save. */
  readonly onChanged: () => void;
}

export function AccessNeedsOverview({ api, overview, onChanged }: Props) {
  const styles = useStyles();
  const [person, setPerson] = useState('');
  const [draft, setDraft] = useState<NeedsDraft>(NO_NEEDS);
  const [agreed, setAgreed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>(undefined);

  const recordFor = async () => {
    if (!person) {
      setStatus({ ok: false, message: words.choosePersonFirst });
      return;
    }
    setBusy(true);
    const outcome = savedOrProblem(await api.act('access.recordFor', recordForData(draft, person, agreed)));
    setBusy(false);
    setStatus(outcome);
    if (outcome.ok) {
      setDraft(NO_NEEDS);
      setAgreed(false);
      onChanged();
    }
  };

  return (
    <Section title={words.heading}>
      <p>{words.explain}</p>
      <Section title={words.listHeading} level={3}>
        <p className={styles.subtle}>{words.onlyFacilitators}</p>
        {overview.records.length === 0 ? (
          <p>{words.none}</p>
        ) : (
          <ul className={styles.records} data-testid="access-records">
            {overview.records.map((record, index) => (
              <li key={`${record.updatedAt}-${index}`}>
                <strong>{record.name ?? words.unnamed}</strong>: {record.needs.length > 0 ? record.needs.map((need) => words.needs[need]).join(', ') : words.nothingTicked}
                {record.other ? <> — {record.other}</> : null}
                <br />
                <span className={styles.subtle}>{record.enteredBy === 'self' ? words.bySelf : words.byFacilitator}</span>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <MyAccessNeeds api={api} onSaved={onChanged} level={3} />
      <Section title={words.forSomeoneHeading} level={3}>
        <p>{words.forSomeoneExplain}</p>
        <div className={styles.form} data-testid="access-record-for">
          {overview.people.length === 0 ? <p>{words.noPeople}</p> : null}
          <Field label={words.person}>
            <Select value={person} onChange={(_, d) => setPerson(d.value)} disabled={overview.people.length === 0}>
              <option value="">{words.pickPerson}</option>
              {overview.people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </Select>
          </Field>
          <AccessNeedsFields legend={words.theirsLegend} value={draft} onChange={setDraft} />
          <Checkbox label={words.agreed} checked={agreed} onChange={(_, d) => setAgreed(d.checked === true)} required />
          <SaveStatus label={words.saveFor} busy={busy} status={status} onSave={() => void recordFor()} />
        </div>
      </Section>
    </Section>
  );
}
