import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../bot/storage/sqliteStore';
import type { Store } from '../../bot/core/ports';
import { START, manualClock, testRunner } from './jobTestKit';

describe('two runners on one database file', () => {
  let dir: string;
  let storeA: Store;
  let storeB: Store;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'coproduce-jobs-race-'));
    storeA = openSqliteStore({ file: join(dir, 'bot.db') });
    storeB = openSqliteStore({ file: join(dir, 'bot.db') });
  });
  afterAll(async () => {
    await storeA.close();
    await storeB.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('applies each due job once when both race for it', async () => {
    const clock = manualClock();
    const effects: string[] = [];
    const handler = async (job: { idempotencyKey: string }): Promise<'done'> => {
      effects.push(job.idempotencyKey);
      await new Promise((resolve) => setImmediate(resolve));
      return 'done';
    };
    const runnerA = testRunner(storeA, clock, { send: handler }, 'instance-a');
    const runnerB = testRunner(storeB, clock, { send: handler }, 'instance-b');
    const keys = Array.from({ length: 20 }, (_, i) => `message-${i}`);
    for (const key of keys) await runnerA.jobs.schedule({ kind: 'send', dueAt: START, payload: {}, idempotencyKey: key });

    const [a, b] = await Promise.all([runnerA.runDueOnce(), runnerB.runDueOnce()]);
    await Promise.all([runnerA.runDueOnce(), runnerB.runDueOnce()]);

    expect(effects.sort()).toEqual([...keys].sort());
    expect(a.done + b.done).toBe(keys.length);
    for (const key of keys) expect((await runnerB.jobs.find(key))?.status).toBe('done');
  });
});
