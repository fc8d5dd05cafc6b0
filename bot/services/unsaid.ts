/**
 * Unsaid notes and "I need a pause", anonymous (DESIGN.md "Anonymity"). `unsaid` posts a neutral
 * card anyone may use; "Write something" returns the writing card to the presser only; sending
 * stores the note with no author and answers with thanks. The pause button sits on both cards.
 * These handlers never read, pass, record or log who pressed: not even as attendance.
 */
import { MAX_UNSAID_CHARACTERS } from '../core/anonymous';
import type { Session } from '../core/session';
import { tellPresser, type InvokeReply } from '../core/turn';
import { voicesStrings, withNumbers } from '../cards/strings/voices.en-GB';
import { unsaidCard, UNSAID_INPUT_ID } from '../cards/unsaidCard';
import { unsaidInviteCard } from '../cards/unsaidInviteCard';
import { unsaidThanksCard } from '../cards/unsaidThanksCard';
import type { CommandHandler, VerbHandler } from './capability';
import { saveAnonymous, type SaveAnonymousResult } from './unsaidStore';

const BUSY = 'Sorry, that did not go through. Please press the button again.';

function viewOf(session: Session) {
  return { sessionKey: session.sessionKey, ...(session.safeguardingContact ? { safeguardingContact: session.safeguardingContact } : {}) };
}

function refusal(result: Exclude<SaveAnonymousResult, { ok: true }>): InvokeReply {
  if (result.reason === 'empty') return tellPresser(voicesStrings.unsaid.empty);
  if (result.reason === 'tooLong') return tellPresser(withNumbers(voicesStrings.unsaid.tooLong, { max: MAX_UNSAID_CHARACTERS }));
  return tellPresser(BUSY);
}

export const unsaidCommand: CommandHandler = {
  run: async ({ session }) => ({ card: unsaidInviteCard(viewOf(session.session)) }),
};

export const unsaidOpen: VerbHandler = {
  run: async ({ session }) => ({ kind: 'card', card: unsaidCard(viewOf(session.session)) }),
};

export const unsaidSend: VerbHandler = {
  run: async ({ session: { session }, data, deps, turn }) => {
    const text = data[UNSAID_INPUT_ID];
    const saved = await saveAnonymous(deps, 'unsaid', session.sessionKey, typeof text === 'string' ? text : '', turn.now);
    if (!saved.ok) return refusal(saved);
    return { kind: 'card', card: unsaidThanksCard({ ...viewOf(session), sent: 'note' }) };
  },
};

export const requestPause: VerbHandler = {
  run: async ({ session: { session }, deps, turn }) => {
    const saved = await saveAnonymous(deps, 'pause', session.sessionKey, undefined, turn.now);
    if (!saved.ok) return refusal(saved);
    return { kind: 'card', card: unsaidThanksCard({ sessionKey: session.sessionKey, sent: 'pause' }) };
  },
};
