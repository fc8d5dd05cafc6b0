/**
 * Which sessions a person has answered consent in, so `consent` in their 1:1 chat (and `my data`)
 * can list them. An index from the person's `who` to their person row in each session: erasing the
 * person row makes the entry point at nothing, and the index drops it on the next look-up.
 */
import { CONSENT_TABLE } from '../core/consentLedger';
import { personFromEntity, personRowKey, type ConsentPerson } from '../core/consentPeople';
import { personKeyOf } from '../core/facilitators';
import { lookupIndex, putIndexEntry } from '../core/indexes';
import { personId } from '../core/personalChats';
import type { Person, Store } from '../core/ports';
import type { Session } from '../core/session';
import { loadSession } from '../core/sessionStore';
import type { ServiceDeps } from './deps';
import { confirmedIn } from './storeMemo';

export const CONSENT_SESSIONS_INDEX = 'consentSessionsByPerson';

/** The `who` of a Teams person (their person row key in every session), or undefined. */
export function whoOf(person: Person): string | undefined {
  const key = personKeyOf(person);
  return key ? personId(key) : undefined;
}

/**
 * Idempotent: written after an answer, so a lost write is put back by a later one. Once per
 * person row per instance (erasure makes a new subject, so a new entry is written after it).
 */
export async function rememberConsentSession(store: Store, person: ConsentPerson, sessionKey: string, now: Date): Promise<void> {
  const { who } = person;
  const indexed = confirmedIn(store, 'consentSessionIndex');
  const memoKey = `${sessionKey}|${person.subjectId}`;
  if (indexed.get(memoKey, now)) return;
  await putIndexEntry(store, {
    index: CONSENT_SESSIONS_INDEX,
    key: who,
    target: { table: CONSENT_TABLE, partitionKey: sessionKey, rowKey: personRowKey(who) },
  });
  indexed.set(memoKey, true, now);
}

export interface PersonSession {
  readonly sessionKey: string;
  /** Their person row in that session (subject id, name as seen). */
  readonly person: ConsentPerson;
  /** The session itself; undefined when it has been deleted but consent rows remain. */
  readonly session?: Session;
}

/** Every session this person has answered consent in, newest occurrence first. */
export async function sessionsOfPerson(deps: ServiceDeps, who: string): Promise<PersonSession[]> {
  const hits = await lookupIndex(deps.store, CONSENT_SESSIONS_INDEX, who);
  const out: PersonSession[] = [];
  for (const hit of hits) {
    const person = hit.table === CONSENT_TABLE ? personFromEntity(hit.entity) : undefined;
    if (!person || person.who !== who) continue;
    const stored = await loadSession(deps.store, hit.partitionKey);
    out.push({ sessionKey: hit.partitionKey, person, ...(stored ? { session: stored.session } : {}) });
  }
  const dateOf = (s: PersonSession) => s.session?.occurrence ?? '';
  return out.sort((a, b) => dateOf(b).localeCompare(dateOf(a)));
}

/** Consent verbs a person may use on their own card in a 1:1 chat. */
const OWN_CONSENT_VERBS: ReadonlySet<string> = new Set(['consent.give', 'consent.decline', 'consent.withdraw', 'consent.easyRead']);

/**
 * A session card in a 1:1 chat is normally a facilitator's private copy. A person's own consent
 * form is the exception: allowed when they already have a person row in that session, so a
 * pasted card for a session they never took part in changes nothing.
 */
export async function mayAnswerInPersonalChat(deps: ServiceDeps, verb: string, actor: Person, sessionKey: string): Promise<boolean> {
  if (!OWN_CONSENT_VERBS.has(verb)) return false;
  const who = whoOf(actor);
  if (!who) return false;
  return (await deps.store.get(CONSENT_TABLE, sessionKey, personRowKey(who))) !== undefined;
}
