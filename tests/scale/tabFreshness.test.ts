/**
 * The tab polls GET /api/tab/session with If-None-Match. Behind a load balancer each poll may
 * reach a different instance, so the ETag must come from the shared state, not from the instance:
 * two server processes on one Azure Tables account give the same ETag for the same state, each
 * answers 304 to the other's ETag, and both move on after a change made through either.
 */
import type { Store } from '../../bot/core/ports';
import { openAzureTablesStore } from '../../bot/storage/azureTablesStore';
import { startAzurite, type Azurite } from '../support/azurite';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector';
import { startInstances, type Instances, type ServerInstance } from '../support/instances';
import { consentPress, send, setUpSession, type Place } from './scaleKit';

// The local meeting and people of .m365agentsplayground.yml and local/meetingRoles.json.
const CHAT = '19:local-meeting-chat@thread.v2';
const MEETING = 'local-meeting-1';
const FOLA = '29:local-fola';
const ASH = { id: '29:local-ash', aadObjectId: 'c0de0000-0000-4000-8000-0000000000a1', name: 'Ash Attendee' };
const GABI = { id: '29:local-gabi', aadObjectId: 'c0de0000-0000-4000-8000-0000000000a2', name: 'Gabi Guest' };

let azurite: Azurite;
let fake: FakeConnector;
let store: Store;
let instances: Instances;

beforeAll(async () => {
  [azurite, fake] = await Promise.all([startAzurite(), startFakeConnector()]);
  store = openAzureTablesStore({ connectionString: azurite.connectionString });
  instances = await startInstances({ connectionString: azurite.connectionString });
}, 60_000);

afterAll(async () => {
  await instances?.stop();
  await store?.close();
  await Promise.all([azurite?.stop(), fake?.close()]);
}, 30_000);

/** Each instance signs its own development tokens (a key made in memory), as Entra would sign for all. */
async function tokenFrom(instance: ServerInstance, userId: string): Promise<string> {
  const response = await fetch(`${instance.url}/api/tab/dev-token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }) });
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

async function poll(instance: ServerInstance, token: string, etag?: string): Promise<{ status: number; etag: string | null }> {
  const response = await fetch(`${instance.url}/api/tab/session`, {
    headers: { authorization: `Bearer ${token}`, 'x-coproduce-chat': CHAT, 'x-coproduce-meeting': MEETING, ...(etag ? { 'if-none-match': etag } : {}) },
  });
  await response.arrayBuffer();
  return { status: response.status, etag: response.headers.get('etag') };
}

test('the session view has one ETag whichever instance answers, and changes made through either show on both', async () => {
  const sessionKey = await setUpSession(store, { meetingId: MEETING, conversationId: CHAT });
  const place: Place = { conversationId: CHAT, meetingId: MEETING, sessionKey, serviceUrl: fake.url };
  const [a, b] = instances.all;
  const tokens = new Map([[a, await tokenFrom(a, FOLA)], [b, await tokenFrom(b, FOLA)]]);
  const both = async (etag?: string) => Promise.all([a, b].map((i) => poll(i, tokens.get(i)!, etag)));

  const [fromA, fromB] = await both();
  expect([fromA.status, fromB.status]).toEqual([200, 200]);
  expect(fromA.etag).toBeTruthy();
  expect(fromB.etag).toBe(fromA.etag);
  // Unchanged: each instance says "not modified" to the ETag the other gave.
  expect((await poll(b, tokens.get(b)!, fromA.etag!)).status).toBe(304);
  expect((await poll(a, tokens.get(a)!, fromB.etag!)).status).toBe(304);

  // A change through B (Ash answers consent there) is seen on A at its next poll, and on B.
  expect(await send(b.url, consentPress(place, ASH, 'agree'))).toEqual({ status: 200, statusCode: 200 });
  const afterB = await both(fromA.etag!);
  expect(afterB.map((r) => r.status)).toEqual([200, 200]);
  expect(afterB[0].etag).not.toBe(fromA.etag);
  expect(afterB[1].etag).toBe(afterB[0].etag);

  // And the other way round: a change through A shows on B.
  expect(await send(a.url, consentPress(place, GABI, 'notNow'))).toEqual({ status: 200, statusCode: 200 });
  const afterA = await both(afterB[0].etag!);
  expect(afterA.map((r) => r.status)).toEqual([200, 200]);
  expect(afterA[1].etag).not.toBe(afterB[0].etag);
  expect(afterA[0].etag).toBe(afterA[1].etag);
  expect((await poll(b, tokens.get(b)!, afterA[0].etag!)).status).toBe(304);
}, 60_000);
