/**
 * The read models of a digest, shared by the chat cards and (later) the tab: the group's view
 * (hidden items removed, names only with consent, the ladder, links) and the facilitators'
 * review page. One read model per screen, as DESIGN.md asks.
 */
import { createHash } from 'node:crypto';
import { hideableItems, type DigestContent } from '../core/digest';
import type { DigestState } from '../core/digestState';
import { visibleDigest, type DigestLinks, type DigestView } from '../core/digestView';
import { keyPart } from '../core/keys';
import type { Session } from '../core/session';
import type { DigestReviewView } from '../cards/digestReviewCard';
import { fill } from '../cards/senseCheckCard';
import { followUpStrings } from '../cards/strings/followUp.en-GB';
import type { ServiceDeps } from './deps';
import { agreedToBeNamed } from './digestSources';
import { offeredChannel } from './followUpChannels';
import { ladderView, loadPlacement } from './followUpLadder';

export const REVIEW_PAGE_SIZE = 15;
export const DIGEST_LINKS_TABLE = 'digestLinks';
const words = followUpStrings.digest;

/** The stored name of a link token: a hash, so the table alone cannot open a digest. */
export function tokenKey(token: string): string {
  return keyPart(createHash('sha256').update(`coproduce digest link|${token}`, 'utf8').digest('base64url'));
}

/** Links people can open from the chat; only with an https public address (Teams opens nothing else). */
export function digestLinks(publicUrl: string | undefined, token: string | undefined): DigestLinks | undefined {
  if (!publicUrl || !token || !/^https:\/\//i.test(publicUrl)) return undefined;
  const base = publicUrl.replace(/\/+$/, '');
  const id = encodeURIComponent(token);
  return { full: `${base}/tab/?view=digest&digest=${id}`, markdown: `${base}/digest/${id}.md` };
}

export async function groupView(deps: ServiceDeps, session: Session, state: DigestState, content: DigestContent): Promise<DigestView> {
  const [named, ladder] = await Promise.all([agreedToBeNamed(deps, session), ladderView(deps, session)]);
  const links = digestLinks(deps.publicUrl, state.linkToken);
  return visibleDigest(content, { hidden: new Set(state.hidden), agreedToBeNamed: named, ladder, ...(state.edited ? { edited: state.edited } : {}), ...(links ? { links } : {}) });
}

function overviewOf(content: DigestContent): string[] {
  const { yes, partly, no } = content.purpose.verdicts;
  const checks = content.senseChecks.length;
  return [
    content.tookPart === 1 ? words.tookPartOne : fill(words.tookPart, { count: content.tookPart }),
    words.recording[content.recording],
    `${words.achieved} ${yes + partly + no === 0 ? words.nobodyAnswered : fill(words.verdictLine, { yes, partly, no })}`,
    fill(followUpStrings.review.counts, { checks, notes: content.notes.length, steps: content.nextSteps.length }),
  ];
}

/** `pageSize`: the card shows 15 items a page; the tab, with a whole screen, shows more. */
export async function reviewView(deps: ServiceDeps, session: Session, state: DigestState, content: DigestContent, options: { readonly page: number; readonly pageSize?: number; readonly reviewerWho?: string; readonly notice?: string }): Promise<DigestReviewView> {
  const all = hideableItems(content);
  const pageSize = Math.max(1, Math.floor(options.pageSize ?? REVIEW_PAGE_SIZE));
  const lastPage = Math.max(0, Math.ceil(all.length / pageSize) - 1);
  const page = Math.min(Math.max(0, Math.floor(options.page)), lastPage);
  const hidden = new Set(state.hidden);
  const [named, placement, channel] = await Promise.all([
    agreedToBeNamed(deps, session),
    loadPlacement(deps, session.sessionKey),
    offeredChannel(deps, session, options.reviewerWho),
  ]);
  const notes = new Map(content.notes.map((n) => [n.itemId, n]));
  const edited = state.edited ?? {};
  const items = all.slice(page * pageSize, (page + 1) * pageSize).map((item) => {
    const note = notes.get(item.itemId);
    const reworded = Object.hasOwn(edited, item.itemId) ? edited[item.itemId] : undefined;
    return {
      itemId: item.itemId,
      kind: item.kind,
      text: reworded ?? item.text,
      ...(reworded !== undefined ? { original: item.text } : {}),
      hidden: hidden.has(item.itemId),
      ...(note?.credit ? { credit: { shown: note.creditWho !== undefined && named.has(note.creditWho) } } : {}),
    };
  });
  return {
    sessionKey: session.sessionKey,
    version: state.version,
    builtAt: new Date(state.builtAt),
    published: state.status === 'published',
    overview: overviewOf(content),
    items,
    page,
    pageSize,
    totalItems: all.length,
    hiddenCount: all.filter((i) => hidden.has(i.itemId)).length,
    ...(placement ? { rung: placement.rung } : {}),
    channelAvailable: channel !== undefined,
    channelChosen: channel !== undefined && state.channelId === channel,
    roundPosted: state.roundVersion === state.version,
    ...(options.notice ? { notice: options.notice } : {}),
  };
}
