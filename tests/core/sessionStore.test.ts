// A session is stored once per meeting occurrence: a second setup edits it, simultaneous saves
// lose nothing (each one lands on the other's version), and the meeting chat finds its sessions.
import type { PersonKey } from '../../bot/core/facilitators';
import type { Store } from '../../bot/core/ports';
import { loadRecentSession, loadSession, saveSetup, sessionsOfConversation } from '../../bot/core/sessionStore';
import { occurrenceKey, type SetupInput } from '../../bot/core/session';
import { openSqliteStore } from '../../bot/storage/sqliteStore';

const MEETING = 'MCMxOTptZWV0aW5nX2FiYy9kZWY=';
const CHAT = '19:meeting_abc@thread.v2';
const NOW = new Date('2026-11-25T10:00:00Z');
const fola: PersonKey = { tenantId: 't1', aadObjectId: 'aad-fola' };
const pria: PersonKey = { tenantId: 't1', aadObjectId: 'aad-pria' };

function setup(outcome: string, start = '2026-11-25T10:00:00Z'): SetupInput {
  return { meetingId: MEETING, conversationId: CHAT, occurrenceStart: start, purpose: { outcome, openToUnexpected: true } };
}

let store: Store;
beforeEach(() => {
  store = openSqliteStore({ file: ':memory:' });
});
afterEach(async () => {
  await store.close();
});

test('the first setup creates the session and a second setup in the same occurrence edits it', async () => {
  const first = await saveSetup(store, setup('Agree what good home support looks like'), fola, NOW);
  expect(first.ok).toBe(true);
  const second = await saveSetup(store, setup('Agree what good home care looks like', '2026-11-25T10:20:00Z'), pria, NOW);
  expect(second.ok).toBe(true);
  const stored = await loadSession(store, occurrenceKey(MEETING, '2026-11-25T10:00:00Z') ?? '');
  expect(stored?.session.purpose.outcome).toBe('Agree what good home care looks like');
  expect(stored?.session.version).toBe(2);
  expect(stored?.session.creator).toEqual(fola);
  expect(await sessionsOfConversation(store, CHAT)).toHaveLength(1);
});

test('a new occurrence of a recurring meeting gets its own session; the newest comes first', async () => {
  await saveSetup(store, setup('Week one'), fola, NOW);
  await saveSetup(store, setup('Week two', '2026-12-02T10:00:00Z'), fola, NOW);
  const sessions = await sessionsOfConversation(store, CHAT);
  expect(sessions.map((s) => s.purpose.outcome)).toEqual(['Week two', 'Week one']);
});

test('simultaneous saves all land: none is lost to a stale write', async () => {
  await saveSetup(store, setup('Start'), fola, NOW);
  const results = await Promise.all([1, 2, 3].map((n) => saveSetup(store, setup(`Edit ${n}`), fola, NOW)));
  expect(results.every((r) => r.ok)).toBe(true);
  const stored = await loadSession(store, occurrenceKey(MEETING, '2026-11-25T10:00:00Z') ?? '');
  expect(stored?.session.version).toBe(4);
});

test('a setup without an outcome is refused in plain words and nothing is stored', async () => {
  const result = await saveSetup(store, setup('   '), fola, NOW);
  expect(result).toEqual({ ok: false, problems: ['Say what you hope the session will achieve.'] });
  expect(await sessionsOfConversation(store, CHAT)).toEqual([]);
});

test('an unreadable occurrence start is refused, not guessed', async () => {
  const result = await saveSetup(store, setup('Anything', 'yesterday'), fola, NOW);
  expect(result.ok).toBe(false);
});

test('a card press may use a session read up to two seconds ago; a save here is seen at once, one elsewhere within two seconds', async () => {
  const saved = await saveSetup(store, setup('First wording'), fola, NOW);
  if (!saved.ok) throw new Error('setup refused');
  const key = saved.value.sessionKey;
  const at = (ms: number) => new Date(NOW.getTime() + ms);
  expect((await loadRecentSession(store, key, at(0)))?.session.purpose.outcome).toBe('First wording');

  // A save through this instance's code is seen straight away.
  await saveSetup(store, setup('Second wording'), fola, NOW);
  expect((await loadRecentSession(store, key, at(100)))?.session.purpose.outcome).toBe('Second wording');

  // Another instance writes the row directly: not seen within two seconds, seen after.
  const row = await store.get('sessions', key, 'session');
  const edited = { ...saved.value, purpose: { ...saved.value.purpose, outcome: 'Third wording' } };
  await store.replace('sessions', { partitionKey: key, rowKey: 'session', props: { data: JSON.stringify(edited) } }, row!.etag);
  expect((await loadRecentSession(store, key, at(1_000)))?.session.purpose.outcome).toBe('Second wording');
  expect((await loadRecentSession(store, key, at(2_200)))?.session.purpose.outcome).toBe('Third wording');
  expect((await loadSession(store, key))?.session.purpose.outcome).toBe('Third wording');
});
