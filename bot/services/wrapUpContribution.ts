/**
 * "See what you gave today": answers only the person who pressed, from rows keyed by their own
 * identity as the activity gives it (never from card data): their sense-check answers, including
 * ones a facilitator recorded for them, and their answer to "did we do what we came for?".
 * Anonymous notes and pause requests have no author, so they can never appear here. Notes that
 * credit someone name them in free text, which cannot be matched to an identity, so they are left out.
 */
import { personKeyOf } from '../core/facilitators';
import { keyPart } from '../core/keys';
import { personId } from '../core/personalChats';
import type { Store } from '../core/ports';
import { PURPOSE_ANSWERS_TABLE, purposeAnswerFromEntity } from '../core/purposeAnswers';
import { answerFromEntity, answerPartition, SENSE_ANSWERS_TABLE } from '../core/senseCheck';
import { loadSenseCheck, senseCheckIdsOf } from '../core/senseCheckStore';
import { tellPresser } from '../core/turn';
import { myContributionCard, type GivenAnswer, type MyContributionView } from '../cards/myContributionCard';
import { wrapUpStrings } from '../cards/strings/wrapUp.en-GB';
import type { VerbHandler } from './capability';
import { selfRespondent } from './senseCheckViews';

/** This respondent's answers across the session's sense checks, oldest check first. */
async function answersOf(store: Store, sessionKey: string, respondent: string): Promise<GivenAnswer[]> {
  const given: { answer: GivenAnswer; at: number; index: number }[] = [];
  for (const checkId of await senseCheckIdsOf(store, sessionKey)) {
    const stored = await loadSenseCheck(store, sessionKey, checkId);
    if (!stored) continue;
    // Row keys start with the escaped respondent and a separator, so this reads only their rows.
    const page = await store.query(SENSE_ANSWERS_TABLE, answerPartition(sessionKey, checkId), { rowKeyPrefix: `${keyPart(respondent)}|` });
    for (const entity of page.entities) {
      const answer = answerFromEntity(entity);
      if (!answer || answer.respondent !== respondent || answer.senseCheckId !== checkId) continue;
      const statement = stored.check.statements[answer.statementIndex];
      if (statement === undefined) continue;
      given.push({
        answer: { statement, level: answer.level, recordedForThem: answer.method !== 'self', ...(answer.missed ? { missed: answer.missed } : {}) },
        at: stored.check.openedAt.getTime(),
        index: answer.statementIndex,
      });
    }
  }
  return given.sort((a, b) => a.at - b.at || a.index - b.index).map((g) => g.answer);
}

export const myContributionVerb: VerbHandler = {
  run: async ({ turn, session, deps }) => {
    const key = personKeyOf(turn.actor);
    if (!key) return tellPresser(wrapUpStrings.contribution.notIdentified);
    const sessionKey = session.session.sessionKey;
    const respondent = selfRespondent(deps, turn.actor);
    const answers = respondent ? await answersOf(deps.store, sessionKey, respondent) : [];
    const purposeRow = await deps.store.get(PURPOSE_ANSWERS_TABLE, sessionKey, personId(key));
    const purpose = purposeRow ? purposeAnswerFromEntity(purposeRow) : undefined;
    const view: MyContributionView = {
      answers,
      ...(purpose ? { purpose: { answer: purpose.verdict, ...(purpose.reason ? { reason: purpose.reason } : {}) } } : {}),
    };
    deps.logger.info({ answers: answers.length, purpose: purpose !== undefined }, 'contribution shown');
    return { kind: 'card', card: myContributionCard(view) };
  },
};
