/**
 * Who took part: attendance and "has had a say" signals from every source, because join events
 * may not arrive. Other areas call recordSignal when an identified person answers one of their
 * cards; voices.ts feeds in join and leave events and counted chat messages; facilitators mark
 * people here or gone. Anonymous actions never come here.
 */
import {
  applySignal,
  ATTENDANCE_TABLE,
  attendanceRowKey,
  isBotId,
  namedRowKey,
  recordFromEntity,
  recordToProps,
  sameName,
  type AttendanceRecord,
  type Signal,
  type SignalKind,
} from '../core/attendance';
import type { Person } from '../core/ports';
import type { Session } from '../core/session';
import type { ServiceDeps } from './deps';
import { queryAll } from '../core/storeQueries';

export type { SignalKind };

/** Two people's signals never touch one row, so only a person's own near-simultaneous signals race. */
const MAX_TRIES = 4;

type WriteOutcome = 'written' | 'unchanged' | 'notFound' | 'busy';

/** Reads, decides (pure), writes conditionally; on a lost race decides again on the newer row. */
async function writeSignal(deps: ServiceDeps, sessionKey: string, signal: Signal, now: Date, onlyExisting: boolean): Promise<WriteOutcome> {
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    const entity = await deps.store.get(ATTENDANCE_TABLE, sessionKey, signal.rowKey);
    const existing = entity ? recordFromEntity(entity) : undefined;
    if (!existing && onlyExisting) return 'notFound';
    const next = applySignal(existing, signal, now);
    if (!next) return 'unchanged';
    const row = { partitionKey: sessionKey, rowKey: signal.rowKey, props: recordToProps(next) };
    const written = entity ? await deps.store.replace(ATTENDANCE_TABLE, row, entity.etag) : await deps.store.insert(ATTENDANCE_TABLE, row);
    if (written.ok) return 'written';
  }
  return 'busy';
}

/**
 * Records that this identified person did something in the session. Never throws: attendance
 * must not break the answer or event that reported it. Display names (`person.name`, from the
 * activity) are kept in the session's own rows only, for the facilitators' quiet-voices list.
 */
export async function recordSignal(deps: ServiceDeps, session: Session, person: Person & { readonly name?: string }, kind: SignalKind, now: Date): Promise<void> {
  if (isBotId(person.userId)) return;
  const rowKey = attendanceRowKey(person);
  if (!rowKey) return; // nobody we can identify: such actions never count
  const ids: Person = {
    ...(person.userId ? { userId: person.userId } : {}),
    ...(person.aadObjectId ? { aadObjectId: person.aadObjectId } : {}),
    ...(person.tenantId ? { tenantId: person.tenantId } : {}),
  };
  try {
    const outcome = await writeSignal(deps, session.sessionKey, { kind, rowKey, person: ids, ...(person.name ? { name: person.name } : {}) }, now, false);
    if (outcome === 'busy') deps.logger.warn({ signal: kind }, 'attendance signal not recorded: row kept changing');
  } catch (error) {
    deps.logger.warn({ signal: kind, errorName: error instanceof Error ? error.name : 'unknown' }, 'attendance signal not recorded');
  }
}

/** Every attendance row of the session. */
export async function loadAttendance(deps: ServiceDeps, sessionKey: string): Promise<AttendanceRecord[]> {
  const rows = await queryAll(deps.store, ATTENDANCE_TABLE, sessionKey);
  return rows.map(recordFromEntity).filter((r): r is AttendanceRecord => r !== undefined);
}

/** How many people are known to be here now; undefined when nobody has been seen at all. */
export async function countPresent(deps: ServiceDeps, session: Session): Promise<number | undefined> {
  const records = await loadAttendance(deps, session.sessionKey);
  return records.length === 0 ? undefined : records.filter((r) => r.present).length;
}

/** A facilitator marks someone already listed (by the row key their card carries) as here or gone. */
export async function markPerson(deps: ServiceDeps, sessionKey: string, rowKey: string, kind: 'markedHere' | 'markedLeft', now: Date): Promise<'ok' | 'notFound' | 'busy'> {
  const outcome = await writeSignal(deps, sessionKey, { kind, rowKey }, now, true);
  return outcome === 'written' || outcome === 'unchanged' ? 'ok' : outcome;
}

/**
 * `here <name>`: someone on the phone or in the room. A name that matches someone already seen
 * marks that person; otherwise the typed name gets a row of its own.
 */
export async function markHereByName(deps: ServiceDeps, sessionKey: string, name: string, now: Date): Promise<'ok' | 'busy'> {
  const known = (await loadAttendance(deps, sessionKey)).find((r) => sameName(r.name, name));
  const rowKey = known?.rowKey ?? namedRowKey(name);
  if (!rowKey) return 'ok';
  const outcome = await writeSignal(deps, sessionKey, { kind: 'markedHere', rowKey, name: known?.name ?? name }, now, false);
  return outcome === 'busy' ? 'busy' : 'ok';
}
