/**
 * Two server processes on one Azure Tables account (Azurite) take a burst of 50 people answering
 * consent at once, spread across both, each press also arriving a second time at the other
 * instance (as a Teams retry whose first answer was lost would). Nothing is lost or doubled: one
 * person row and exactly five events (sequence 1–5) per person. When the sealer jobs fall due,
 * both instances poll for them, each runs once, and the chain verifies with every event sealed once.
 */
import { CONSENT_TABLE, EVENT_PREFIX } from '../../bot/core/consentLedger';
import { PERSON_PREFIX, personFromEntity } from '../../bot/core/consentPeople';
import { eventsOfSubject } from '../../bot/core/consentRecords';
import { verifyChain } from '../../bot/core/consentChain';
import { CONSENT_SCOPES } from '../../bot/core/consentScopes';
import type { Entity, Store } from '../../bot/core/ports';
import { createJobStore } from '../../bot/jobs/jobStore';
import { openAzureTablesStore } from '../../bot/storage/azureTablesStore';
import { startAzurite, type Azurite } from '../support/azurite';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector';
import { logEntries, startInstances, waitUntil, type Instances } from '../support/instances';
import { consentPress, person, send, setUpSession, type Place } from './scaleKit';

const CHAT = '19:scale-consent-chat@thread.v2';
const MEETING = 'scale-consent-meeting';
const PEOPLE = 50;

let azurite: Azurite;
let fake: FakeConnector;
let store: Store;
let instances: Instances;

beforeAll(async () => {
  [azurite, fake] = await Promise.all([startAzurite(), startFakeConnector()]);
  store = openAzureTablesStore({ connectionString: azurite.connectionString });
  // Info level: the sealer logs one line per run, which is how the test counts runs.
  instances = await startInstances({ connectionString: azurite.connectionString, logLevel: 'info' });
}, 60_000);

afterAll(async () => {
  await instances?.stop();
  await store?.close();
  await Promise.all([azurite?.stop(), fake?.close()]);
}, 30_000);

async function rowsWithPrefix(sessionKey: string, prefix: string): Promise<Entity[]> {
  const rows: Entity[] = [];
  let continuation: string | undefined;
  do {
    const page = await store.query(CONSENT_TABLE, sessionKey, { rowKeyPrefix: prefix, continuation });
    rows.push(...page.entities);
    continuation = page.continuation;
  } while (continuation);
  return rows;
}

test('50 people answering at once across two instances: every answer stored once, sealed once, chain verifies', async () => {
  const sessionKey = await setUpSession(store, { meetingId: MEETING, conversationId: CHAT });
  const place: Place = { conversationId: CHAT, meetingId: MEETING, sessionKey, serviceUrl: fake.url };
  const [a, b] = instances.all;

  const answers = await Promise.all(
    Array.from({ length: PEOPLE }, (_, i) => {
      const press = consentPress(place, person(i), 'agree');
      const [first, again] = i % 2 === 0 ? [a, b] : [b, a];
      return Promise.all([send(first.url, press), send(again.url, press)]);
    }),
  );
  // Every press acknowledged, on both instances.
  expect(answers.flat().filter((r) => r.status !== 200 || r.statusCode !== 200)).toEqual([]);

  // One person row per person, each with its own subject id.
  const people = (await rowsWithPrefix(sessionKey, PERSON_PREFIX)).map(personFromEntity);
  expect(people).toHaveLength(PEOPLE);
  expect(new Set(people.map((p) => p?.subjectId)).size).toBe(PEOPLE);
  // Exactly five events each, numbered 1–5 without gaps, one per scope: nothing lost, nothing doubled.
  for (const subject of people) {
    const events = await eventsOfSubject(store, sessionKey, subject!.subjectId);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(events.map((e) => e.scope).sort()).toEqual([...CONSENT_SCOPES].sort());
    expect(events.every((e) => e.choice === 'agree')).toBe(true);
  }
  const events = await rowsWithPrefix(sessionKey, EVENT_PREFIX);
  expect(events).toHaveLength(PEOPLE * CONSENT_SCOPES.length);

  // The sealer: one job per session per minute of answers, due a minute later. Move both
  // instances' clocks past that and let them race for the jobs.
  const minutes = [...new Set(events.map((e) => Math.floor(Date.parse(String(e.props.at)) / 60_000)))];
  const sealKeys = minutes.map((minute) => `consentSeal|${sessionKey}|${minute}`);
  const jobs = createJobStore({ store, clock: { now: () => new Date() } });
  for (const key of sealKeys) expect((await jobs.find(key))?.status).toBe('pending');
  await instances.advanceClocks(2 * 60_000);
  await waitUntil('the seal jobs to finish', async () => (await Promise.all(sealKeys.map((k) => jobs.find(k)))).every((job) => job?.status === 'done'), 40_000, 200);

  const verified = await verifyChain(store, sessionKey);
  expect(verified).toMatchObject({ ok: true, sealedEvents: PEOPLE * CONSENT_SCOPES.length, unsealedEvents: 0, problems: [] });
  // Each seal job ran once: one "consent sealed" line per job across both instances, and together
  // they sealed each event once.
  const runs = await waitUntil('the sealer log lines', () => {
    const lines = instances.all.flatMap((i) => logEntries(i, 'consent sealed'));
    return lines.length >= sealKeys.length && lines;
  }, 5_000);
  expect(runs).toHaveLength(sealKeys.length);
  expect(runs.reduce((sum, line) => sum + Number(line.sealed), 0)).toBe(PEOPLE * CONSENT_SCOPES.length);
  for (const key of sealKeys) expect(await jobs.find(key)).toMatchObject({ status: 'done', attempts: 0 });
}, 90_000);
