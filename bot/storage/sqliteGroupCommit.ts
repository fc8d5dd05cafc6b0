/**
 * Group commit for SQLite writes. A commit on its own costs far more than the row it writes (WAL
 * frames for whole pages, locks), and a busy meeting sends many small writes at once. Writes made
 * before the pending microtasks have run (typically the next writes of every request whose last
 * write just committed) are queued and committed together in one IMMEDIATE transaction; each runs in its own savepoint, so one write that throws undoes only itself. A
 * write's promise settles only after the commit returns: an acknowledged write is as durable as
 * before (it survives the process being killed), and a failed commit fails every write in it.
 */
import type Database from 'better-sqlite3';

interface QueuedWrite {
  readonly apply: () => unknown;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

type Outcome = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown };

export interface GroupCommit {
  /** Runs `apply` inside the next group transaction; `apply` must be synchronous. */
  run<T>(apply: () => T): Promise<T>;
  /** Settles once every queued write has been committed or failed. */
  drain(): Promise<void>;
}

export function groupCommit(db: Database.Database): GroupCommit {
  let queue: QueuedWrite[] = [];
  let flushing: Promise<void> | undefined;

  // Called inside another transaction, a transaction function runs as a savepoint.
  const inSavepoint = db.transaction((apply: () => unknown) => apply());
  const commitAll = db.transaction((writes: readonly QueuedWrite[]): Outcome[] =>
    writes.map((write) => {
      try {
        return { ok: true, value: inSavepoint(write.apply) };
      } catch (error) {
        return { ok: false, error };
      }
    }),
  );

  function flush(): void {
    const writes = queue;
    queue = [];
    flushing = undefined;
    let outcomes: Outcome[];
    try {
      outcomes = commitAll.immediate(writes);
    } catch (error) {
      // The commit itself failed (busy beyond the timeout, disk full): none of them is saved.
      for (const write of writes) write.reject(error);
      return;
    }
    outcomes.forEach((outcome, i) => (outcome.ok ? writes[i].resolve(outcome.value) : writes[i].reject(outcome.error)));
  }

  return {
    run<T>(apply: () => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ apply, resolve: resolve as (value: unknown) => void, reject });
        flushing ??= new Promise<void>((done) =>
          setImmediate(() => {
            flush();
            done();
          }),
        );
      });
    },
    async drain() {
      while (flushing) await flushing;
    },
  };
}
