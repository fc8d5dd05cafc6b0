/**
 * An answer the bot acknowledged survives `kill -9`: a real server process takes a burst of consent
 * answers, is killed in the middle of it, and is started again on the same data. Every person whose
 * press got a 200 back has their answer stored, and verification of the chain still passes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CONSENT_TABLE } from '../../bot/core/consentLedger';
import { eventsOfSubject } from '../../bot/core/consentRecords';
import { personRowKey, personFromEntity } from '../../bot/core/consentPeople';
import { sealPending, verifyChain } from '../../bot/core/consentChain';
import { personId } from '../../bot/core/personalChats';
import { saveSetup } from '../../bot/core/sessionStore';
import { openSqliteStore } from '../../bot/storage/sqliteStore';
import { freePort } from '../support/freePort';
import { teamsActivity } from '../support/appHarness';
import { choiceData, everything } from './consentKit';

const ROOT = resolve(__dirname, '../..');
const TENANT = 'c0de0000-0000-4000-8000-000000000001';
const CHAT = '19:kill-test-chat@thread.v2';
const MEETING = 'kill-test-meeting';

let dir: string;
let child: ChildProcess | undefined;

afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) {
    child.kill('SIGKILL');
    await new Promise((r) => child?.once('exit', r));
  }
  rmSync(dir, { recursive: true, force: true });
});

async function startServer(port: number): Promise<ChildProcess> {
  const proc = spawn(process.execPath, ['-r', './tests/support/registerTs.js', 'bot/main.ts'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'ignore'],
    env: { PATH: process.env.PATH ?? '', COPRODUCE_MODE: 'local', PORT: String(port), DATA_DIR: dir, LOG_LEVEL: 'warn' },
  });
  const until = Date.now() + 30_000;
  for (;;) {
    const up = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
    if (up) return proc;
    if (Date.now() > until) throw new Error('the server did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
}

function exited(proc: ChildProcess | undefined): Promise<unknown> {
  if (!proc || proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  return new Promise((r) => proc.once('exit', r));
}

const person = (i: number) => ({ id: `29:kill-${i}`, aadObjectId: `00000000-0000-4000-a000-${String(i).padStart(12, '0')}`, name: `Person ${i}` });

test('every acknowledged answer is still there after kill -9 mid-burst and a restart', async () => {
  dir = mkdtempSync(join(tmpdir(), 'coproduce-kill-'));
  const dbFile = join(dir, 'coproduce.sqlite');
  const seed = openSqliteStore({ file: dbFile });
  const saved = await saveSetup(
    seed,
    { meetingId: MEETING, conversationId: CHAT, occurrenceStart: new Date().toISOString(), purpose: { outcome: 'Kill test', openToUnexpected: true } },
    { tenantId: TENANT, aadObjectId: '00000000-0000-4000-a000-ffffffffffff' },
    new Date(),
  );
  await seed.close();
  if (!saved.ok) throw new Error('setup failed');

  const port = await freePort();
  child = await startServer(port);
  const data = { sessionKey: saved.value.sessionKey, variant: 'standard', ...choiceData(everything('agree')) };
  const acknowledged: number[] = [];
  let killed = false;
  const presses = Array.from({ length: 120 }, async (_, i) => {
    await new Promise((r) => setTimeout(r, i * 10));
    const who = person(i);
    const activity = {
      ...teamsActivity('http://127.0.0.1:9/', {}),
      type: 'invoke',
      name: 'adaptiveCard/action',
      from: who,
      recipient: { id: '28:coproduce-bot', name: 'Coproduce' },
      conversation: { id: CHAT, conversationType: 'groupChat', isGroup: true, tenantId: TENANT },
      channelData: { tenant: { id: TENANT }, meeting: { id: MEETING } },
      value: { action: { type: 'Action.Execute', verb: 'consent.give', data }, trigger: 'manual' },
    };
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
      const body = (await response.json()) as { statusCode?: number };
      if (response.status === 200 && body.statusCode === 200) acknowledged.push(i);
    } catch {
      // The server died under this request: not acknowledged, so no promise was made.
    }
    if (i === 60 && !killed) {
      killed = true;
      child?.kill('SIGKILL');
    }
  });
  await Promise.all(presses);
  await exited(child);
  expect(acknowledged.length).toBeGreaterThan(30);
  expect(acknowledged.length).toBeLessThan(120); // the kill really cut the burst short

  // Restart on the same data: it starts cleanly and the answers are all there.
  child = await startServer(port);
  child.kill('SIGKILL');
  await exited(child);
  const store = openSqliteStore({ file: dbFile });
  try {
    for (const i of acknowledged) {
      const who = personId({ tenantId: TENANT, aadObjectId: person(i).aadObjectId });
      const row = await store.get(CONSENT_TABLE, saved.value.sessionKey, personRowKey(who));
      const subject = row && personFromEntity(row);
      expect(subject).toBeDefined();
      const events = await eventsOfSubject(store, saved.value.sessionKey, subject!.subjectId);
      expect(events.filter((e) => e.choice === 'agree')).toHaveLength(5);
    }
    await sealPending(store, saved.value.sessionKey, new Date());
    expect((await verifyChain(store, saved.value.sessionKey)).ok).toBe(true);
  } finally {
    await store.close();
  }
}, 90_000);
