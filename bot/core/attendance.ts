/**
 * Attendance and "has had a say", pure. One row per person per session, built from every signal
 * we get (join and leave events, card answers, chat messages when counted, facilitator marks),
 * because join events may never arrive. Only identified people have rows: anonymous actions
 * (unsaid notes, pause requests) never reach this file.
 *
 * Table 'attendance': partition = the session key, row = one person. A person is keyed by their
 * Teams user id first (every activity and every join event carries it), else by Entra identity.
 * Someone on the phone or in the room has a row keyed by the name a facilitator typed.
 */
import { decideFacilitator } from './facilitators';
import { compositeKey } from './keys';
import type { Entity, Person, Properties } from './ports';
import type { Session } from './session';

export const ATTENDANCE_TABLE = 'attendance';
/** Longest name we keep; display names and typed names beyond this are cut, not refused. */
export const MAX_NAME_CHARACTERS = 100;
const PERSON_PREFIX = 'p';
const NAMED_PREFIX = 'n';

/** What a person did that shows they were there (and, for answers and messages, had a say). */
export type SignalKind = 'joined' | 'left' | 'seen' | 'cardAnswer' | 'chatMessage' | 'markedHere' | 'markedLeft';

export interface AttendanceRecord {
  readonly rowKey: string;
  readonly userId?: string;
  readonly aadObjectId?: string;
  readonly tenantId?: string;
  /** From the activity, or typed by a facilitator. Shown to facilitators only. */
  readonly name?: string;
  readonly present: boolean;
  readonly answeredCard: boolean;
  /** Counted only; the text is never read. Matters only while the session counts chat. */
  readonly wroteInChat: boolean;
  readonly joinedByEvent: boolean;
  readonly markedByFacilitator: boolean;
  readonly firstSeenAt: string;
  readonly updatedAt: string;
}

export interface Signal {
  readonly kind: SignalKind;
  readonly rowKey: string;
  readonly person?: Person;
  readonly name?: string;
}

/** The row key for an identified person; undefined for someone we cannot identify. */
export function attendanceRowKey(person: Person): string | undefined {
  if (person.userId) return compositeKey(PERSON_PREFIX, 'user', person.userId);
  if (person.aadObjectId && person.tenantId) return compositeKey(PERSON_PREFIX, 'aad', person.tenantId.toLowerCase(), person.aadObjectId.toLowerCase());
  return undefined;
}

/** The row key for someone a facilitator named (on the phone, in the room). */
export function namedRowKey(name: string): string | undefined {
  const cleaned = cleanName(name);
  return cleaned ? compositeKey(NAMED_PREFIX, cleaned.toLocaleLowerCase('en-GB')) : undefined;
}

/** Bots (Coproduce itself in a join event) are not people. */
export function isBotId(userId: string | undefined): boolean {
  return userId !== undefined && userId.startsWith('28:');
}

/** Trimmed, inner spaces collapsed, cut to the limit; undefined when nothing is left. */
export function cleanName(name: string | undefined): string | undefined {
  const cleaned = (name ?? '').replace(/\s+/g, ' ').trim();
  if (cleaned === '') return undefined;
  return [...cleaned].slice(0, MAX_NAME_CHARACTERS).join('');
}

/** Same name as far as a facilitator typing it is concerned. */
export function sameName(a: string | undefined, b: string | undefined): boolean {
  const x = cleanName(a);
  const y = cleanName(b);
  return x !== undefined && y !== undefined && x.toLocaleLowerCase('en-GB') === y.toLocaleLowerCase('en-GB');
}

/**
 * The record after a signal, or undefined when nothing changes (most repeated signals), so the
 * caller writes nothing. A person who acts is here, even after a leave event or a "left" mark.
 */
export function applySignal(existing: AttendanceRecord | undefined, signal: Signal, now: Date): AttendanceRecord | undefined {
  const at = now.toISOString();
  const base: AttendanceRecord = existing ?? {
    rowKey: signal.rowKey,
    present: false,
    answeredCard: false,
    wroteInChat: false,
    joinedByEvent: false,
    markedByFacilitator: false,
    firstSeenAt: at,
    updatedAt: at,
  };
  const { kind } = signal;
  const name = cleanName(signal.name);
  const person = signal.person ?? {};
  const next: AttendanceRecord = {
    ...base,
    ...(base.userId === undefined && person.userId ? { userId: person.userId } : {}),
    ...(base.aadObjectId === undefined && person.aadObjectId ? { aadObjectId: person.aadObjectId } : {}),
    ...(base.tenantId === undefined && person.tenantId ? { tenantId: person.tenantId } : {}),
    ...(name !== undefined ? { name } : {}),
    present: kind !== 'left' && kind !== 'markedLeft',
    answeredCard: base.answeredCard || kind === 'cardAnswer',
    wroteInChat: base.wroteInChat || kind === 'chatMessage',
    joinedByEvent: base.joinedByEvent || kind === 'joined',
    markedByFacilitator: base.markedByFacilitator || kind === 'markedHere' || kind === 'markedLeft',
  };
  if (existing && sameRecord(existing, next)) return undefined;
  return { ...next, updatedAt: at };
}

function sameRecord(a: AttendanceRecord, b: AttendanceRecord): boolean {
  const fields: (keyof AttendanceRecord)[] = ['userId', 'aadObjectId', 'tenantId', 'name', 'present', 'answeredCard', 'wroteInChat', 'joinedByEvent', 'markedByFacilitator'];
  return fields.every((field) => a[field] === b[field]);
}

/** Whether this person has had a say, given whether the session counts chat messages. */
export function hasHadSay(record: AttendanceRecord, countChat: boolean): boolean {
  return record.answeredCard || (countChat && record.wroteInChat);
}

export function recordToProps(record: AttendanceRecord): Properties {
  const { rowKey: _rowKey, ...fields } = record;
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Properties;
}

export function recordFromEntity(entity: Entity): AttendanceRecord | undefined {
  const p = entity.props;
  if (typeof p.present !== 'boolean' || typeof p.firstSeenAt !== 'string') return undefined;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const record: AttendanceRecord = {
    rowKey: entity.rowKey,
    present: p.present,
    answeredCard: p.answeredCard === true,
    wroteInChat: p.wroteInChat === true,
    joinedByEvent: p.joinedByEvent === true,
    markedByFacilitator: p.markedByFacilitator === true,
    firstSeenAt: p.firstSeenAt,
    updatedAt: text(p.updatedAt) ?? p.firstSeenAt,
  };
  const optional = { userId: text(p.userId), aadObjectId: text(p.aadObjectId), tenantId: text(p.tenantId), name: text(p.name) };
  return { ...record, ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined)) };
}

/** Someone the facilitator can act on, by the row key the card carries. */
export interface NamedPerson {
  readonly rowKey: string;
  readonly name: string;
}

/** What the facilitators' private quiet-voices view shows. Facilitators themselves are left out. */
export interface QuietVoices {
  /** Here, no say yet, name known; in name order. */
  readonly quiet: readonly NamedPerson[];
  /** Here, no say yet, seen only in a join event so far. */
  readonly quietWithoutName: number;
  /** Known to have gone (a leave event or a mark), name known. */
  readonly left: readonly NamedPerson[];
  readonly present: number;
  readonly hadSay: number;
  readonly countsChat: boolean;
}

export function isSessionFacilitator(session: Session, record: AttendanceRecord): boolean {
  const person: Person = {
    ...(record.userId ? { userId: record.userId } : {}),
    ...(record.aadObjectId ? { aadObjectId: record.aadObjectId } : {}),
    ...(record.tenantId ? { tenantId: record.tenantId } : {}),
  };
  return decideFacilitator(session, person).isFacilitator;
}

export function quietVoicesOf(records: readonly AttendanceRecord[], session: Session): QuietVoices {
  const countChat = session.countChat;
  const people = records.filter((r) => !isSessionFacilitator(session, r));
  const here = people.filter((r) => r.present);
  const quiet = here.filter((r) => !hasHadSay(r, countChat));
  const named = (list: readonly AttendanceRecord[]) =>
    list
      .flatMap((r) => (r.name ? [{ rowKey: r.rowKey, name: r.name }] : []))
      .sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || (a.rowKey < b.rowKey ? -1 : 1));
  return {
    quiet: named(quiet),
    quietWithoutName: quiet.filter((r) => !r.name).length,
    left: named(people.filter((r) => !r.present)),
    present: here.length,
    hadSay: here.length - quiet.length,
    countsChat: countChat,
  };
}
