/**
 * Seeds what a person leaves behind in a session, straight into the Store through the same core
 * functions the bot uses: a consent person row and events (indexed under the person, as the
 * consent area does), an attendance row, sense-check answers and a purpose answer.
 */
import { randomUUID } from 'node:crypto';
import { applySignal, ATTENDANCE_TABLE, attendanceRowKey, recordToProps } from '../../bot/core/attendance';
import type { ChoiceRequest } from '../../bot/core/consentLedger';
import { subjectFor } from '../../bot/core/consentPeople';
import { recordChoices } from '../../bot/core/consentRecords';
import type { ConsentMethod } from '../../bot/core/consentScopes';
import { personId } from '../../bot/core/personalChats';
import type { Store } from '../../bot/core/ports';
import { decidePurposeAnswer } from '../../bot/core/purposeAnswers';
import { createSenseCheck, saveAnswer } from '../../bot/core/senseCheckStore';
import type { Level } from '../../bot/core/senseCheck';
import { saveSetup } from '../../bot/core/sessionStore';
import { respondentOfWho } from '../../bot/services/senseCheckViews';
import { rememberConsentSession } from '../../bot/services/consentSessions';
import { TENANT, type TestPerson } from '../support/meetingHarness';

export const WORDING = { variant: 'standard' as const, hash: 'c'.repeat(64) };

export function whoOfPerson(person: TestPerson): string {
  return personId({ tenantId: TENANT, aadObjectId: person.aadObjectId });
}

export async function seedSession(store: Store, meetingId: string, conversationId: string, start: Date, outcome: string): Promise<string> {
  const saved = await saveSetup(
    store,
    { meetingId, conversationId, occurrenceStart: start.toISOString(), purpose: { outcome, openToUnexpected: true } },
    { tenantId: TENANT, aadObjectId: '00000000-0000-4000-8000-000000000001' },
    start,
  );
  if (!saved.ok) throw new Error(saved.problems.join(' '));
  return saved.value.sessionKey;
}

export async function seedConsent(
  store: Store,
  sessionKey: string,
  person: TestPerson,
  choices: ChoiceRequest['choices'],
  now: Date,
  method: ConsentMethod = 'card',
): Promise<{ who: string; subjectId: string }> {
  const who = whoOfPerson(person);
  const subject = await subjectFor(store, { random: randomUUID }, sessionKey, who, person.name);
  await recordChoices(store, { sessionKey, subjectId: subject.subjectId, actorSubjectId: subject.subjectId, method, wording: WORDING, choices, now });
  await rememberConsentSession(store, subject, sessionKey, now);
  return { who, subjectId: subject.subjectId };
}

export async function seedAttendance(store: Store, sessionKey: string, person: TestPerson, now: Date): Promise<void> {
  const ids = { userId: person.id, aadObjectId: person.aadObjectId, tenantId: TENANT };
  const rowKey = attendanceRowKey(ids) as string;
  const record = applySignal(undefined, { kind: 'cardAnswer', rowKey, person: ids, name: person.name }, now);
  if (!record) throw new Error('no attendance record');
  await store.upsert(ATTENDANCE_TABLE, { partitionKey: sessionKey, rowKey, props: recordToProps(record) });
}

/** One sense check with one statement per person's answer; `missed` is their own words. */
export async function seedSenseAnswer(
  store: Store,
  sessionKey: string,
  checkId: string,
  statement: string,
  person: TestPerson,
  level: Level,
  missed: string,
  now: Date,
): Promise<void> {
  await createSenseCheck(store, { id: checkId, sessionKey, statements: [statement], status: 'open', openedBy: 'p_fola', openedAt: now }, '19:chat');
  // The same owner the live answer path uses, so my data finds what a real press would have saved.
  const respondent = respondentOfWho(whoOfPerson(person));
  await saveAnswer(store, sessionKey, { senseCheckId: checkId, statementIndex: 0, respondent, level, missed, method: 'self', answeredAt: now });
}

export async function seedPurposeAnswer(store: Store, sessionKey: string, person: TestPerson, reason: string, now: Date): Promise<void> {
  const decided = decidePurposeAnswer(sessionKey, { aadObjectId: person.aadObjectId, tenantId: TENANT, userId: person.id }, { verdict: 'partly', reason }, undefined, now);
  if (!decided.ok) throw new Error(decided.problems.join(' '));
  await store.upsert('purposeAnswers', decided.value.entity);
}

/** Every row of one table partition, for "is it gone" checks. */
export async function rowsOf(store: Store, table: string, partitionKey: string): Promise<{ rowKey: string; props: Record<string, unknown> }[]> {
  const page = await store.query(table, partitionKey);
  return page.entities.map((e) => ({ rowKey: e.rowKey, props: { ...e.props } }));
}
