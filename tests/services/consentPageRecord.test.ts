// The organisers' consent record as a spreadsheet file: every event with the person's name (or
// "(erased)"), how it was given and whether a facilitator recorded it, under a first line with the
// chain head and whether the chain checked out. Names that look like formulas are neutralised.
import { randomUUID } from 'node:crypto';
import { chainHead } from '../../bot/core/consentChain';
import { CONSENT_TABLE, EVENT_PREFIX } from '../../bot/core/consentLedger';
import { rosterWho, subjectFor } from '../../bot/core/consentPeople';
import { recordChoices } from '../../bot/core/consentRecords';
import { FacilitatorCheck } from '../../bot/core/facilitators';
import type { MeetingDirectory, Store } from '../../bot/core/ports';
import { openSqliteStore } from '../../bot/storage/sqliteStore';
import { consentRecordCsv } from '../../bot/services/consentPageRecord';
import type { ServiceDeps } from '../../bot/services/deps';
import { eraseMyData } from '../../bot/services/myDataErase';
import { ManualClock, PEOPLE } from '../support/meetingHarness';
import { seedConsent, seedSession, whoOfPerson, WORDING } from '../http/withdrawalKit';

const START = new Date('2026-11-26T10:00:00.000Z');
const HOSTILE_NAME = "=cmd|' /C calc'!A0";
let store: Store;
let deps: ServiceDeps;
let logs: unknown[];

beforeEach(() => {
  store = openSqliteStore({ file: ':memory:' });
  const clock = new ManualClock(START);
  const directory: MeetingDirectory = { roleOf: async () => undefined, isInMeeting: async () => undefined, meetingInfo: async () => undefined };
  logs = [];
  const logger = { info: (f: unknown) => logs.push(f), warn: (f: unknown) => logs.push(f), error: (f: unknown) => logs.push(f) };
  deps = {
    store,
    clock,
    ids: { random: randomUUID },
    outbox: { enqueue: async () => ({ queued: true }) },
    jobs: { schedule: async () => ({ scheduled: true }) },
    directory,
    facilitators: new FacilitatorCheck(directory, clock),
    logger,
    pseudonymize: (id) => (id ? `p_${id.length}` : undefined),
    random: () => 0.5,
  };
});
afterEach(() => store.close());

async function seedRecord(): Promise<string> {
  const sessionKey = await seedSession(store, 'MCMxOTptZWV0aW5n/Y3N2', '19:chat-csv@thread.v2', START, 'Plan the survey');
  await seedConsent(store, sessionKey, PEOPLE.ash, { recording: 'agree', quoted: 'notNow' }, START);
  const fola = await seedConsent(store, sessionKey, PEOPLE.fola, { recording: 'agree' }, START);
  const roster = await subjectFor(store, deps.ids, sessionKey, rosterWho(deps.ids), HOSTILE_NAME, true);
  await recordChoices(store, { sessionKey, subjectId: roster.subjectId, actorSubjectId: fola.subjectId, method: 'phone', wording: WORDING, choices: { recording: 'agree' }, now: new Date(START.getTime() + 60_000) });
  await seedConsent(store, sessionKey, PEOPLE.gabi, { recording: 'agree' }, new Date(START.getTime() + 120_000));
  await eraseMyData(deps, { who: whoOfPerson(PEOPLE.gabi) }, [], 'personalChat', new Date(START.getTime() + 180_000));
  return sessionKey;
}

test('every event is a row, erased people show as "(erased)", and the first line carries the chain head', async () => {
  const sessionKey = await seedRecord();
  const csv = await consentRecordCsv(deps, sessionKey);
  const lines = csv.trimEnd().split('\r\n');
  const head = await chainHead(store, sessionKey);
  expect(head).toBeDefined();
  expect(lines[0]).toBe(`# Consent record. Chain head: ${head?.hash}. Checked: nothing has been changed. Events sealed: 6. Events not yet sealed: 0.`);
  expect(lines[1]).toBe('"Person","Choice","What happened","How","Recorded by a facilitator","Wording","Wording version","Time (Greenwich Mean Time)"');
  const rows = lines.slice(2);
  expect(rows).toHaveLength(6); // Ash 2, Fola 1, the roster entry 1, Gabi 2
  // Oldest first (Ash and Fola answered at the same moment, so either may come first).
  expect(rows[0]).toMatch(/^"(Ash|Fola) Tester","Recording the meeting \(video and sound\)","Agreed","Consent card","No","standard","c{64}","2026-11-26T10:00:00.000Z"$/);
  expect(rows.filter((r) => r.startsWith('"Ash Tester"')).map((r) => r.split('","').slice(1, 3))).toEqual([
    ['Recording the meeting (video and sound)', 'Agreed'],
    ['Quoting your words in the notes and the summary', 'Said not now'],
  ]);
  // The roster name is neutralised, and marked as recorded by a facilitator, by phone.
  expect(rows).toContain(`"'${HOSTILE_NAME}","Recording the meeting (video and sound)","Agreed","By phone","Yes","standard","${'c'.repeat(64)}","2026-11-26T10:01:00.000Z"`);
  const erased = rows.filter((r) => r.startsWith('"(erased)"'));
  expect(erased.map((r) => r.split('","').slice(2, 4))).toEqual([['Agreed', 'Consent card'], ['Withdrew', 'Private chat with Coproduce']]);
  expect(csv).not.toContain('Gabi');
  expect(JSON.stringify(logs)).not.toMatch(/Tester|cmd/);
});

test('a changed event row makes the first line say a problem was found', async () => {
  const sessionKey = await seedRecord();
  await consentRecordCsv(deps, sessionKey); // seals everything
  const [first] = (await store.query(CONSENT_TABLE, sessionKey, { rowKeyPrefix: EVENT_PREFIX })).entities;
  await store.merge(CONSENT_TABLE, { partitionKey: sessionKey, rowKey: first.rowKey, props: { choice: 'notNow' } }, first.etag);
  const csv = await consentRecordCsv(deps, sessionKey);
  expect(csv.split('\r\n')[0]).toContain('Checked: a problem was found. Something has been changed.');
  expect(csv.split('\r\n')[0]).toContain('has been changed');
});
