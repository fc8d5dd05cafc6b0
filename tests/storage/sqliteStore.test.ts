import { mkdtempSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Store } from '../../bot/core/ports';
import { openSqliteStore } from '../../bot/storage/sqliteStore';
import { applyMigrations, migrations } from '../../bot/storage/sqliteMigrations';
import { describeStoreContract } from './storeContract';

const root = mkdtempSync(join(tmpdir(), 'coproduce-sqlite-'));
let fileCount = 0;
/** A database path inside a folder that does not exist yet, as DATA_DIR may be on first start. */
const freshFile = () => join(root, `data${++fileCount}`, 'nested', 'coproduce.db');

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describeStoreContract('SQLite file', async () => openSqliteStore({ file: freshFile() }));

describe('SQLite store', () => {
  const opened: Store[] = [];
  const open = (file: string) => {
    const store = openSqliteStore({ file });
    opened.push(store);
    return store;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });

  it('creates the data folder and uses WAL journaling', async () => {
    const file = freshFile();
    const store = open(file);
    expect(existsSync(file)).toBe(true);
    await store.close();
    const raw = new Database(file, { readonly: true });
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      raw.close();
    }
  });

  it('keeps data across close and reopen', async () => {
    const file = freshFile();
    const first = open(file);
    const written = await first.upsert('sessions', { partitionKey: 'm1', rowKey: 'session', props: { title: 'Budget' } });
    await first.close();
    const second = open(file);
    expect(await second.get('sessions', 'm1', 'session')).toEqual(written);
  });

  it('records each migration once and does not apply it again on reopen', async () => {
    const file = freshFile();
    await open(file).close();
    const readRecords = () => {
      const raw = new Database(file, { readonly: true });
      try {
        return raw.prepare('SELECT version, applied_at FROM schema_migrations ORDER BY version').all();
      } finally {
        raw.close();
      }
    };
    const before = readRecords();
    expect(before.map((r) => (r as { version: number }).version)).toEqual(migrations.map((m) => m.version));
    await open(file).close();
    expect(readRecords()).toEqual(before);
  });

  it('applies a new migration exactly once, after the ones already applied', () => {
    const db = new Database(':memory:');
    try {
      const extra = { version: 999, description: 'test counter', sql: 'CREATE TABLE applied (n INTEGER); INSERT INTO applied VALUES (1);' };
      applyMigrations(db);
      applyMigrations(db, [...migrations, extra]);
      applyMigrations(db, [...migrations, extra]);
      expect(db.prepare('SELECT count(*) FROM applied').pluck().get()).toBe(1);
      expect(db.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(migrations.length + 1);
    } finally {
      db.close();
    }
  });

  it('rolls a failing migration back without recording it', () => {
    const db = new Database(':memory:');
    try {
      const broken = { version: 998, description: 'broken', sql: 'CREATE TABLE half (n INTEGER); SELECT * FROM no_such_table;' };
      expect(() => applyMigrations(db, [...migrations, broken])).toThrow();
      expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name IN ('half', 'entities')").pluck().get()).toBe(0);
      expect(db.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });

  it('shares one file between two connections, with conditional writes conflicting across them', async () => {
    const file = freshFile();
    const a = open(file);
    const b = open(file);
    const inserted = await a.insert('votes', { partitionKey: 's1', rowKey: 'tally', props: { count: 0 } });
    if (!inserted.ok) throw new Error('insert failed');
    const seenByB = await b.get('votes', 's1', 'tally');
    expect(seenByB).toEqual(inserted.entity);
    expect(await b.insert('votes', { partitionKey: 's1', rowKey: 'tally', props: { count: 9 } })).toEqual({ ok: false, reason: 'exists' });

    const fromA = await a.merge('votes', { partitionKey: 's1', rowKey: 'tally', props: { count: 1 } }, inserted.entity.etag);
    const fromB = await b.merge('votes', { partitionKey: 's1', rowKey: 'tally', props: { count: 2 } }, seenByB!.etag);
    expect(fromA.ok).toBe(true);
    expect(fromB).toEqual({ ok: false, reason: 'etagMismatch' });
    expect(await b.delete('votes', 's1', 'tally', seenByB!.etag)).toEqual({ ok: false, reason: 'etagMismatch' });
    expect((await b.get('votes', 's1', 'tally'))?.props).toEqual({ count: 1 });

    const batchFromB = await b.batch('votes', 's1', [{ kind: 'replace', entity: { partitionKey: 's1', rowKey: 'tally', props: {} }, etag: seenByB!.etag }]);
    expect(batchFromB).toEqual({ ok: false, index: 0, reason: 'etagMismatch' });
    expect((await a.query('votes', 's1')).entities.map((e) => e.props)).toEqual([{ count: 1 }]);
  });

  it('never lets two connections issue the same ETag, so a stale read cannot match by chance', async () => {
    const file = freshFile();
    const [a, b] = [open(file), open(file)];
    const first = await a.insert('votes', { partitionKey: 's1', rowKey: 'r', props: { n: 1 } });
    if (!first.ok) throw new Error('insert failed');
    const second = await b.upsert('votes', { partitionKey: 's1', rowKey: 'r', props: { n: 2 } });
    expect(second.etag).not.toBe(first.entity.etag);
    expect(await a.merge('votes', { partitionKey: 's1', rowKey: 'r', props: { n: 3 } }, first.entity.etag)).toEqual({ ok: false, reason: 'etagMismatch' });
  });

  it('works in memory, answers ping while open and not after close', async () => {
    const store = openSqliteStore({ file: ':memory:' });
    expect(await store.ping()).toBe(true);
    expect((await store.insert('notes', { partitionKey: 'p', rowKey: 'r', props: { n: 1 } })).ok).toBe(true);
    expect((await store.get('notes', 'p', 'r'))?.props).toEqual({ n: 1 });
    await store.close();
    expect(await store.ping()).toBe(false);
  });

  it('refuses a continuation token it did not issue', async () => {
    const store = open(':memory:');
    await expect(store.query('notes', 'p', { continuation: 'not a token!' })).rejects.toThrow('continuation token');
  });
});
