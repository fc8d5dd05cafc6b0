/**
 * Consent to record: the standing card, each person's own answers, the facilitators' private view,
 * answers a facilitator records for someone, late joiners and the sealer. `consent` typed in the
 * meeting chat posts the card when a facilitator types it; anyone else is pointed at the card (the
 * reply is public, so it says nothing about them). In a 1:1 chat it lists the person's sessions.
 */
import { personKeyOf } from '../core/facilitators';
import { NO_REPLY, say, type CommandReply, type Turn } from '../core/turn';
import { consentPickerCard } from '../cards/consentPickerCard';
import { consentStrings } from '../cards/strings/consent.en-GB';
import type { Capability, CommandHandler } from './capability';
import { declineConsent, easyReadConsent, giveConsent } from './consentAnswering';
import { checkConsent, overviewCard } from './consentFacilitation';
import { onJoin, WELCOME_JOB, welcomeJob } from './consentJoiners';
import { CONSENT_RENDERER, consentCardRenderer, isConsentCardPosted, postConsentCard } from './consentPosting';
import { recordConsentForSomeone } from './consentRecordFor';
import { SEAL_JOB, sealJob } from './consentSealer';
import { sessionsOfPerson, whoOf } from './consentSessions';
import type { ServiceDeps } from './deps';
import { tellPrivately } from './privateChat';

const text = consentStrings.command;

async function personalPicker(deps: ServiceDeps, turn: Turn): Promise<CommandReply> {
  const who = whoOf(turn.actor);
  if (!who) return say(consentStrings.answer.noIdentity);
  const sessions = await sessionsOfPerson(deps, who);
  const pickable = sessions.flatMap(({ sessionKey, session }) =>
    session ? [{ sessionKey, occurrence: session.occurrence, ...(session.purpose.outcome ? { outcome: session.purpose.outcome } : {}) }] : [],
  );
  return { card: consentPickerCard(pickable) };
}

const consentCommand: CommandHandler = {
  withoutSession: async ({ turn, session, isFacilitator, deps }) => {
    if (turn.surface === 'personal') return personalPicker(deps, turn);
    if (!session) return say(text.noSession);
    const { session: current } = session;
    if (!(await isFacilitator())) {
      return say((await isConsentCardPosted(deps, current.sessionKey)) ? text.pointer : text.notPostedYet);
    }
    if (await postConsentCard(deps, current, turn.now)) return NO_REPLY; // the card itself is the answer
    // Already there: the facilitator gets the current picture privately, never in the chat.
    const key = personKeyOf(turn.actor);
    const delivery = key
      ? await tellPrivately(deps, [key], { card: await overviewCard(deps, current) }, `consentView|${current.sessionKey}|${turn.now.getTime()}`)
      : { reached: [] };
    return say(delivery.reached.length > 0 ? `${text.alreadyPosted} ${text.detailsSent}` : text.alreadyPosted);
  },
};

export const consentCapability: Capability = {
  commands: { consent: consentCommand },
  verbs: {
    'consent.give': giveConsent,
    'consent.decline': declineConsent,
    // "Withdraw" is "not now to everything" for someone who had agreed: the same records.
    'consent.withdraw': declineConsent,
    'consent.easyRead': easyReadConsent,
    'consent.confirmClearToRecord': checkConsent,
    'consent.recordForSomeone': recordConsentForSomeone,
  },
  jobs: { [SEAL_JOB]: sealJob, [WELCOME_JOB]: welcomeJob },
  cardRenderers: { [CONSENT_RENDERER]: consentCardRenderer },
  onMeetingEvent: async ({ turn, event, session, deps }) => {
    if (!session) return;
    // No setting for this yet: a session that exists at the start gets its consent card.
    if (event.kind === 'start') await postConsentCard(deps, session.session, turn.now);
    if (event.kind === 'join') await onJoin(deps, session.session, turn, event.members);
  },
};
