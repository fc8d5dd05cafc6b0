/**
 * What a facilitator decides about a draft summary, whichever screen they decide it on: the
 * review card in their 1:1 chat (digestReview.ts) or the tab (bot/http/tabApiAfter.ts). Saving
 * choices (hide, show, reword, the ladder), sharing the draft as a "here is what we heard" round,
 * approving it for publication, and making the draft again. One set of rules for both screens.
 *
 * Every decision names the draft version the facilitator was looking at; a draft rebuilt since
 * then is refused with "the draft changed", so nothing is shared that nobody looked at.
 */
import { hideableItems } from '../core/digest';
import { approved, reviewed, type ItemEdit } from '../core/digestState';
import type { Rung } from '../core/ladder';
import type { Person } from '../core/ports';
import type { Session } from '../core/session';
import { whoOf } from './consentSessions';
import type { ServiceDeps } from './deps';
import { prepareDigestDraft } from './digestDraft';
import { postDigestCards, publishDigest } from './digestPublish';
import { loadDigestState, loadDraft, writeDigestState, type StoredDigest } from './digestStore';
import { offeredChannel } from './followUpChannels';
import { placeSession } from './followUpLadder';

const MAX_TRIES = 4;
const BUSY = 'Someone else is changing this summary right now. Please try again.';

export interface ReviewChoices {
  /** The draft version the choices were made on. */
  readonly version: number;
  readonly show: readonly string[];
  readonly hide: readonly string[];
  /** New words for items; empty words (or the words as said) undo a rewording. */
  readonly edits?: readonly ItemEdit[];
  readonly rung?: Rung;
}

export type DigestDecision =
  | { readonly kind: 'done'; readonly stored: StoredDigest }
  | { readonly kind: 'noDraft' }
  | { readonly kind: 'alreadyShared' }
  | { readonly kind: 'changed' }
  | { readonly kind: 'roundAlready' }
  | { readonly kind: 'refused'; readonly problem: string };

/** Applies the choices to the current draft; ids the draft does not have are ignored. */
async function applyChoices(deps: ServiceDeps, stored: StoredDigest, choices: ReviewChoices): Promise<DigestDecision> {
  let current = stored;
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    // Another facilitator may have approved it a moment ago.
    if (current.state.status === 'published') return { kind: 'alreadyShared' };
    const content = await loadDraft(deps.store, current.state);
    const said = new Map(content ? hideableItems(content).map((i) => [i.itemId, i.text]) : []);
    const known = (id: string) => said.has(id);
    const edits = (choices.edits ?? [])
      .filter((e) => known(e.itemId))
      .map((e) => (e.text.replace(/\s+/g, ' ').trim() === said.get(e.itemId)?.replace(/\s+/g, ' ').trim() ? { itemId: e.itemId, text: '' } : e));
    const decided = reviewed(current.state, choices.version, choices.show.filter(known), choices.hide.filter(known), edits);
    if (!decided.ok) return current.state.version !== choices.version ? { kind: 'changed' } : { kind: 'refused', problem: decided.problems.join(' ') };
    const written = await writeDigestState(deps.store, decided.value, current.etag);
    if (written) return { kind: 'done', stored: written };
    const again = await loadDigestState(deps.store, current.state.sessionKey);
    if (!again) break;
    current = again;
  }
  return { kind: 'refused', problem: BUSY };
}

async function place(deps: ServiceDeps, session: Session, rung: Rung | undefined, now: Date): Promise<void> {
  if (rung) await placeSession(deps, session, rung, now);
}

/** Saves hide, show and rewording choices and the ladder. */
export async function saveReview(deps: ServiceDeps, session: Session, choices: ReviewChoices, now: Date): Promise<DigestDecision> {
  const stored = await loadDigestState(deps.store, session.sessionKey);
  if (!stored) return { kind: 'noDraft' };
  if (stored.state.status === 'published') return { kind: 'alreadyShared' };
  const applied = await applyChoices(deps, stored, choices);
  if (applied.kind === 'done') await place(deps, session, choices.rung, now);
  return applied;
}

/** Makes the draft again from the latest notes and answers; false once it has been shared. */
export async function rebuildDraft(deps: ServiceDeps, session: Session, rung: Rung | undefined, now: Date): Promise<boolean> {
  await place(deps, session, rung, now);
  return prepareDigestDraft(deps, session, now, 'facilitator');
}

/** Posts the draft in the meeting chat as "here is what we heard", once per draft version. */
export async function shareRound(deps: ServiceDeps, session: Session, choices: ReviewChoices, now: Date): Promise<DigestDecision> {
  const stored = await loadDigestState(deps.store, session.sessionKey);
  if (!stored) return { kind: 'noDraft' };
  if (stored.state.status === 'published') return { kind: 'alreadyShared' };
  if (stored.state.version !== choices.version) return { kind: 'changed' };
  if (stored.state.roundVersion === stored.state.version) return { kind: 'roundAlready' };
  const applied = await applyChoices(deps, stored, choices);
  if (applied.kind !== 'done') return applied;
  await place(deps, session, choices.rung, now);
  await postDigestCards(deps, session, applied.stored.state, true);
  const marked = await writeDigestState(deps.store, { ...applied.stored.state, roundVersion: applied.stored.state.version }, applied.stored.etag);
  deps.logger.info({ version: stored.state.version }, 'digest shared as a round');
  return { kind: 'done', stored: marked ?? applied.stored };
}

/**
 * Publishes the version the facilitator approved, once: two facilitators approving at the same
 * moment publish once (the state row is written on its ETag). Approving a summary already shared
 * finishes a publication a crash cut short and sends nothing twice.
 */
export async function approveDigest(deps: ServiceDeps, session: Session, reviewer: Person, choices: ReviewChoices & { readonly toChannel?: boolean }, now: Date): Promise<DigestDecision> {
  const first = await loadDigestState(deps.store, session.sessionKey);
  if (!first) return { kind: 'noDraft' };
  if (first.state.status === 'published') {
    await publishDigest(deps, session, first.state, now);
    return { kind: 'alreadyShared' };
  }
  const applied = await applyChoices(deps, first, choices);
  if (applied.kind === 'alreadyShared') {
    const won = await loadDigestState(deps.store, session.sessionKey);
    if (won) await publishDigest(deps, session, won.state, now);
  }
  if (applied.kind !== 'done') return applied;
  await place(deps, session, choices.rung, now);
  const reviewerWho = whoOf(reviewer);
  const channel = choices.toChannel ? await offeredChannel(deps, session, reviewerWho) : undefined;
  let current: StoredDigest | undefined = applied.stored;
  for (let attempt = 0; attempt < MAX_TRIES && current; attempt++) {
    const approvedBy = deps.pseudonymize(reviewerWho);
    const decided = approved(current.state, choices.version, { linkToken: deps.ids.random(), ...(approvedBy ? { approvedBy } : {}), ...(channel ? { channelId: channel } : {}) }, now);
    if (!decided.ok) return { kind: 'refused', problem: decided.problems.join(' ') };
    if (decided.value.kind === 'alreadyPublished') {
      await publishDigest(deps, session, decided.value.state, now);
      return { kind: 'alreadyShared' };
    }
    const written = await writeDigestState(deps.store, decided.value.state, current.etag);
    if (written) {
      await publishDigest(deps, session, written.state, now);
      return { kind: 'done', stored: written };
    }
    current = await loadDigestState(deps.store, session.sessionKey);
  }
  return { kind: 'alreadyShared' };
}
