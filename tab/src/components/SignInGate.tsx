/**
 * Gets a sign-in token before showing anything that needs one. If Teams says the person has not
 * yet agreed to let Coproduce sign them in, it shows a "Sign in" button that opens Teams' sign-in
 * window; nothing else ever opens that window.
 */
import { Button, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { TokenSource } from '../api/tokens';
import { text } from '../strings.en-GB';
import { askForConsent } from '../teams';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL, maxWidth: '560px' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
});

type State = 'checking' | 'signedIn' | 'needsConsent' | 'unavailable' | 'failed';

/** The consent window's first page; it needs the tab's app registration id to ask Entra. */
function consentPageUrl(): string {
  const clientId = new URLSearchParams(window.location.search).get('clientId') ?? '';
  return `${window.location.origin}/tab/auth-start.html?clientId=${encodeURIComponent(clientId)}`;
}

export function SignInGate({ tokens: source, children }: { readonly tokens: TokenSource; readonly children: ReactNode }) {
  const styles = useStyles();
  const [state, setState] = useState<State>('checking');

  const check = useCallback(async () => {
    const answer = await source.token(true);
    setState(answer.ok ? 'signedIn' : answer.needsConsent ? 'needsConsent' : 'unavailable');
  }, [source]);

  useEffect(() => {
    void check();
  }, [check]);

  const signIn = async () => {
    if (await askForConsent(consentPageUrl())) await check();
    else setState('failed');
  };

  if (state === 'signedIn') return <>{children}</>;
  if (state === 'checking') {
    return (
      <main className={styles.box}>
        <Spinner label={text.loading} />
      </main>
    );
  }
  return (
    <main className={styles.box}>
      <h1 className={styles.heading}>{text.signIn.heading}</h1>
      {state === 'unavailable' ? <p>{text.signIn.unavailable}</p> : <p>{text.signIn.consentNeeded}</p>}
      {state === 'failed' ? (
        <MessageBar intent="error">
          <MessageBarBody>{text.signIn.failed}</MessageBarBody>
        </MessageBar>
      ) : null}
      {state === 'needsConsent' || state === 'failed' ? (
        <Button appearance="primary" onClick={() => void signIn()}>
          {text.signIn.button}
        </Button>
      ) : null}
    </main>
  );
}
