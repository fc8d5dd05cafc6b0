/**
 * What the server answered to the last action: a line of text in a message bar, or a card (a
 * form to fill in, a confirmation, thanks) whose buttons are sent back as actions.
 */
import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useRef } from 'react';
import { AdaptiveCardView } from '../cards/AdaptiveCardView';
import type { CardPress } from '../cards/cardHost';
import { text } from '../strings.en-GB';
import type { Actions } from './useActions';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export function ActionAnswerView({ actions }: { readonly actions: Actions }) {
  const styles = useStyles();
  const { answer, run, clear } = actions;
  const box = useRef<HTMLDivElement>(null);
  const onPress = useCallback((press: CardPress) => void run(press.verb, press.data), [run]);

  // A new card (a form) takes the focus, so keyboard users land on it.
  useEffect(() => {
    if (answer?.card) box.current?.focus();
  }, [answer]);

  if (!answer) return null;
  return (
    <div className={styles.box} ref={box} tabIndex={-1} data-testid="action-answer">
      {answer.message ? (
        <MessageBar intent={answer.failed ? 'error' : 'success'} role="status" layout="multiline">
          <MessageBarBody>{answer.message}</MessageBarBody>
        </MessageBar>
      ) : null}
      {answer.card ? <AdaptiveCardView card={answer.card} onPress={onPress} label={text.controls.answerHeading} /> : null}
      <Button appearance="subtle" onClick={clear}>
        {text.controls.close}
      </Button>
    </div>
  );
}
