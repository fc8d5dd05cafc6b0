// The consent ledger: one event per genuine change, per-person sequence numbers with no gaps or
// doubles under concurrent writers, a hash chain that any edited row breaks, and erasure that
// leaves the chain verifiable.
import { randomUUID } from 'node:crypto';
import { CONSENT_TABLE, decideChoices, eventRowKey, type ChoiceRequest } from '../../bot/core/consentLedger';
import { recordChoices, eventsOfSubject } from '../../bot/core/consentRecords';
import { sealPending, verifyChain, chainHead, MAX_EVENTS_PER_BLOCK } from '../../bot/core/consentChain';
import { peopleOfSession, personRowKey, subjectFor } from '../../bot/core/consentPeople';
import { consentOf, recordingClearance, answeredCount } from '../../bot/core/consentState';
import type { Store } from '../../bot/core/ports';
import { openSqliteStore } from '../../bot/storage/sqliteStore';

const SESSION = 'session|meeting-1|2026-11-26';
const NOW = new Date('2026-11-26T10:00:00Z');
const ids = { random: randomUUID };
const wording = { variant: 'standard' as const, hash: 'a'.repeat(64) };

let store: Store;
beforeEach(() => {
  store = openSqliteStore({ file: ':memory:' });
});
afterEach(() => store.close());

function request(subjectId: string, choices: ChoiceRequest['choices'], at = NOW): ChoiceRequest {
  return { sessionKey: SESSION, subjectId, actorSubjectId: subjectId, method: 'card', wording, choices, now: at };
}

test('agree → not now → agree is three events: agree, withdraw, agree; repeating a choice adds nothing', async () => {
  const s = 'subject-1';
  expect((await recordChoices(store, request(s, { recording: 'agree' }))).written.map((e) => e.kind)).toEqual(['agree']);
  expect((await recordChoices(store, request(s, { recording: 'agree' }))).written).toEqual([]);
  expect((await recordChoices(store, request(s, { recording: 'notNow' }))).written.map((e) => e.kind)).toEqual(['withdraw']);
  expect((await recordChoices(store, request(s, { recording: 'agree' }))).written.map((e) => e.kind)).toEqual(['agree']);
  const events = await eventsOfSubject(store, SESSION, s);
  expect(events.map((e) => [e.seq, e.kind])).toEqual([[1, 'agree'], [2, 'withdraw'], [3, 'agree']]);
});

test('a first "not now" is recorded as a decline, because asked-and-said-no differs from never asked', () => {
  const events = decideChoices([], request('s', { transcript: 'notNow', recording: 'agree' }));
  expect(events.map((e) => [e.scope, e.kind, e.seq])).toEqual([['transcript', 'decline', 1], ['recording', 'agree', 2]]);
});

test('many writers for one person at once: every change lands once, sequence numbers have no gaps', async () => {
  const s = 'busy-subject';
  const scopes = ['recording', 'transcript', 'aiSummary', 'named', 'quoted'] as const;
  await Promise.all(scopes.map((scope) => recordChoices(store, request(s, { [scope]: 'agree' }))));
  const events = await eventsOfSubject(store, SESSION, s);
  expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
  expect(new Set(events.map((e) => e.scope)).size).toBe(5);
});

test('sealing chains events into blocks; verification passes, then fails when one stored row is edited', async () => {
  for (let i = 0; i < 5; i++) await recordChoices(store, request(`subject-${i}`, { recording: i % 2 === 0 ? 'agree' : 'notNow' }));
  const report = await sealPending(store, SESSION, NOW);
  expect(report).toEqual({ sealed: 5, blocks: 1, refused: 0 });
  await recordChoices(store, request('subject-9', { named: 'agree' }));
  expect((await verifyChain(store, SESSION)).unsealedEvents).toBe(1);
  await sealPending(store, SESSION, NOW);
  const good = await verifyChain(store, SESSION);
  expect(good).toMatchObject({ ok: true, sealedEvents: 6, unsealedEvents: 0 });
  expect(good.head).toBe((await chainHead(store, SESSION))?.hash);

  // Someone turns a "not now" into "agree" directly in the table.
  const rowKey = eventRowKey('subject-1', 1);
  const row = await store.get(CONSENT_TABLE, SESSION, rowKey);
  await store.replace(CONSENT_TABLE, { partitionKey: SESSION, rowKey, props: { ...row!.props, choice: 'agree', kind: 'agree' } }, row!.etag);
  const bad = await verifyChain(store, SESSION);
  expect(bad.ok).toBe(false);
  expect(bad.problems).toContain('An event sealed in block 1 has been changed.');
});

test('deleting a sealed event or a whole block is detected', async () => {
  await recordChoices(store, request('a', { recording: 'agree' }));
  await sealPending(store, SESSION, NOW);
  await recordChoices(store, request('b', { recording: 'agree' }));
  await sealPending(store, SESSION, NOW);
  const event = await store.get(CONSENT_TABLE, SESSION, eventRowKey('a', 1));
  await store.delete(CONSENT_TABLE, SESSION, eventRowKey('a', 1), event!.etag);
  expect((await verifyChain(store, SESSION)).problems).toContain('An event sealed in block 1 is missing or unreadable.');
  const block = await store.get(CONSENT_TABLE, SESSION, 'block|00000001');
  await store.delete(CONSENT_TABLE, SESSION, 'block|00000001', block!.etag);
  expect((await verifyChain(store, SESSION)).ok).toBe(false);
});

test('two sealers at once make one chain, with every event sealed exactly once', async () => {
  for (let i = 0; i < MAX_EVENTS_PER_BLOCK + 30; i++) await recordChoices(store, request(`p${i}`, { recording: 'agree' }));
  await Promise.all([sealPending(store, SESSION, NOW), sealPending(store, SESSION, NOW)]);
  const verified = await verifyChain(store, SESSION);
  expect(verified).toMatchObject({ ok: true, sealedEvents: MAX_EVENTS_PER_BLOCK + 30, unsealedEvents: 0 });
});

test('sealing many blocks reads the events once, not once per block', async () => {
  const people = 5 * MAX_EVENTS_PER_BLOCK;
  for (let i = 0; i < people; i++) await recordChoices(store, request(`p${i}`, { recording: 'agree' }));
  let eventReads = 0;
  const counting: Store = {
    ...store,
    query: (table, partition, range) => {
      if (range?.rowKeyPrefix === 'event|') eventReads++;
      return store.query(table, partition, range);
    },
  };
  expect(await sealPending(counting, SESSION, NOW)).toMatchObject({ sealed: people, blocks: 5 });
  expect(eventReads).toBe(1); // one page of up to 1,000 rows
  expect(await verifyChain(store, SESSION)).toMatchObject({ ok: true, sealedEvents: people, unsealedEvents: 0 });
});

test('erasing a person deletes who they are and leaves the chain verifiable', async () => {
  const person = await subjectFor(store, ids, SESSION, 'aad|t|oid-1', 'Ash Tester');
  await recordChoices(store, request(person.subjectId, { recording: 'agree', named: 'agree' }));
  await sealPending(store, SESSION, NOW);
  const row = await store.get(CONSENT_TABLE, SESSION, personRowKey('aad|t|oid-1'));
  await store.delete(CONSENT_TABLE, SESSION, personRowKey('aad|t|oid-1'), row!.etag);
  expect(await peopleOfSession(store, SESSION)).toEqual([]);
  expect((await verifyChain(store, SESSION)).ok).toBe(true);
  // The same person seen again gets the same subject only through the person row: a new one now.
  const again = await subjectFor(store, ids, SESSION, 'aad|t|oid-1', 'Ash Tester');
  expect(again.subjectId).not.toBe(person.subjectId);
});

describe('clear to record', () => {
  const person = (who: string) => ({ subjectId: `s-${who}`, who, roster: false });
  const agreed = (who: string) => consentOf(person(who), decideChoices([], request(`s-${who}`, { recording: 'agree' })));
  const declined = (who: string) => consentOf(person(who), decideChoices([], request(`s-${who}`, { recording: 'notNow' })));

  test('needs every known person to agree and a facilitator confirmation covering them all', () => {
    const consents = [agreed('a'), agreed('b')];
    expect(recordingClearance(['a', 'b'], consents, undefined)).toEqual({ clear: false, notAnswered: 0, saidNo: 0, needsConfirmation: true });
    expect(recordingClearance(['a', 'b'], consents, { at: NOW.toISOString(), knownWho: ['a', 'b'] })).toEqual({ clear: true });
  });

  test('someone new after the confirmation, someone who has not answered, or a "not now" makes it not clear', () => {
    const confirmation = { at: NOW.toISOString(), knownWho: ['a', 'b'] };
    expect(recordingClearance(['a', 'b', 'c'], [agreed('a'), agreed('b'), agreed('c')], confirmation)).toMatchObject({ clear: false, needsConfirmation: true });
    expect(recordingClearance(['a', 'b'], [agreed('a')], confirmation)).toMatchObject({ clear: false, notAnswered: 1 });
    expect(recordingClearance(['a', 'b'], [agreed('a'), declined('b')], confirmation)).toMatchObject({ clear: false, saidNo: 1 });
  });

  test('nobody known is never "clear"', () => {
    expect(recordingClearance([], [], { at: NOW.toISOString(), knownWho: [] })).toMatchObject({ clear: false });
  });

  test('the public count is answered of expected, counting people who answered but are not listed as here', () => {
    expect(answeredCount(['a', 'b', 'c'], [agreed('a'), declined('d')])).toEqual({ answered: 2, expected: 4 });
  });
});
