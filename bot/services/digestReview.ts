/**
 * The facilitators' review, in their 1:1 chat: `digest` lists the drafts waiting for them (or
 * opens the only one), digest.show opens a draft (making one if there is none yet), digest.review
 * saves hide/show choices and the ladder, or makes the draft again; digest.round shares the draft
 * with the group as "here is what we heard"; digest.approve publishes the version on the card.
 */
import { hideableItems } from '../core/digest';
import { approved, reviewed, type DigestState } from '../core/digestState';
import { isRung } from '../core/ladder';
import { loadSession, type StoredSession } from '../core/sessionStore';
import type { Session } from '../core/session';
import { say, tellPresser, type InvokeReply, type Turn } from '../core/turn';
import { digestPickerCard, digestReviewCard, REVIEW_INPUTS } from '../cards/digestReviewCard';
import { followUpStrings } from '../cards/strings/followUp.en-GB';
import type { CommandHandler, VerbContext, VerbHandler } from './capability';
import { whoOf } from './consentSessions';
import type { ServiceDeps } from './deps';
import { prepareDigestDraft } from './digestDraft';
import { postDigestCards, publishDigest } from './digestPublish';
import { digestsOfFacilitator, loadDigestState, loadDraft, writeDigestState, type StoredDigest } from './digestStore';
import { reviewView } from './digestViews';
import { offeredChannel } from './followUpChannels';
import { placeSession } from './followUpLadder';

const text = followUpStrings.review;
const MAX_TRIES = 4;

async function reviewReply(deps: ServiceDeps, session: Session, turn: Turn, page: number, notice?: string): Promise<InvokeReply> {
  let stored = await loadDigestState(deps.store, session.sessionKey);
  if (!stored) {
    await prepareDigestDraft(deps, session, turn.now, 'facilitator');
    stored = await loadDigestState(deps.store, session.sessionKey);
  }
  const content = stored ? await loadDraft(deps.store, stored.state) : undefined;
  if (!stored || !content) return tellPresser(text.noDraft);
  const reviewerWho = whoOf(turn.actor);
  const view = await reviewView(deps, session, stored.state, content, { page, ...(reviewerWho ? { reviewerWho } : {}), ...(notice ? { notice } : {}) });
  return { kind: 'card', card: digestReviewCard(view) };
}

export const digestCommand: CommandHandler = {
  withoutSession: async ({ turn, deps }) => {
    const who = whoOf(turn.actor);
    if (!who) return say(text.noDraft);
    const mine: { state: DigestState; session: Session }[] = [];
    for (const state of await digestsOfFacilitator(deps.store, who)) {
      const stored = await loadSession(deps.store, state.sessionKey);
      if (stored && (await deps.facilitators.isFacilitator(stored.session, turn.actor))) mine.push({ state, session: stored.session });
    }
    const waiting = mine.filter((m) => m.state.status === 'draft');
    const first = waiting[0] ?? mine[0];
    if (!first) return say(text.noDraft);
    if (waiting.length > 1) return { card: digestPickerCard(waiting.map((m) => ({ sessionKey: m.session.sessionKey, occurrence: m.session.occurrence }))) };
    const reply = await reviewReply(deps, first.session, turn, 0);
    return reply.kind === 'card' ? { card: reply.card } : say(text.noDraft);
  },
};

const pageOf = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0);
const versionOf = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) ? value : -1);

export const digestShowVerb: VerbHandler = {
  run: async ({ turn, data, session, deps }) => reviewReply(deps, session.session, turn, pageOf(data.page)),
};

/** Applies the toggles of the page the facilitator was looking at; only ids the draft has count. */
async function applyChoices(deps: ServiceDeps, stored: StoredDigest, data: VerbContext['data']): Promise<{ ok: true; stored: StoredDigest } | { ok: false; problem: string }> {
  let current = stored;
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    const content = await loadDraft(deps.store, current.state);
    const known = new Set(content ? hideableItems(content).map((i) => i.itemId) : []);
    const onPage = Array.isArray(data.items) ? data.items.filter((id): id is string => typeof id === 'string' && known.has(id)) : [];
    const show = onPage.filter((id) => data[`${REVIEW_INPUTS.showPrefix}${id}`] === 'true');
    const hide = onPage.filter((id) => data[`${REVIEW_INPUTS.showPrefix}${id}`] === 'false');
    const decided = reviewed(current.state, versionOf(data.version), show, hide);
    if (!decided.ok) return { ok: false, problem: decided.problems.join(' ') };
    const written = await writeDigestState(deps.store, decided.value, current.etag);
    if (written) return { ok: true, stored: written };
    const again = await loadDigestState(deps.store, current.state.sessionKey);
    if (!again) break;
    current = again;
  }
  return { ok: false, problem: text.notFacilitator };
}

async function placeFromForm(deps: ServiceDeps, session: Session, data: VerbContext['data'], now: Date): Promise<void> {
  const rung = data[REVIEW_INPUTS.rung];
  if (isRung(rung)) await placeSession(deps, session, rung, now);
}

export const digestReviewVerb: VerbHandler = {
  run: async ({ turn, data, session: { session }, deps }) => {
    const stored = await loadDigestState(deps.store, session.sessionKey);
    if (!stored) return reviewReply(deps, session, turn, 0);
    if (data.rebuild !== undefined) {
      await placeFromForm(deps, session, data, turn.now);
      const made = await prepareDigestDraft(deps, session, turn.now, 'facilitator');
      return reviewReply(deps, session, turn, 0, made ? undefined : text.alreadyShared);
    }
    const applied = await applyChoices(deps, stored, data);
    if (!applied.ok) return reviewReply(deps, session, turn, 0, applied.problem);
    await placeFromForm(deps, session, data, turn.now);
    return reviewReply(deps, session, turn, pageOf(data.goTo), text.saved);
  },
};

export const digestRoundVerb: VerbHandler = {
  run: async ({ turn, data, session: { session }, deps }) => {
    const stored = await loadDigestState(deps.store, session.sessionKey);
    if (!stored) return reviewReply(deps, session, turn, 0);
    if (stored.state.status === 'published') return tellPresser(text.alreadyShared);
    if (stored.state.version !== versionOf(data.version)) return reviewReply(deps, session, turn, 0, text.changed);
    if (stored.state.roundVersion === stored.state.version) return tellPresser(text.roundAlready);
    const applied = await applyChoices(deps, stored, data);
    if (!applied.ok) return reviewReply(deps, session, turn, 0, applied.problem);
    await placeFromForm(deps, session, data, turn.now);
    await postDigestCards(deps, session, applied.stored.state, true);
    await writeDigestState(deps.store, { ...applied.stored.state, roundVersion: applied.stored.state.version }, applied.stored.etag);
    deps.logger.info({ version: stored.state.version }, 'digest shared as a round');
    return tellPresser(text.roundPosted);
  },
};

async function approve(deps: ServiceDeps, session: Session, turn: Turn, data: VerbContext['data']): Promise<InvokeReply> {
  const first = await loadDigestState(deps.store, session.sessionKey);
  if (!first) return tellPresser(text.noDraft);
  if (first.state.status === 'published') {
    await publishDigest(deps, session, first.state, turn.now); // idempotent: finishes a publication a crash cut short
    return tellPresser(text.alreadyShared);
  }
  const applied = await applyChoices(deps, first, data);
  if (!applied.ok) return reviewReply(deps, session, turn, 0, applied.problem);
  await placeFromForm(deps, session, data, turn.now);
  const reviewer = whoOf(turn.actor);
  const channel = data[REVIEW_INPUTS.channel] === 'true' ? await offeredChannel(deps, session, reviewer) : undefined;
  let current: StoredDigest | undefined = applied.stored;
  for (let attempt = 0; attempt < MAX_TRIES && current; attempt++) {
    const approvedBy = deps.pseudonymize(reviewer);
    const decided = approved(current.state, versionOf(data.version), { linkToken: deps.ids.random(), ...(approvedBy ? { approvedBy } : {}), ...(channel ? { channelId: channel } : {}) }, turn.now);
    if (!decided.ok) return reviewReply(deps, session, turn, 0, decided.problems.join(' '));
    if (decided.value.kind === 'alreadyPublished') {
      await publishDigest(deps, session, decided.value.state, turn.now);
      return tellPresser(text.alreadyShared);
    }
    const written = await writeDigestState(deps.store, decided.value.state, current.etag);
    if (written) {
      await publishDigest(deps, session, written.state, turn.now);
      return tellPresser(text.approvedNow);
    }
    current = await loadDigestState(deps.store, session.sessionKey);
  }
  return tellPresser(text.alreadyShared);
}

export const digestApproveVerb: VerbHandler = {
  run: async ({ turn, data, session: stored, deps }: VerbContext & { session: StoredSession }) => approve(deps, stored.session, turn, data),
};
