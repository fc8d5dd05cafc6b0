/**
 * Pieces of a graceful stop (app.ts runs them; main.ts calls it on SIGTERM or SIGINT): know which
 * HTTP requests are still being answered, so a Bot Framework turn that has begun is allowed to
 * finish, and never wait for anything past a deadline, so the platform's hard kill never comes
 * first. Uses Node's own http.Server, which restify exposes; no framework here.
 */
import type { Server } from 'node:http';

export interface InFlightRequests {
  count(): number;
  /** Resolves once no request is being answered (at once if none is). */
  idle(): Promise<void>;
}

/**
 * Counts work that must finish before the store closes: a Bot Framework turn goes on after its
 * caller hangs up, so the HTTP response alone cannot say when the turn is done.
 */
export function trackWork(): InFlightRequests & { run<T>(work: Promise<T>): Promise<T> } {
  let active = 0;
  let waiters: (() => void)[] = [];
  const done = () => {
    active--;
    if (active > 0) return;
    const wake = waiters;
    waiters = [];
    for (const resolve of wake) resolve();
  };
  return {
    run: (work) => {
      active++;
      return work.finally(done);
    },
    count: () => active,
    idle: () => (active === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve))),
  };
}

export function trackInFlight(server: Server): InFlightRequests {
  let active = 0;
  let waiters: (() => void)[] = [];
  server.on('request', (_request, response) => {
    active++;
    // 'close' fires once the answer is sent or the connection dropped, whichever comes first.
    response.once('close', () => {
      active--;
      if (active > 0) return;
      const wake = waiters;
      waiters = [];
      for (const resolve of wake) resolve();
    });
  });
  return {
    count: () => active,
    idle: () => (active === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve))),
  };
}

/** True if `work` settled before the deadline (a Date.now() time), false if the deadline came first. */
export async function beforeDeadline(work: Promise<unknown>, deadline: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([work.then(() => true, () => true), late]);
  } finally {
    clearTimeout(timer);
  }
}
