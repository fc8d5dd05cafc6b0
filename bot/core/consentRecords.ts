/**
 * Recording consent answers in the Store: read the subject's events, decide the new ones, insert
 * them in one batch (one partition, so all or none) at the next sequence numbers. If someone else
 * took a number first, read again and decide again: nothing acknowledged is ever lost or doubled.
 */
import { CONSENT_TABLE, decideChoices, eventFromEntity, eventToEntity, subjectEventPrefix, type ChoiceRequest, type ConsentEvent } from './consentLedger';
import type { Store } from './ports';
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
