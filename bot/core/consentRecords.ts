/**
 * Recording consent answers in the Store: read the subject's events, decide the new ones, insert
 * them in one batch (one partition, so all or none) at the next sequence numbers. If someone else
 * took a number first, read again and decide again: nothing acknowledged is ever lost or doubled.
 */
import { CONSENT_TABLE, decideChoices, eventFromEntity, eventToEntity, subjectEventPrefix, type ChoiceRequest, type ConsentEvent } from './consentLedger';
import { personEntity, personRowKey, subjectFor, type ConsentPerson } from './consentPeople';
import type { Ids, Store } from './ports';
import { queryAll } from './storeQueries';

const MAX_TRIES = 8;

export async function eventsOfSubject(store: Store, sessionKey: string, subjectId: string): Promise<ConsentEvent[]> {
  const rows = await queryAll(store, CONSENT_TABLE, sessionKey, { rowKeyPrefix: subjectEventPrefix(subjectId) });
  const events: ConsentEvent[] = rows.map(eventFromEntity).filter((e): e is NonNullable<typeof e> => e !== undefined);
  return events.sort((a, b) => a.seq - b.seq);
}

export interface Recorded {
  /** Events written now (empty when the answer repeated the current state). */
  readonly written: readonly ConsentEvent[];
  /** All of the subject's events afterwards, oldest first. */
  readonly all: readonly ConsentEvent[];
}

export async function recordChoices(store: Store, request: ChoiceRequest): Promise<Recorded> {
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    const existing = await eventsOfSubject(store, request.sessionKey, request.subjectId);
    const events = decideChoices(existing, request);
    if (events.length === 0) return { written: [], all: existing };
    const result = await store.batch(
      CONSENT_TABLE,
      request.sessionKey,
      events.map((event) => ({ kind: 'insert' as const, entity: eventToEntity(event) })),
    );
    if (result.ok) return { written: events, all: [...existing, ...events] };
    if (result.reason !== 'exists') throw new Error(`Consent could not be saved (${result.reason}).`);
  }
  throw new Error('Consent could not be saved: too many answers at once for one person.');
}

export type OwnChoiceRequest = Omit<ChoiceRequest, 'subjectId' | 'actorSubjectId'> & {
  /** personId() of the Teams person answering for themselves. */
  readonly who: string;
  readonly name: string | undefined;
};

/**
 * A person answering for themselves. On their first answer in a session their person row and
 * their events go in one batch (one write, all or none); after that, as recordChoices.
 */
export async function recordOwnChoices(store: Store, ids: Ids, request: OwnChoiceRequest): Promise<Recorded & { readonly subject: ConsentPerson; readonly firstAnswer: boolean }> {
  const { who, name, ...rest } = request;
  const row = await store.get(CONSENT_TABLE, request.sessionKey, personRowKey(who));
  if (!row) {
    const subject: ConsentPerson = { subjectId: ids.random(), who, ...(name ? { name } : {}), roster: false };
    const events = decideChoices([], { ...rest, subjectId: subject.subjectId, actorSubjectId: subject.subjectId });
    const result = await store.batch(CONSENT_TABLE, request.sessionKey, [
      { kind: 'insert', entity: personEntity(request.sessionKey, subject) },
      ...events.map((event) => ({ kind: 'insert' as const, entity: eventToEntity(event) })),
    ]);
    if (result.ok) return { subject, firstAnswer: true, written: events, all: events };
    // Their row appeared meanwhile (a second click at the same moment): answer as a known person.
  }
  const subject = await subjectFor(store, ids, request.sessionKey, who, name, false, row ? { entity: row } : undefined);
  const recorded = await recordChoices(store, { ...rest, subjectId: subject.subjectId, actorSubjectId: subject.subjectId });
  return { subject, firstAnswer: false, ...recorded };
}
