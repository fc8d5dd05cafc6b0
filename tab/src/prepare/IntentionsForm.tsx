/**
 * The six intention questions, answered as a team before anyone is invited: yes / partly / no
 * where the question allows it, and notes in the team's own words, checked for plain English as
 * they are typed. Answers that deserve a conversation first are pointed out as they are chosen.
 */
// Parts only this screen uses come from their own packages, so they stay out of the side panel's bundle.
import { Field, makeStyles, tokens } from '@fluentui/react-components';
import { Radio, RadioGroup } from '@fluentui/react-radio';
import { useEffect, useState } from 'react';
import { INTENTION_CHOICES, INTENTION_QUESTIONS, NOTE_ONLY, MAX_INTENTION_NOTE, answeredCount, intentionCautions, type IntentionChoice, type IntentionQuestion } from '../../../bot/core/preparationIntentions';
import type { TabApi } from '../api/client';
import { Section } from '../components/Section';
import { CheckedField } from './CheckedField';
import { saveIntentions, type IntentionsDraft, type IntentionsView } from './prepareApi';
import { SaveStatus, statusOf, type Status } from './SaveStatus';
import { prepareText } from './strings.en-GB';

const words = prepareText.intentions;

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '640px' },
  question: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  cautions: { margin: 0, paddingLeft: '1.25em' },
});

interface Props {
  readonly api: TabApi;
  readonly saved: IntentionsView;
}

export function IntentionsForm({ api, saved }: Props) {
  const styles = useStyles();
  const [draft, setDraft] = useState<IntentionsDraft>(saved.answers);
  const [version, setVersion] = useState(saved.version);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>(undefined);

  useEffect(() => {
    setDraft(saved.answers);
    setVersion(saved.version);
  }, [saved]);

  const change = (question: IntentionQuestion, part: { choice?: IntentionChoice; note?: string }) => setDraft({ ...draft, [question]: { ...draft[question], ...part } });
  const cautions = intentionCautions(draft);

  const save = async () => {
    setBusy(true);
    const outcome = await saveIntentions(api, draft, version);
    setBusy(false);
    setStatus(statusOf(outcome));
    const next = outcome.ok ? outcome.value : outcome.current;
    if (next) {
      setDraft(next.answers);
      setVersion(next.version);
    }
  };

  return (
    <Section title={words.heading}>
      <p>{words.explain}</p>
      <div className={styles.form} data-testid="intentions">
        {INTENTION_QUESTIONS.map((question) => {
          const answer = draft[question] ?? {};
          if (NOTE_ONLY.has(question)) {
            return (
              <CheckedField key={question} label={words.questions[question]} value={answer.note ?? ''} onChange={(note) => change(question, { note })} multiline maxLength={MAX_INTENTION_NOTE} />
            );
          }
          return (
            <div key={question} className={styles.question}>
              <Field label={words.questions[question]}>
                <RadioGroup layout="horizontal" value={answer.choice ?? ''} onChange={(_, d) => change(question, { choice: d.value as IntentionChoice })}>
                  {INTENTION_CHOICES.map((choice) => (
                    <Radio key={choice} value={choice} label={words.choices[choice]} />
                  ))}
                </RadioGroup>
              </Field>
              <CheckedField label={words.note(words.shortNames[question])} value={answer.note ?? ''} onChange={(note) => change(question, { note })} maxLength={MAX_INTENTION_NOTE} />
            </div>
          );
        })}
        <p data-testid="intentions-progress">{words.progress(answeredCount(draft), INTENTION_QUESTIONS.length)}</p>
        <div aria-live="polite" data-testid="intention-cautions">
          {cautions.length > 0 ? (
            <>
              <h3>{words.cautionsHeading}</h3>
              <ul className={styles.cautions}>
                {cautions.map((question) => (
                  <li key={question}>{words.cautions[question as keyof typeof words.cautions]}</li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
        <SaveStatus label={words.save} busy={busy} status={status} onSave={() => void save()} />
      </div>
    </Section>
  );
}
