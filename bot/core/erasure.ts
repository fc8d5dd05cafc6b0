/**
 * Erasure, pure parts. The consent person row is the only link between a person and their
 * subject id, so deleting it un-names every event while the events (and the hash chain over
 * them) stay exactly as they were. In its place goes a tombstone that says only "this subject was
 * erased, at this time": enough for an organiser's export to show "(erased)" rather than a gap.
 * Tombstone and deletion go in one batch, so a crash leaves either both or neither.
 */
import type { AttendanceRecord } from './attendance';
import { TOMBSTONE_PREFIX } from './consentPeople';
import { personKeyOf } from './facilitators';
import { personId } from './personalChats';
import type { BatchOperation, Entity } from './ports';

export function tombstoneRowKey(subjectId: string): string {
  return TOMBSTONE_PREFIX + subjectId;
}

/** Replaces a consent person row by a tombstone that holds no personal data. */
export function eraseConsentPerson(personRow: Entity, subjectId: string, now: Date): BatchOperation[] {
  return [
    { kind: 'upsert', entity: { partitionKey: personRow.partitionKey, rowKey: tombstoneRowKey(subjectId), props: { erasedAt: now.toISOString() } } },
    { kind: 'delete', rowKey: personRow.rowKey, etag: personRow.etag },
  ];
}

/**
 * Whether an attendance row is this person's. Rows are keyed by Teams user id when one was seen,
 * so the row key alone cannot tell; the identity fields the row keeps can.
 */
export function attendanceBelongsTo(record: AttendanceRecord, who: string, userId?: string): boolean {
  if (userId !== undefined && record.userId === userId) return true;
  const full = personKeyOf({ userId: record.userId, aadObjectId: record.aadObjectId, tenantId: record.tenantId });
  if (full && personId(full) === who) return true;
  return record.userId !== undefined && personId({ userId: record.userId }) === who;
}

/** A `who` that stands for a roster entry a facilitator typed, not a Teams identity. */
export function isRosterWho(who: string): boolean {
  return who.startsWith('roster|');
}
