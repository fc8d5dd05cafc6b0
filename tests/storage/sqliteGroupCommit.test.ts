import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../../bot/storage/sqliteStore';
import { groupCommit } from '../../bot/storage/sqliteGroupCommit';

const root = mkdtempSync(join(tmpdir(), 'coproduce-group-'));
let count = 0;
const freshFile = () => join(root, `g${++count}.db`);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const row = (rowKey: string, value = 1) => ({ partitionKey: 'p', rowKey, props: { value } });

describe('SQLite group commit', () => {
  it('commits writes made together in one transaction, each with its own answer', async () => {
    const store = openSqliteStore({ file: freshFile() });
    const [results] = await Promise.all([
      Promise.all([store.insert('things', row('a')), store.insert('things', row('a', 2)), store.insert('things', row('b'))]),
      store.upsert('things', row('c')),
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    expect((await store.get('things', 'p', 'a'))?.props.value).toBe(1);
    expect(await store.get('things', 'p', 'c')).toBeDefined();
    await store.close();
  });

  it('writes far fewer WAL frames for writes made together than for the same writes one by one', async () => {
    const together = freshFile();
    const oneByOne = freshFile();
    const a = openSqliteStore({ file: together });
    const b = openSqliteStore({ file: oneByOne });
    const before = [walFrames(together), walFrames(oneByOne)];
    await Promise.all(Array.from({ length: 20 }, (_, i) => a.insert('things', row(`r${i}`))));
    for (let i = 0; i < 20; i++) await b.insert('things', row(`r${i}`));
    const grouped = walFrames(together) - before[0];
    const single = walFrames(oneByOne) - before[1];
    expect(grouped).toBeGreaterThan(0);
    expect(single).toBeGreaterThanOrEqual(20);
    expect(grouped * 5).toBeLessThan(single);
    await Promise.all([a.close(), b.close()]);
  });

  it('a batch that fails undoes only itself, not the writes committed with it', async () => {
    const store = openSqliteStore({ file: freshFile() });
    await store.insert('things', row('taken'));
    const [failed, inserted] = await Promise.all([
      store.batch('things', 'p', [{ kind: 'insert', entity: row('new1') }, { kind: 'insert', entity: row('taken') }]),
      store.insert('things', row('other')),
    ]);
    expect(failed).toEqual({ ok: false, index: 1, reason: 'exists' });
    expect(inserted.ok).toBe(true);
    expect(await store.get('things', 'p', 'new1')).toBeUndefined();
    expect(await store.get('things', 'p', 'other')).toBeDefined();
    await store.close();
  });

  it('a write that throws fails alone; the rest of its group is saved', async () => {
    const db = new Database(freshFile());
    db.exec('CREATE TABLE t (k TEXT PRIMARY KEY)');
    const writes = groupCommit(db);
    const insert = db.prepare('INSERT INTO t (k) VALUES (?)');
    const outcomes = await Promise.allSettled([
      writes.run(() => insert.run('x')),
      writes.run(() => {
        insert.run('half-done');
        throw new Error('broken write');
      }),
      writes.run(() => insert.run('y')),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(db.prepare('SELECT k FROM t ORDER BY k').pluck().all()).toEqual(['x', 'y']);
    db.close();
  });

  it('when the commit cannot happen, every write in the group fails and none is saved', async () => {
    const file = freshFile();
    const setup = new Database(file);
    setup.pragma('journal_mode = WAL');
    setup.exec('CREATE TABLE t (k TEXT PRIMARY KEY)');
    const db = new Database(file, { timeout: 50 });
    const writes = groupCommit(db);
    const insert = db.prepare('INSERT INTO t (k) VALUES (?)');
    setup.exec('BEGIN IMMEDIATE'); // another connection holds the write lock
    const outcomes = await Promise.allSettled([writes.run(() => insert.run('a')), writes.run(() => insert.run('b'))]);
    setup.exec('ROLLBACK');
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(0);
    db.close();
    setup.close();
  });

  it('closing waits for queued writes', async () => {
    const file = freshFile();
    const store = openSqliteStore({ file });
    const pending = store.insert('things', row('late'));
    await store.close();
    expect((await pending).ok).toBe(true);
    const reopened = openSqliteStore({ file });
    expect(await reopened.get('things', 'p', 'late')).toBeDefined();
    await reopened.close();
  });
});

/** Frames in the file's write-ahead log (each commit appends at least one). */
function walFrames(file: string): number {
  const raw = new Database(file);
  try {
    const [status] = raw.pragma('wal_checkpoint(NOOP)') as { log: number }[];
    return status?.log ?? 0;
  } finally {
    raw.close();
  }
}
