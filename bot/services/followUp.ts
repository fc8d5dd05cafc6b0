/**
 * Follow up and follow through: the session summary (draft, review, publish), thanks, "you said,
 * we did" actions and their reminders, the ladder, access needs, payments reminders and the
 * organisers' channel. Each part lives in its own file; this wires them to the dispatcher.
 * Payments, exports and the participant pack have no chat commands: the tab's organiser view
 * calls payments.ts and exports.ts.
 */
import type { Capability } from './capability';
import { digestDraftJob, DIGEST_DRAFT_JOB, scheduleDigestDraft } from './digestDraft';
import { digestApproveVerb, digestCommand, digestReviewVerb, digestRoundVerb, digestShowVerb } from './digestReview';
import { accessCommand, accessOpenVerb, accessRecordForVerb, accessSaveVerb, preReadsJob, PRE_READS_JOB, remindAtStart } from './followUpAccess';
import { actionsCommand, actionsLinkVerb, actionsOpenVerb, actionsSaveVerb } from './followUpActionHandlers';
import { connectCommand } from './followUpChannels';
import { ladderCommand, ladderOpenVerb, ladderPlaceVerb, ladderVoteVerb } from './followUpLadder';
import { actionDueJob, ACTION_DUE_JOB, followUpDateJob, FOLLOW_UP_DATE_JOB } from './followUpReminders';
import { paymentsOverdueJob, PAYMENTS_OVERDUE_JOB } from './payments';

export { prepareDigestAfterWrapUp, scheduleDigestDraft } from './digestDraft';
export { prefersEasyRead } from './followUpAccess';

export const followUpCapability: Capability = {
  commands: { digest: digestCommand, actions: actionsCommand, ladder: ladderCommand, access: accessCommand, connect: connectCommand },
  verbs: {
    'digest.show': digestShowVerb,
    'digest.review': digestReviewVerb,
    'digest.round': digestRoundVerb,
    'digest.approve': digestApproveVerb,
    'actions.open': actionsOpenVerb,
    'actions.save': actionsSaveVerb,
    'actions.link': actionsLinkVerb,
    'ladder.open': ladderOpenVerb,
    'ladder.place': ladderPlaceVerb,
    'ladder.vote': ladderVoteVerb,
    'access.open': accessOpenVerb,
    'access.save': accessSaveVerb,
    'access.recordFor': accessRecordForVerb,
  },
  jobs: {
    [DIGEST_DRAFT_JOB]: digestDraftJob,
    [ACTION_DUE_JOB]: actionDueJob,
    [FOLLOW_UP_DATE_JOB]: followUpDateJob,
    [PAYMENTS_OVERDUE_JOB]: paymentsOverdueJob,
    [PRE_READS_JOB]: preReadsJob,
  },
  onMeetingEvent: async ({ turn, event, session, deps }) => {
    if (!session) return;
    // The meeting-end event may never come: the timed draft is planned at the start, and again at the end.
    if (event.kind === 'start' || event.kind === 'end') await scheduleDigestDraft(deps, session.session, turn.now);
    if (event.kind === 'start') await remindAtStart(deps, session.session);
  },
};
