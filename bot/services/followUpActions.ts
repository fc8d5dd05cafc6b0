/**
 * "You said, we did" as use cases: actions from the wrap-up's next steps, actions facilitators
 * add, status changes and links to what people said. A status change tells the people the action
 * came from (who agreed to be named and whom the bot can reach) in their own 1:1 chats, and an
 * action that is done is announced in the group's chat. These functions serve the chat cards
 * here and, later, the tab.
 */
import { changeStatus, decideNewAction, linkSources, MAX_ACTIONS, peopleToTell, wordsOf, type ActionSource, type ActionStatus, type FollowAction } from '../core/actions';
import type { PersonKey } from '../core/facilitators';
import { dateIn, knownTimeZone } from '../core/nextStepDates';
import { ok, refused, type Result } from '../core/result';
import type { Session } from '../core/session';
import { dayOf } from '../cards/digestCard';
import { actionDoneCard, personUpdateCard } from '../cards/followUpNoticeCards';
import type { ServiceDeps } from './deps';
import { agreedToBeNamed } from './digestSources';
import { changeAction, insertAction, loadActions } from './followUpActionsStore';
import { scheduleActionDue } from './followUpReminders';
import { tellPrivately } from './privateChat';
import { personKeyFromWho, reachableWho } from './thanksPeople';
import { loadWrapUp } from './wrapUpStore';

function zoneOf(session: Session): string {
  return knownTimeZone(session.timeZone);
}

/** The wrap-up's next steps become actions (once each: their ids are the step numbers). */
export async function seedActionsFromWrapUp(deps: ServiceDeps, session: Session, now: Date): Promise<number> {
  const stored = await loadWrapUp(deps.store, session.sessionKey);
  if (!stored) return 0;
  let added = 0;
  for (const [index, step] of stored.wrapUp.steps.entries()) {
    const decided = decideNewAction(
      { what: step.what, owner: step.owner, due: step.due, fromStep: index + 1 },
      { id: `step-${index + 1}`, sessionKey: session.sessionKey, timeZone: stored.wrapUp.timeZone, today: dateIn(now, stored.wrapUp.timeZone), now },
    );
    if (!decided.ok) continue;
    if (await insertAction(deps.store, decided.value)) {
      added += 1;
      await scheduleActionDue(deps, decided.value);
    }
  }
  return added;
}

export async function addAction(deps: ServiceDeps, session: Session, input: { readonly what?: unknown; readonly owner?: unknown; readonly ownerKey?: PersonKey; readonly due?: unknown }, now: Date): Promise<Result<FollowAction>> {
  const zone = zoneOf(session);
  if ((await loadActions(deps.store, session.sessionKey)).length >= MAX_ACTIONS) return refused(`A session can have at most ${MAX_ACTIONS} actions. Please put related ones together in one action.`);
  const decided = decideNewAction(input, { id: deps.ids.random(), sessionKey: session.sessionKey, timeZone: zone, today: dateIn(now, zone), now });
  if (!decided.ok) return decided;
  if (!(await insertAction(deps.store, decided.value))) throw new Error('An action with this id already exists.');
  await scheduleActionDue(deps, decided.value);
  deps.logger.info({ due: decided.value.due !== undefined, owner: decided.value.ownerKey !== undefined }, 'action added');
  return decided;
}

export type StatusOutcome = { readonly changed: boolean; readonly action: FollowAction; readonly told: number };

export async function setActionStatus(deps: ServiceDeps, session: Session, id: string, status: ActionStatus, note: unknown, now: Date): Promise<Result<StatusOutcome>> {
  const changed = await changeAction(deps.store, session.sessionKey, id, (action) => {
    const decided = changeStatus(action, status, note, now);
    if (!decided.ok) return decided;
    return ok(decided.value.changed ? { action: decided.value.action, outcome: true } : { outcome: false });
  });
  if (!changed.ok) return changed;
  const { after, outcome } = changed.value;
  if (!outcome) return ok({ changed: false, action: after, told: 0 });
  const told = await tellWhatHappened(deps, session, after);
  if (after.status === 'done') {
    await deps.outbox.enqueue({
      conversationId: session.conversationId,
      message: { kind: 'send', card: actionDoneCard({ sessionDay: dayOf(session.occurrence), what: after.what, ...(after.statusNote ? { statusNote: after.statusNote } : {}) }) },
      idempotencyKey: `actionDone|${session.sessionKey}|${after.id}|v${after.version}`,
    });
  }
  deps.logger.info({ status, told }, 'action status changed');
  return ok({ changed: true, action: after, told });
}

/** Tells each person the action came from (named, reachable) what happened, once per version. */
async function tellWhatHappened(deps: ServiceDeps, session: Session, action: FollowAction): Promise<number> {
  const whos = action.sources.flatMap((s) => (s.who ? [s.who] : []));
  if (whos.length === 0) return 0;
  const [named, reachable] = await Promise.all([agreedToBeNamed(deps, session), reachableWho(deps, whos)]);
  let told = 0;
  for (const who of peopleToTell(action, named, reachable)) {
    const key = personKeyFromWho(who);
    if (!key) continue;
    const card = personUpdateCard({
      sessionDay: dayOf(session.occurrence),
      words: wordsOf(action, who),
      what: action.what,
      status: action.status,
      ...(action.statusNote ? { statusNote: action.statusNote } : {}),
    });
    told += (await tellPrivately(deps, [key], { card }, `actionUpdate|${session.sessionKey}|${action.id}|v${action.version}`)).reached.length;
  }
  return told;
}

export async function linkToAction(deps: ServiceDeps, session: Session, id: string, sources: readonly ActionSource[], now: Date): Promise<Result<FollowAction>> {
  const changed = await changeAction(deps.store, session.sessionKey, id, (action) => {
    const linked = linkSources(action, sources, now);
    if (!linked.ok) return linked;
    return ok(linked.value === action ? { outcome: action } : { action: linked.value, outcome: linked.value });
  });
  return changed.ok ? ok(changed.value.after) : changed;
}

export { loadActions };
