/**
 * The anonymous note box and "I need a pause", as on the chat's unsaid card. The server stores no
 * author for either; the box says so, and says who will read it.
 */
import { Button, Field, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { text } from '../strings.en-GB';
import { PANEL_VERBS, UNSAID_INPUT_ID } from './panelVerbs';
import type { Actions } from './useActions';

const MAX_NOTE = 1000;

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export function NoteBox({ actions, live }: { readonly actions: Actions; readonly live: boolean }) {
  const styles = useStyles();
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);

  const send = async () => {
    if (note.trim() === '') {
      setProblem(text.note.empty);
      return;
    }
    setProblem(undefined);
    await actions.run(PANEL_VERBS.unsaid, { [UNSAID_INPUT_ID]: note });
    setNote('');
  };

  return (
    <div className={styles.box}>
      <Text>{text.note.explain}</Text>
      <Field label={text.note.label} validationMessage={problem} validationState={problem ? 'error' : 'none'}>
        <Textarea value={note} onChange={(_, data) => setNote(data.value.slice(0, MAX_NOTE))} resize="vertical" maxLength={MAX_NOTE} />
      </Field>
      <div className={styles.buttons}>
        <Button appearance="primary" disabledFocusable={actions.busy !== undefined} onClick={() => void send()}>
          {text.note.send}
        </Button>
        {live ? (
          <Button disabledFocusable={actions.busy !== undefined} onClick={() => void actions.run(PANEL_VERBS.pauseRequest)}>
            {text.note.pause}
          </Button>
        ) : null}
      </div>
    </div>
  );
}
