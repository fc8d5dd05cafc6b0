/**
 * Numbered schema changes for the SQLite store. Each runs once, in order, inside the same
 * transaction that records it, so a crash mid-migration leaves the previous schema intact.
 * Never edit a migration that has shipped: add a new one.
 */
import type Database from 'better-sqlite3';

export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly sql: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    description: 'entities keyed like Azure Tables',
    // COLLATE BINARY: row keys sort by UTF-8 bytes, which is code point order, as in Azure Tables.
    sql: `
      CREATE TABLE entities (
        table_name    TEXT NOT NULL COLLATE BINARY,
        partition_key TEXT NOT NULL COLLATE BINARY,
        row_key       TEXT NOT NULL COLLATE BINARY,
        etag          TEXT NOT NULL,
        props         TEXT NOT NULL,
        PRIMARY KEY (table_name, partition_key, row_key)
      ) WITHOUT ROWID;
    `,
  },
];

/** Applies the migrations not yet recorded; safe when two processes open the same file at once. */
export function applyMigrations(db: Database.Database, list: readonly Migration[] = migrations): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    description TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const appliedVersions = db.prepare('SELECT version FROM schema_migrations').pluck();
  const record = db.prepare('INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)');
  const applyPending = db.transaction(() => {
    const applied = new Set(appliedVersions.all() as number[]);
    for (const migration of [...list].sort((a, b) => a.version - b.version)) {
      if (applied.has(migration.version)) continue;
      db.exec(migration.sql);
      record.run(migration.version, migration.description, new Date().toISOString());
    }
  });
  // IMMEDIATE takes the write lock before reading, so a second opener waits instead of re-applying.
  applyPending.immediate();
}
