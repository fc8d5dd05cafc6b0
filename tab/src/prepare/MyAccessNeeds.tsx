/**
 * "What would help you take part?" for whoever opens the tab, facilitator or not: their own
 * needs only, loaded and saved through the chat's own access actions. Only facilitators ever see
 * what people enter here.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { TabApi } from '../api/client';
import { Section } from '../components/Section';
import { NO_NEEDS, needsData, needsFromCard, savedOrProblem, type NeedsDraft } from './accessCards';
import { AccessNeedsFields } from './AccessNeedsFields';
import { SaveStatus, type Status } from './SaveStatus';
import { prepareText } from './strings.en-GB';

const words = prepareText.access;

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '640px' },
});

export function MyAccessNeeds({ api, onSaved, level = 2 }: { readonly api: TabApi; readonly onSaved?: () => void; readonly level?: 2 | 3 }) {
  const styles = useStyles();
  const [draft, setDraft] = useState<NeedsDraft>(NO_NEEDS);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>(undefined);

  useEffect(() => {
    void api.act('access.open').then((outcome) => {
      if (outcome.kind === 'done' && outcome.answer.ok) setDraft(needsFromCard(outcome.answer.card));
    });
  }, [api]);

  const save = async () => {
    setBusy(true);
    const outcome = savedOrProblem(await api.act('access.save', needsData(draft)));
    setBusy(false);
    setStatus(outcome);
    if (outcome.ok) onSaved?.();
  };

  return (
    <Section title={words.yoursHeading} level={level}>
      <p>{words.yoursExplain}</p>
      <div className={styles.form} data-testid="my-access-needs">
        <AccessNeedsFields legend={words.yoursLegend} value={draft} onChange={setDraft} />
        <SaveStatus label={words.saveMine} busy={busy} status={status} onSave={() => void save()} />
      </div>
    </Section>
  );
}
