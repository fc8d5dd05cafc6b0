/**
 * Thank-yous after the summary is shared: to each person who took part, in their own 1:1 chat
 * where the bot can reach them, naming what they gave (their own sense-check answers and their
 * answer about the purpose, read from rows keyed by them) and their payment as due or paid. The
 * idempotency key is the session and the person, so approving twice thanks once.
 */
import { statusForPerson } from '../core/payments';
import { PURPOSE_ANSWERS_TABLE, purposeAnswerFromEntity } from '../core/purposeAnswers';
import type { Answer, SenseCheck } from '../core/senseCheck';
import type { Session } from '../core/session';
import { dayOf } from '../cards/digestCard';
import { thanksCard, type ThanksView } from '../cards/thanksCard';
import type { ServiceDeps } from './deps';
import { senseChecksOf } from './digestSources';
import { loadLine } from './paymentsStore';
import { tellPrivately } from './privateChat';
import { participantsOf, reachableWho } from './thanksPeople';
import { loadWrapUp } from './wrapUpStore';

function answersOf(checks: readonly { check: SenseCheck; answers: readonly Answer[] }[], who: string): ThanksView['answers'] {
  const respondent = `person:${who}`;
  return checks.flatMap(({ check, answers }) =>
    answers
      .filter((a) => a.respondent === respondent)
      .sort((a, b) => a.statementIndex - b.statementIndex)
      .flatMap((a) => {
        const statement = check.statements[a.statementIndex];
        return statement === undefined ? [] : [{ statement, level: a.level, recordedForThem: a.method !== 'self', ...(a.missed ? { missed: a.missed } : {}) }];
      }),
  );
}

export async function sendThanks(deps: ServiceDeps, session: Session, summaryUrl: string | undefined): Promise<{ readonly thanked: number; readonly unreachable: number }> {
  const people = await participantsOf(deps, session);
  const reachable = await reachableWho(deps, people.map((p) => p.who));
  const [checks, wrapUp] = await Promise.all([senseChecksOf(deps.store, session.sessionKey), loadWrapUp(deps.store, session.sessionKey)]);
  let thanked = 0;
  for (const person of people) {
    if (!person.key || !reachable.has(person.who)) continue;
    const purposeRow = await deps.store.get(PURPOSE_ANSWERS_TABLE, session.sessionKey, person.who);
    const purpose = purposeRow ? purposeAnswerFromEntity(purposeRow) : undefined;
    const payment = statusForPerson(await loadLine(deps.store, session.sessionKey, person.who));
    const card = thanksCard({
      sessionDay: dayOf(session.occurrence),
      outcome: session.purpose.outcome,
      answers: answersOf(checks, person.who),
      ...(purpose ? { purpose: { answer: purpose.verdict, ...(purpose.reason ? { reason: purpose.reason } : {}) } } : {}),
      ...(payment ? { payment } : {}),
      ...(wrapUp ? { followUpDay: dayOf(wrapUp.wrapUp.followUpDate) } : {}),
      ...(summaryUrl ? { summaryUrl } : {}),
    });
    const delivery = await tellPrivately(deps, [person.key], { card }, `thanks|${session.sessionKey}`);
    thanked += delivery.reached.length;
  }
  deps.logger.info({ thanked, unreachable: people.length - thanked }, 'thanks sent');
  return { thanked, unreachable: people.length - thanked };
}
