/**
 * Reads everything a session's digest is made from: purpose answers, attendance, consent, sense
 * checks and their answers, notes and the wrap-up. Also who may be named, from the consent
 * record: the only way a person's name reaches the group is their own "being named" agreement.
 */
import { buildDigest, type DigestContent, type RecordingState } from '../core/digest';
import { personCredited } from '../core/digestView';
import { fromKeyPart } from '../core/keys';
import { noteFromEntity, NOTES_TABLE, type Note } from '../core/notes';
import type { Entity, Store } from '../core/ports';
import { PURPOSE_ANSWERS_TABLE, purposeAnswerFromEntity, type PurposeAnswer } from '../core/purposeAnswers';
import type { Answer, SenseCheck } from '../core/senseCheck';
import { loadAnswers, loadSenseCheck, SENSE_CHECKS_TABLE } from '../core/senseCheckStore';
import type { Session } from '../core/session';
import { loadAttendance } from './attendance';
import { attendanceWho, consentPicture, type ConsentPicture } from './consentPicture';
import type { ServiceDeps } from './deps';
import { loadWrapUp } from './wrapUpStore';
import { queryAll } from '../core/storeQueries';

/** Every row of a session partition, optionally only those under a row-key prefix. */
export function allRows(store: Store, table: string, partitionKey: string, rowKeyPrefix?: string): Promise<Entity[]> {
  return queryAll(store, table, partitionKey, rowKeyPrefix ? { rowKeyPrefix } : {});
}

/** The `who` of everyone whose latest "being named" choice is agree. */
export function namedFrom(picture: ConsentPicture): Set<string> {
  return new Set(picture.people.filter((p) => p.consent.choices.named === 'agree').map((p) => p.consent.person.who));
}

export async function agreedToBeNamed(deps: ServiceDeps, session: Session): Promise<Set<string>> {
  return namedFrom(await consentPicture(deps, session));
}

/** Every person of the session we hold a name for: consent rows and attendance rows. */
export function namesOf(picture: ConsentPicture): { who: string; name?: string }[] {
  const out = picture.people.map((p) => ({ who: p.consent.person.who, ...(p.consent.person.name ? { name: p.consent.person.name } : {}) }));
  for (const record of picture.attendance) if (record.name) out.push({ who: attendanceWho(record), name: record.name });
  return out;
}

export async function senseChecksOf(store: Store, sessionKey: string): Promise<{ check: SenseCheck; answers: Answer[] }[]> {
  const out: { check: SenseCheck; answers: Answer[] }[] = [];
  for (const row of await allRows(store, SENSE_CHECKS_TABLE, sessionKey, 'check|')) {
    const stored = await loadSenseCheck(store, sessionKey, fromKeyPart(row.rowKey.slice('check|'.length)));
    if (stored) out.push({ check: stored.check, answers: await loadAnswers(store, sessionKey, stored.check.id) });
  }
  return out;
}

export async function notesOf(store: Store, sessionKey: string): Promise<Note[]> {
  return (await allRows(store, NOTES_TABLE, sessionKey)).flatMap((e) => {
    const note = noteFromEntity(e);
    return note ? [note] : [];
  });
}

export async function purposeAnswersOf(store: Store, sessionKey: string): Promise<{ key: string; answer: PurposeAnswer }[]> {
  return (await allRows(store, PURPOSE_ANSWERS_TABLE, sessionKey)).flatMap((e) => {
    const answer = purposeAnswerFromEntity(e);
    return answer ? [{ key: e.rowKey, answer }] : [];
  });
}

function recordingOf(picture: ConsentPicture): RecordingState {
  if (picture.clearance.clear) return 'clear';
  return picture.people.some((p) => p.consent.choices.recording !== undefined) ? 'notClear' : 'unknown';
}

/** Builds the digest snapshot from the session's rows as they are now. */
export async function buildDigestFromStore(deps: ServiceDeps, session: Session, now: Date): Promise<DigestContent> {
  const { sessionKey } = session;
  const [picture, purposeAnswers, senseChecks, notes, wrapUp, attendance] = await Promise.all([
    consentPicture(deps, session),
    purposeAnswersOf(deps.store, sessionKey),
    senseChecksOf(deps.store, sessionKey),
    notesOf(deps.store, sessionKey),
    loadWrapUp(deps.store, sessionKey),
    loadAttendance(deps, sessionKey),
  ]);
  const people = namesOf(picture);
  return buildDigest(
    {
      sessionKey,
      occurrence: session.occurrence,
      outcome: session.purpose.outcome,
      timeZone: session.timeZone ?? 'UTC',
      purposeAnswers,
      tookPart: attendance.length,
      recording: recordingOf(picture),
      senseChecks,
      notes: notes.map((note) => {
        const creditWho = note.credit ? personCredited(note.credit, people) : undefined;
        return creditWho ? { note, creditWho } : { note };
      }),
      ...(wrapUp ? { wrapUp: wrapUp.wrapUp } : {}),
    },
    now,
  );
}
