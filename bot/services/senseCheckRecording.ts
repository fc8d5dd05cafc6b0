/**
 * A facilitator records an answer someone gave out loud, by phone, on paper or in the room. The
 * subject is a name typed by the facilitator (the one case where the subject is not the actor,
 * DESIGN.md "Actor and subject"); the row says how it was given and which facilitator recorded it
 * (from the activity). It counts in the tally like any other answer, one row per name per point.
 */
import { answer, MAX_MISSED_CHARACTERS } from '../core/senseCheck';
import { MAX_NAME_CHARACTERS, recordedAnswerFrom, type RecordProblem } from '../core/senseCheckForms';
import { loadAnswer, saveAnswer } from '../core/senseCheckStore';
import { refuseInvoke, tellPresser } from '../core/turn';
import { RECORD_INPUTS, recordedCard, recordForSomeoneCard } from '../cards/recordForSomeoneCard';
import { fill } from '../cards/senseCheckCard';
import { senseCheckStrings } from '../cards/strings/senseCheck.en-GB';
import type { VerbHandler } from './capability';
import { actorPseudonym, checkOfCard, namedRespondent, requestTallyRefresh } from './senseCheckViews';

function problemText(problem: RecordProblem): string {
  const words = senseCheckStrings.record;
  if (problem === 'nameTooLong') return fill(words.nameTooLong, { max: MAX_NAME_CHARACTERS });
  if (problem === 'missedTooLong') return fill(words.missedTooLong, { max: MAX_MISSED_CHARACTERS });
  return words[problem];
}

/** The form (no `step`), or saving it (`step: 'save'`). Only the facilitator sees either. */
export const recordForSomeone: VerbHandler = {
  run: async ({ turn, data, session, deps }) => {
    const found = await checkOfCard(deps, session.session, data);
    if (!found.ok) return found.reply;
    const { stored } = found;
    const { check } = stored;
    if (check.status === 'closed') return tellPresser(senseCheckStrings.record.closed);
    const view = { sessionKey: session.session.sessionKey, senseCheckId: check.id, statements: check.statements };
    if (data.step !== 'save') return { kind: 'card', card: recordForSomeoneCard(view) };

    const read = recordedAnswerFrom(data, check.statements.length, RECORD_INPUTS);
    if (!read.ok) return { kind: 'card', card: recordForSomeoneCard({ ...view, values: read.values, problems: read.problems.map(problemText) }) };
    const recordedBy = actorPseudonym(deps, turn.actor);
    if (!recordedBy) return refuseInvoke(403, senseCheckStrings.answer.unknownPerson);

    const { form } = read;
    const respondent = namedRespondent(deps, form.name);
    // Their words about what we missed belong with the first point they answered, once.
    const firstAnswered = form.levels.findIndex((l) => l !== undefined);
    let changed = false;
    let firstForThisName = false;
    for (const [statementIndex, level] of form.levels.entries()) {
      if (!level) continue;
      const existing = await loadAnswer(deps.store, check.sessionKey, check.id, respondent, statementIndex);
      const missed = statementIndex === firstAnswered ? form.missed : undefined;
      const input = { respondent, statementIndex, level, method: form.method, recordedBy, respondentName: form.name, ...(missed ? { missed } : {}) };
      const result = answer(check, existing, input, turn.now);
      if (!result.ok) return tellPresser(result.reason === 'closed' ? senseCheckStrings.record.closed : senseCheckStrings.answer.badButton);
      if (result.unchanged) continue;
      await saveAnswer(deps.store, check.sessionKey, result.answer);
      changed = true;
      firstForThisName ||= existing === undefined;
    }
    if (firstForThisName) await requestTallyRefresh(deps, session.session, stored, turn.now);
    deps.logger.info({ method: form.method, outcome: changed ? 'saved' : 'unchanged' }, 'sense check answer recorded');
    return { kind: 'card', card: recordedCard({ ...view, name: form.name, outcome: changed ? 'saved' : 'unchanged' }) };
  },
};
