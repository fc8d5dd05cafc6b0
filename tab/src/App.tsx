/**
 * Picks the screen from where Teams opened the tab: the side panel, the meeting stage, or the
 * tab before and after the meeting (content and configuration frames). Follows Teams' theme.
 */
import { FluentProvider, makeStyles, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { TabApi, type Place } from './api/client';
import { devTokens, teamsTokens, type TokenSource } from './api/tokens';
import { AppThemeContext } from './appTheme';
import { SignInGate } from './components/SignInGate';
import { SidePanel } from './sidePanel/SidePanel';
import { StageView } from './stage/StageView';
import { text } from './strings.en-GB';
import { onThemeChange, type HostPlace, type ThemeName } from './teams';
import { fluentTheme } from './themes';

// The meeting tab (given the sign-in and place its "After the meeting" screens call the server
// with) and the summary page, from one module loaded on demand (see after/tabScreens.ts).
const MeetingTab = lazy(() => import('./after/tabScreens').then((screens) => ({ default: screens.MeetingTabWithPlace })));
const DigestPage = lazy(() => import('./after/tabScreens').then((screens) => ({ default: screens.DigestPage })));

const useStyles = makeStyles({
  // Fluent paints only behind its own content: fill the frame so dark themes have no white edges.
  root: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground1 },
  notice: { padding: tokens.spacingHorizontalL },
});

export type Screen = 'sidePanel' | 'stage' | 'meetingTab' | 'digest';

export function screenFor(place: HostPlace, query: URLSearchParams): Screen {
  // The summary card's link: opened from the chat, often in a browser, without signing in.
  if (query.get('view') === 'digest') return 'digest';
  if (query.get('view') === 'stage' || place.frame === 'meetingStage') return 'stage';
  if (place.frame === 'sidePanel' || query.get('view') === 'panel') return 'sidePanel';
  return 'meetingTab';
}

function tokenSourceFor(place: HostPlace, query: URLSearchParams): TokenSource | undefined {
  if (place.kind === 'teams') return teamsTokens();
  const devUser = query.get('as');
  return devUser ? devTokens(devUser) : undefined;
}

export function App({ place }: { readonly place: HostPlace }) {
  const styles = useStyles();
  const [themeName, setThemeName] = useState<ThemeName>(place.theme);
  const theme = fluentTheme(themeName);
  const query = useMemo(() => new URLSearchParams(window.location.search), []);
  const screen = screenFor(place, query);
  const tokenSource = useMemo(() => tokenSourceFor(place, query), [place, query]);
  const tabPlace = useMemo(() => (place.chatId ? ({ chatId: place.chatId, ...(place.meetingId ? { meetingId: place.meetingId } : {}) } satisfies Place) : undefined), [place]);
  const api = useMemo(() => (tokenSource && tabPlace ? new TabApi(tokenSource, tabPlace) : undefined), [tokenSource, tabPlace]);

  useEffect(() => onThemeChange(setThemeName), []);
  useEffect(() => {
    document.documentElement.dataset.theme = themeName;
  }, [themeName]);

  let content;
  if (screen === 'stage') {
    content = <StageView stageToken={query.get('stage') ?? undefined} />;
  } else if (screen === 'digest') {
    content = (
      <Suspense fallback={<p className={styles.notice}>{text.loading}</p>}>
        <DigestPage token={query.get('digest') ?? undefined} />
      </Suspense>
    );
  } else if (!tokenSource) {
    content = (
      <main className={styles.notice}>
        <h1>{text.local.heading}</h1>
        <p>{text.local.explain}</p>
      </main>
    );
  } else if (!api || !tabPlace) {
    content = (
      <main className={styles.notice}>
        <h1>{text.appName}</h1>
        <p>{text.place.noMeeting}</p>
      </main>
    );
  } else {
    content = (
      <SignInGate tokens={tokenSource}>
        {screen === 'sidePanel' ? (
          <SidePanel api={api} />
        ) : (
          <Suspense fallback={<p className={styles.notice}>{text.loading}</p>}>
            <MeetingTab api={api} frame={place.frame} tokens={tokenSource} place={tabPlace} />
          </Suspense>
        )}
      </SignInGate>
    );
  }

  return (
    <AppThemeContext.Provider value={theme}>
      <FluentProvider theme={theme} className={styles.root} data-theme={themeName}>
        {content}
      </FluentProvider>
    </AppThemeContext.Provider>
  );
}
