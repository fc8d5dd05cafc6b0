/**
 * The Store port on SQLite (better-sqlite3, WAL): the embedded default for one instance.
 * better-sqlite3 is synchronous, so each method does its whole read-check-write inside one
 * IMMEDIATE transaction before returning; concurrent callers in this process, and other
 * connections to the same file, therefore see conditional writes strictly one after another.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type {
  BatchOperation,
  BatchResult,
  DeleteResult,
  Entity,
  EntityInput,
  Page,
  PropertyValue,
  RangeQuery,
  Store,
  WriteResult,
} from '../core/ports';
import { assertBatch, assertEntity, assertKey, assertPageSize, assertTableName, MAX_PAGE_SIZE } from './limits';
import { applyMigrations } from './sqliteMigrations';
import { startCheckpointer } from './sqliteCheckpointer';
import { groupCommit } from './sqliteGroupCommit';

export interface SqliteStoreOptions {
  /** Path of the database file, or ':memory:'. Its folder is created if missing. */
  readonly file: string;
}

interface StoredRow {
  readonly partition_key: string;
  readonly row_key: string;
  readonly etag: string;
  readonly props: string;
}

type Failure = { readonly ok: false; readonly reason: 'exists' | 'notFound' | 'etagMismatch' };

/** Thrown inside a batch transaction to roll it back; caught and turned into a BatchResult. */
class BatchAborted extends Error {
  constructor(readonly failure: { readonly index: number; readonly reason: Failure['reason'] }) {
    super('batch aborted');
  }
}

/** A fresh opaque ETag; random, so two connections to one file never hand out the same one. */
/**
 * ETags only have to differ from every earlier ETag of the same row: a random prefix per open
 * store and a counter do that without asking the system for random bytes on every write.
 */
const ETAG_PREFIX = randomBytes(9).toString('base64url');
let etagCounter = 0;
function newEtag(): string {
  etagCounter = (etagCounter + 1) % Number.MAX_SAFE_INTEGER;
  return `W/"${ETAG_PREFIX}${etagCounter.toString(36)}"`;
}

function toEntity(row: StoredRow): Entity {
  const props = JSON.parse(row.props) as Record<string, PropertyValue>;
  return { partitionKey: row.partition_key, rowKey: row.row_key, props, etag: row.etag };
}

function etagMatches(current: string, asked: string): boolean {
  return asked === '*' || asked === current;
}

export function openSqliteStore(options: SqliteStoreOptions): Store {
  if (options.file !== ':memory:') mkdirSync(dirname(resolve(options.file)), { recursive: true });
  const db = new Database(options.file, { timeout: 5000 });
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // More pages in memory and memory-mapped reads: most reads are point reads of hot rows.
    db.pragma('cache_size = -32000');
    db.pragma('mmap_size = 268435456');
    applyMigrations(db);
  } catch (error) {
    db.close(); // do not leave a half-opened file locked
    throw error;
  }

  const keyWhere = 'table_name = ? AND partition_key = ? AND row_key = ?';
  const selectRow = db.prepare(`SELECT partition_key, row_key, etag, props FROM entities WHERE ${keyWhere}`);
  const insertRow = db.prepare(
    'INSERT INTO entities (table_name, partition_key, row_key, etag, props) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const updateRow = db.prepare(`UPDATE entities SET etag = ?, props = ? WHERE ${keyWhere}`);
  const upsertRow = db.prepare(
    `INSERT INTO entities (table_name, partition_key, row_key, etag, props) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (table_name, partition_key, row_key) DO UPDATE SET etag = excluded.etag, props = excluded.props`,
  );
  const deleteRow = db.prepare(`DELETE FROM entities WHERE ${keyWhere}`);
  const queries = new Map<string, Database.Statement>();

  function read(table: string, partitionKey: string, rowKey: string): Entity | undefined {
    const row = selectRow.get(table, partitionKey, rowKey) as StoredRow | undefined;
    return row ? toEntity(row) : undefined;
  }

  // The functions below assume validation is done and a transaction is open.

  function insertNow(table: string, entity: EntityInput): WriteResult {
    const etag = newEtag();
    const props = { ...entity.props };
    const { changes } = insertRow.run(table, entity.partitionKey, entity.rowKey, etag, JSON.stringify(props));
    if (changes === 0) return { ok: false, reason: 'exists' };
    return { ok: true, entity: { partitionKey: entity.partitionKey, rowKey: entity.rowKey, props, etag } };
  }

  function rewriteNow(table: string, entity: EntityInput, etag: string, keepOthers: boolean): WriteResult {
    const current = read(table, entity.partitionKey, entity.rowKey);
    if (!current) return { ok: false, reason: 'notFound' };
    if (!etagMatches(current.etag, etag)) return { ok: false, reason: 'etagMismatch' };
    const props = keepOthers ? { ...current.props, ...entity.props } : { ...entity.props };
    const nextEtag = newEtag();
    updateRow.run(nextEtag, JSON.stringify(props), table, entity.partitionKey, entity.rowKey);
    return { ok: true, entity: { partitionKey: entity.partitionKey, rowKey: entity.rowKey, props, etag: nextEtag } };
  }

  function upsertNow(table: string, entity: EntityInput): Entity {
    const etag = newEtag();
    const props = { ...entity.props };
    upsertRow.run(table, entity.partitionKey, entity.rowKey, etag, JSON.stringify(props));
    return { partitionKey: entity.partitionKey, rowKey: entity.rowKey, props, etag };
  }

  function deleteNow(table: string, partitionKey: string, rowKey: string, etag: string): DeleteResult {
    const current = read(table, partitionKey, rowKey);
    if (!current) return { ok: false, reason: 'notFound' };
    if (!etagMatches(current.etag, etag)) return { ok: false, reason: 'etagMismatch' };
    deleteRow.run(table, partitionKey, rowKey);
    return { ok: true };
  }

  function applyOperation(table: string, partitionKey: string, operation: BatchOperation): WriteResult | DeleteResult {
    switch (operation.kind) {
      case 'insert':
        return insertNow(table, operation.entity);
      case 'replace':
        return rewriteNow(table, operation.entity, operation.etag, false);
      case 'merge':
        return rewriteNow(table, operation.entity, operation.etag, true);
      case 'upsert':
        return { ok: true, entity: upsertNow(table, operation.entity) };
      case 'delete':
        return deleteNow(table, partitionKey, operation.rowKey, operation.etag);
    }
  }

  const applyAll = db.transaction((table: string, partitionKey: string, operations: readonly BatchOperation[]) => {
    operations.forEach((operation, index) => {
      const result = applyOperation(table, partitionKey, operation);
      if (!result.ok) throw new BatchAborted({ index, reason: result.reason });
    });
  });
  const runBatch = (table: string, partitionKey: string, operations: readonly BatchOperation[]): BatchResult => {
    try {
      // Run inside the group's transaction, so this is a savepoint: a failed batch undoes only itself.
      applyAll(table, partitionKey, operations);
      return { ok: true };
    } catch (error) {
      if (error instanceof BatchAborted) return { ok: false, ...error.failure };
      throw error;
    }
  };

  const writes = groupCommit(db);
  const checkpointer = options.file === ':memory:' ? undefined : startCheckpointer(db, resolve(options.file));

  function queryStatement(conditions: readonly string[]): Database.Statement {
    const sql = `SELECT partition_key, row_key, etag, props FROM entities
      WHERE ${conditions.join(' AND ')} ORDER BY row_key COLLATE BINARY LIMIT ?`;
    let statement = queries.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      queries.set(sql, statement);
    }
    return statement;
  }

  function queryNow(table: string, partitionKey: string, range: RangeQuery): Page {
    const pageSize = range.pageSize ?? MAX_PAGE_SIZE;
    assertPageSize(pageSize);
    const conditions = ['table_name = ?', 'partition_key = ?'];
    const params: string[] = [table, partitionKey];
    const bound = (condition: string, value: string): void => {
      conditions.push(`row_key ${condition} ?`);
      params.push(value);
    };
    if (range.fromRowKey !== undefined) bound('>=', range.fromRowKey);
    if (range.toRowKey !== undefined) bound('<', range.toRowKey);
    if (range.rowKeyPrefix !== undefined) {
      bound('>=', range.rowKeyPrefix);
      bound('<', range.rowKeyPrefix + '\uffff');
    }
    if (range.continuation !== undefined) bound('>', decodeContinuation(range.continuation));
    // One extra row tells whether another page exists.
    const rows = queryStatement(conditions).all(...params, pageSize + 1) as StoredRow[];
    const entities = rows.slice(0, pageSize).map(toEntity);
    if (rows.length <= pageSize) return { entities };
    return { entities, continuation: Buffer.from(entities[entities.length - 1].rowKey, 'utf8').toString('base64url') };
  }

  return {
    async get(table, partitionKey, rowKey) {
      assertTableName(table);
      assertKey('partition key', partitionKey);
      assertKey('row key', rowKey);
      return read(table, partitionKey, rowKey);
    },
    async insert(table, entity) {
      assertTableName(table);
      assertEntity(entity);
      return writes.run(() => insertNow(table, entity));
    },
    async replace(table, entity, etag) {
      assertTableName(table);
      assertEntity(entity);
      return writes.run(() => rewriteNow(table, entity, etag, false));
    },
    async merge(table, entity, etag) {
      assertTableName(table);
      assertEntity(entity);
      return writes.run(() => rewriteNow(table, entity, etag, true));
    },
    async upsert(table, entity) {
      assertTableName(table);
      assertEntity(entity);
      return writes.run(() => upsertNow(table, entity));
    },
    async delete(table, partitionKey, rowKey, etag) {
      assertTableName(table);
      assertKey('partition key', partitionKey);
      assertKey('row key', rowKey);
      return writes.run(() => deleteNow(table, partitionKey, rowKey, etag));
    },
    async query(table, partitionKey, range = {}) {
      assertTableName(table);
      assertKey('partition key', partitionKey);
      return queryNow(table, partitionKey, range);
    },
    async batch(table, partitionKey, operations): Promise<BatchResult> {
      assertBatch(table, partitionKey, operations);
      return writes.run(() => runBatch(table, partitionKey, operations));
    },
    async ping() {
      try {
        return db.prepare('SELECT 1 AS one').get() !== undefined;
      } catch {
        return false;
      }
    },
    async close() {
      await writes.drain();
      await checkpointer?.stop();
      if (db.open) db.close();
    },
  };
}

function decodeContinuation(token: string): string {
  if (!/^[A-Za-z0-9_-]+$/.test(token)) throw new Error('The continuation token is not one this store issued.');
  return Buffer.from(token, 'base64url').toString('utf8');
}
