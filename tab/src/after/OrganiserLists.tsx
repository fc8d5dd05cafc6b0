/**
 * The organiser view's read-only lists: access needs (with who entered them), who attended (by
 * name, with how we know), and the team's answers to the six questions asked before the session.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { INTENTION_QUESTIONS } from '../../../bot/core/preparationIntentions';
import { followUpStrings } from '../../../bot/cards/strings/followUp.en-GB';
import { prepareText } from '../prepare/strings.en-GB';
import type { OrganiserView } from './afterTypes';
import { timeOf } from './format';
import { afterText } from './strings.en-GB';

const words = afterText.organiser;

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, overflowWrap: 'anywhere' },
  line: { margin: 0 },
  name: { fontWeight: tokens.fontWeightSemibold },
  subtle: { margin: 0, color: tokens.colorNeutralForeground2 },
});

export function AccessNeedsList({ needs }: { readonly needs: OrganiserView['accessNeeds'] }) {
  const styles = useStyles();
  if (needs.length === 0) return <p className={styles.line}>{words.accessNeeds.none}</p>;
  return (
    <ul className={styles.list}>
      {needs.map((record, i) => (
        <li key={i}>
          <span className={styles.name}>{record.name ?? words.attendance.unnamed}</span>: {record.needs.map((need) => followUpStrings.access.needs[need]).join(', ')}
          {record.other ? <p className={styles.line}>{words.accessNeeds.other(record.other)}</p> : null}
          <p className={styles.subtle}>{words.accessNeeds.enteredBy[record.enteredBy]}</p>
        </li>
      ))}
    </ul>
  );
}

export function AttendanceList({ people }: { readonly people: OrganiserView['attendance'] }) {
  const styles = useStyles();
  if (people.length === 0) return <p className={styles.line}>{words.attendance.none}</p>;
  return (
    <>
      <p className={styles.line}>{words.attendance.count(people.length)}</p>
      <ul className={styles.list} data-testid="attendance">
        {people.map((person, i) => {
          const how = (['answeredCard', 'joinedByEvent', 'markedByFacilitator'] as const).filter((k) => person[k]).map((k) => words.attendance.how[k]);
          return (
            <li key={i}>
              <span className={styles.name}>{person.name ?? words.attendance.unnamed}</span>. {person.present ? words.attendance.present : words.attendance.left}.{' '}
              {words.attendance.firstSeen(timeOf(person.firstSeenAt))}
              {how.length > 0 ? ` (${how.join(', ')})` : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}

export function IntentionsList({ intentions }: { readonly intentions: OrganiserView['intentions'] }) {
  const styles = useStyles();
  if (intentions.answered === 0) return <p className={styles.line}>{words.intentions.none}</p>;
  return (
    <ul className={styles.list}>
      {INTENTION_QUESTIONS.map((question) => {
        const answer = intentions.answers[question];
        return (
          <li key={question}>
            <span className={styles.name}>{prepareText.intentions.questions[question]}</span>{' '}
            {answer?.choice ? prepareText.intentions.choices[answer.choice] : answer?.note ? null : words.intentions.unanswered}
            {answer?.note ? <p className={styles.line}>{answer.note}</p> : null}
          </li>
        );
      })}
    </ul>
  );
}
