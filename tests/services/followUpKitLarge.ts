/**
 * A large session's rows, written straight into the store (people acting one by one would take
 * minutes): 300 people with attendance and purpose answers, 1,000 notes, and 20 closed
 * sense-checks of three points each answered by everyone. Used by the large-session test and the
 * benchmark.
 */
import { applySignal, ATTENDANCE_TABLE, attendanceRowKey, recordToProps } from '../../bot/core/attendance';
import { noteToEntity, NOTES_TABLE } from '../../bot/core/notes';
import { personId } from '../../bot/core/personalChats';
import type { EntityInput, Store } from '../../bot/core/ports';
import { PURPOSE_ANSWERS_TABLE } from '../../bot/core/purposeAnswers';
import { answerToEntity, SENSE_ANSWERS_TABLE } from '../../bot/core/senseCheck';
import { createSenseCheck } from '../../bot/core/senseCheckStore';
import { CHAT, TENANT } from '../support/meetingHarness';
import { SESSION_KEY } from './followUpKit';

export const LARGE = { people: 300, notes: 1000, senseChecks: 20, statements: 3 } as const;

async function insertAll(store: Store, table: string, entities: readonly EntityInput[]): Promise<void> {
  const byPartition = new Map<string, EntityInput[]>();
  for (const e of entities) {
    const rows = byPartition.get(e.partitionKey) ?? [];
    rows.push(e);
    byPartition.set(e.partitionKey, rows);
  }
  for (const [partition, rows] of byPartition) {
    for (let i = 0; i < rows.length; i += 100) {
      const result = await store.batch(table, partition, rows.slice(i, i + 100).map((entity) => ({ kind: 'insert' as const, entity })));
      if (!result.ok) throw new Error(`could not seed ${table}`);
    }
  }
}

/** Fills the store as a large session would, directly (people acting one by one would take minutes). */
export async function seedLargeSession(store: Store, now: Date): Promise<void> {
  const people = Array.from({ length: LARGE.people }, (_, i) => ({
    userId: `29:large-${i}`,
    aadObjectId: `10000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    tenantId: TENANT,
    name: `Person ${i}`,
  }));
  await insertAll(
    store,
    ATTENDANCE_TABLE,
    people.map((p) => {
      const rowKey = attendanceRowKey(p) as string;
      const record = applySignal(undefined, { kind: 'cardAnswer', rowKey, person: p, name: p.name }, now);
      return { partitionKey: SESSION_KEY, rowKey, props: recordToProps(record!) };
    }),
  );
  await insertAll(
    store,
    PURPOSE_ANSWERS_TABLE,
    people.map((p, i) => ({
      partitionKey: SESSION_KEY,
      rowKey: personId(p),
      props: { verdict: ['yes', 'partly', 'no'][i % 3], reason: i % 3 === 0 ? null : `Reason number ${i}: ${'because '.repeat(20)}`, answeredAt: now.toISOString() },
    })),
  );
  await insertAll(
    store,
    NOTES_TABLE,
    Array.from({ length: LARGE.notes }, (_, i) =>
      noteToEntity({ id: `note-${String(i).padStart(4, '0')}`, sessionKey: SESSION_KEY, text: `Note ${i}: ${'what people said about the buses '.repeat(12)}`, author: 'facilitator', createdAt: new Date(now.getTime() + i * 1000), ...(i % 7 === 0 ? { credit: `Person ${i % LARGE.people}` } : {}) }),
    ),
  );
  for (let c = 0; c < LARGE.senseChecks; c++) {
    const id = `check-${c}`;
    const statements = Array.from({ length: LARGE.statements }, (_, s) => `Statement ${c}.${s}: ${'we heard that the service should change '.repeat(6)}`);
    await createSenseCheck(store, { id, sessionKey: SESSION_KEY, statements, status: 'closed', openedBy: 'f', openedAt: new Date(now.getTime() + c * 60_000) }, CHAT);
    const answers = people.flatMap((p, i) =>
      statements.map((_s, s) =>
        answerToEntity(SESSION_KEY, {
          senseCheckId: id,
          statementIndex: s,
          respondent: `person:${personId(p)}`,
          level: (['agree', 'agree', 'partly', 'disagree'] as const)[(i + s) % 4],
          method: 'self',
          answeredAt: now,
          ...(i % 10 === 0 ? { missed: `Missed ${i}: ${'something important '.repeat(10)}` } : {}),
        }),
      ),
    );
    await insertAll(store, SENSE_ANSWERS_TABLE, answers);
  }
}
