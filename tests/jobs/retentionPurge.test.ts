// The retention purge (bot/jobs/retentionPurge*.ts): a session whose meeting day is older than
// RETENTION_DAYS disappears from every table that holds it, except the consent chain, which stays
// verifiable and nameless; newer sessions are untouched; the job runs once a day, driven here by
// a manual clock through the real job runner on SQLite.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ACCESS_NEEDS_TABLE } from '../../bot/core/accessNeeds';
import { ACTIONS_TABLE } from '../../bot/core/actions';
import { ANONYMOUS_TABLE, anonymousPartition } from '../../bot/core/anonymous';
import { ATTENDANCE_TABLE } from '../../bot/core/attendance';
import { sealPending, verifyChain } from '../../bot/core/consentChain';
import { CONSENT_TABLE } from '../../bot/core/consentLedger';
import { peopleOfSession, subjectFor } from '../../bot/core/consentPeople';
import { recordChoices } from '../../bot/core/consentRecords';
import { DIGESTS_TABLE } from '../../bot/core/digest';
import { INDEX_TABLE } from '../../bot/core/indexes';
import { compositeKey, keyPart } from '../../bot/core/keys';
import { LADDER_TABLE } from '../../bot/core/ladder';
import type { Logger } from '../../bot/core/logger';
import { WRAP_UPS_TABLE } from '../../bot/core/nextSteps';
import { NOTES_TABLE } from '../../bot/core/notes';
import { PAYMENT_RATES_TABLE, PAYMENTS_TABLE } from '../../bot/core/payments';
import { bumpPlanVersion, currentPlanVersion, PLANS_TABLE } from '../../bot/core/planVersion';
import type { JobScheduler, Store } from '../../bot/core/ports';
import { PURPOSE_ANSWERS_TABLE } from '../../bot/core/purposeAnswers';
import { answerPartition, SENSE_ANSWERS_TABLE } from '../../bot/core/senseCheck';
import { SENSE_CHECKS_TABLE } from '../../bot/core/senseCheckStore';
import { loadSession, saveSetup, sessionsOfConversation, SESSIONS_TABLE } from '../../bot/core/sessionStore';
import { sessionOfStageToken, stageLinkFor, STAGE_TOKENS_TABLE } from '../../bot/core/stageTokens';
import { issueWithdrawalCode, resolveWithdrawalCode, TOKENS_TABLE } from '../../bot/core/withdrawalTokens';
import { createRetentionPurge, purgeExpiredSessions, retentionCutoff, scheduleRetentionPurge, RETENTION_PURGE_JOB } from '../../bot/jobs/retentionPurge';
import { PURGED_TABLES, UNPURGED_TABLES } from '../../bot/jobs/retentionPurgeSession';
import { rememberConsentSession, sessionsOfPerson } from '../../bot/services/consentSessions';
import type { ServiceDeps } from '../../bot/services/deps';
import { putPreparation } from '../../bot/services/preparationStore';
import { CHANNELS_TABLE } from '../../bot/services/followUpChannels';
import { FRAMEWORK_TABLE } from '../../bot/services/liveFrameworkStore';
import { PLAIN_ENGLISH_IGNORES_TABLE } from '../../bot/services/plainEnglishWarnings';
import { openSqliteStore } from '../../bot/storage/sqliteStore';
import type { JobHandler } from '../../bot/jobs/jobRunner';
import { manualClock, START, testRunner } from './jobTestKit';

const TENANT = '11111111-1111-1111-1111-111111111111';
const FACILITATOR = { tenantId: TENANT, aadObjectId: '00000000-0000-0000-0000-0000000000f1' };
const NAME = 'Alex Example';
const WHO = 'aad|11111111-1111-1111-1111-111111111111|00000000-0000-0000-0000-0000000000a1';
const SECRET = 'stage-secret-for-tests-only-0123456789';
/** Tables whose session rows are plain rows in the session's partition. */
const PLAIN_TABLES = [
  FRAMEWORK_TABLE, PLAIN_ENGLISH_IGNORES_TABLE, NOTES_TABLE, PURPOSE_ANSWERS_TABLE, ATTENDANCE_TABLE, WRAP_UPS_TABLE,
  ACCESS_NEEDS_TABLE, ACTIONS_TABLE, DIGESTS_TABLE, LADDER_TABLE, PAYMENTS_TABLE, PAYMENT_RATES_TABLE,
];
const ids = { random: (() => { let n = 0; return () => `id-${++n}`; })() };

let dir: string;
let store: Store;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coproduce-retention-'));
  store = openSqliteStore({ file: path.join(dir, 'coproduce.sqlite') });
});
afterEach(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Seeded {
  readonly sessionKey: string;
  readonly conversationId: string;
  readonly withdrawalCode: string;
  readonly stageToken: string;
}

/** A session with a row in every table a session can reach, written by the real writers where they are simple to call. */
async function seedSession(meetingId: string, day: string): Promise<Seeded> {
  const conversationId = `19:meeting_${meetingId}@thread.v2`;
  const now = new Date(`${day}T10:00:00.000Z`);
  const input = { meetingId, conversationId, occurrenceStart: `${day}T10:00:00Z`, purpose: { outcome: 'Shape the new letters', openToUnexpected: true } };
  const saved = await saveSetup(store, input, FACILITATOR, now);
  if (!saved.ok) throw new Error('setup refused');
  const { sessionKey } = saved.value;

  const person = await subjectFor(store, ids, sessionKey, WHO, NAME);
  await rememberConsentSession(store, person, sessionKey, now);
  await putPreparation(store, sessionKey, 'intentions', JSON.stringify({ why: 'Our own reasons' }), now);
  await putPreparation(store, sessionKey, 'stakeholders', JSON.stringify({ groups: [{ name: 'Unpaid carers' }] }), now);
  await recordChoices(store, { sessionKey, subjectId: person.subjectId, actorSubjectId: person.subjectId, method: 'card', wording: { variant: 'standard', hash: 'w1' }, choices: { recording: 'agree' }, now });
  await sealPending(store, sessionKey, now);
  await store.insert(CONSENT_TABLE, { partitionKey: sessionKey, rowKey: 'wording|w1', props: { variant: 'standard', text: 'We would like to record this meeting.' } });
  const withdrawalCode = await issueWithdrawalCode(store, { sessionKey, subjectId: person.subjectId }, now);
  const stage = await stageLinkFor(store, { sessionKey, secret: SECRET, expiresAt: new Date('2099-01-01T00:00:00.000Z'), now });
  await bumpPlanVersion(store, sessionKey);

  await store.insert(SENSE_CHECKS_TABLE, { partitionKey: sessionKey, rowKey: `check|${keyPart('sc/1')}`, props: { checkId: 'sc/1' } });
  await store.insert(SENSE_ANSWERS_TABLE, { partitionKey: answerPartition(sessionKey, 'sc/1'), rowKey: 'person:p_1|0', props: { level: 3 } });
  for (const kind of ['unsaid', 'pause'] as const) {
    await store.insert(ANONYMOUS_TABLE, { partitionKey: anonymousPartition(sessionKey, kind), rowKey: `r-${kind}`, props: { kind, sessionKey, batch: 1 } });
  }
  for (const table of PLAIN_TABLES) {
    await store.insert(table, { partitionKey: sessionKey, rowKey: 'row', props: { text: `${NAME} said something` } });
  }
  await store.insert(CHANNELS_TABLE, { partitionKey: compositeKey('session', sessionKey), rowKey: 'latest', props: { conversationId: '19:channel' } });
  return { sessionKey, conversationId, withdrawalCode, stageToken: stage.token };
}

/** Every row a session has in the session-partitioned tables, as `table|rowKey`. */
async function rowsOf(sessionKey: string): Promise<string[]> {
  const partitions: [string, string][] = [
    [SESSIONS_TABLE, sessionKey],
    ...PLAIN_TABLES.map((table): [string, string] => [table, sessionKey]),
    [CHANNELS_TABLE, compositeKey('session', sessionKey)],
    [SENSE_CHECKS_TABLE, sessionKey],
    [SENSE_ANSWERS_TABLE, answerPartition(sessionKey, 'sc/1')],
    [STAGE_TOKENS_TABLE, sessionKey],
    [CONSENT_TABLE, sessionKey],
    [TOKENS_TABLE, sessionKey],
    [ANONYMOUS_TABLE, anonymousPartition(sessionKey, 'unsaid')],
    [ANONYMOUS_TABLE, anonymousPartition(sessionKey, 'pause')],
    [PLANS_TABLE, keyPart(sessionKey)],
  ];
  const out: string[] = [];
  for (const [table, partitionKey] of partitions) {
    for (const row of (await store.query(table, partitionKey)).entities) out.push(`${table}|${row.rowKey}`);
  }
  return out;
}

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** The parts of the app's services the purge uses (the rest are never touched). */
function servicesFor(logger: Logger, jobs: JobScheduler): ServiceDeps {
  return { store, logger, jobs } as unknown as ServiceDeps;
}

function purgeJob(retentionDays = 365, logger: Logger = quiet) {
  const clock = manualClock(START);
  // The runner reads its handlers when a job is due, so the purge can be given the runner's own scheduler.
  const handlers: Record<string, JobHandler> = {};
  const runner = testRunner(store, clock, handlers);
  const purge = createRetentionPurge({ services: servicesFor(logger, runner.jobs), retentionDays });
  handlers[purge.kind] = purge.handler;
  return { clock, runner, jobs: runner.jobs };
}

test('an expired session is gone from every table; its consent chain stays, verifiable and without names', async () => {
  const old = await seedSession('meeting-old', '2025-01-10');
  const recent = await seedSession('meeting-new', '2026-11-20');
  const recentRowsBefore = await rowsOf(recent.sessionKey);
  const { clock, runner, jobs } = purgeJob();

  await scheduleRetentionPurge(jobs, clock.now());
  expect(await runner.runDueOnce()).toMatchObject({ done: 1, failed: 0 });

  const left = await rowsOf(old.sessionKey);
  // Only the chain (events and blocks) and a tombstone in place of the person row remain.
  expect(left.filter((r) => !/^consent\|(event|block|erased)\|/.test(r))).toEqual([]);
  expect(left.some((r) => r.startsWith('consent|event|'))).toBe(true);
  expect(left.some((r) => r.startsWith('consent|block|'))).toBe(true);
  const chain = await verifyChain(store, old.sessionKey);
  expect(chain).toMatchObject({ ok: true, unsealedEvents: 0 });
  expect(chain.sealedEvents).toBeGreaterThan(0);
  const consentRows = (await store.query(CONSENT_TABLE, old.sessionKey)).entities;
  expect(JSON.stringify(consentRows)).not.toContain(NAME);
  expect(JSON.stringify(consentRows)).not.toContain(WHO);
  expect(await peopleOfSession(store, old.sessionKey)).toEqual([]);

  // Nothing points at it any more, and its links stop working.
  expect(await loadSession(store, old.sessionKey)).toBeUndefined();
  expect(await sessionsOfConversation(store, old.conversationId)).toEqual([]);
  expect((await sessionsOfPerson({ store } as unknown as ServiceDeps, WHO)).map((s) => s.sessionKey)).toEqual([recent.sessionKey]);
  expect(await resolveWithdrawalCode(store, old.withdrawalCode)).toBeUndefined();
  expect(await sessionOfStageToken(store, old.stageToken, clock.now())).toBeUndefined();
  expect(await currentPlanVersion(store, old.sessionKey)).toBe(0);

  // The recent session is exactly as it was.
  expect(await rowsOf(recent.sessionKey)).toEqual(recentRowsBefore);
  expect(await resolveWithdrawalCode(store, recent.withdrawalCode)).toBeDefined();
  expect(await sessionOfStageToken(store, recent.stageToken, clock.now())).toBe(recent.sessionKey);
});

test('no index entry is left pointing at a purged session', async () => {
  const old = await seedSession('meeting-old', '2025-01-10');
  const { clock, runner, jobs } = purgeJob();
  await scheduleRetentionPurge(jobs, clock.now());
  await runner.runDueOnce();
  const entries = (await Promise.all(
    ['sessionsByMonth|2025-01', `sessionsByConversation|${keyPart(old.conversationId)}`, `consentSessionsByPerson|${keyPart(WHO)}`].map((p) => store.query(INDEX_TABLE, p)),
  )).flatMap((page) => page.entities);
  expect(entries).toEqual([]);
});

test('runs once a day: today is one job however often it is scheduled, and each run books the next day', async () => {
  await seedSession('meeting-old', '2025-01-10');
  const { clock, runner, jobs } = purgeJob();
  await scheduleRetentionPurge(jobs, clock.now());
  await scheduleRetentionPurge(jobs, clock.now()); // a second instance starting
  expect(await runner.runDueOnce()).toMatchObject({ done: 1 });
  expect(await runner.runDueOnce()).toMatchObject({ done: 0 });
  expect(await jobs.find('retentionPurge|2026-11-25')).toMatchObject({ kind: RETENTION_PURGE_JOB, status: 'done' });
  expect(await jobs.find('retentionPurge|2026-11-26')).toMatchObject({ status: 'pending' });

  clock.set(new Date('2026-11-26T03:00:30.000Z'));
  expect(await runner.runDueOnce()).toMatchObject({ done: 1 });
  expect(await jobs.find('retentionPurge|2026-11-27')).toMatchObject({ status: 'pending' });
});

test('a session becomes due exactly when its meeting day falls behind the retention period', async () => {
  const recent = await seedSession('meeting-new', '2026-11-20');
  const { clock, runner, jobs } = purgeJob(30);
  expect(retentionCutoff(new Date('2026-12-20T03:00:00.000Z'), 30)).toBe('2026-11-20');

  clock.set(new Date('2026-12-20T03:00:30.000Z')); // 30 days after the meeting day: kept
  await scheduleRetentionPurge(jobs, clock.now());
  await runner.runDueOnce();
  expect(await loadSession(store, recent.sessionKey)).toBeDefined();

  clock.set(new Date('2026-12-21T03:00:30.000Z')); // 31 days: purged
  await runner.runDueOnce();
  expect(await loadSession(store, recent.sessionKey)).toBeUndefined();
});

test('a long backlog is purged in slices, each run taking a bounded number of sessions', async () => {
  for (const day of ['2024-03-01', '2024-06-01', '2025-01-10']) await seedSession(`meeting-${day}`, day);
  const now = START;
  const cutoff = retentionCutoff(now, 365);
  const services = servicesFor(quiet, { schedule: async () => ({ scheduled: true }) });
  expect(await purgeExpiredSessions(services, cutoff, now, 2)).toMatchObject({ sessions: 2, more: true });
  expect(await purgeExpiredSessions(services, cutoff, now, 2)).toMatchObject({ sessions: 1, more: false });
  expect(await purgeExpiredSessions(services, cutoff, now, 2)).toMatchObject({ sessions: 0, more: false });
});

test('logs counts only', async () => {
  await seedSession('meeting-old', '2025-01-10');
  const lines: { fields: Record<string, unknown>; message: string }[] = [];
  const keep = (fields: Record<string, unknown>, message: string) => lines.push({ fields, message });
  const { clock, runner, jobs } = purgeJob(365, { info: keep, warn: keep, error: keep } as Logger);
  await scheduleRetentionPurge(jobs, clock.now());
  await runner.runDueOnce();
  expect(lines).toContainEqual({ fields: { sessions: 1, rows: expect.any(Number), more: false, retentionDays: 365 }, message: 'retention purge' });
  for (const { fields } of lines) for (const value of Object.values(fields)) expect(['number', 'boolean']).toContain(typeof value);
});

test('every table in the code is either purged per session or listed, with a reason, as not session data', () => {
  const root = path.join(__dirname, '..', '..', 'bot');
  const files = fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  const tables = new Set<string>();
  for (const file of files) {
    for (const match of fs.readFileSync(path.join(root, file), 'utf8').matchAll(/\b[A-Z_]+_TABLE\s*=\s*'([^']+)'/g)) tables.add(match[1]);
  }
  expect(tables.size).toBeGreaterThan(15);
  const listed = new Set([...PURGED_TABLES, ...Object.keys(UNPURGED_TABLES)]);
  expect([...tables].filter((t) => !listed.has(t)).sort()).toEqual([]);
  expect([...listed].filter((t) => !tables.has(t)).sort()).toEqual([]);
  for (const reason of Object.values(UNPURGED_TABLES)) expect(reason.length).toBeGreaterThan(20);
});
