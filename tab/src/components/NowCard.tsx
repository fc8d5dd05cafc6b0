/**
 * The current item and its timer, the session's state and the next break. The seconds come from
 * the server; this only counts down between polls.
 */
import { Badge, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import type { FrameworkView } from '../api/viewTypes';
import { text } from '../strings.en-GB';
import { clockText, secondsLeft, spokenTime, timeOfDay } from '../time/countdown';
import { useTick } from '../time/useTick';
import { TimerAnnouncer } from './TimerAnnouncer';

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground3,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere', hyphens: 'auto' },
  titleLarge: { fontSize: tokens.fontSizeHero800, lineHeight: tokens.lineHeightHero800 },
  clock: { fontSize: tokens.fontSizeHero800, lineHeight: tokens.lineHeightHero800, fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums' },
  clockLarge: { fontSize: tokens.fontSizeHero1000, lineHeight: tokens.lineHeightHero1000 },
  over: { color: tokens.colorPaletteRedForeground1 },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  detailLarge: { fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600 },
});

export interface NowProps {
  readonly framework: FrameworkView;
  readonly serverTime: string;
  /** performance.now() when the view arrived. */
  readonly receivedAt: number;
  readonly large?: boolean;
  /** The heading level of the item title (the stage uses h1). */
  readonly titleLevel?: 'h1' | 'h3';
}

function minutesBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(toIso) - Date.parse(fromIso)) / 60_000);
}

export function NowCard({ framework, serverTime, receivedAt, large = false, titleLevel = 'h3' }: NowProps) {
  const styles = useStyles();
  const current = framework.agenda.find((item) => item.id === framework.currentItemId);
  const running = framework.started && !framework.ended && !framework.paused && current !== undefined;
  const now = useTick(running);
  const left = secondsLeft(framework.remainingSeconds, receivedAt, now, running);
  const Title = titleLevel;

  if (!framework.started || framework.ended || !current) {
    return (
      <div className={styles.box} data-testid="now">
        <Text className={large ? styles.detailLarge : undefined}>{framework.ended ? text.now.ended : text.now.notStarted}</Text>
      </div>
    );
  }
  const isBreak = current.kind === 'break';
  const breakLine = framework.nextBreak
    ? text.now.nextBreak(timeOfDay(framework.nextBreak.startsAt), text.now.inMinutes(minutesBetween(serverTime, framework.nextBreak.startsAt)))
    : text.now.noBreak;
  return (
    <div className={styles.box} data-testid="now">
      <Title className={mergeClasses(styles.title, large && styles.titleLarge)}>{current.title}</Title>
      <div className={styles.row}>
        <span
          role="timer"
          aria-label={`${text.now.timerLabel}: ${spokenTime(left)}`}
          className={mergeClasses(styles.clock, large && styles.clockLarge, left < 0 && styles.over)}
          data-testid="timer"
        >
          {clockText(left)}
        </span>
        {framework.paused ? <Badge appearance="tint" color="warning" size={large ? 'extra-large' : 'medium'}>{text.now.paused}</Badge> : null}
        {isBreak ? <Badge appearance="tint" color="success" size={large ? 'extra-large' : 'medium'}>{text.now.onBreak}</Badge> : null}
      </div>
      {framework.currentEndsAt && !framework.paused ? <Text className={large ? styles.detailLarge : undefined}>{text.now.until(timeOfDay(framework.currentEndsAt))}</Text> : null}
      {isBreak ? null : (
        <Text className={large ? styles.detailLarge : undefined} data-testid="next-break">
          {breakLine}
        </Text>
      )}
      <TimerAnnouncer message={running ? text.now.announce(current.title, spokenTime(left)) : undefined} now={now} />
    </div>
  );
}
