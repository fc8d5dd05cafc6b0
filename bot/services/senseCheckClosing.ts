/**
 * A facilitator closes a sense check. The public card is edited once, to show the split; the
 * answers fewer people gave and what people said we missed go to the facilitators privately (their
 * 1:1 chats, and the closing facilitator's own invoke response), never to the meeting chat.
 */
import { personKeyOf } from '../core/facilitators';
import { personId } from '../core/personalChats';
import { minorityAnswers, tallies, type Answer, type SenseCheck } from '../core/senseCheck';
import { closeStoredSenseCheck, loadAnswers } from '../core/senseCheckStore';
import { refuseInvoke, type InvokeReply } from '../core/turn';
import { senseCheckResultsCards, withMoreNote, type ResultItem, type StatementResult } from '../cards/senseCheckResultsCard';
import { senseCheckStrings } from '../cards/strings/senseCheck.en-GB';
import type { AdaptiveCard } from '../cards/types';
import type { VerbHandler } from './capability';
import { tellFacilitators } from './privateChat';
import { checkOfCard, expectedCount, publicCard, senseCheckCardKey } from './senseCheckViews';
import { editTrackedCard } from './trackedCards';

export const closeSenseCheckAction: VerbHandler = {
  run: async ({ turn, data, session, deps }) => {
    const found = await checkOfCard(deps, session.session, data);
    if (!found.ok) return found.reply;
    const sessionKey = session.session.sessionKey;
    const outcome = await closeStoredSenseCheck(deps.store, sessionKey, found.stored.check.id, turn.now);
    if (outcome.kind === 'gone') return refuseInvoke(404, senseCheckStrings.answer.notFound);

    // Read after closing: no answer is accepted any more, so this is the final count.
    const { check, conversationId } = outcome.stored;
    const answers = await loadAnswers(deps.store, sessionKey, check.id);
    const expected = await expectedCount(deps, session.session);
    const results = senseCheckResultsCards(resultsView(check, answers, expected));
    if (outcome.kind === 'alreadyClosed') return { kind: 'card', card: withNote(results[0], senseCheckStrings.close.alreadyClosed) };

    await editTrackedCard(deps, conversationId, senseCheckCardKey(check.id), publicCard(session.session, check, answers, expected), 'close');
    const me = personKeyOf(turn.actor);
    let reached = 0;
    let reachedMe = false;
    for (const [part, card] of results.entries()) {
      const sent = await tellFacilitators(deps, session.session, { card }, `senseCheck|${check.id}|results|${part}`);
      reached = Math.max(reached, sent.reached.length);
      reachedMe ||= me !== undefined && sent.reached.some((p) => personId(p) === personId(me));
    }
    deps.logger.info({ answers: answers.length, resultCards: results.length, facilitatorsReached: reached }, 'sense check closed');
    return ownResults(results, reachedMe);
  },
};

function ownResults(results: readonly AdaptiveCard[], reachedPrivately: boolean): InvokeReply {
  const first = results[0];
  return { kind: 'card', card: results.length > 1 ? withMoreNote(first, reachedPrivately) : first };
}

function withNote(card: AdaptiveCard, note: string): AdaptiveCard {
  const [title, ...rest] = card.body;
  return { ...card, body: [title, { type: 'TextBlock', text: note, wrap: true, weight: 'Bolder' }, ...rest] };
}

/** Per point: the closed tally, the outnumbered answers first, then everyone else's "what we missed". */
export function resultsView(check: SenseCheck, answers: readonly Answer[], expected: number | undefined): { statements: StatementResult[] } {
  const closedTallies = tallies(check, answers, expected);
  const minority = new Set(minorityAnswers(answers));
  const item = (a: Answer): ResultItem => ({ level: a.level, recorded: a.method !== 'self', ...(a.missed ? { missed: a.missed } : {}) });
  return {
    statements: check.statements.map((statement, index) => {
      const mine = answers.filter((a) => a.statementIndex === index);
      return {
        statement,
        tally: closedTallies[index],
        recordedCount: mine.filter((a) => a.method !== 'self').length,
        minority: mine.filter((a) => minority.has(a)).map(item),
        otherMissed: mine.filter((a) => !minority.has(a) && a.missed).map(item),
      };
    }),
  };
}
