/**
 * Who took part, for thanks and follow-up: every identified person in the session's attendance
 * (join events, card answers, facilitator marks) other than its facilitators, and people a
 * facilitator added by name (on the phone, in the room). Who the bot can reach is who has a 1:1
 * chat with it; the rest need the organiser's email-ready text.
 */
import { isSessionFacilitator } from '../core/attendance';
import type { PersonKey } from '../core/facilitators';
import { fromKeyPart } from '../core/keys';
import { personalChatOf } from '../core/personalChats';
import type { Session } from '../core/session';
import { loadAttendance } from './attendance';
import { attendanceWho } from './consentPicture';
import type { ServiceDeps } from './deps';

export interface Participant {
  readonly who: string;
  /** Absent for someone a facilitator added by name: the bot can never write to them. */
  readonly key?: PersonKey;
  /** Facilitators' eyes only (the organiser view), never a chat. */
  readonly name?: string;
}

/** Back from a `who` (personId) to the key it was made from; undefined for roster entries. */
export function personKeyFromWho(who: string): PersonKey | undefined {
  const parts = who.split('|').map(fromKeyPart);
  if (parts[0] === 'aad' && parts.length === 3) return { tenantId: parts[1], aadObjectId: parts[2] };
  if (parts[0] === 'user' && parts.length === 2) return { userId: parts[1] };
  return undefined;
}

export async function participantsOf(deps: ServiceDeps, session: Session): Promise<Participant[]> {
  const out: Participant[] = [];
  const seen = new Set<string>();
  for (const record of await loadAttendance(deps, session.sessionKey)) {
    if (isSessionFacilitator(session, record)) continue;
    const who = attendanceWho(record);
    if (seen.has(who)) continue;
    seen.add(who);
    const key = personKeyFromWho(who);
    out.push({ who, ...(key ? { key } : {}), ...(record.name ? { name: record.name } : {}) });
  }
  return out;
}

export async function reachableWho(deps: ServiceDeps, whos: Iterable<string>): Promise<Set<string>> {
  const out = new Set<string>();
  for (const who of whos) {
    const key = personKeyFromWho(who);
    if (key && (await personalChatOf(deps.store, key))) out.add(who);
  }
  return out;
}

/** People who took part whom the bot cannot write to: for the organiser's email-ready text. */
export async function unreachablePeople(deps: ServiceDeps, session: Session): Promise<Participant[]> {
  const people = await participantsOf(deps, session);
  const reachable = await reachableWho(deps, people.map((p) => p.who));
  return people.filter((p) => !reachable.has(p.who));
}
