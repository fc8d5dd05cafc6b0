/**
 * Starting a sense check: `sense check <point>` posts the public card straight away; `sense check`
 * on its own, or the `senseCheck.open` button, gives the facilitator a private form for up to
 * five points. Nothing is posted unless every point passes; the reason comes back in plain words.
 */
import { MAX_STATEMENT_CHARACTERS, MAX_STATEMENTS, openSenseCheck, type OpenResult } from '../core/senseCheck';
import { idFrom, statementsFrom } from '../core/senseCheckForms';
import { claimDraft, createSenseCheck } from '../core/senseCheckStore';
import type { StoredSession } from '../core/sessionStore';
import { NO_REPLY, refuseInvoke, say, tellPresser, type Turn } from '../core/turn';
import { fill } from '../cards/senseCheckCard';
import { senseCheckFormCard, STATEMENT_INPUT_IDS } from '../cards/senseCheckFormCard';
import { senseCheckStartCard } from '../cards/senseCheckStartCard';
import { senseCheckStrings } from '../cards/strings/senseCheck.en-GB';
import type { CommandHandler, VerbHandler } from './capability';
import type { ServiceDeps } from './deps';
import { warnAboutWording } from './plainEnglishWarnings';
import { postTrackedCard } from './trackedCards';
import { actorPseudonym, expectedCount, publicCard, senseCheckCardKey } from './senseCheckViews';

type OpenProblem = Extract<OpenResult, { ok: false }>['reason'];

function problemText(reason: OpenProblem): string {
  const words = senseCheckStrings.form;
  if (reason === 'noStatements') return words.noStatements;
  if (reason === 'tooManyStatements') return fill(words.tooManyStatements, { max: MAX_STATEMENTS });
  return fill(words.statementTooLong, { max: MAX_STATEMENT_CHARACTERS });
}

type Posted = { readonly ok: true; readonly first: boolean } | { readonly ok: false; readonly reason: OpenProblem };

/**
 * Saves the check under `checkId` (insert-if-absent) and queues its card. Both steps are
 * idempotent, so running this again for the same id repairs a half-done post and sends nothing twice.
 */
async function postSenseCheck(deps: ServiceDeps, stored: StoredSession, turn: Turn, statements: readonly string[], checkId: string): Promise<Posted> {
  const session = stored.session;
  const opened = openSenseCheck({
    id: checkId,
    sessionKey: session.sessionKey,
    statements,
    openedBy: actorPseudonym(deps, turn.actor) ?? '',
    openedAt: turn.now,
  });
  if (!opened.ok) return opened;
  const first = await createSenseCheck(deps.store, opened.check, session.conversationId);
  const card = publicCard(session, opened.check, [], await expectedCount(deps, session));
  await postTrackedCard(deps, session.conversationId, senseCheckCardKey(checkId), card);
  if (first) await warnAboutWording(deps, session, opened.check.statements.map((text) => ({ where: 'the sense check', text })), turn.now);
  deps.logger.info({ statements: opened.check.statements.length, first }, 'sense check posted');
  return { ok: true, first };
}

/** Typed: the reply is public, so it is the card itself (via the outbox) or a short help line. */
export const typedSenseCheck: CommandHandler = {
  run: async ({ turn, argument, session, deps }) => {
    if (argument === '') return { card: senseCheckStartCard({ sessionKey: session.session.sessionKey }) };
    if (argument.length > MAX_STATEMENT_CHARACTERS) return say(fill(senseCheckStrings.typed.tooLong, { max: MAX_STATEMENT_CHARACTERS }));
    const posted = await postSenseCheck(deps, session, turn, [argument], deps.ids.random());
    return posted.ok ? NO_REPLY : say(problemText(posted.reason));
  },
};

/** The form (no `step`), or posting what it holds (`step: 'post'`). Answers only the presser. */
export const openSenseCheckForm: VerbHandler = {
  run: async ({ turn, data, session, deps }) => {
    const sessionKey = session.session.sessionKey;
    if (data.step !== 'post') return { kind: 'card', card: senseCheckFormCard({ sessionKey, draftId: deps.ids.random() }) };

    const draftId = idFrom(data, 'draftId');
    if (!draftId) return refuseInvoke(400, senseCheckStrings.answer.badButton);
    const statements = statementsFrom(data, STATEMENT_INPUT_IDS);
    // Check first, so a form with a mistake claims nothing and can be fixed and posted.
    const trial = openSenseCheck({ id: draftId, sessionKey, statements, openedBy: '', openedAt: turn.now });
    if (!trial.ok) return { kind: 'card', card: senseCheckFormCard({ sessionKey, draftId, values: statements, problem: problemText(trial.reason) }) };

    const claimed = await claimDraft(deps.store, sessionKey, draftId, deps.ids.random());
    const posted = await postSenseCheck(deps, session, turn, statements, claimed.checkId);
    if (!posted.ok) return tellPresser(problemText(posted.reason));
    return tellPresser(claimed.first && posted.first ? senseCheckStrings.form.posted : senseCheckStrings.form.alreadyPosted);
  },
};
