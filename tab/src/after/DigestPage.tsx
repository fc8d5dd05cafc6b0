/**
 * The page the summary card's "Read the full summary" opens: /tab/?view=digest&digest=<token>.
 * No sign-in, as for the summary's document: the unguessable token in the address is the key,
 * and it exists only once a facilitator approved the summary. Loaded on its own, so neither the
 * side panel nor the meeting tab carries it.
 */
import { makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from '@fluentui/react-components';
import { useCallback } from 'react';
import { loadDigestByToken } from './afterClient';
import type { PublishedDigest } from './afterTypes';
import { DigestDocument } from './DigestDocument';
import { afterText } from './strings.en-GB';
import { useLoaded } from './useAfter';

const useStyles = makeStyles({
  page: { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`, boxSizing: 'border-box', maxWidth: '820px', margin: '0 auto' },
});

export default function DigestPage({ token }: { readonly token: string | undefined }) {
  const styles = useStyles();
  const load = useCallback(() => loadDigestByToken<PublishedDigest>(token ?? ''), [token]);
  const { loaded } = useLoaded(token ? load : undefined);

  let content;
  if (!token || (loaded && !loaded.ok)) {
    const message = !token ? afterText.page.missing : loaded && !loaded.ok && loaded.status === 0 ? afterText.page.offline : afterText.page.gone;
    content = (
      <>
        <h1>{afterText.page.title}</h1>
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{message}</MessageBarBody>
        </MessageBar>
      </>
    );
  } else if (!loaded) {
    content = <Spinner label={afterText.loading} />;
  } else {
    content = <DigestDocument digest={loaded.value.digest} titleAs="h1" {...(loaded.value.markdownPath ? { markdownPath: loaded.value.markdownPath } : {})} />;
  }
  return (
    <main className={styles.page} data-testid="digest-page">
      {content}
    </main>
  );
}
