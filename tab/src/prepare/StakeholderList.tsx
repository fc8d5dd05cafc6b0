/**
 * Who should be there: the groups the facilitator lists (name, who or how many are coming,
 * whether they are represented) and, as they type, the groups that are often left out and not on
 * the list yet, the listed groups not fully represented, and the guide's question about
 * diversity. The prompts come from the core's whoIsMissing, the same rule the server keeps.
 */
// Parts only this screen uses come from their own packages, so they stay out of the side panel's bundle.
import { Button, Field, makeStyles, tokens } from '@fluentui/react-components';
import { Select } from '@fluentui/react-select';
import { useEffect, useId, useRef, useState } from 'react';
import { MAX_DIVERSITY_NOTE, MAX_GROUP_COMING, MAX_GROUP_NAME, MAX_GROUPS, REPRESENTED, whoIsMissing, type Represented, type Stakeholders } from '../../../bot/core/preparationStakeholders';
import type { TabApi } from '../api/client';
import { Section } from '../components/Section';
import { CheckedField } from './CheckedField';
import { saveStakeholders, type StakeholdersView } from './prepareApi';
import { SaveStatus, statusOf, type Status } from './SaveStatus';
import { prepareText } from './strings.en-GB';

const words = prepareText.stakeholders;

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '640px' },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, borderLeft: `4px solid ${tokens.colorNeutralStroke1}`, paddingLeft: tokens.spacingHorizontalM },
  flush: { margin: 0 },
  prompts: { margin: 0, paddingLeft: '1.25em', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  suggestions: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  missing: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '640px', padding: tokens.spacingHorizontalM, border: `1px solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium },
  missingHeading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

interface Row {
  readonly key: number;
  readonly name: string;
  readonly coming: string;
  readonly represented: Represented;
}

interface Props {
  readonly api: TabApi;
  readonly saved: StakeholdersView;
}

export function StakeholderList({ api, saved }: Props) {
  const styles = useStyles();
  const headingId = useId();
  const nextKey = useRef(0);
  const rowsFrom = (list: Stakeholders): Row[] => list.groups.map((g) => ({ key: nextKey.current++, name: g.name, coming: g.coming ?? '', represented: g.represented }));
  const [rows, setRows] = useState<Row[]>(() => rowsFrom(saved));
  const [diversity, setDiversity] = useState(saved.diversityNote ?? '');
  const [version, setVersion] = useState(saved.version);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>(undefined);

  const load = (list: StakeholdersView) => {
    setRows(rowsFrom(list));
    setDiversity(list.diversityNote ?? '');
    setVersion(list.version);
  };
  // Only a new answer from the server resets the form, never a re-render.
  useEffect(() => load(saved), [saved]);


  const draft: Stakeholders = { groups: rows.map((r) => ({ name: r.name, represented: r.represented, ...(r.coming ? { coming: r.coming } : {}) })), diversityNote: diversity };
  const prompts = whoIsMissing(draft);
  const edit = (key: number, part: Partial<Row>) => setRows(rows.map((r) => (r.key === key ? { ...r, ...part } : r)));
  const add = (name = '') => setRows([...rows, { key: nextKey.current++, name, coming: '', represented: 'no' }]);

  const save = async () => {
    setBusy(true);
    const outcome = await saveStakeholders(api, draft, version);
    setBusy(false);
    setStatus(statusOf(outcome));
    const next = outcome.ok ? outcome.value : outcome.current;
    if (next) load(next);
  };

  return (
    <Section title={words.heading}>
      <p>{words.explain}</p>
      {rows.length === 0 ? <p>{words.empty}</p> : null}
      <ol className={styles.list} data-testid="stakeholders">
        {rows.map((row, index) => {
          const n = index + 1;
          return (
            <li key={row.key} className={styles.group}>
              <CheckedField label={words.name(n)} value={row.name} onChange={(name) => edit(row.key, { name })} maxLength={MAX_GROUP_NAME} />
              <CheckedField label={words.coming(n)} value={row.coming} onChange={(coming) => edit(row.key, { coming })} maxLength={MAX_GROUP_COMING} />
              <Field label={words.represented(n)}>
                <Select value={row.represented} onChange={(_, d) => edit(row.key, { represented: d.value as Represented })}>
                  {REPRESENTED.map((choice) => (
                    <option key={choice} value={choice}>
                      {words.representedChoices[choice]}
                    </option>
                  ))}
                </Select>
              </Field>
              <div>
                <Button size="small" onClick={() => setRows(rows.filter((r) => r.key !== row.key))}>
                  {words.remove}
                  <span className="visually-hidden"> {words.removeGroup(n)}</span>
                </Button>
              </div>
            </li>
          );
        })}
      </ol>
      <div>
        <Button disabledFocusable={rows.length >= MAX_GROUPS} onClick={() => add()}>
          {words.add}
        </Button>
      </div>
      <section className={styles.missing} aria-labelledby={headingId} data-testid="who-is-missing">
        <h3 id={headingId} className={styles.missingHeading}>{words.missingHeading}</h3>
        <p className={styles.flush}>{prompts.missing.length > 0 ? words.missingIntro : words.allCovered}</p>
        <ul className={styles.suggestions}>
          {prompts.missing.map((group) => (
            <li key={group}>
              <Button size="small" disabledFocusable={rows.length >= MAX_GROUPS} onClick={() => add(words.common[group])}>
                {words.addSuggestion(words.common[group])}
              </Button>
            </li>
          ))}
        </ul>
        {prompts.underRepresented.length > 0 ? (
          <ul className={styles.prompts}>
            {prompts.underRepresented.map((index) => (
              <li key={`under-${rows[index]?.key ?? index}`}>{words.underRepresented(rows[index]?.name.trim() ?? '')}</li>
            ))}
          </ul>
        ) : null}
        <CheckedField label={words.diversity} value={diversity} onChange={setDiversity} multiline maxLength={MAX_DIVERSITY_NOTE} />
      </section>
      <SaveStatus label={words.save} busy={busy} status={status} onSave={() => void save()} />
    </Section>
  );
}
