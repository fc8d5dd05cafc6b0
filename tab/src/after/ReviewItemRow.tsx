/**
 * One thing people said, in the draft summary: what kind it is, the words the group will see,
 * the words as said when a facilitator reworded them, a switch to share or hide it, and "Reword"
 * to put it in other words (say, an anonymous note that names someone).
 */
import { Button, Field, makeStyles, mergeClasses, Textarea, tokens } from '@fluentui/react-components';
import { Switch } from '@fluentui/react-switch';
import { useState } from 'react';
import { followUpStrings } from '../../../bot/cards/strings/followUp.en-GB';
import type { ReviewItem } from './afterTypes';
import { afterText } from './strings.en-GB';

const review = followUpStrings.review;

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    overflowWrap: 'anywhere',
  },
  hidden: { backgroundColor: tokens.colorNeutralBackground3 },
  kind: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  words: { margin: 0 },
  said: { margin: 0, color: tokens.colorNeutralForeground2 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

interface Props {
  readonly item: ReviewItem;
  readonly number: number;
  readonly busy: boolean;
  readonly onShare: (share: boolean) => void;
  /** Empty words put back the words as said. */
  readonly onReword: (words: string) => Promise<boolean>;
}

export function ReviewItemRow({ item, number, busy, onShare, onReword }: Props) {
  const styles = useStyles();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(item.text);
  const label = afterText.review.itemLabel(number);

  const save = async (words: string) => {
    if (await onReword(words)) setEditing(false);
  };

  return (
    <li className={mergeClasses(styles.item, item.hidden && styles.hidden)} data-testid="review-item" aria-label={label}>
      <p className={styles.kind}>{review.kinds[item.kind]}</p>
      <p className={styles.words}>{item.text}</p>
      {item.original !== undefined ? (
        <p className={styles.said}>
          {afterText.review.reworded} {afterText.review.asSaid} “{item.original}”
        </p>
      ) : null}
      {item.credit ? <p className={styles.said}>{item.credit.shown ? review.creditShown : review.creditHidden}</p> : null}
      <div className={styles.row}>
        <Switch label={`${afterText.review.shareLabel} (${label})`} checked={!item.hidden} disabled={busy} onChange={(_, d) => onShare(d.checked)} />
        {!editing ? (
          <Button
            onClick={() => {
              setDraft(item.text);
              setEditing(true);
            }}
            disabledFocusable={busy}
            aria-label={`${afterText.review.reword} (${label})`}
          >
            {afterText.review.reword}
          </Button>
        ) : null}
      </div>
      {editing ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void save(draft);
          }}
        >
          <Field label={afterText.review.rewordLabel} hint={afterText.review.rewordHint}>
            <Textarea value={draft} onChange={(_, d) => setDraft(d.value)} resize="vertical" maxLength={2000} />
          </Field>
          <div className={styles.row}>
            <Button appearance="primary" type="submit" disabledFocusable={busy}>
              {afterText.review.saveWords}
            </Button>
            {item.original !== undefined ? (
              <Button onClick={() => void save('')} disabledFocusable={busy}>
                {afterText.review.putBack}
              </Button>
            ) : null}
            <Button appearance="subtle" onClick={() => setEditing(false)}>
              {afterText.review.cancel}
            </Button>
          </div>
        </form>
      ) : null}
    </li>
  );
}
