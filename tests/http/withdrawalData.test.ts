// "Ask for my data" on the withdrawal page: it shows everything kept about the code's person
// across their sessions (and nobody else's), downloads it as a file, and erases it after a
// confirmation, leaving the consent chain verifiable and a tombstone with no personal data.
import { sealPending, verifyChain } from '../../bot/core/consentChain';
import { CONSENT_TABLE } from '../../bot/core/consentLedger';
import { personRowKey } from '../../bot/core/consentPeople';
import { eventsOfSubject } from '../../bot/core/consentRecords';
import { ATTENDANCE_TABLE } from '../../bot/core/attendance';
import { PERSONAL_CHATS_TABLE, rememberPersonalChat } from '../../bot/core/personalChats';
import { PURPOSE_ANSWERS_TABLE } from '../../bot/core/purposeAnswers';
import { answerPartition, SENSE_ANSWERS_TABLE } from '../../bot/core/senseCheck';
import { issueWithdrawalCode } from '../../bot/core/withdrawalTokens';
import { lookupIndex } from '../../bot/core/indexes';
import { CONSENT_SESSIONS_INDEX } from '../../bot/services/consentSessions';
import { startApp, type RunningApp } from '../support/appHarness';
import { ManualClock, PEOPLE, TENANT } from '../support/meetingHarness';
import { rowsOf, seedAttendance, seedConsent, seedPurposeAnswer, seedSenseAnswer, seedSession } from './withdrawalKit';

const DAY_ONE = new Date('2026-11-26T10:00:00.000Z');
const DAY_TWO = new Date('2026-12-03T10:00:00.000Z');
const ASH_WORDS = 'The buses at Bramble Street are always late';
const ASH_REASON = 'We ran out of time for the Harbour Road question';
const GABI_WORDS = 'Parking at Quill Lane is the real problem';
const GABI_REASON = 'Gabi thought the session went on too long';

let running: RunningApp;
let clock: ManualClock;
let first: string;
let second: string;
let ash1: { who: string; subjectId: string };
let ash2: { who: string; subjectId: string };
let gabi: { who: string; subjectId: string };
let code: string;

beforeAll(async () => {
  clock = new ManualClock(DAY_TWO);
  running = await startApp({}, { clock });
  const store = running.app.store;
  first = await seedSession(store, 'MCMxOTptZWV0aW5n/ZGF0YQ==', '19:chat-one@thread.v2', DAY_ONE, 'Plan the bus survey');
  second = await seedSession(store, 'MCMxOTptZWV0aW5n/ZGF0YQ==', '19:chat-one@thread.v2', DAY_TWO, 'Agree the <script>survey</script> questions');
  ash1 = await seedConsent(store, first, PEOPLE.ash, { recording: 'agree', named: 'agree' }, DAY_ONE);
  ash2 = await seedConsent(store, second, PEOPLE.ash, { recording: 'notNow' }, DAY_TWO);
  gabi = await seedConsent(store, first, PEOPLE.gabi, { recording: 'agree' }, DAY_ONE);
  await seedAttendance(store, first, PEOPLE.ash, DAY_ONE);
  await seedAttendance(store, first, PEOPLE.gabi, DAY_ONE);
  await seedSenseAnswer(store, first, 'check-ash', 'We heard that buses are a problem', PEOPLE.ash, 'partly', ASH_WORDS, DAY_ONE);
  await seedSenseAnswer(store, first, 'check-gabi', 'We heard that parking is a problem', PEOPLE.gabi, 'agree', GABI_WORDS, DAY_ONE);
  await seedPurposeAnswer(store, second, PEOPLE.ash, ASH_REASON, DAY_TWO);
  await seedPurposeAnswer(store, first, PEOPLE.gabi, GABI_REASON, DAY_ONE);
  await rememberPersonalChat(store, { userId: PEOPLE.ash.id, aadObjectId: PEOPLE.ash.aadObjectId, tenantId: TENANT }, 'a:personal-ash', DAY_ONE);
  await rememberPersonalChat(store, { userId: PEOPLE.gabi.id, aadObjectId: PEOPLE.gabi.aadObjectId, tenantId: TENANT }, 'a:personal-gabi', DAY_ONE);
  code = await issueWithdrawalCode(store, { sessionKey: first, subjectId: ash1.subjectId }, DAY_TWO);
});
afterAll(() => running.stop());
beforeEach(() => clock.advance(61_000));

const post = (path: string, fields: Record<string, string>) =>
  fetch(`${running.url}${path}`, { method: 'POST', redirect: 'manual', body: new URLSearchParams(fields) });

test('"See what Coproduce keeps about me" shows this person\'s data in every session, and nobody else\'s', async () => {
  const response = await post('/my-data', { code });
  expect(response.status).toBe(200);
  expect(response.headers.get('cache-control')).toBe('no-store');
  const html = await response.text();
  expect(html).toContain('26 November 2026');
  expect(html).toContain('3 December 2026');
  expect(html).toContain(ASH_WORDS);
  expect(html).toContain(ASH_REASON);
  // The facilitator's words are shown, escaped: never as markup.
  expect(html).toContain('Agree the &#60;script&#62;survey&#60;/script&#62; questions');
  expect(html).not.toContain('<script');
  expect(html).toContain('Ash Tester'); // the name we keep, shown to its own person
  expect(html).toContain('We know how to send you private messages in Teams.');
  expect(html).toContain('Anonymous notes. Nobody knows who wrote them');
  expect(html).toContain('Notes that name you.');
  for (const other of [GABI_WORDS, GABI_REASON, 'Gabi', 'parking is a problem']) expect(html).not.toContain(other);
  expect(html).toContain('action="/my-data/export"');
  expect(html).toContain('action="/my-data/erase"');
});

test('"Download my data as a file" answers with the file itself, only this person\'s data', async () => {
  const response = await post('/my-data/export', { code });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="coproduce-my-data\.json"/);
  expect(response.headers.get('cache-control')).toBe('no-store');
  const text = await response.text();
  const data = JSON.parse(text) as { sessions: { date: string; consent: { choices: { choice: string; answer: string }[] } | null }[]; notHeldOrNotFound: string[] };
  expect(data.sessions.map((s) => s.date)).toEqual(['2026-12-03', '2026-11-26']);
  expect(data.sessions[1].consent?.choices.map((c) => [c.choice, c.answer])).toEqual([['recording', 'agree'], ['named', 'agree']]);
  expect(text).toContain(ASH_WORDS);
  expect(text).toContain(ASH_REASON);
  expect(data.notHeldOrNotFound.length).toBeGreaterThan(3);
  for (const other of [GABI_WORDS, GABI_REASON, 'Gabi', gabi.subjectId]) expect(text).not.toContain(other);
});

test('"Delete my data" asks first, and asking deletes nothing', async () => {
  const response = await post('/my-data/erase', { code });
  expect(response.status).toBe(200);
  const html = await response.text();
  expect(html).toContain('Delete your data?');
  expect(html).toContain('It cannot be undone.');
  expect(html).toContain('name="confirm" value="yes"');
  expect(await running.app.store.get(CONSENT_TABLE, first, personRowKey(ash1.who))).toBeDefined();
});

test('confirmed erasure removes the person everywhere, keeps the chain verifiable, leaves tombstones and logs nothing personal', async () => {
  const store = running.app.store;
  await sealPending(store, first, clock.now());
  await sealPending(store, second, clock.now());
  const sealedBefore = (await verifyChain(store, first)).sealedEvents;

  const response = await post('/my-data/erase', { code, confirm: 'yes' });
  expect(response.status).toBe(200);
  const html = await response.text();
  expect(html).toContain('Your data has been deleted');
  expect(html).toContain('in 2 sessions');
  expect(html).toContain('Teams recordings and transcripts.');
  expect(html).toContain('Backups.');
  expect(html).toContain('Messages already posted in a chat');

  for (const [sessionKey, subject] of [[first, ash1], [second, ash2]] as const) {
    expect(await store.get(CONSENT_TABLE, sessionKey, personRowKey(ash1.who))).toBeUndefined();
    const tombstone = await store.get(CONSENT_TABLE, sessionKey, `erased|${subject.subjectId}`);
    expect(tombstone?.props).toEqual({ erasedAt: clock.now().toISOString() });
    // The events stay, un-named; what Ash had agreed to is withdrawn first.
    const events = await eventsOfSubject(store, sessionKey, subject.subjectId);
    expect(events.length).toBeGreaterThan(0);
    const verification = await verifyChain(store, sessionKey);
    expect(verification).toMatchObject({ ok: true, problems: [] });
  }
  expect((await verifyChain(store, first)).sealedEvents).toBe(sealedBefore);
  const ashEvents = await eventsOfSubject(store, first, ash1.subjectId);
  expect(ashEvents.slice(-2).map((e) => [e.scope, e.kind, e.method])).toEqual([['recording', 'withdraw', 'link'], ['named', 'withdraw', 'link']]);
  await sealPending(store, first, clock.now());
  expect(await verifyChain(store, first)).toMatchObject({ ok: true, unsealedEvents: 0 });

  // Ash's rows are gone; Gabi's are all still there.
  const attendance = await rowsOf(store, ATTENDANCE_TABLE, first);
  expect(attendance.map((r) => r.props.name)).toEqual(['Gabi Tester']);
  expect(await rowsOf(store, SENSE_ANSWERS_TABLE, answerPartition(first, 'check-ash'))).toEqual([]);
  expect(await rowsOf(store, SENSE_ANSWERS_TABLE, answerPartition(first, 'check-gabi'))).toHaveLength(1);
  expect(await rowsOf(store, PURPOSE_ANSWERS_TABLE, second)).toEqual([]);
  expect(await rowsOf(store, PURPOSE_ANSWERS_TABLE, first)).toHaveLength(1);
  expect(await store.get(PERSONAL_CHATS_TABLE, ash1.who, 'chat')).toBeUndefined();
  expect(await store.get(PERSONAL_CHATS_TABLE, gabi.who, 'chat')).toBeDefined();
  expect(await store.get(CONSENT_TABLE, first, personRowKey(gabi.who))).toBeDefined();
  expect(await lookupIndex(store, CONSENT_SESSIONS_INDEX, ash1.who)).toEqual([]);

  // The link is dead now, and a second attempt finds nothing.
  const again = await post('/my-data/erase', { code, confirm: 'yes' });
  expect(again.status).toBe(404);
  expect((await fetch(`${running.url}/withdraw?code=${code}`)).status).toBe(404);

  const logs = running.logs.join('\n');
  expect(logs).toContain('personal data erased');
  for (const secret of [ASH_WORDS, ASH_REASON, 'Ash Tester', ash1.who, ash1.subjectId, code, PEOPLE.ash.aadObjectId]) expect(logs).not.toContain(secret);
});
