/**
 * The facilitators' review of the draft summary: where it stands (draft, shared as a draft,
 * shared), what it holds, each thing people said with a switch to share or hide it and "Reword",
 * the ladder, the organisers' channel, and the buttons: make it again, share it as a draft first,
 * approve and share. Nothing is shared unreviewed: every change names the draft version on screen,
 * and approving asks once more before anything is posted.
 */
import { Badge, Button, makeStyles, tokens } from '@fluentui/react-components';
import { Checkbox } from '@fluentui/react-checkbox';
import { Field } from '@fluentui/react-field';
import { Select } from '@fluentui/react-select';
import { useCallback, useState } from 'react';
import { LADDER_RUNGS, type Rung } from '../../../bot/core/ladder';
import { followUpStrings } from '../../../bot/cards/strings/followUp.en-GB';
import type { AfterClient } from './afterClient';
import type { DraftReview, Outcome, TabReview } from './afterTypes';
import { DigestDocument } from './DigestDocument';
import { timeOf } from './format';
import { ReviewItemRow } from './ReviewItemRow';
import { StatusLine } from '../components/StatusLine';
import { afterText } from './strings.en-GB';
import { useChange, useLoaded } from './useAfter';

const review = followUpStrings.review;

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '820px' },
  line: { margin: 0 },
  items: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  confirm: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM, border: `2px solid ${tokens.colorBrandStroke1}`, borderRadius: tokens.borderRadiusMedium },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

const STATUS_COLOUR = { draft: 'warning', shared: 'informative', published: 'success' } as const;

export function DigestReview({ client }: { readonly client: AfterClient }) {
  const styles = useStyles();
  const [page, setPage] = useState(0);
  const load = useCallback(() => client.load<TabReview>(`/api/tab/after/digest?page=${page}`), [client, page]);
  const { loaded, reload } = useLoaded(load);
  const change = useChange(reload);

  if (!loaded) return <p className={styles.line}>{afterText.loading}</p>;
  if (!loaded.ok) return <StatusLine outcome={{ ok: false, message: loaded.message }} />;
  const view = loaded.value;

  if (view.status === 'none') {
    return (
      <div className={styles.box}>
        <p className={styles.line}>{afterText.review.none}</p>
        <div>
          <Button appearance="primary" disabledFocusable={change.busy} onClick={() => void change.run(() => client.change('/api/tab/after/digest/rebuild'))}>
            {afterText.review.makeNow}
          </Button>
        </div>
        <StatusLine outcome={change.outcome} testId="review-status" />
      </div>
    );
  }
  return <DraftScreen view={view} client={client} page={page} setPage={setPage} change={change} />;
}

interface DraftProps {
  readonly view: DraftReview;
  readonly client: AfterClient;
  readonly page: number;
  readonly setPage: (page: number) => void;
  readonly change: ReturnType<typeof useChange>;
}

function DraftScreen({ view, client, page, setPage, change }: DraftProps) {
  const styles = useStyles();
  const [toChannel, setToChannel] = useState(view.channelChosen);
  const [confirming, setConfirming] = useState(false);
  const versioned = (extra: Record<string, unknown> = {}) => ({ version: view.version, ...extra });
  const decide = (path: string, body: Record<string, unknown>): Promise<Outcome> => change.run(() => client.change(`/api/tab/after/digest/${path}`, body));
  const first = view.page * view.pageSize;

  return (
    <div className={styles.box} data-testid="digest-review">
      <div className={styles.row}>
        <Badge appearance="tint" color={STATUS_COLOUR[view.status]} size="large" data-testid="review-state" aria-label={`${afterText.review.statusLabel}: ${afterText.review.status[view.status]}`}>
          {afterText.review.status[view.status]}
        </Badge>
        <span>{afterText.review.version(view.version, timeOf(view.builtAt))}</span>
      </div>
      {view.published ? null : <p className={styles.line}>{review.onlyYou}</p>}
      {view.overview.map((line, i) => (
        <p key={i} className={styles.line}>
          {line}
        </p>
      ))}
      {view.hiddenCount > 0 ? <p className={styles.line}>{afterText.review.hiddenCount(view.hiddenCount)}</p> : null}

      {view.published && view.digest ? (
        <DigestDocument digest={view.digest} titleAs="h3" {...(view.markdownPath ? { markdownPath: view.markdownPath } : {})} />
      ) : (
        <>
          <h3 className={styles.heading}>{afterText.review.itemsHeading}</h3>
          {view.totalItems === 0 ? (
            <p className={styles.line}>{review.noItems}</p>
          ) : (
            <>
              <p className={styles.line}>{afterText.review.itemsPage(first + 1, first + view.items.length, view.totalItems)}</p>
              <ul className={styles.items}>
                {view.items.map((item, i) => (
                  <ReviewItemRow
                    key={`${view.version}|${item.itemId}`}
                    item={item}
                    number={first + i + 1}
                    busy={change.busy}
                    onShare={(share) => void decide('review', versioned(share ? { show: [item.itemId] } : { hide: [item.itemId] }))}
                    onReword={async (words) => (await decide('review', versioned({ edits: [{ itemId: item.itemId, text: words }] }))).ok}
                  />
                ))}
              </ul>
              {view.totalItems > view.pageSize ? (
                <div className={styles.row}>
                  <Button disabled={page === 0} onClick={() => setPage(Math.max(0, page - 1))}>
                    {afterText.review.previous}
                  </Button>
                  <Button disabled={first + view.items.length >= view.totalItems} onClick={() => setPage(page + 1)}>
                    {afterText.review.next}
                  </Button>
                </div>
              ) : null}
            </>
          )}

          <Field label={review.ladderLabel}>
            <Select value={view.rung ?? 'none'} disabled={change.busy} onChange={(_, d) => void decide('review', versioned({ rung: d.value as Rung | 'none' }))}>
              <option value="none">{review.ladderNone}</option>
              {LADDER_RUNGS.map((rung) => (
                <option key={rung} value={rung}>
                  {followUpStrings.ladder.rungs[rung]}
                </option>
              ))}
            </Select>
          </Field>
          {view.channelAvailable ? <Checkbox label={review.channelToggle} checked={toChannel} onChange={(_, d) => setToChannel(d.checked === true)} /> : <p className={styles.line}>{review.noChannel}</p>}

          <div className={styles.row}>
            <Button disabledFocusable={change.busy} onClick={() => void decide('rebuild', { ...(view.rung ? { rung: view.rung } : {}) })}>
              {review.rebuild}
            </Button>
            {view.roundPosted ? (
              <span>{afterText.review.roundDone}</span>
            ) : (
              <Button disabledFocusable={change.busy} onClick={() => void decide('round', versioned())}>
                {review.round}
              </Button>
            )}
            {!confirming ? (
              <Button appearance="primary" disabledFocusable={change.busy} onClick={() => setConfirming(true)}>
                {review.approve}
              </Button>
            ) : null}
          </div>
          {confirming ? (
            <div className={styles.confirm} role="group" aria-labelledby="approve-confirm-title">
              <h3 id="approve-confirm-title" className={styles.heading}>
                {afterText.review.confirmTitle}
              </h3>
              <p className={styles.line}>{afterText.review.confirmBody}</p>
              <div className={styles.row}>
                <Button
                  appearance="primary"
                  disabledFocusable={change.busy}
                  onClick={() => {
                    setConfirming(false);
                    void decide('approve', versioned({ toChannel }));
                  }}
                >
                  {afterText.review.confirmYes}
                </Button>
                <Button onClick={() => setConfirming(false)}>{afterText.review.confirmNo}</Button>
              </div>
            </div>
          ) : null}
        </>
      )}
      <StatusLine outcome={change.outcome} testId="review-status" />
    </div>
  );
}
