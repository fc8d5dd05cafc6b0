/**
 * The facilitators' private review of a draft summary, in their 1:1 chat (the tab gets a fuller
 * screen later). A page of the items a facilitator may hide, each with "Share this" already on,
 * the ladder, the organisers' channel, and the buttons: save, page, make the draft again, share
 * it as a "here is what we heard" round, approve. Every button names the draft version, so an
 * approval always means the version the facilitator was looking at.
 */
import type { Rung } from '../core/ladder';
import { fill } from './senseCheckCard';
import { followUpStrings } from './strings/followUp.en-GB';
import { cardTime, plainText } from './text';
import type { AdaptiveCard, CardElement, ExecuteAction } from './types';

const text = followUpStrings.review;
const RUNGS = ['coercion', 'educating', 'informing', 'consultation', 'engagement', 'coDesign', 'coProduction'] as const;

export const REVIEW_INPUTS = { rung: 'ladderRung', channel: 'postToChannel', showPrefix: 'show.' } as const;
/** The ladder choice for "not placed yet". */
export const NO_RUNG = 'none';

export interface ReviewItem {
  readonly itemId: string;
  readonly kind: 'reason' | 'missed' | 'note' | 'step';
  /** The words the group will see: a facilitator's rewording, if any. */
  readonly text: string;
  /** The words as said, when a facilitator reworded them. */
  readonly original?: string;
  readonly hidden: boolean;
  /** For a note that credits someone: whether the name would be shown. */
  readonly credit?: { readonly shown: boolean };
}

export interface DigestReviewView {
  readonly sessionKey: string;
  readonly version: number;
  readonly builtAt: Date;
  readonly published: boolean;
  /** Our own sentences with numbers: took part, recording, purpose answers, counts. */
  readonly overview: readonly string[];
  readonly items: readonly ReviewItem[];
  readonly page: number;
  readonly pageSize: number;
  readonly totalItems: number;
  readonly hiddenCount: number;
  readonly rung?: Rung;
  readonly channelAvailable: boolean;
  readonly channelChosen: boolean;
  readonly roundPosted: boolean;
  readonly notice?: string;
}

/** The review shows the start of a long note; the tab shows it whole. */
function clip(value: string, max: number): string {
  const chars = [...value];
  return chars.length <= max ? value : `${chars.slice(0, max - 1).join('')}…`;
}

const line = (words: string, subtle = false): CardElement => ({ type: 'TextBlock', text: words, wrap: true, ...(subtle ? { isSubtle: true } : {}) });

export function digestReviewCard(view: DigestReviewView): AdaptiveCard {
  const body: CardElement[] = [
    { type: 'TextBlock', text: text.title, style: 'heading', size: 'Medium', weight: 'Bolder', wrap: true },
    line(text.onlyYou, true),
    line(fill(text.builtAt, { version: view.version, time: cardTime(view.builtAt) }), true),
  ];
  if (view.notice) body.push({ type: 'TextBlock', text: view.notice, wrap: true, color: 'Accent' });
  const seeActions: ExecuteAction = { type: 'Action.Execute', verb: 'actions.open', title: followUpStrings.actions.openButton, data: { sessionKey: view.sessionKey } };
  if (view.published) return { type: 'AdaptiveCard', version: '1.5', body: [...body, line(text.published)], actions: [seeActions] };
  for (const sentence of view.overview) body.push(line(sentence));
  if (view.hiddenCount > 0) body.push(line(fill(text.hiddenCount, { count: view.hiddenCount }), true));

  body.push({ type: 'TextBlock', text: text.itemsHeading, weight: 'Bolder', wrap: true, spacing: 'Medium' });
  if (view.totalItems === 0) body.push(line(text.noItems, true));
  else {
    const from = view.page * view.pageSize + 1;
    body.push(line(fill(text.itemsPage, { from, to: from + view.items.length - 1, total: view.totalItems }), true));
  }
  for (const item of view.items) {
    const items: CardElement[] = [line(text.kinds[item.kind], true), plainText(clip(item.text, 500))];
    if (item.credit) items.push(line(item.credit.shown ? text.creditShown : text.creditHidden, true));
    items.push({ type: 'Input.Toggle', id: `${REVIEW_INPUTS.showPrefix}${item.itemId}`, title: text.share, value: item.hidden ? 'false' : 'true' });
    body.push({ type: 'Container', style: 'emphasis', spacing: 'Small', items });
  }

  body.push({
    type: 'Input.ChoiceSet',
    id: REVIEW_INPUTS.rung,
    label: text.ladderLabel,
    style: 'compact',
    value: view.rung ?? NO_RUNG,
    choices: [{ title: text.ladderNone, value: NO_RUNG }, ...RUNGS.map((r) => ({ title: followUpStrings.ladder.rungs[r], value: r }))],
  });
  if (view.channelAvailable) body.push({ type: 'Input.Toggle', id: REVIEW_INPUTS.channel, title: text.channelToggle, value: view.channelChosen ? 'true' : 'false' });
  else body.push(line(text.noChannel, true));

  const data = { sessionKey: view.sessionKey, version: view.version, page: view.page, items: view.items.map((i) => i.itemId) };
  const review = (title: string, extra: Record<string, string | number>): ExecuteAction => ({ type: 'Action.Execute', verb: 'digest.review', title, data: { ...data, ...extra } });
  const paging: ExecuteAction[] = [];
  if (view.page > 0) paging.push(review(text.previous, { goTo: view.page - 1 }));
  if ((view.page + 1) * view.pageSize < view.totalItems) paging.push(review(text.next, { goTo: view.page + 1 }));
  body.push({ type: 'ActionSet', actions: [review(text.save, { goTo: view.page }), ...paging] });
  body.push({ type: 'ActionSet', actions: [review(text.rebuild, { rebuild: 1 })] });
  const round: ExecuteAction[] = view.roundPosted ? [] : [{ type: 'Action.Execute', verb: 'digest.round', title: text.round, data }];
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    body,
    actions: [...round, { type: 'Action.Execute', verb: 'digest.approve', title: text.approve, style: 'positive', data }, seeActions],
  };
}

/** The private nudge when a draft is ready, and the list when several wait. */
export function digestReadyCard(sessionKey: string): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: text.readyTitle, style: 'heading', weight: 'Bolder', wrap: true },
      line(text.readyBody),
    ],
    actions: [{ type: 'Action.Execute', verb: 'digest.show', title: text.readyButton, data: { sessionKey } }],
  };
}

/** `26 Nov 2026` for a `YYYY-MM-DD`: button titles cannot hold date macros. */
function plainDate(date: string): string {
  const at = new Date(`${date}T12:00:00Z`);
  return Number.isNaN(at.getTime()) ? date : new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(at);
}

export function digestPickerCard(drafts: readonly { readonly sessionKey: string; readonly occurrence: string }[]): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    body: [{ type: 'TextBlock', text: fill(text.pickTitle, { count: drafts.length }), style: 'heading', weight: 'Bolder', wrap: true }],
    actions: drafts.slice(0, 5).map((d) => ({
      type: 'Action.Execute' as const,
      verb: 'digest.show' as const,
      title: fill(text.pickButton, { date: plainDate(d.occurrence) }),
      data: { sessionKey: d.sessionKey },
    })),
  };
}
