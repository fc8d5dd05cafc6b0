/**
 * The purpose: posted when the meeting starts (or by `purpose`), shown privately by its button,
 * and at the end the question "did we do what we came for?", answered by each person for
 * themselves. The public question card shows only how many have answered, refreshed in batches.
 */
import { decidePurposeAnswer, PURPOSE_ANSWERS_TABLE, purposeAnswerFromEntity } from '../core/purposeAnswers';
import { personKeyOf } from '../core/facilitators';
import { personId } from '../core/personalChats';
import { queryAll } from '../core/storeQueries';
import { loadSession } from '../core/sessionStore';
import type { Session } from '../core/session';
import { refuseInvoke } from '../core/turn';
import { PURPOSE_REASON_INPUT, purposeAnswerCard, purposeCard, purposeQuestionCard } from '../cards/purposeCards';
import { setupStrings } from '../cards/strings/setup.en-GB';
import type { Capability } from './capability';
import type { ServiceDeps } from './deps';
import { countPresent, recordSignal } from './attendance';
import { postTrackedCard, requestCardRefresh } from './trackedCards';

const QUESTION_RENDERER = 'purposeQuestion';
const questionKey = (session: Session) => `purposeQuestion|${session.sessionKey}`;

function purposeView(session: Session) {
  return { sessionKey: session.sessionKey, purpose: session.purpose, safeguardingContact: session.safeguardingContact };
}

async function countAnswers(deps: ServiceDeps, sessionKey: string): Promise<number> {
  return (await queryAll(deps.store, PURPOSE_ANSWERS_TABLE, sessionKey)).length;
}

async function questionCard(deps: ServiceDeps, session: Session) {
  const [answered, expected] = await Promise.all([countAnswers(deps, session.sessionKey), countPresent(deps, session)]);
  return purposeQuestionCard({ sessionKey: session.sessionKey, outcome: session.purpose.outcome, answered, ...(expected !== undefined ? { expected } : {}) });
}

/**
 * Posts "did we do what we came for?" in the session's chat once; true when it was posted now,
 * false when it had already been asked.
 */
export async function askPurposeQuestion(deps: ServiceDeps, session: Session, _now: Date): Promise<boolean> {
  return postTrackedCard(deps, session.conversationId, questionKey(session), await questionCard(deps, session));
}

export const purposeCapability: Capability = {
  commands: {
    purpose: { run: async ({ session }) => ({ card: purposeCard(purposeView(session.session)) }) },
  },
  verbs: {
    'purpose.show': { run: async ({ session }) => ({ kind: 'card', card: purposeCard(purposeView(session.session)) }) },
    'purpose.post': {
      run: async ({ session: { session }, deps }) => {
        // Each press posts again, as typing `purpose` does: a facilitator may want it back in view.
        await postTrackedCard(deps, session.conversationId, `purpose|${session.sessionKey}|${deps.ids.random()}`, purposeCard(purposeView(session)));
        return { kind: 'message', text: setupStrings.purpose.posted };
      },
    },
    'purpose.ask': {
      run: async ({ session, deps, turn }) => {
        const posted = await askPurposeQuestion(deps, session.session, turn.now);
        return { kind: 'message', text: posted ? setupStrings.purpose.asked : setupStrings.purpose.alreadyAsked };
      },
    },
    'purpose.answer': {
      run: async ({ session: { session }, turn, data, deps }) => {
        const key = personKeyOf(turn.actor);
        const existing = key ? await deps.store.get(PURPOSE_ANSWERS_TABLE, session.sessionKey, personId(key)) : undefined;
        const decided = decidePurposeAnswer(
          session.sessionKey,
          turn.actor,
          { verdict: data.answer, reason: data[PURPOSE_REASON_INPUT] },
          existing ? purposeAnswerFromEntity(existing) : undefined,
          turn.now,
        );
        if (!decided.ok) return refuseInvoke(400, decided.problems.join(' '));
        const { entity, answer, unchanged } = decided.value;
        if (!unchanged) {
          await deps.store.upsert(PURPOSE_ANSWERS_TABLE, entity);
          await recordSignal(deps, session, turn.actor, 'cardAnswer', turn.now);
          await requestCardRefresh(deps, { renderer: QUESTION_RENDERER, cardKey: questionKey(session), conversationId: session.conversationId, payload: { sessionKey: session.sessionKey } }, turn.now);
        }
        return { kind: 'card', card: purposeAnswerCard(answer, unchanged) };
      },
    },
  },
  cardRenderers: {
    [QUESTION_RENDERER]: async (payload, deps) => {
      const stored = typeof payload.sessionKey === 'string' ? await loadSession(deps.store, payload.sessionKey) : undefined;
      return stored ? questionCard(deps, stored.session) : undefined;
    },
  },
  onMeetingEvent: async ({ event, session, deps }) => {
    if (event.kind !== 'start' || !session) return;
    await postTrackedCard(deps, session.session.conversationId, `purpose|${session.session.sessionKey}`, purposeCard(purposeView(session.session)));
  },
};
