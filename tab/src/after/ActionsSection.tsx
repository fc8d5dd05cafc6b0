/**
 * "You said, we did" in the organiser view: each action with who, by when and its status, which
 * the facilitators change here (the people it came from hear about it, as from the chat's card);
 * and a form to add one.
 */
import { Button, Field, makeStyles, tokens } from '@fluentui/react-components';
import { Input } from '@fluentui/react-input';
import { Select } from '@fluentui/react-select';
import { useState } from 'react';
import { ACTION_STATUSES, type ActionStatus } from '../../../bot/core/actions';
import { followUpStrings } from '../../../bot/cards/strings/followUp.en-GB';
import type { OrganiserAction, Outcome } from './afterTypes';
import { longDate } from './format';
import { afterText } from './strings.en-GB';

const words = afterText.organiser.actions;
const statuses = followUpStrings.actions.statuses;

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  action: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM, border: `1px solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium, overflowWrap: 'anywhere' },
  what: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  line: { margin: 0 },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '420px' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

interface Props {
  readonly actions: readonly OrganiserAction[];
  readonly busy: boolean;
  readonly act: (path: string, body: Record<string, unknown>) => Promise<Outcome>;
}

function ActionRow({ action, busy, act }: { readonly action: OrganiserAction } & Omit<Props, 'actions'>) {
  const styles = useStyles();
  const [status, setStatus] = useState<ActionStatus>(action.status);
  const [note, setNote] = useState(action.statusNote ?? '');
  return (
    <li className={styles.action} data-testid="action-row">
      <p className={styles.what}>{action.what}</p>
      {action.owner ? <p className={styles.line}>{words.owner(action.owner)}</p> : null}
      {action.due ? <p className={styles.line}>{words.due(longDate(action.due))}</p> : null}
      {action.sources > 0 ? <p className={styles.line}>{words.came(action.sources)}</p> : null}
      <form className={styles.form} onSubmit={(e) => (e.preventDefault(), void act('status', { id: action.id, status, ...(note.trim() ? { note } : {}) }))}>
        <Field label={words.statusLabel(action.what)}>
          <Select value={status} onChange={(_, d) => setStatus(d.value as ActionStatus)}>
            {ACTION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {statuses[s]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={words.noteLabel}>
          <Input value={note} onChange={(_, d) => setNote(d.value)} maxLength={500} />
        </Field>
        <div>
          <Button type="submit" disabledFocusable={busy}>
            {words.save}
          </Button>
        </div>
      </form>
    </li>
  );
}

export function ActionsSection({ actions, busy, act }: Props) {
  const styles = useStyles();
  const [what, setWhat] = useState('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState('');
  const add = async () => {
    const outcome = await act('add', { what, ...(owner.trim() ? { owner } : {}), ...(due ? { due } : {}) });
    if (outcome.ok) {
      setWhat('');
      setOwner('');
      setDue('');
    }
  };
  return (
    <div className={styles.box}>
      {actions.length === 0 ? (
        <p className={styles.line}>{words.none}</p>
      ) : (
        <ul className={styles.list}>
          {actions.map((action) => (
            <ActionRow key={`${action.id}|${action.updatedAt}`} action={action} busy={busy} act={act} />
          ))}
        </ul>
      )}
      <form className={styles.form} onSubmit={(e) => (e.preventDefault(), void add())}>
        <h4 className={styles.heading}>{words.addHeading}</h4>
        <Field label={words.what} required>
          <Input value={what} onChange={(_, d) => setWhat(d.value)} maxLength={300} />
        </Field>
        <Field label={words.whoWill}>
          <Input value={owner} onChange={(_, d) => setOwner(d.value)} maxLength={100} />
        </Field>
        <Field label={words.byWhen}>
          <Input type="date" value={due} onChange={(_, d) => setDue(d.value)} />
        </Field>
        <div>
          <Button type="submit" disabledFocusable={busy}>
            {words.add}
          </Button>
        </div>
      </form>
    </div>
  );
}
