/**
 * The side panel (280 px of content in a meeting, usable at 320 px and 200% zoom). Facilitators
 * get the timer, the controls and what only they may see; everyone else gets the timer, the plan,
 * the purpose and the anonymous note box. The view is polled every two seconds.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useRef } from 'react';
import type { TabApi } from '../api/client';
import { usePolled } from '../api/usePolled';
import type { SessionView } from '../api/viewTypes';
import { FailureNotice } from '../components/FailureNotice';
import { FrameworkList } from '../components/FrameworkList';
import { NowCard } from '../components/NowCard';
import { PurposeBox } from '../components/PurposeBox';
import { Section } from '../components/Section';
import { text } from '../strings.en-GB';
import { ActionAnswerView } from './ActionAnswerView';
import { ConsentBox } from './ConsentBox';
import { Controls } from './Controls';
import { AnonymousCounts, QuietVoicesBox, SenseChecksBox } from './FacilitatorFacts';
import { NoteBox } from './NoteBox';
import { StageShare } from './StageShare';
import { useActions } from './useActions';

const useStyles = makeStyles({
  panel: { maxWidth: '560px', padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`, boxSizing: 'border-box' },
  title: { margin: `0 0 ${tokens.spacingVerticalM}`, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
});

export function SidePanel({ api }: { readonly api: TabApi }) {
  const styles = useStyles();
  const fetcher = useCallback((etag?: string) => api.session(etag), [api]);
  const polled = usePolled(fetcher);
  const actions = useActions(api, polled.refresh);
  const view = polled.value;
  const marked = useRef(false);

  useEffect(() => {
    if (view && !marked.current) {
      marked.current = true;
      performance.mark('coproduce-panel-ready');
    }
  }, [view]);

  // A refusal (no longer in the meeting, no session, signed out) replaces what was shown before.
  const refusal = polled.failure && polled.failure.kind !== 'offline' ? polled.failure : undefined;
  if (!view || refusal) {
    return (
      <main className={styles.panel}>
        <h1 className={styles.title}>{text.appName}</h1>
        {polled.failure ? <FailureNotice failure={polled.failure} /> : <p>{text.loading}</p>}
      </main>
    );
  }
  return (
    <main className={styles.panel} data-testid="side-panel" data-role={view.role}>
      <h1 className={styles.title}>{text.appName}</h1>
      {polled.failure?.kind === 'offline' ? <FailureNotice failure={polled.failure} /> : null}
      <Section title={text.now.heading}>
        <NowCard framework={view.framework} serverTime={view.serverTime} receivedAt={polled.receivedAt} />
      </Section>
      {view.role === 'facilitator' ? <FacilitatorPanel view={view} api={api} actions={actions} /> : <ParticipantPanel view={view} actions={actions} />}
    </main>
  );
}

function FacilitatorPanel({ view, api, actions }: { readonly view: SessionView; readonly api: TabApi; readonly actions: ReturnType<typeof useActions> }) {
  const facts = view.facilitator;
  return (
    <>
      <Section title={text.controls.heading}>
        <Controls framework={view.framework} actions={actions} />
        <ActionAnswerView actions={actions} />
      </Section>
      <Section title={text.consent.heading}>
        <ConsentBox consent={facts?.consent ?? view.consent} actions={actions} />
      </Section>
      {facts ? <QuietVoicesBox facts={facts} /> : null}
      {facts ? <AnonymousCounts facts={facts} /> : null}
      {facts ? <SenseChecksBox facts={facts} actions={actions} /> : null}
      <Section title={text.framework.heading}>
        <FrameworkList agenda={view.framework.agenda} currentItemId={view.framework.currentItemId} />
      </Section>
      <Section title={text.purpose.heading}>
        <PurposeBox purpose={view.purpose} safeguardingContact={view.safeguardingContact} />
      </Section>
      <Section title={text.stage.shareHeading}>
        <StageShare api={api} />
      </Section>
    </>
  );
}

function ParticipantPanel({ view, actions }: { readonly view: SessionView; readonly actions: ReturnType<typeof useActions> }) {
  const live = view.framework.started && !view.framework.ended;
  return (
    <>
      <Section title={text.purpose.heading}>
        <PurposeBox purpose={view.purpose} safeguardingContact={view.safeguardingContact} />
      </Section>
      <Section title={text.framework.heading}>
        <FrameworkList agenda={view.framework.agenda} currentItemId={view.framework.currentItemId} />
      </Section>
      <Section title={text.note.heading}>
        <NoteBox actions={actions} live={live} />
        <ActionAnswerView actions={actions} />
      </Section>
    </>
  );
}
