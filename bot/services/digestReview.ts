/**
 * The facilitators' review, in their 1:1 chat: `digest` lists the drafts waiting for them (or
 * opens the only one), digest.show opens a draft (making one if there is none yet), digest.review
 * saves hide/show choices and the ladder, or makes the draft again; digest.round shares the draft
 * with the group as "here is what we heard"; digest.approve publishes the version on the card.
 * The decisions themselves are in digestDecisions.ts, which the tab's review uses too.
 */
import type { DigestState } from '../core/digestState';
import { isRung } from '../core/ladder';
import { loadSession, type StoredSession } from '../core/sessionStore';
import type { Session } from '../core/session';
import { say, tellPresser, type InvokeReply, type Turn } from '../core/turn';
import { digestPickerCard, digestReviewCard, REVIEW_INPUTS } from '../cards/digestReviewCard';
import { followUpStrings } from '../cards/strings/followUp.en-GB';
import type { CommandHandler, VerbContext, VerbHandler } from './capability';
import { whoOf } from './consentSessions';
import type { ServiceDeps } from './deps';
import { approveDigest, rebuildDraft, saveReview, shareRound, type DigestDecision, type ReviewChoices } from './digestDecisions';
import { prepareDigestDraft } from './digestDraft';
import { digestsOfFacilitator, loadDigestState, loadDraft } from './digestStore';
import { reviewView } from './digestViews';

const text = followUpStrings.review;

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

/** The card's toggles for the page the facilitator was looking at, and the ladder. */
function choicesFromCard(data: VerbContext['data']): ReviewChoices {
  const onPage = Array.isArray(data.items) ? data.items.filter((id): id is string => typeof id === 'string') : [];
  const toggle = (id: string) => data[`${REVIEW_INPUTS.showPrefix}${id}`];
  const rung = data[REVIEW_INPUTS.rung];
  return {
    version: versionOf(data.version),
    show: onPage.filter((id) => toggle(id) === 'true'),
    hide: onPage.filter((id) => toggle(id) === 'false'),
    ...(isRung(rung) ? { rung } : {}),
  };
}

/** The answers every decision can end in, as the card shows them. */
async function replyTo(decision: DigestDecision, deps: ServiceDeps, session: Session, turn: Turn, done: () => Promise<InvokeReply>): Promise<InvokeReply> {
  switch (decision.kind) {
    case 'done':
      return done();
    case 'noDraft':
      return reviewReply(deps, session, turn, 0);
    case 'alreadyShared':
      return tellPresser(text.alreadyShared);
    case 'roundAlready':
      return tellPresser(text.roundAlready);
    case 'changed':
      return reviewReply(deps, session, turn, 0, text.changed);
    case 'refused':
      return reviewReply(deps, session, turn, 0, decision.problem);
  }
}

export const digestReviewVerb: VerbHandler = {
  run: async ({ turn, data, session: { session }, deps }) => {
    const choices = choicesFromCard(data);
    if (data.rebuild !== undefined && (await loadDigestState(deps.store, session.sessionKey))) {
      const made = await rebuildDraft(deps, session, choices.rung, turn.now);
      return reviewReply(deps, session, turn, 0, made ? undefined : text.alreadyShared);
    }
    const saved = await saveReview(deps, session, choices, turn.now);
    // A summary shared already is shown as it stands, with no error: nothing was lost.
    if (saved.kind === 'alreadyShared') return reviewReply(deps, session, turn, 0, text.alreadyShared);
    return replyTo(saved, deps, session, turn, () => reviewReply(deps, session, turn, pageOf(data.goTo), text.saved));
  },
};

export const digestRoundVerb: VerbHandler = {
  run: async ({ turn, data, session: { session }, deps }) => {
    const shared = await shareRound(deps, session, choicesFromCard(data), turn.now);
    return replyTo(shared, deps, session, turn, async () => tellPresser(text.roundPosted));
  },
};

export const digestApproveVerb: VerbHandler = {
  run: async ({ turn, data, session: stored, deps }: VerbContext & { session: StoredSession }) => {
    const choices = { ...choicesFromCard(data), toChannel: data[REVIEW_INPUTS.channel] === 'true' };
    const decided = await approveDigest(deps, stored.session, turn.actor, choices, turn.now);
    // No draft yet: say so plainly rather than making one at the moment of approval.
    if (decided.kind === 'noDraft') return tellPresser(text.noDraft);
    return replyTo(decided, deps, stored.session, turn, async () => tellPresser(text.approvedNow));
  },
};
