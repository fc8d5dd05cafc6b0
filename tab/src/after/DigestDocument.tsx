/**
 * The published summary, in full: what the group came to do and whether it did, who took part,
 * each sense-check with its agreement levels and the answers fewer people gave, the notes, the
 * next steps and the ladder. The same words as the summary card and its document, from the
 * server's catalogue. Bars are drawn for sighted readers; the numbers are always in the text.
 * Reads well at 320 px: no tables, long words wrap.
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { LADDER_RUNGS } from '../../../bot/core/ladder';
import type { Level } from '../../../bot/core/senseCheck';
import { followUpStrings } from '../../../bot/cards/strings/followUp.en-GB';
import type { GroupDigest } from './afterTypes';
import { fill, longDate } from './format';

const words = followUpStrings.digest;
const rungs = followUpStrings.ladder.rungs;
const LEVELS: readonly Level[] = ['agree', 'partly', 'disagree'];

const useStyles = makeStyles({
  document: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '760px', overflowWrap: 'anywhere', lineHeight: tokens.lineHeightBase400 },
  heading: { margin: `${tokens.spacingVerticalL} 0 0`, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  title: { margin: 0, fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600, fontWeight: tokens.fontWeightSemibold },
  // Inside the tab the summary sits under the tab's own headings: a smaller title.
  nestedTitle: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 },
  subheading: { margin: `${tokens.spacingVerticalS} 0 0`, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  paragraph: { margin: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  bars: { display: 'flex', height: '10px', borderRadius: tokens.borderRadiusMedium, overflow: 'hidden', maxWidth: '420px', border: `1px solid ${tokens.colorNeutralStroke1}` },
  agree: { backgroundColor: tokens.colorPaletteGreenBackground3 },
  partly: { backgroundColor: tokens.colorPaletteYellowBackground3 },
  disagree: { backgroundColor: tokens.colorPaletteRedBackground3 },
  subtle: { margin: 0, color: tokens.colorNeutralForeground2 },
  // Fluent's link colours, without its Link component (which would join the side panel's bundle).
  link: { color: tokens.colorBrandForegroundLink, textDecorationLine: 'underline', ':hover': { color: tokens.colorBrandForegroundLinkHover } },
});

type Heading = 'h1' | 'h2' | 'h3' | 'h4';
const below: Record<Heading, Heading> = { h1: 'h2', h2: 'h3', h3: 'h4', h4: 'h4' };

interface Props {
  readonly digest: GroupDigest;
  /** The level of the document's title; its parts sit one below. */
  readonly titleAs?: Heading;
  readonly markdownPath?: string;
}

export function DigestDocument({ digest, titleAs = 'h2', markdownPath }: Props) {
  const styles = useStyles();
  const Title = titleAs;
  const Part = below[titleAs];
  const Sub = below[Part];
  const { yes, partly, no } = digest.purpose.verdicts;
  const ladder = digest.ladder;

  return (
    <article className={styles.document} data-testid="digest-document">
      <Title className={mergeClasses(styles.title, titleAs !== 'h1' && styles.nestedTitle)}>{words.title}</Title>
      <p className={styles.subtle}>{fill(words.date, { date: longDate(digest.occurrence) })}</p>

      <Part className={styles.heading}>{words.purpose}</Part>
      <p className={styles.paragraph}>{digest.purpose.outcome}</p>
      <Sub className={styles.subheading}>{words.achieved}</Sub>
      <p className={styles.paragraph}>{yes + partly + no === 0 ? words.nobodyAnswered : fill(words.verdictLine, { yes, partly, no })}</p>
      {digest.purpose.reasons.length > 0 ? (
        <>
          <p className={styles.paragraph}>{words.reasons}:</p>
          <ul className={styles.list}>
            {digest.purpose.reasons.map((reason, i) => (
              <li key={i}>“{reason}”</li>
            ))}
          </ul>
        </>
      ) : null}
      <p className={styles.paragraph}>{digest.tookPart === 1 ? words.tookPartOne : fill(words.tookPart, { count: digest.tookPart })}</p>
      <p className={styles.paragraph}>{words.recording[digest.recording]}</p>

      {digest.senseChecks.map((check, c) => (
        <section key={c}>
          <Part className={styles.heading}>{fill(words.senseCheck, { number: c + 1 })}</Part>
          {check.statements.map((s, i) => (
            <div key={i}>
              <Sub className={styles.subheading}>
                {fill(words.point, { number: i + 1 })}: {s.text}
              </Sub>
              <p className={styles.paragraph}>{s.answered === 0 ? words.nobodyAnswered : fill(words.splitLine, { ...s.split })}</p>
              {s.answered > 0 ? (
                <div className={styles.bars} aria-hidden="true">
                  {LEVELS.map((level) => (s.split[level] > 0 ? <span key={level} className={styles[level]} style={{ flexGrow: s.split[level] }} /> : null))}
                </div>
              ) : null}
              {s.minority.length > 0 ? <p className={styles.paragraph}>{fill(words.minority, { levels: s.minority.map((m) => `${words.levels[m.level].toLowerCase()} (${m.count})`).join(', ') })}</p> : null}
              {s.missed.length > 0 ? (
                <>
                  <p className={styles.paragraph}>{words.missed}:</p>
                  <ul className={styles.list}>
                    {s.missed.map((missed, k) => (
                      <li key={k}>“{missed}”</li>
                    ))}
                  </ul>
                </>
              ) : null}
            </div>
          ))}
        </section>
      ))}

      {digest.notes.length > 0 ? (
        <>
          <Part className={styles.heading}>
            {words.notes} ({digest.notes.length})
          </Part>
          <ul className={styles.list}>
            {digest.notes.map((note, i) => (
              <li key={i}>
                {note.text}
                {note.credit ? ` (${words.credit}${note.credit})` : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {digest.nextSteps.length > 0 || digest.followUpDate ? (
        <>
          <Part className={styles.heading}>{words.nextSteps}</Part>
          <ul className={styles.list}>
            {digest.nextSteps.map((step, i) => (
              <li key={i}>
                {step.what}
                {step.owner ? `. ${words.who}${step.owner}` : null}
                {step.due ? `. ${fill(words.due, { date: longDate(step.due) })}` : null}
              </li>
            ))}
          </ul>
          {digest.followUpDate ? <p className={styles.paragraph}>{fill(words.followUp, { date: longDate(digest.followUpDate) })}</p> : null}
        </>
      ) : null}

      <Part className={styles.heading}>{words.ladder}</Part>
      {ladder?.rung ? (
        <>
          <p className={styles.paragraph}>{fill(words.rungLine, { rung: rungs[ladder.rung], number: LADDER_RUNGS.indexOf(ladder.rung) + 1 })}</p>
          <p className={styles.subtle}>{followUpStrings.ladder.explained[ladder.rung]}</p>
          {ladder.votes ? (
            <p className={styles.paragraph}>
              {words.votes}:{' '}
              {LADDER_RUNGS.filter((r) => (ladder.votes?.[r] ?? 0) > 0)
                .map((r) => `${rungs[r]}: ${ladder.votes?.[r] ?? 0}`)
                .join('. ')}
              .
            </p>
          ) : null}
          {ladder.trend.length > 1 ? (
            <>
              <p className={styles.paragraph}>{words.trend}:</p>
              <ul className={styles.list}>
                {ladder.trend.map((point, i) => (
                  <li key={i}>
                    {longDate(point.occurrence)}: {rungs[point.rung]}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <p className={styles.paragraph}>{words.direction[ladder.direction]}</p>
        </>
      ) : (
        <p className={styles.paragraph}>{words.notPlaced}</p>
      )}

      {markdownPath ? (
        <p className={styles.paragraph}>
          <a className={styles.link} href={markdownPath} download rel="noreferrer">
            {words.markdownButton}
          </a>
        </p>
      ) : null}
    </article>
  );
}
