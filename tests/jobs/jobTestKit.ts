/** Shared pieces for the job tests: a clock the test moves by hand and a runner with short timings. */
import { noopLogger } from '../../bot/core/logger';
import type { Clock, Store } from '../../bot/core/ports';
import { createJobRunner, type JobHandler, type JobRunner } from '../../bot/jobs/jobRunner';

export const START = new Date('2026-11-25T23:50:00.000Z');

export interface ManualClock extends Clock {
  advance(ms: number): void;
  set(at: Date): void;
}

export function manualClock(start: Date = START): ManualClock {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance: (ms) => {
      now += ms;
    },
    set: (at) => {
      now = at.getTime();
    },
  };
}

export function minutes(count: number): number {
  return count * 60_000;
}

export function testRunner(
  store: Store,
  clock: Clock,
  handlers: Record<string, JobHandler>,
  owner = 'instance-a',
): JobRunner {
  return createJobRunner({
    store,
    clock,
    owner,
    handlers,
    leaseMs: minutes(1),
    pollMs: 20,
    logger: noopLogger,
    retryDelayMs: 1_000,
    maxRetryDelayMs: 10_000,
  });
}
