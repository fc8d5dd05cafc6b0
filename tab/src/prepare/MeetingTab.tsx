/**
 * The tab in the meeting's chat or details (and its configuration page): prepare the session
 * before the meeting, and see what there is after it. Loaded on demand, so the side panel never
 * carries the editor, the plain-English checker or the card preview.
 */
// Parts only this screen uses come from their own packages, so they stay out of the side panel's bundle.
import { makeStyles, tokens } from '@fluentui/react-components';
import { Tab, TabList } from '@fluentui/react-tabs';
import { useCallback, useEffect, useState } from 'react';
import { AfterMeeting } from '../after/AfterMeeting';
import type { TabApi } from '../api/client';
import { usePolled } from '../api/usePolled';
import { FailureNotice } from '../components/FailureNotice';
import { text } from '../strings.en-GB';
import { allowSavingTab, type FrameKind } from '../teams';
import { Prepare } from './Prepare';

const useStyles = makeStyles({
  page: { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`, maxWidth: '1100px', boxSizing: 'border-box' },
  title: { margin: `0 0 ${tokens.spacingVerticalM}`, fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600, fontWeight: tokens.fontWeightSemibold },
  tabs: { marginBottom: tokens.spacingVerticalL },
});

type Part = 'prepare' | 'after';

export default function MeetingTab({ api, frame }: { readonly api: TabApi; readonly frame: FrameKind }) {
  const styles = useStyles();
  const [part, setPart] = useState<Part>('prepare');
  const fetcher = useCallback((etag?: string) => api.session(etag), [api]);
  // The tab is open for a while before and after a meeting: a slower poll is enough here.
  const polled = usePolled(fetcher, 10_000);

  useEffect(() => {
    if (frame === 'settings') allowSavingTab();
  }, [frame]);

  return (
    <main className={styles.page}>
      <h1 className={styles.title}>{text.prepare.heading}</h1>
      <TabList className={styles.tabs} selectedValue={part} onTabSelect={(_, d) => setPart(d.value as Part)} aria-label={text.prepare.tabsLabel}>
        <Tab value="prepare">{text.prepare.prepareTab}</Tab>
        <Tab value="after">{text.prepare.afterTab}</Tab>
      </TabList>
      {polled.failure && polled.failure.kind !== 'noSession' ? <FailureNotice failure={polled.failure} /> : null}
      {part === 'prepare' ? <Prepare api={api} view={polled.value} onSessionChanged={polled.refresh} /> : <AfterMeeting view={polled.value} />}
    </main>
  );
}
