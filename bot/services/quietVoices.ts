/**
 * Quiet voices and facilitator marks. Who is here but has not had a say is facilitator-only, so
 * it goes to the facilitators' 1:1 chats (the meeting chat gets one neutral line) or back to the
 * facilitator who pressed a button, in their own invoke response. Marking someone here by name
 * (`here Sam on the phone`) answers in the chat without repeating anything about anyone.
 */
import { cleanName, MAX_NAME_CHARACTERS, quietVoicesOf } from '../core/attendance';
import type { Session } from '../core/session';
import { say, tellPresser, type InvokeReply } from '../core/turn';
import { quietVoicesCard } from '../cards/quietVoicesCard';
import { voicesStrings, withNumbers } from '../cards/strings/voices.en-GB';
import { unsaidNotesCard } from '../cards/unsaidNotesCard';
import type { CommandHandler, VerbHandler } from './capability';
import type { ServiceDeps } from './deps';
import { loadAttendance, markHereByName, markPerson } from './attendance';
import { tellFacilitators } from './privateChat';
import { reportedSoFar, shuffledTexts } from './unsaidStore';

const text = voicesStrings;
const BUSY = 'Sorry, that did not go through. Please try again.';
/** A row key our cards carry is far shorter; anything longer is not ours. */
const MAX_ROW_KEY = 512;

export async function quietVoicesCardFor(deps: ServiceDeps, session: Session, now: Date) {
  const [records, anonymous] = await Promise.all([loadAttendance(deps, session.sessionKey), reportedSoFar(deps, session.sessionKey, now)]);
  return quietVoicesCard({
    sessionKey: session.sessionKey,
    voices: quietVoicesOf(records, session),
    anonymous: { notes: anonymous.notes.length, pauses: anonymous.pauses.length },
  });
}

export const quietVoicesCommand: CommandHandler = {
  run: async ({ session: { session }, deps, turn }) => {
    const card = await quietVoicesCardFor(deps, session, turn.now);
    const delivery = await tellFacilitators(deps, session, { card }, `quietVoices|${turn.now.toISOString()}`);
    deps.logger.info({ reached: delivery.reached.length, unreachable: delivery.unreachable.length }, 'quiet voices sent privately');
    return say(delivery.reached.length > 0 ? text.replies.sentPrivately : text.replies.cannotSendPrivately);
  },
};

export const quietVoicesShow: VerbHandler = {
  run: async ({ session: { session }, data, deps, turn }) => {
    if (data.view !== 'notes') return { kind: 'card', card: await quietVoicesCardFor(deps, session, turn.now) };
    // The notes are the most sensitive thing we hold: never on a screen that may be shared.
    if (turn.surface !== 'personal') return tellPresser(text.notes.onlyInPersonal);
    const { notes } = await reportedSoFar(deps, session.sessionKey, turn.now);
    return { kind: 'card', card: unsaidNotesCard({ sessionKey: session.sessionKey, notes: shuffledTexts(notes, deps.random) }) };
  },
};

function markVerb(kind: 'markedHere' | 'markedLeft'): VerbHandler {
  return {
    run: async ({ session: { session }, data, deps, turn }): Promise<InvokeReply> => {
      const rowKey = data.person;
      if (typeof rowKey !== 'string' || rowKey === '' || rowKey.length > MAX_ROW_KEY) return tellPresser(text.replies.markGone);
      const outcome = await markPerson(deps, session.sessionKey, rowKey, kind, turn.now);
      if (outcome === 'notFound') return tellPresser(text.replies.markGone);
      if (outcome === 'busy') return tellPresser(BUSY);
      deps.logger.info({ mark: kind }, 'attendance marked by a facilitator');
      return { kind: 'card', card: await quietVoicesCardFor(deps, session, turn.now) };
    },
  };
}

export const markHereVerb = markVerb('markedHere');
export const markLeftVerb = markVerb('markedLeft');

export const hereCommand: CommandHandler = {
  run: async ({ session: { session }, argument, deps, turn }) => {
    if ([...argument].length > MAX_NAME_CHARACTERS) return say(withNumbers(text.replies.hereTooLong, { max: MAX_NAME_CHARACTERS }));
    const name = cleanName(argument);
    if (!name) return say(text.replies.hereHelp);
    const outcome = await markHereByName(deps, session.sessionKey, name, turn.now);
    if (outcome === 'busy') return say(BUSY);
    deps.logger.info({ mark: 'markedHere', byName: true }, 'attendance marked by a facilitator');
    return say(text.replies.hereDone);
  },
};
