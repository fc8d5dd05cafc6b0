/**
 * Gathers everything Coproduce keeps about one person, found by their own identity only: their
 * consent person row and events, attendance rows, sense-check answers and purpose answer in each
 * session we know they were in, and where their private chat is. Anonymous notes and pause
 * requests have no author; notes crediting someone name them in free text. Neither can be found
 * by identity, and the card and page say so.
 */
import type { AttendanceRecord } from '../core/attendance';
import { CONSENT_TABLE } from '../core/consentLedger';
import { personFromEntity, personRowKey } from '../core/consentPeople';
import { eventsOfSubject } from '../core/consentRecords';
import { attendanceBelongsTo } from '../core/erasure';
import { keyPart } from '../core/keys';
import { PERSONAL_CHATS_TABLE } from '../core/personalChats';
import { bySessionDate, type ConsentData, type PersonalData, type SenseCheckAnswerData, type SessionData } from '../core/personalExport';
import type { Entity, Store } from '../core/ports';
import { PURPOSE_ANSWERS_TABLE, purposeAnswerFromEntity } from '../core/purposeAnswers';
import { answerFromEntity, answerPartition, SENSE_ANSWERS_TABLE } from '../core/senseCheck';
import { loadSenseCheck, senseCheckIdsOf } from '../core/senseCheckStore';
import { loadSession } from '../core/sessionStore';
import { loadAttendance } from './attendance';
import type { ServiceDeps } from './deps';
import { respondentOfWho } from './senseCheckViews';
import { followUpDataOf } from './followUpPersonalData';
import { sessionsToSearch } from './myDataSessions';
import { queryAll } from '../core/storeQueries';

/** Who the data is about: `who` as personId() gives it, plus the Teams user id when we have it. */
export interface DataSubject {
  readonly who: string;
  readonly userId?: string;
}

export async function collectPersonalData(deps: ServiceDeps, subject: DataSubject, alsoSessions: readonly string[] = []): Promise<PersonalData> {
  const sessionKeys = await sessionsToSearch(deps, subject.who, alsoSessions);
  const sessions = await Promise.all(sessionKeys.map((key) => collectSession(deps, subject, key)));
  const chat = await deps.store.get(PERSONAL_CHATS_TABLE, subject.who, 'chat');
  const since = typeof chat?.props.at === 'string' ? chat.props.at : undefined;
  return {
    sessions: sessions.sort(bySessionDate),
    ...(chat ? { personalChat: since ? { since } : {} } : {}),
  };
}

async function collectSession(deps: ServiceDeps, subject: DataSubject, sessionKey: string): Promise<SessionData> {
  const { store } = deps;
  const stored = await loadSession(store, sessionKey);
  const consent = await consentOfPerson(store, sessionKey, subject.who);
  const attendance = await attendanceOf(deps, sessionKey, subject);
  const senseCheckAnswers = await senseAnswersOf(store, sessionKey, respondentOf(deps, subject.who));
  const purposeRow = await store.get(PURPOSE_ANSWERS_TABLE, sessionKey, subject.who);
  const purposeAnswer = purposeRow ? purposeAnswerFromEntity(purposeRow) : undefined;
  const followUp = await followUpDataOf(deps, sessionKey, subject.who);
  return {
    sessionKey,
    ...(stored ? { occurrence: stored.session.occurrence, purpose: stored.session.purpose.outcome } : {}),
    ...(consent ? { consent } : {}),
    attendance,
    senseCheckAnswers,
    ...(purposeAnswer ? { purposeAnswer } : {}),
    ...(Object.keys(followUp).length > 1 || followUp.linkedTo.length > 0 ? { followUp: { ...followUp } } : {}),
  };
}

export async function attendanceOf(deps: ServiceDeps, sessionKey: string, subject: DataSubject): Promise<AttendanceRecord[]> {
  return (await loadAttendance(deps, sessionKey)).filter((record) => attendanceBelongsTo(record, subject.who, subject.userId));
}

export async function consentPersonRow(store: Store, sessionKey: string, who: string): Promise<Entity | undefined> {
  return store.get(CONSENT_TABLE, sessionKey, personRowKey(who));
}

async function consentOfPerson(store: Store, sessionKey: string, who: string): Promise<ConsentData | undefined> {
  const row = await consentPersonRow(store, sessionKey, who);
  const person = row && personFromEntity(row);
  if (!person) return undefined;
  const events = await eventsOfSubject(store, sessionKey, person.subjectId);
  return { subjectId: person.subjectId, ...(person.name ? { name: person.name } : {}), roster: person.roster, events };
}

/** The owner of a person's own sense-check answers: the same rule the answers were saved with. */
export function respondentOf(_deps: ServiceDeps, who: string): string {
  return respondentOfWho(who);
}

/** This respondent's answer rows in one sense check (row keys start with the escaped respondent). */
export async function senseAnswerRows(store: Store, sessionKey: string, checkId: string, respondent: string): Promise<Entity[]> {
  const rows = await queryAll(store, SENSE_ANSWERS_TABLE, answerPartition(sessionKey, checkId), { rowKeyPrefix: `${keyPart(respondent)}|` });
  return rows.filter((e) => e.props.respondent === respondent);
}

async function senseAnswersOf(store: Store, sessionKey: string, respondent: string): Promise<SenseCheckAnswerData[]> {
  const out: SenseCheckAnswerData[] = [];
  for (const checkId of await senseCheckIdsOf(store, sessionKey)) {
    const rows = await senseAnswerRows(store, sessionKey, checkId, respondent);
    if (rows.length === 0) continue;
    const check = await loadSenseCheck(store, sessionKey, checkId);
    for (const row of rows) {
      const answer = answerFromEntity(row);
      if (!answer) continue;
      out.push({
        statement: check?.check.statements[answer.statementIndex] ?? '',
        level: answer.level,
        ...(answer.missed ? { missed: answer.missed } : {}),
        recordedForThem: answer.method !== 'self',
        answeredAt: answer.answeredAt.toISOString(),
      });
    }
  }
  return out.sort((a, b) => a.answeredAt.localeCompare(b.answeredAt));
}
