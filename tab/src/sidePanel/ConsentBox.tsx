/**
 * Consent to record, for facilitators: how many have answered, whether it is clear to record,
 * and the confirmation that everyone present (including people on the phone or in the room,
 * whom Teams cannot show us) was asked. The confirmation asks again, in place, before it is sent.
 */
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useId, useRef, useState } from 'react';
import type { ConsentSummary } from '../api/viewTypes';
import { text } from '../strings.en-GB';
import { PANEL_VERBS } from './panelVerbs';
import type { Actions } from './useActions';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  clear: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorPaletteGreenForeground1 },
  notClear: { fontWeight: tokens.fontWeightSemibold },
  buttons: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalS },
  confirm: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `2px solid ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  confirmTitle: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

export function ConsentBox({ consent, actions }: { readonly consent?: ConsentSummary; readonly actions: Actions }) {
  const styles = useStyles();
  const [asking, setAsking] = useState(false);
  const question = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const clearance = consent?.clearance;

  // The question takes the focus, so keyboard and screen-reader users are at it straight away.
  useEffect(() => {
    if (asking) question.current?.focus();
  }, [asking]);

  const confirm = async () => {
    setAsking(false);
    await actions.run(PANEL_VERBS.confirmAsked, { step: 'confirm' });
  };

  return (
    <div className={styles.box} data-testid="consent">
      {consent ? <Text>{text.consent.answered(consent.answered, consent.expected)}</Text> : <Text>{text.consent.notAvailable}</Text>}
      {clearance?.clear ? <Text className={styles.clear}>{text.consent.clear}</Text> : null}
      {clearance && !clearance.clear ? (
        <>
          <Text className={styles.notClear}>{text.consent.notClear}</Text>
          {clearance.notAnswered > 0 ? <Text>{text.consent.notAnswered(clearance.notAnswered)}</Text> : null}
          {clearance.saidNo > 0 ? <Text>{text.consent.saidNo(clearance.saidNo)}</Text> : null}
          {clearance.needsConfirmation ? <Text>{text.consent.needsConfirmation}</Text> : null}
        </>
      ) : null}
      {asking ? (
        <div className={styles.confirm} role="group" aria-labelledby={titleId} tabIndex={-1} ref={question} data-testid="confirm-asked">
          <h3 id={titleId} className={styles.confirmTitle}>
            {text.consent.confirmTitle}
          </h3>
          <Text>{text.consent.confirmBody}</Text>
          <Button appearance="primary" disabledFocusable={actions.busy !== undefined} onClick={() => void confirm()}>
            {text.consent.confirmYes}
          </Button>
          <Button onClick={() => setAsking(false)}>{text.consent.confirmNo}</Button>
        </div>
      ) : (
        <div className={styles.buttons}>
          <Button disabledFocusable={actions.busy !== undefined} onClick={() => setAsking(true)}>
            {text.consent.confirmButton}
          </Button>
          <Button appearance="subtle" onClick={() => void actions.run(PANEL_VERBS.confirmAsked)}>
            {text.consent.check}
          </Button>
        </div>
      )}
    </div>
  );
}
