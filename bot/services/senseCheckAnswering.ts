/**
 * A person answers one point: agree / partly / disagree, and maybe what we missed. The answer row
 * belongs to the person the activity names (never card data); pressing again changes it until the
 * check closes, and the same press twice records one answer. The presser sees their own answers
 * in the invoke response; the public card only learns "N of M" through the coalesced refresh.
 */
import { answer, MAX_MISSED_CHARACTERS, type Answer } from '../core/senseCheck';
import { answerPressFrom } from '../core/senseCheckForms';
import { loadAnswer, saveAnswer, type StoredSenseCheck } from '../core/senseCheckStore';
import type { Session } from '../core/session';
import { refuseInvoke, tellPresser, type InvokeReply } from '../core/turn';
import { senseCheckAnswerCard, type SenseCheckAnswerView } from '../cards/senseCheckAnswerCard';
import { fill, MISSED_INPUT_ID } from '../cards/senseCheckCard';
import { senseCheckStrings } from '../cards/strings/senseCheck.en-GB';
import { recordSignal } from './attendance';
import type { VerbHandler } from './capability';
import type { ServiceDeps } from './deps';
import { checkOfCard, requestTallyRefresh, selfRespondent } from './senseCheckViews';

export const answerSenseCheck: VerbHandler = {
  run: async ({ turn, data, session, deps }) => {
    const found = await checkOfCard(deps, session.session, data);
    if (!found.ok) return found.reply;
    const press = answerPressFrom(data, MISSED_INPUT_ID);
    if (!press) return refuseInvoke(400, senseCheckStrings.answer.badButton);
    const respondent = selfRespondent(deps, turn.actor);
    if (!respondent) return tellPresser(senseCheckStrings.answer.unknownPerson);

    const { stored } = found;
    const sessionKey = session.session.sessionKey;
    const existing = await loadAnswer(deps.store, sessionKey, stored.check.id, respondent, press.statementIndex);
    const result = answer(stored.check, existing, { respondent, statementIndex: press.statementIndex, level: press.level, method: 'self', ...(press.missed ? { missed: press.missed } : {}) }, turn.now);
    if (!result.ok) {
      if (result.reason === 'closed') return ownAnswers(deps, session.session, stored, respondent, 'closed');
      if (result.reason === 'missedTooLong') return tellPresser(fill(senseCheckStrings.answer.missedTooLong, { max: MAX_MISSED_CHARACTERS }));
      return refuseInvoke(400, senseCheckStrings.answer.badButton);
    }

    if (!result.unchanged) await saveAnswer(deps.store, sessionKey, result.answer);
    await recordSignal(deps, session.session, turn.actor, 'cardAnswer', turn.now);
    // Only a first answer to a point moves "N of M"; a changed level stays hidden until closing.
    if (!existing) await requestTallyRefresh(deps, session.session, stored, turn.now);
    deps.logger.info({ outcome: result.unchanged ? 'unchanged' : existing ? 'changed' : 'new' }, 'sense check answer');
    return ownAnswers(deps, session.session, stored, respondent, result.unchanged ? 'unchanged' : 'saved', result.answer);
  },
};

/** The presser's own answers to every point, for their eyes only. */
async function ownAnswers(
  deps: ServiceDeps,
  session: Session,
  stored: StoredSenseCheck,
  respondent: string,
  outcome: SenseCheckAnswerView['outcome'],
  latest?: Answer,
): Promise<InvokeReply> {
  const { check } = stored;
  const mine = await Promise.all(
    check.statements.map(async (_s, index) =>
      latest && latest.statementIndex === index ? latest : loadAnswer(deps.store, session.sessionKey, check.id, respondent, index),
    ),
  );
  const card = senseCheckAnswerCard({
    sessionKey: session.sessionKey,
    senseCheckId: check.id,
    statements: check.statements,
    status: check.status,
    mine: mine.map((a) => (a ? { level: a.level, ...(a.missed ? { missed: a.missed } : {}) } : undefined)),
    outcome,
  });
  return { kind: 'card', card };
}
