/**
 * Agenda editing by facilitators, answered only to the person who pressed (invoke responses):
 * `agenda.open` shows the editor with the time budget check; `agenda.save` applies the form,
 * checks it with the core, saves it conditionally and shows the editor again. While the session
 * runs, the live state follows the new agenda and the reminders are replanned. The time budget
 * warnings are never posted in the meeting chat.
 */
import { followAgenda } from '../core/liveAgenda';
import { ok, type Result } from '../core/result';
import type { Session } from '../core/session';
import { checkTimeBudget } from '../core/timeBudget';
import { refuseInvoke, type InvokeReply } from '../core/turn';
import { agendaEditorCard, type AgendaEditorView } from '../cards/agendaEditorCard';
import { frameworkCard } from '../cards/frameworkCard';
import { frameworkStrings } from '../cards/strings/framework.en-GB';
import type { ServiceDeps } from './deps';
import { applyEditorRequest, readEditorRequest } from './liveFrameworkAgendaForm';
import { announceChange } from './liveFrameworkAnnounce';
import { changePlan, meetingMinutesFor, readPlan, type PlanSnapshot } from './liveFrameworkStore';

type Extra = Pick<AgendaEditorView, 'notice' | 'problems' | 'typed' | 'pickedItemId'>;

async function editorReply(deps: ServiceDeps, session: Session, plan: PlanSnapshot, extra: Extra): Promise<InvokeReply> {
  const meetingMinutes = await meetingMinutesFor(deps, session);
  const warnings = checkTimeBudget(plan.agenda, { meetingMinutes, needsMoreBreaks: session.needsMoreBreaks }).map((warning) => warning.message);
  const card = agendaEditorCard({ sessionKey: session.sessionKey, agenda: plan.agenda, agendaVersion: plan.agendaVersion, meetingMinutes, warnings, ...extra });
  return { kind: 'card', card };
}

export async function openAgendaEditor(deps: ServiceDeps, session: Session): Promise<InvokeReply> {
  return editorReply(deps, session, await readPlan(deps, session), {});
}

type SaveOutcome = { readonly kind: 'saved' | 'unchanged' | 'stale' } | { readonly kind: 'problems'; readonly problems: readonly string[] };

export async function saveAgenda(deps: ServiceDeps, session: Session, data: Readonly<Record<string, unknown>>, now: Date): Promise<InvokeReply> {
  const request = readEditorRequest(data);
  if (!request) return refuseInvoke(400, frameworkStrings.editor.problems.unknownButton);
  if (request.op === 'close') return { kind: 'card', card: frameworkCard({ sessionKey: session.sessionKey, plan: await readPlan(deps, session) }) };

  const changed = await changePlan<SaveOutcome>(deps, session, (plan): Result<{ agenda?: PlanSnapshot['agenda']; live?: NonNullable<PlanSnapshot['live']>; outcome: SaveOutcome }> => {
    // A double press, or a card someone else's save has overtaken: show the latest, change nothing.
    if (plan.agendaVersion !== request.agendaVersion) return ok({ outcome: { kind: 'stale' } });
    const applied = applyEditorRequest(plan.agenda, request);
    if (!applied.ok) return ok({ outcome: { kind: 'problems', problems: applied.problems } });
    if (JSON.stringify(applied.value) === JSON.stringify(plan.agenda)) return ok({ outcome: { kind: 'unchanged' } });
    if (!plan.live) return ok({ agenda: applied.value, outcome: { kind: 'saved' } });
    const followed = followAgenda(applied.value, plan.live, now);
    if (!followed.ok) return followed;
    return ok({ agenda: applied.value, ...(followed.value !== plan.live ? { live: followed.value } : {}), outcome: { kind: 'saved' } });
  });
  const picked = request.pickedItemId !== undefined ? { pickedItemId: request.pickedItemId } : {};
  if (!changed.ok) return editorReply(deps, session, await readPlan(deps, session), { problems: changed.problems, typed: request.typed, ...picked });

  const { before, after, outcome } = changed.value;
  if (outcome.kind === 'problems') return editorReply(deps, session, before, { problems: outcome.problems, typed: request.typed, ...picked });
  if (outcome.kind === 'saved') await announceChange(deps, session, { before, after }, now);
  return editorReply(deps, session, after, { notice: outcome.kind, ...picked });
}
