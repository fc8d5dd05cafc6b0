import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../../bot/storage/sqliteStore';
import { startCheckpointer } from '../../bot/storage/sqliteCheckpointer';

const root = mkdtempSync(join(tmpdir(), 'coproduce-checkpoint-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function walStatus(file: string): { log: number; checkpointed: number } {
  const raw = new Database(file);
  try {
    return (raw.pragma('wal_checkpoint(NOOP)') as { log: number; checkpointed: number }[])[0];
  } finally {
    raw.close();
  }
}

async function until(check: () => boolean, timeoutMs = 10_000): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return check();
}

describe('SQLite checkpoints off the request path', () => {
  it('the store’s commits never checkpoint; the background worker does, soon after', async () => {
    const file = join(root, 'store.db');
    const store = openSqliteStore({ file });
    await Promise.all(Array.from({ length: 200 }, (_, i) => store.insert('things', { partitionKey: 'p', rowKey: `r${i}`, props: { text: 'x'.repeat(500) } })));
    expect(walStatus(file).log).toBeGreaterThan(0);
    expect(await until(() => {
      const { log, checkpointed } = walStatus(file);
      return log > 0 && checkpointed === log;
    })).toBe(true);
    await store.close();
  });

  it('if the worker cannot run, SQLite’s own automatic checkpoints come back', async () => {
    const db = new Database(join(root, 'fallback.db'));
    db.pragma('journal_mode = WAL');
    const checkpointer = startCheckpointer(db, join(root, 'no-such-folder', 'missing.db'));
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    expect(await until(() => db.pragma('wal_autocheckpoint', { simple: true }) === 1000)).toBe(true);
    await checkpointer.stop();
    db.close();
  });
});
