/**
 * Who each subject id is, kept apart from the chained events so it can be erased. One row per
 * person per session: a Teams person (by their person key) or a roster entry a facilitator added
 * for someone without a Teams identity (on the phone, on paper, in the room).
 */
import { CONSENT_TABLE } from './consentLedger';
import { compositeKey } from './keys';
import type { Entity, EntityInput, Ids, Store } from './ports';
import { queryAll } from './storeQueries';

export const PERSON_PREFIX = 'person|';
export const TOMBSTONE_PREFIX = 'erased|';

export interface ConsentPerson {
  readonly subjectId: string;
  /** personId() of a Teams person, or `roster|<id>` for a roster entry. */
  readonly who: string;
  /** Display name when we saw it (Teams) or as the facilitator typed it (roster). */
  readonly name?: string;
  readonly roster: boolean;
}

export function personRowKey(who: string): string {
  return PERSON_PREFIX + who;
}

export function personFromEntity(entity: Entity): ConsentPerson | undefined {
  const { subjectId, name, roster } = entity.props;
  if (typeof subjectId !== 'string' || !entity.rowKey.startsWith(PERSON_PREFIX)) return undefined;
  return { subjectId, who: entity.rowKey.slice(PERSON_PREFIX.length), ...(typeof name === 'string' ? { name } : {}), roster: roster === true };
}

/** The person row of a new subject. */
export function personEntity(sessionKey: string, person: ConsentPerson): EntityInput {
  return { partitionKey: sessionKey, rowKey: personRowKey(person.who), props: { subjectId: person.subjectId, name: person.name ?? null, roster: person.roster } };
}

/**
 * The subject id for a person in a session, made on first sight; a name seen later is kept fresh.
 * `alreadyRead` is the person's row (or its absence) when the caller has just read it.
 */
export async function subjectFor(store: Store, ids: Ids, sessionKey: string, who: string, name: string | undefined, roster = false, alreadyRead?: { readonly entity: Entity | undefined }): Promise<ConsentPerson> {
  const rowKey = personRowKey(who);
  for (let attempt = 0; attempt < 3; attempt++) {
    const existing = attempt === 0 && alreadyRead ? alreadyRead.entity : await store.get(CONSENT_TABLE, sessionKey, rowKey);
    const person = existing && personFromEntity(existing);
    if (person) {
      if (name && person.name !== name && !roster) {
        await store.merge(CONSENT_TABLE, { partitionKey: sessionKey, rowKey, props: { name } }, existing.etag);
      }
      return { ...person, ...(name && !roster ? { name } : {}) };
    }
    const fresh: ConsentPerson = { subjectId: ids.random(), who, ...(name ? { name } : {}), roster };
    const created = await store.insert(CONSENT_TABLE, personEntity(sessionKey, fresh));
    if (created.ok) return fresh;
  }
  throw new Error('Could not record the person for consent.');
}

/** A new roster entry for someone without a Teams identity. */
export function rosterWho(ids: Ids): string {
  return compositeKey('roster', ids.random());
}

/** Every person row of the session (for the facilitators' view and exports). */
export async function peopleOfSession(store: Store, sessionKey: string): Promise<ConsentPerson[]> {
  const rows = await queryAll(store, CONSENT_TABLE, sessionKey, { rowKeyPrefix: PERSON_PREFIX });
  return rows.map(personFromEntity).filter((p): p is ConsentPerson => p !== undefined);
}
