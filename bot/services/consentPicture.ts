/**
 * The consent picture of one session, read from the Store: who is known to be taking part
 * (present in attendance, plus roster entries a facilitator added), every person's latest choices,
 * and the latest "everyone here has been asked" confirmation. The public count, the facilitators'
 * view and "clear to record" are all decided from this, by the pure core.
 */
import { queryAll } from '../core/storeQueries';
import type { AttendanceRecord } from '../core/attendance';
import { CONSENT_TABLE, EVENT_PREFIX, eventFromEntity, type ConsentEvent } from '../core/consentLedger';
import { peopleOfSession, type ConsentPerson } from '../core/consentPeople';
import { answeredCount, consentOf, recordingClearance, type Confirmation, type PersonConsent, type RecordingClearance } from '../core/consentState';
import { compositeKey } from '../core/keys';
import type { Entity, Store } from '../core/ports';
import type { Session } from '../core/session';
import { loadAttendance } from './attendance';
import { whoOf } from './consentSessions';
import type { ServiceDeps } from './deps';

export const CONFIRM_PREFIX = 'confirm|';

/**
 * The `who` of an attendance row: a Teams person's person key, or for someone a facilitator named
 * (on the phone, in the room) a roster key made from the row, so recording for them finds one row.
 */
export function attendanceWho(record: AttendanceRecord): string {
  return whoOf(record) ?? compositeKey('roster', record.rowKey);
}

function allRows(store: Store, sessionKey: string, prefix: string): Promise<Entity[]> {
  return queryAll(store, CONSENT_TABLE, sessionKey, { rowKeyPrefix: prefix });
}

/** Every event of the session, grouped by subject, oldest first. */
export async function eventsBySubject(store: Store, sessionKey: string): Promise<Map<string, ConsentEvent[]>> {
  const bySubject = new Map<string, ConsentEvent[]>();
  for (const entity of await allRows(store, sessionKey, EVENT_PREFIX)) {
    const event = eventFromEntity(entity);
    if (!event) continue;
    const list = bySubject.get(event.subjectId) ?? [];
    list.push(event);
    bySubject.set(event.subjectId, list);
  }
  for (const list of bySubject.values()) list.sort((a, b) => a.seq - b.seq);
  return bySubject;
}

/** Confirmation rows are numbered in order (not timed: two can share a moment). */
export function confirmationRowKey(index: number): string {
  return `${CONFIRM_PREFIX}${String(index).padStart(8, '0')}`;
}

export async function confirmationCount(store: Store, sessionKey: string): Promise<number> {
  return (await allRows(store, sessionKey, CONFIRM_PREFIX)).length;
}

/**
 * A confirmation names the people it covered by keyed pseudonym, not by `who`: erasing someone's
 * person row must not leave their identity behind in a confirmation.
 */
export function confirmedAs(deps: ServiceDeps, knownWho: readonly string[]): string[] {
  return knownWho.map((who) => deps.pseudonymize(who) ?? '');
}

/** The newest confirmation (the highest number), as the pseudonyms it covered. */
async function latestConfirmationRow(store: Store, sessionKey: string): Promise<{ at: string; covered: ReadonlySet<string> } | undefined> {
  const rows = await allRows(store, sessionKey, CONFIRM_PREFIX);
  const last = rows[rows.length - 1];
  if (!last || typeof last.props.at !== 'string' || typeof last.props.covered !== 'string') return undefined;
  const covered = JSON.parse(last.props.covered) as unknown;
  return Array.isArray(covered) ? { at: last.props.at, covered: new Set(covered.filter((w): w is string => typeof w === 'string')) } : undefined;
}

export interface PersonPicture {
  readonly consent: PersonConsent;
  readonly events: readonly ConsentEvent[];
}

export interface ConsentPicture {
  /** Everyone we know is taking part now. */
  readonly knownWho: readonly string[];
  /** Display names by `who`, from attendance and person rows (facilitators' eyes only). */
  readonly names: ReadonlyMap<string, string>;
  readonly people: readonly PersonPicture[];
  readonly confirmation?: Confirmation;
  readonly tally: { readonly answered: number; readonly expected: number };
  readonly clearance: RecordingClearance;
  readonly attendance: readonly AttendanceRecord[];
}

export async function consentPicture(deps: ServiceDeps, session: Session): Promise<ConsentPicture> {
  const { sessionKey } = session;
  const [attendance, persons, events, confirmed] = await Promise.all([
    loadAttendance(deps, sessionKey),
    peopleOfSession(deps.store, sessionKey),
    eventsBySubject(deps.store, sessionKey),
    latestConfirmationRow(deps.store, sessionKey),
  ]);
  const names = new Map<string, string>();
  const known = new Set<string>();
  for (const record of attendance) {
    const who = attendanceWho(record);
    if (record.name) names.set(who, record.name);
    if (record.present) known.add(who);
  }
  for (const person of persons) {
    if (person.name && !names.has(person.who)) names.set(person.who, person.name);
    if (person.roster) known.add(person.who);
  }
  const people = persons.map((person: ConsentPerson) => {
    const own = events.get(person.subjectId) ?? [];
    return { consent: consentOf(person, own), events: own };
  });
  const consents = people.map((p) => p.consent);
  const knownWho = [...known].sort();
  // Back from pseudonyms to the people known now: only they can be covered.
  const confirmation: Confirmation | undefined = confirmed && {
    at: confirmed.at,
    knownWho: knownWho.filter((who) => confirmed.covered.has(deps.pseudonymize(who) ?? '')),
  };
  return {
    knownWho,
    names,
    people,
    ...(confirmation ? { confirmation } : {}),
    tally: answeredCount(knownWho, consents),
    clearance: recordingClearance(knownWho, consents, confirmation),
    attendance,
  };
}

/** Only the public count, for the standing card. */
export async function consentTally(deps: ServiceDeps, session: Session): Promise<{ readonly answered: number; readonly expected: number }> {
  return (await consentPicture(deps, session)).tally;
}
