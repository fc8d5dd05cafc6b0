/**
 * The meeting stage: the plan large enough to read across a room, the current item and its time,
 * the break state and the purpose. It reads the public stage view (no names, no ids) with the
 * stage token from the page's address, so anonymous joiners see it without signing in.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { useCallback } from 'react';
import { fetchStage } from '../api/client';
import { usePolled } from '../api/usePolled';
import type { FrameworkView, StageView as StageData } from '../api/viewTypes';
import { FrameworkList } from '../components/FrameworkList';
import { NowCard } from '../components/NowCard';
import { Section } from '../components/Section';
import { text } from '../strings.en-GB';

const useStyles = makeStyles({
  stage: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 320px), 1fr))',
    gap: tokens.spacingHorizontalXXL,
    padding: tokens.spacingHorizontalXXL,
    boxSizing: 'border-box',
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
  },
  purpose: { fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600, margin: 0, overflowWrap: 'anywhere' },
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
});

/** The stage view in the shape the shared timer reads. */
function frameworkOf(view: StageData): FrameworkView {
  return {
    agenda: view.agenda,
    started: view.state !== 'notStarted',
    ended: view.state === 'ended',
    paused: view.state === 'paused',
    ...(view.current ? { currentItemId: view.current.itemId } : {}),
    ...(view.current?.endsAt ? { currentEndsAt: view.current.endsAt } : {}),
    remainingSeconds: view.current?.remainingSeconds ?? 0,
    ...(view.nextBreak ? { nextBreak: view.nextBreak } : {}),
  };
}

export function StageView({ stageToken }: { readonly stageToken: string | undefined }) {
  const styles = useStyles();
  const fetcher = useCallback((etag?: string) => fetchStage(stageToken ?? '', etag), [stageToken]);
  const polled = usePolled(stageToken ? fetcher : undefined);
  const view = polled.value;

  if (!stageToken) {
    return (
      <main className={styles.stage}>
        <div className={styles.column}>
          <h1 className={styles.purpose}>{text.appName}</h1>
          <p className={styles.purpose}>{text.stage.missingToken}</p>
        </div>
      </main>
    );
  }
  // A link that has ended replaces the stale plan; a lost connection keeps it on screen.
  if (!view || (polled.failure && polled.failure.kind !== 'offline')) {
    return (
      <main className={styles.stage}>
        <div className={styles.column}>
          <h1 className={styles.purpose}>{text.appName}</h1>
          <p className={styles.purpose}>{polled.failure ? polled.failure.message : text.loading}</p>
        </div>
      </main>
    );
  }
  const framework = frameworkOf(view);
  return (
    <main className={styles.stage} data-testid="stage">
      <div className={styles.column}>
        {view.state === 'notStarted' ? <h1 className={styles.purpose}>{text.stage.notStarted}</h1> : null}
        {view.state === 'ended' ? <h1 className={styles.purpose}>{text.stage.ended}</h1> : null}
        <NowCard framework={framework} serverTime={view.serverTime} receivedAt={polled.receivedAt} large titleLevel="h1" />
        <Section title={text.stage.purpose} large>
          <p className={styles.purpose}>{view.purpose}</p>
        </Section>
      </div>
      <Section title={text.framework.heading} large>
        <FrameworkList agenda={view.agenda} currentItemId={view.current?.itemId} large />
      </Section>
    </main>
  );
}
