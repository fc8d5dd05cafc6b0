/**
 * Wrap-up: `wrap up` posts a neutral card; its button gives the facilitator the next-steps form
 * privately; saving stores the steps (conditionally), posts "what happens next" in the meeting
 * chat (or edits the one already there) and asks the purpose question if it has not been asked.
 */
import { dateIn, knownTimeZone, middayIn } from '../core/nextStepDates';
import { decideWrapUp, MAX_NEXT_STEPS, NEXT_STEP_LIMITS, type NextStepInput, type WrapUp, type WrapUpContext, type WrapUpInput, type WrapUpProblem } from '../core/nextSteps';
import type { Session } from '../core/session';
import { tellPresser, type InvokeReply, type Turn } from '../core/turn';
import { fill } from '../cards/senseCheckCard';
import { wrapUpStrings } from '../cards/strings/wrapUp.en-GB';
import { wrapUpCard } from '../cards/wrapUpCard';
import { FOLLOW_UP_INPUT, stepInputIds, wrapUpFormCard } from '../cards/wrapUpFormCard';
import { wrapUpNextCard } from '../cards/wrapUpNextCard';
import type { CommandHandler, VerbHandler } from './capability';
import type { ServiceDeps } from './deps';
import { warnAboutWording } from './plainEnglishWarnings';
import { askPurposeQuestion } from './purpose';
import { editTrackedCard, postTrackedCard } from './trackedCards';
import { loadWrapUp, saveWrapUp, type StoredWrapUp } from './wrapUpStore';
import { prepareDigestAfterWrapUp } from './digestDraft';

const text = wrapUpStrings.wrapUp;

/** The tracked "what happens next" card of a session: posted once, edited on later saves. */
export function nextStepsCardKey(sessionKey: string): string {
  return `wrapUp|${sessionKey}`;
}

/** The facilitator's zone from their Teams client, else the one saved at setup, else UTC. */
function zoneOf(turn: Turn, session: Session): string {
  const fromTurn = knownTimeZone(turn.timeZone);
  return fromTurn !== 'UTC' ? fromTurn : knownTimeZone(session.timeZone);
}

export const wrapUpCommand: CommandHandler = {
  run: async ({ session }) => ({ card: wrapUpCard({ sessionKey: session.session.sessionKey }) }),
};

function formOf(session: Session, turn: Turn, stored: StoredWrapUp | undefined, typed?: { steps: readonly NextStepInput[]; followUpDate?: string }, problems?: readonly string[]): InvokeReply {
  const today = dateIn(turn.now, zoneOf(turn, session));
  const source = typed ?? stored?.wrapUp;
  const card = wrapUpFormCard({
    sessionKey: session.sessionKey,
    version: stored?.wrapUp.version ?? 0,
    steps: source?.steps ?? [],
    today,
    limits: { steps: MAX_NEXT_STEPS, ...NEXT_STEP_LIMITS },
    ...(source?.followUpDate ? { followUpDate: source.followUpDate } : {}),
    ...(problems ? { problems } : {}),
  });
  return { kind: 'card', card };
}

export const wrapUpStartVerb: VerbHandler = {
  run: async ({ turn, session, deps }) => formOf(session.session, turn, await loadWrapUp(deps.store, session.session.sessionKey)),
};

function readForm(data: Readonly<Record<string, unknown>>): WrapUpInput {
  const str = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const steps: NextStepInput[] = [];
  for (let number = 1; number <= MAX_NEXT_STEPS; number++) {
    const ids = stepInputIds(number);
    steps.push({ what: str(data[ids.what]), owner: str(data[ids.owner]), due: str(data[ids.due]) });
  }
  const version = Number(data.formVersion);
  const followUpDate = str(data[FOLLOW_UP_INPUT]);
  return { steps, formVersion: Number.isInteger(version) && version >= 0 ? version : -1, ...(followUpDate ? { followUpDate } : {}) };
}

function sentenceFor(problem: WrapUpProblem): string {
  return 'step' in problem ? fill(text.problems[problem.kind], { step: problem.step }) : text.problems[problem.kind];
}

export const wrapUpSaveVerb: VerbHandler = {
  run: async ({ turn, data, session: stored, deps }) => {
    const session = stored.session;
    const form = readForm(data);
    const previous = await loadWrapUp(deps.store, session.sessionKey);
    const timeZone = zoneOf(turn, session);
    const context = { sessionKey: session.sessionKey, today: dateIn(turn.now, timeZone), timeZone, now: turn.now };
    const decided = decideWrapUp(previous?.wrapUp, form, context);
    if (!decided.ok) {
      const stale = decided.problems.some((p) => p.kind === 'changedMeanwhile');
      // The same form pressed twice (or a retried press) changes nothing and says so. Sharing
      // again is idempotent, and covers a first press that saved but stopped before it shared.
      if (stale && previous && sameAsSaved(previous.wrapUp, form, context)) {
        await shareNextSteps(deps, session, previous.wrapUp);
        return tellPresser(text.alreadySaved);
      }
      // An out-of-date form shows the newer saved steps; other problems keep what was typed.
      return formOf(session, turn, previous, stale ? undefined : form, decided.problems.map(sentenceFor));
    }
    if (!(await saveWrapUp(deps.store, decided.wrapUp, previous))) {
      return formOf(session, turn, await loadWrapUp(deps.store, session.sessionKey), undefined, [text.problems.changedMeanwhile]);
    }
    await shareNextSteps(deps, session, decided.wrapUp);
    deps.logger.info({ steps: decided.wrapUp.steps.length, version: decided.wrapUp.version }, 'wrap-up saved');
    await askPurposeQuestion(deps, session, turn.now);
    await prepareDigestAfterWrapUp(deps, session, turn.now);
    await warnAboutWording(deps, session, decided.wrapUp.steps.map((s) => ({ where: 'nextSteps', text: s.what })), turn.now);
    return tellPresser(decided.wrapUp.version === 1 ? text.saved : text.savedAgain);
  },
};

/** True when this form, saved on its own version, would store exactly what is saved now. */
function sameAsSaved(saved: WrapUp, form: WrapUpInput, context: WrapUpContext): boolean {
  const replayed = decideWrapUp({ ...saved, version: form.formVersion }, form, context);
  return replayed.ok && replayed.wrapUp.followUpDate === saved.followUpDate && JSON.stringify(replayed.wrapUp.steps) === JSON.stringify(saved.steps);
}

/** Posts "what happens next" in the meeting chat the first time, and edits that card after. */
async function shareNextSteps(deps: ServiceDeps, session: Session, wrapUp: WrapUp): Promise<void> {
  // A date stands for midday where it was chosen, so readers nearby see the same calendar day.
  const at = (date: string) => middayIn(date, wrapUp.timeZone);
  const card = wrapUpNextCard({
    sessionKey: session.sessionKey,
    steps: wrapUp.steps.map((step) => ({ what: step.what, ...(step.owner ? { owner: step.owner } : {}), ...(step.due ? { dueAt: at(step.due) } : {}) })),
    hearBackAt: at(wrapUp.followUpDate),
  });
  const cardKey = nextStepsCardKey(session.sessionKey);
  if (wrapUp.version === 1) await postTrackedCard(deps, session.conversationId, cardKey, card);
  else await editTrackedCard(deps, session.conversationId, cardKey, card, `v${wrapUp.version}`);
}
