/**
 * The voices: unsaid notes, "I need a pause", attendance and quiet voices. Attendance listens to
 * join and leave events (which may never come) and to counted chat messages (counted only: the
 * dispatcher passes no text, and only when the session turned counting on).
 */
import type { Capability } from './capability';
import { recordSignal } from './attendance';
import { hereCommand, markHereVerb, markLeftVerb, quietVoicesCommand, quietVoicesShow } from './quietVoices';
import { requestPause, unsaidCommand, unsaidOpen, unsaidSend } from './unsaid';
import { anonymousReportJob } from './unsaidReports';
import { ANONYMOUS_REPORT_JOB } from './unsaidStore';

export const voicesCapability: Capability = {
  commands: {
    unsaid: unsaidCommand,
    'quiet voices': quietVoicesCommand,
    here: hereCommand,
  },
  verbs: {
    'unsaid.open': unsaidOpen,
    'unsaid.send': unsaidSend,
    'break.requestPause': requestPause,
    'quietVoices.show': quietVoicesShow,
    'attendance.markHere': markHereVerb,
    'attendance.markLeft': markLeftVerb,
  },
  jobs: { [ANONYMOUS_REPORT_JOB]: anonymousReportJob },
  onMeetingEvent: async ({ turn, event, session, deps }) => {
    if ((event.kind !== 'join' && event.kind !== 'leave') || !session) return;
    for (const member of event.members) {
      const person = {
        ...(member.userId ? { userId: member.userId } : {}),
        ...(member.aadObjectId ? { aadObjectId: member.aadObjectId } : {}),
        // Members carry no tenant; the event's own tenant is theirs for people of this meeting.
        ...(member.aadObjectId && turn.tenantId ? { tenantId: turn.tenantId } : {}),
        ...(member.name ? { name: member.name } : {}),
      };
      await recordSignal(deps, session.session, person, event.kind === 'join' ? 'joined' : 'left', turn.now);
    }
  },
  onChatMessage: async ({ turn, session, deps }) => {
    await recordSignal(deps, session.session, turn.actor, 'chatMessage', turn.now);
  },
};
