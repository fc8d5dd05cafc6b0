/** The plan as an ordered list, the current item marked for sight and for screen readers. */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { AgendaItem } from '../api/viewTypes';
import { text } from '../strings.en-GB';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: '1.5em', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  large: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, gap: tokens.spacingVerticalS },
  item: { overflowWrap: 'anywhere' },
  current: { fontWeight: tokens.fontWeightBold, color: tokens.colorBrandForeground1 },
  done: { color: tokens.colorNeutralForeground3 },
  minutes: { color: tokens.colorNeutralForeground2, whiteSpace: 'nowrap' },
  // Shown in words too, so the current item does not rely on colour or weight alone.
  nowTag: {
    marginLeft: tokens.spacingHorizontalXS,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    border: `1px solid ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    fontSize: '0.85em',
    whiteSpace: 'nowrap',
  },
});

export function FrameworkList({ agenda, currentItemId, large = false }: { readonly agenda: readonly AgendaItem[]; readonly currentItemId?: string; readonly large?: boolean }) {
  const styles = useStyles();
  if (agenda.length === 0) return <p>{text.framework.empty}</p>;
  const currentIndex = agenda.findIndex((item) => item.id === currentItemId);
  return (
    <ol className={mergeClasses(styles.list, large && styles.large)} data-testid="framework">
      {agenda.map((item, index) => {
        const isCurrent = index === currentIndex;
        return (
          <li key={item.id} aria-current={isCurrent ? 'step' : undefined} className={mergeClasses(styles.item, isCurrent && styles.current, currentIndex >= 0 && index < currentIndex && styles.done)}>
            {item.title} <span className={styles.minutes}>· {text.framework.minutes(item.minutes)}</span>
            {isCurrent ? <span className={styles.nowTag}> {text.framework.current}</span> : null}
          </li>
        );
      })}
    </ol>
  );
}
