/**
 * Sharing an approved digest. Every step is idempotent (outbox keys, insert-if-absent actions,
 * keyed jobs), so a repeated approval, or a retry after a crash part-way, sends each thing once:
 * the summary cards to the meeting chat (and the organisers' channel if chosen), the thank-yous,
 * the actions from the next steps, the follow-up reminder, and the organisers' 1:1 nudge to the
 * organiser view. The outbox paces and retries the sends (429 with Retry-After, 5xx).
 */
import type { DigestState } from '../core/digestState';
import type { Session } from '../core/session';
import { digestCards } from '../cards/digestCard';
import { followUpStrings } from '../cards/strings/followUp.en-GB';
import type { ServiceDeps } from './deps';
import { loadDraft } from './digestStore';
import { DIGEST_LINKS_TABLE, digestLinks, groupView, tokenKey } from './digestViews';
import { seedActionsFromWrapUp } from './followUpActions';
import { keepChannelChoice } from './followUpChannels';
import { scheduleFollowUpDateReminder } from './followUpReminders';
import { tellPrivately } from './privateChat';
import { sendThanks } from './thanks';

export async function postDigestCards(deps: ServiceDeps, session: Session, state: DigestState, round: boolean): Promise<number> {
  const content = await loadDraft(deps.store, state);
  if (!content) throw new Error('The digest draft could not be read back.');
  const view = await groupView(deps, session, state, content);
  const cards = digestCards(view, { round });
  const targets = round ? [session.conversationId] : [session.conversationId, ...(state.channelId ? [state.channelId] : [])];
  const prefix = round ? `digestRound|${session.sessionKey}|v${state.version}` : `digest|${session.sessionKey}`;
  for (const conversationId of targets) {
    for (const [index, card] of cards.entries()) {
      await deps.outbox.enqueue({ conversationId, message: { kind: 'send', card }, idempotencyKey: `${prefix}|part${index + 1}` });
    }
  }
  return cards.length;
}

export async function publishDigest(deps: ServiceDeps, session: Session, state: DigestState, now: Date): Promise<void> {
  if (state.linkToken) {
    await deps.store.upsert(DIGEST_LINKS_TABLE, { partitionKey: tokenKey(state.linkToken), rowKey: 'digest', props: { sessionKey: session.sessionKey } });
  }
  const parts = await postDigestCards(deps, session, state, false);
  if (state.channelId) await keepChannelChoice(deps, session, state.channelId, now);
  const links = digestLinks(deps.publicUrl, state.linkToken);
  const thanks = await sendThanks(deps, session, links?.full);
  const actions = await seedActionsFromWrapUp(deps, session, now);
  await scheduleFollowUpDateReminder(deps, session);
  await tellPrivately(deps, session.facilitators, { text: followUpStrings.digest.organiserNudge }, `organiserNudge|${session.sessionKey}`);
  deps.logger.info({ parts, toChannel: state.channelId !== undefined, thanked: thanks.thanked, actions }, 'digest published');
}
