/**
 * Sharing the plan to the meeting stage. The stage page reads a stage view with no personal data
 * through a per-session token in its address, so anonymous joiners can see it without signing in.
 */
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { TabApi } from '../api/client';
import { text } from '../strings.en-GB';
import { canShareToStage, shareToStage } from '../teams';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export function StageShare({ api }: { readonly api: TabApi }) {
  const styles = useStyles();
  const [allowed, setAllowed] = useState(false);
  const [status, setStatus] = useState<string | undefined>(undefined);

  useEffect(() => {
    void canShareToStage().then(setAllowed);
  }, []);

  const link = async (rotate: boolean): Promise<string | undefined> => {
    const answer = await api.stageLink(rotate);
    if (answer.kind !== 'fresh') {
      setStatus(answer.message);
      return undefined;
    }
    return new URL(answer.value.path, window.location.origin).href;
  };

  const share = async () => {
    const url = await link(false);
    if (!url) return;
    const problem = await shareToStage(url);
    setStatus(problem ?? text.stage.shared);
  };

  const rotate = async () => {
    if (await link(true)) setStatus(text.stage.rotated);
  };

  return (
    <div className={styles.box}>
      <Text>{text.stage.copyHint}</Text>
      {allowed ? (
        <Button appearance="primary" onClick={() => void share()}>
          {text.stage.share}
        </Button>
      ) : null}
      <Button onClick={() => void rotate()}>{text.stage.rotate}</Button>
      <div role="status" aria-live="polite">
        {status ? <Text>{status}</Text> : null}
      </div>
    </div>
  );
}
