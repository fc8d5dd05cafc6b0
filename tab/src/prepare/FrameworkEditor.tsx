/**
 * The framework editor: titles and minutes of each item, moving and removing items, adding one,
 * and the time budget check from the bot's core, run as the facilitator types. Every change is
 * saved through the same agenda.save action the chat's editor card uses.
 */
// Parts only this screen uses come from their own packages, so they stay out of the side panel's bundle.
import { Button, Field, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { Input } from '@fluentui/react-input';
import { Select } from '@fluentui/react-select';
import { useEffect, useMemo, useState } from 'react';
import { checkTimeBudget, totalMinutes } from '../../../bot/core/timeBudget';
import type { TabApi } from '../api/client';
import type { AgendaItem, AgendaKind } from '../api/viewTypes';
import { Section } from '../components/Section';
import { text } from '../strings.en-GB';
import { editorFacts } from './editorCard';

const ADDABLE: readonly AgendaKind[] = ['topic', 'break', 'icebreaker', 'recap', 'senseCheck', 'welcome', 'purpose', 'ways', 'wrapUp'];

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '640px' },
  item: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 8em', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  input: { width: '100%', minWidth: 0 },
  warned: { borderLeft: `4px solid ${tokens.colorPaletteDarkOrangeBorder2}`, paddingLeft: tokens.spacingHorizontalS },
  buttons: { gridColumn: '1 / -1', display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  add: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '480px' },
  warnings: { margin: 0, paddingLeft: '1.25em' },
});

interface Props {
  readonly api: TabApi;
  readonly agenda: readonly AgendaItem[];
  readonly agendaVersion: number | undefined;
  readonly meetingMinutes?: number;
  readonly needsMoreBreaks: boolean;
  /** After a save the page reloads the agenda from the server. */
  readonly onChanged: (agendaVersion: number | undefined) => void;
}

type Typed = Readonly<Record<string, string>>;

function typedFrom(agenda: readonly AgendaItem[]): Typed {
  return Object.fromEntries(agenda.flatMap((item) => [[`t_${item.id}`, item.title], [`m_${item.id}`, String(item.minutes)]]));
}

export function FrameworkEditor({ api, agenda, agendaVersion, meetingMinutes, needsMoreBreaks, onChanged }: Props) {
  const styles = useStyles();
  const [typed, setTyped] = useState<Typed>(() => typedFrom(agenda));
  const [adding, setAdding] = useState({ kind: 'topic', title: '', minutes: '' });
  const [problems, setProblems] = useState<readonly string[]>([]);
  const [status, setStatus] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  useEffect(() => setTyped(typedFrom(agenda)), [agenda]);

  // The draft as typed, for the time check: unreadable minutes count as the saved ones.
  const draft = useMemo(
    () =>
      agenda.map((item) => {
        const minutes = Number(typed[`m_${item.id}`]);
        return { ...item, title: typed[`t_${item.id}`] ?? item.title, minutes: Number.isInteger(minutes) && minutes > 0 ? minutes : item.minutes };
      }),
    [agenda, typed],
  );
  const warnings = meetingMinutes ? checkTimeBudget(draft, { meetingMinutes, needsMoreBreaks }) : [];
  const warnedItem = new Set(warnings.flatMap((w) => (w.itemId ? [w.itemId] : [])));

  const send = async (op: string, extra: Readonly<Record<string, unknown>> = {}) => {
    if (agendaVersion === undefined) return;
    setBusy(true);
    const outcome = await api.act('agenda.save', { op, agendaVersion, ...typed, ...extra });
    setBusy(false);
    if (outcome.kind !== 'done') {
      setProblems([outcome.message]);
      return;
    }
    const facts = editorFacts(outcome.answer.card);
    setProblems(facts.problems);
    setStatus(facts.problems.length === 0 ? text.prepare.saved : undefined);
    if (op === 'add' && facts.problems.length === 0) setAdding({ kind: 'topic', title: '', minutes: '' });
    onChanged(facts.agendaVersion);
  };

  return (
    <Section title={text.editor.heading}>
      <p>{text.editor.explain}</p>
      <ol className={styles.list} data-testid="framework-editor">
        {agenda.map((item, index) => {
          const n = index + 1;
          const title = typed[`t_${item.id}`] ?? item.title;
          return (
            <li key={item.id} className={warnedItem.has(item.id) ? `${styles.item} ${styles.warned}` : styles.item}>
              <Field label={`${text.editor.itemTitle(n)} (${text.editor.kinds[item.kind]})`}>
                <Input className={styles.input} value={title} maxLength={80} onChange={(_, d) => setTyped({ ...typed, [`t_${item.id}`]: d.value })} />
              </Field>
              <Field label={text.editor.itemMinutes(n)}>
                <Input className={styles.input} value={typed[`m_${item.id}`] ?? ''} inputMode="numeric" maxLength={3} onChange={(_, d) => setTyped({ ...typed, [`m_${item.id}`]: d.value })} />
              </Field>
              <div className={styles.buttons}>
                <Button size="small" disabledFocusable={busy || index === 0} onClick={() => void send('up', { pick: item.id })}>
                  <span aria-hidden="true">↑</span>
                  <span className="visually-hidden">{text.editor.up(title)}</span>
                </Button>
                <Button size="small" disabledFocusable={busy || index === agenda.length - 1} onClick={() => void send('down', { pick: item.id })}>
                  <span aria-hidden="true">↓</span>
                  <span className="visually-hidden">{text.editor.down(title)}</span>
                </Button>
                <Button size="small" disabledFocusable={busy} onClick={() => void send('remove', { pick: item.id })}>
                  {text.editor.removeShort}
                  <span className="visually-hidden"> {title}</span>
                </Button>
              </div>
            </li>
          );
        })}
      </ol>
      <Section title={text.editor.budgetHeading} level={3}>
        <p data-testid="time-check-total">{text.editor.totals(totalMinutes(draft), meetingMinutes)}</p>
        <div aria-live="polite" data-testid="time-check">
          {warnings.length === 0 ? (
            <p>{text.editor.budgetFine}</p>
          ) : (
            <ul className={styles.warnings}>
              {warnings.map((warning) => (
                <li key={warning.code}>{warning.message}</li>
              ))}
            </ul>
          )}
        </div>
      </Section>
      <div role="status" aria-live="polite">
        {problems.length > 0 ? (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <ul className={styles.warnings}>
                {problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        ) : status ? (
          <MessageBar intent="success">
            <MessageBarBody>{status}</MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
      <div>
        <Button appearance="primary" disabledFocusable={busy || agendaVersion === undefined} onClick={() => void send('save')}>
          {text.editor.save}
        </Button>
      </div>
      <Section title={text.editor.addHeading} level={3}>
        <div className={styles.add}>
          <Field label={text.editor.addKind}>
            <Select value={adding.kind} onChange={(_, d) => setAdding({ ...adding, kind: d.value })}>
              {ADDABLE.map((kind) => (
                <option key={kind} value={kind}>
                  {text.editor.kinds[kind]}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={text.editor.addTitle}>
            <Input value={adding.title} maxLength={80} onChange={(_, d) => setAdding({ ...adding, title: d.value })} />
          </Field>
          <Field label={text.editor.addMinutes}>
            <Input value={adding.minutes} inputMode="numeric" maxLength={3} onChange={(_, d) => setAdding({ ...adding, minutes: d.value })} />
          </Field>
          <div>
            <Button
              disabledFocusable={busy || agendaVersion === undefined}
              onClick={() => void send('add', { new_kind: adding.kind, new_title: adding.title, new_minutes: adding.minutes, new_position: agenda[agenda.length - 1]?.id ?? 'end' })}
            >
              {text.editor.addButton}
            </Button>
          </div>
        </div>
      </Section>
    </Section>
  );
}
