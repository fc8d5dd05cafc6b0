/** What only facilitators see: quiet voices, the batched anonymous counts and the sense-checks. */
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { FacilitatorView } from '../api/viewTypes';
import { Section } from '../components/Section';
import { text } from '../strings.en-GB';
import { PANEL_VERBS } from './panelVerbs';
import type { Actions } from './useActions';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: '1.25em', overflowWrap: 'anywhere' },
  subtle: { color: tokens.colorNeutralForeground2 },
  check: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});

export function QuietVoicesBox({ facts }: { readonly facts: FacilitatorView }) {
  const styles = useStyles();
  const q = facts.quietVoices;
  const nobodyQuiet = q.quiet.length === 0 && q.quietWithoutName === 0;
  return (
    <Section title={text.quiet.heading}>
      <Text className={styles.subtle}>{text.quiet.onlyYou}</Text>
      {q.present > 0 ? <Text>{text.quiet.counts(q.hadSay, q.present)}</Text> : null}
      {q.present === 0 && nobodyQuiet ? (
        <Text>{text.quiet.nobodySeen}</Text>
      ) : nobodyQuiet ? (
        <Text>{text.quiet.none}</Text>
      ) : (
        <>
          <Text>{text.quiet.list}</Text>
          <ul className={styles.list} data-testid="quiet-voices">
            {q.quiet.map((person) => (
              <li key={person.rowKey}>{person.name}</li>
            ))}
            {q.quietWithoutName > 0 ? <li>{text.quiet.unnamed(q.quietWithoutName)}</li> : null}
          </ul>
        </>
      )}
    </Section>
  );
}

export function AnonymousCounts({ facts }: { readonly facts: FacilitatorView }) {
  const styles = useStyles();
  return (
    <Section title={text.anonymous.heading}>
      <Text data-testid="anonymous-counts">{text.anonymous.counts(facts.anonymous.notes, facts.anonymous.pauses)}</Text>
      <Text className={styles.subtle}>{text.anonymous.batched}</Text>
    </Section>
  );
}

export function SenseChecksBox({ facts, actions }: { readonly facts: FacilitatorView; readonly actions: Actions }) {
  const styles = useStyles();
  return (
    <Section title={text.senseChecks.heading}>
      {facts.senseChecks.length === 0 ? <Text>{text.senseChecks.none}</Text> : null}
      {facts.senseChecks.map((check) => (
        <div key={check.id} className={styles.check} data-testid="sense-check">
          <Text weight="semibold">{check.status === 'open' ? text.senseChecks.open : text.senseChecks.closed}</Text>
          <ol className={styles.list}>
            {check.statements.map((statement, index) => (
              <li key={index}>
                {statement} <span className={styles.subtle}>({text.senseChecks.answered(check.tallies[index]?.answered ?? 0, check.tallies[index]?.expected)})</span>
              </li>
            ))}
          </ol>
          {check.status === 'open' ? (
            <Button disabledFocusable={actions.busy !== undefined} onClick={() => void actions.run(PANEL_VERBS.recordAnswer, { senseCheckId: check.id })}>
              {text.senseChecks.record}
            </Button>
          ) : null}
        </div>
      ))}
      {facts.purposeAnswers > 0 ? <Text>{text.senseChecks.purposeAnswers(facts.purposeAnswers)}</Text> : null}
    </Section>
  );
}
