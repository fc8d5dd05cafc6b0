/**
 * Promises get reminders: an action's owner on its due date (in their 1:1 chat when they were
 * picked as a person the bot can reach, else the facilitators), and the organisers on the date
 * the group was told it would hear back. Durable jobs, keyed by what they remind about, so
 * scheduling twice makes one job; a job whose date has since moved, or whose action is finished,
 * is dropped with its reason.
 */
import type { FollowAction } from '../core/actions';
import { middayIn } from '../core/nextStepDates';
import { personalChatOf } from '../core/personalChats';
import { loadSession } from '../core/sessionStore';
import type { Session } from '../core/session';
import { dayOf } from '../cards/digestCard';
import { actionDueCard, followUpDateCard } from '../cards/followUpNoticeCards';
import type { ServiceJobHandler } from './capability';
import type { ServiceDeps } from './deps';
import { loadAction, loadActions } from './followUpActionsStore';
import { tellPrivately } from './privateChat';
import { loadWrapUp } from './wrapUpStore';
import { unreachablePeople } from './thanksPeople';

export const ACTION_DUE_JOB = 'followUp.actionDue';
export const FOLLOW_UP_DATE_JOB = 'followUp.followUpDate';

export async function scheduleActionDue(deps: ServiceDeps, action: FollowAction): Promise<void> {
  if (!action.due || action.status === 'done' || action.status === 'notDoing') return;
  await deps.jobs.schedule({
    kind: ACTION_DUE_JOB,
    dueAt: middayIn(action.due, action.timeZone),
    idempotencyKey: `actionDue|${action.sessionKey}|${action.id}|${action.due}`,
    payload: { sessionKey: action.sessionKey, actionId: action.id, due: action.due },
  });
}

export const actionDueJob: ServiceJobHandler = async (job, _now, deps) => {
  const { sessionKey, actionId, due } = job.payload;
  if (typeof sessionKey !== 'string' || typeof actionId !== 'string' || typeof due !== 'string') return { drop: 'badPayload' };
  const [stored, session] = await Promise.all([loadAction(deps.store, sessionKey, actionId), loadSession(deps.store, sessionKey)]);
  if (!stored || !session) return { drop: 'gone' };
  const action = stored.action;
  if (action.due !== due) return { drop: 'dateMoved' };
  if (action.status === 'done' || action.status === 'notDoing') return { drop: 'finished' };
  const card = actionDueCard({ sessionDay: dayOf(session.session.occurrence), what: action.what, sessionKey });
  const key = `actionDue|${sessionKey}|${actionId}|${due}`;
  const ownerChat = action.ownerKey ? await personalChatOf(deps.store, action.ownerKey) : undefined;
  const delivery = action.ownerKey && ownerChat ? await tellPrivately(deps, [action.ownerKey], { card }, key) : await tellPrivately(deps, session.session.facilitators, { card }, key);
  deps.logger.info({ reached: delivery.reached.length, toOwner: ownerChat !== undefined }, 'action due reminder');
  return 'done';
};

export async function scheduleFollowUpDateReminder(deps: ServiceDeps, session: Session): Promise<void> {
  const stored = await loadWrapUp(deps.store, session.sessionKey);
  if (!stored) return;
  const { followUpDate, timeZone } = stored.wrapUp;
  await deps.jobs.schedule({
    kind: FOLLOW_UP_DATE_JOB,
    dueAt: middayIn(followUpDate, timeZone),
    idempotencyKey: `followUpDate|${session.sessionKey}|${followUpDate}`,
    payload: { sessionKey: session.sessionKey, date: followUpDate },
  });
}

/** "You told the group you would follow up today": to the organisers, with where things stand. */
export const followUpDateJob: ServiceJobHandler = async (job, _now, deps) => {
  const { sessionKey, date } = job.payload;
  if (typeof sessionKey !== 'string' || typeof date !== 'string') return { drop: 'badPayload' };
  const [session, wrapUp] = await Promise.all([loadSession(deps.store, sessionKey), loadWrapUp(deps.store, sessionKey)]);
  if (!session || !wrapUp) return { drop: 'gone' };
  if (wrapUp.wrapUp.followUpDate !== date) return { drop: 'dateMoved' };
  const actions = await loadActions(deps.store, sessionKey);
  const unreachable = (await unreachablePeople(deps, session.session)).length;
  const card = followUpDateCard({ sessionKey, sessionDay: dayOf(session.session.occurrence), actions: actions.map((a) => ({ what: a.what, status: a.status })), unreachable });
  const delivery = await tellPrivately(deps, session.session.facilitators, { card }, `followUpDate|${sessionKey}|${date}`);
  deps.logger.info({ reached: delivery.reached.length, actions: actions.length }, 'follow-up date reminder');
  return 'done';
};
