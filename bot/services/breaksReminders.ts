/**
 * The break reminder jobs (planned by liveAgenda.breakReminderJobs whenever the plan moves): a
 * heads-up before the break, "time for a break — back at …" at its start and "welcome back" at
 * its end, each a short card in the meeting chat. The job runner has already dropped reminders
 * from an older plan; here a reminder too late to help is dropped too, with its reason recorded.
 */
import type { Agenda } from '../core/agenda';
import { BREAK_JOB_KINDS, type LiveState } from '../core/liveAgenda';
import type { CardJson } from '../core/ports';
import { loadSession } from '../core/sessionStore';
import { breakHeadsUpCard, breakNowCard, welcomeBackCard } from '../cards/breakCards';
import type { DueJob, JobOutcome, ServiceJobHandler } from './capability';
import type { ServiceDeps } from './deps';
import { sessionTag } from './liveFrameworkAnnounce';
import { readStoredPlan } from './liveFrameworkStore';

/** A reminder this much later than planned says the wrong thing ("in 5 minutes", "break now"). */
export const REMINDER_LATE_LIMIT_MS = 2 * 60_000;

type Which = keyof typeof BREAK_JOB_KINDS;

interface ReminderPayload {
  readonly sessionKey: string;
  readonly itemId: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly notAfter: Date;
}

function readPayload(payload: DueJob['payload']): ReminderPayload | undefined {
  const { sessionKey, itemId, breakStartsAt, breakEndsAt, notAfter } = payload;
  if (typeof sessionKey !== 'string' || typeof itemId !== 'string') return undefined;
  const times = [breakStartsAt, breakEndsAt, notAfter].map((value) => (typeof value === 'string' ? new Date(value) : new Date(NaN)));
  if (times.some((time) => Number.isNaN(time.getTime()))) return undefined;
  return { sessionKey, itemId, startsAt: times[0], endsAt: times[1], notAfter: times[2] };
}

function cardFor(which: Which, reminder: ReminderPayload, agenda: Agenda, now: Date): CardJson {
  const index = agenda.findIndex((item) => item.id === reminder.itemId);
  const following = index >= 0 ? agenda[index + 1]?.title : undefined;
  if (which === 'headsUp') return breakHeadsUpCard({ sessionKey: reminder.sessionKey, itemId: reminder.itemId, startsAt: reminder.startsAt, endsAt: reminder.endsAt, now });
  if (which === 'breakNow') return breakNowCard({ endsAt: reminder.endsAt, ...(following !== undefined ? { after: following } : {}) });
  return welcomeBackCard(following !== undefined ? { next: following } : {});
}

function reminderHandler(which: Which): ServiceJobHandler {
  return async (job: DueJob, now: Date, deps: ServiceDeps): Promise<JobOutcome> => {
    const reminder = readPayload(job.payload);
    if (!reminder) return { drop: 'badPayload' };
    if (now.getTime() > job.dueAt.getTime() + REMINDER_LATE_LIMIT_MS || now > reminder.notAfter) return { drop: 'tooLate' };
    const stored = await loadSession(deps.store, reminder.sessionKey);
    if (!stored) return { drop: 'sessionGone' };
    const rows = await readStoredPlan(deps, reminder.sessionKey);
    if (!rows.agenda || !rows.live) return { drop: 'notStarted' };
    const live = JSON.parse(String(rows.live.props.data)) as LiveState;
    if (live.ended) return { drop: 'sessionEnded' };
    const agenda = JSON.parse(String(rows.agenda.props.data)) as Agenda;
    if (!agenda.some((item) => item.id === reminder.itemId)) return { drop: 'breakGone' };
    const session = stored.session;
    await deps.outbox.enqueue({
      conversationId: session.conversationId,
      message: { kind: 'send', card: cardFor(which, reminder, agenda, now) },
      // One card per reminder per plan version, however often the job runs.
      idempotencyKey: `breakReminder|${sessionTag(session)}|${which}|v${job.planVersion}|${reminder.itemId}`,
    });
    return 'done';
  };
}

export const breakReminderHandlers: Readonly<Record<string, ServiceJobHandler>> = {
  [BREAK_JOB_KINDS.headsUp]: reminderHandler('headsUp'),
  [BREAK_JOB_KINDS.breakNow]: reminderHandler('breakNow'),
  [BREAK_JOB_KINDS.welcomeBack]: reminderHandler('welcomeBack'),
};
