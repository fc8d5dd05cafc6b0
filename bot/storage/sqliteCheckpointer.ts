/**
 * Moves WAL checkpoints off the request path. SQLite normally checkpoints inside whichever commit
 * pushes the write-ahead log past 1,000 pages: that commit copies pages into the database file and
 * syncs it, and every request waiting on the event loop waits too. Here the store's own connection
 * never checkpoints; a worker thread with a connection of its own runs a PASSIVE checkpoint (which
 * never blocks writers) twice a second. If the worker cannot run, the store goes back to SQLite's
 * automatic checkpoints, so the log can never grow without bound.
 */
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

const INTERVAL_MS = 500;
/** SQLite's default: checkpoint when the log passes this many pages. */
const AUTOMATIC_PAGES = 1000;

// Plain JavaScript run by the worker (no TypeScript loader there).
const WORKER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { timeout: 1000 });
const checkpoint = () => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy: the next tick tries again */ }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.postMessage('closed');
});
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

export function startCheckpointer(db: Database.Database, file: string): Checkpointer {
  db.pragma('wal_autocheckpoint = 0');
  const fallBack = () => {
    if (db.open) db.pragma(`wal_autocheckpoint = ${AUTOMATIC_PAGES}`);
  };
  let worker: Worker | undefined;
  try {
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver: require.resolve('better-sqlite3'), intervalMs: INTERVAL_MS } });
  } catch {
    fallBack();
    return { stop: async () => undefined };
  }
  let stopping = false;
  let exited = false;
  worker.unref(); // never keeps the process alive on its own
  worker.on('error', fallBack);
  worker.on('exit', () => {
    exited = true;
    if (!stopping) fallBack();
  });
  const running = worker;
  return {
    async stop() {
      if (stopping || exited) return;
      stopping = true;
      await new Promise<void>((resolve) => {
        const done = () => resolve();
        running.once('message', done);
        running.once('exit', done);
        running.postMessage('stop');
      });
      await running.terminate();
    },
  };
}
