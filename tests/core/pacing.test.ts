import {
  APP_LIMITS,
  CONVERSATION_LIMITS,
  DEFAULT_BACKOFF,
  EMPTY_HISTORY,
  nextAllowedAt,
  parseHistory,
  parseRetryAfter,
  recordSend,
  retryDelayMs,
  type PacingHistory,
} from '../../bot/core/pacing';

const T0 = Date.parse('2025-03-01T10:00:00.000Z');
const at = (ms: number): Date => new Date(T0 + ms);
const MARGIN = 200;

function historyOf(offsets: number[]): PacingHistory {
  return offsets.reduce<PacingHistory>((h, ms) => recordSend(h, at(ms)), EMPTY_HISTORY);
}

/** Largest number of sends inside any window of `windowMs` (sliding, inclusive of both ends). */
function busiestWindow(times: number[], windowMs: number): number {
  let best = 0;
  for (let i = 0; i < times.length; i++) {
    let count = 0;
    for (let j = i; j < times.length && times[j] - times[i] < windowMs; j++) count++;
    best = Math.max(best, count);
  }
  return best;
}

describe('pacing per conversation', () => {
  test.each([
    ['no sends yet', [], 0, 0],
    ['six sends in the last second leave room for a seventh', [0, 10, 20, 30, 40, 50], 100, 100],
    ['a seventh send in a second makes the next wait until the first leaves the window', [0, 10, 20, 30, 40, 50, 60], 100, 1_000 + MARGIN],
    ['eight in two seconds: the ninth waits for the first to be 2 s old', [0, 100, 200, 300, 1_300, 1_400, 1_500, 1_600], 1_700, 2_000 + MARGIN],
  ])('%s', (_label, sends, nowMs, expectedMs) => {
    expect(nextAllowedAt(historyOf(sends), at(nowMs)).getTime() - T0).toBe(expectedMs);
  });

  test('sixty sends in 30 s hold the next one back until the oldest is 30 s old', () => {
    // Spaced to keep the short windows open: 60 sends at 400 ms intervals (last at 23.6 s).
    const sends = Array.from({ length: 60 }, (_, i) => i * 400);
    expect(nextAllowedAt(historyOf(sends), at(24_000)).getTime() - T0).toBe(30_000 + MARGIN);
  });

  test('1,800 sends in an hour hold the next one back, counting each minute at its end (the safe side)', () => {
    const history: PacingHistory = { recent: [], minutes: Array.from({ length: 60 }, (_, m) => [T0 + m * 60_000, 30] as const) };
    const next = nextAllowedAt(history, at(60 * 60_000 - 1));
    // The oldest minute [T0, T0+60 s) leaves the hour once T0 + 60 s + 1 h (+ margin) has passed.
    expect(next.getTime() - T0).toBe(60_000 + 3_600_000 + MARGIN);
    expect(nextAllowedAt({ ...history, minutes: history.minutes.slice(1) }, at(3_600_000)).getTime()).toBe(T0 + 3_600_000);
  });

  test('sending whenever allowed never exceeds any of Teams\u2019 per-conversation windows', () => {
    let history = EMPTY_HISTORY;
    const times: number[] = [];
    let now = T0;
    for (let i = 0; i < 150; i++) {
      now = nextAllowedAt(history, new Date(now)).getTime();
      times.push(now);
      history = recordSend(history, new Date(now));
    }
    for (const { limit, windowMs } of CONVERSATION_LIMITS.filter((l) => l.windowMs <= 30_000)) {
      expect(busiestWindow(times, windowMs)).toBeLessThanOrEqual(limit);
    }
    expect(busiestWindow(times, 1_000)).toBe(7);
  });

  test('the app-wide window allows 20 a second', () => {
    let history = EMPTY_HISTORY;
    for (let i = 0; i < 20; i++) history = recordSend(history, at(i), APP_LIMITS);
    expect(nextAllowedAt(history, at(19), APP_LIMITS).getTime() - T0).toBe(1_000 + MARGIN);
    expect(nextAllowedAt(recordSend(EMPTY_HISTORY, at(0), APP_LIMITS), at(1), APP_LIMITS).getTime() - T0).toBe(1);
  });

  test('a history keeps exact times for 30 s only and minute counts for an hour', () => {
    const old = historyOf([0, 1_000]);
    const later = recordSend(old, at(31_300));
    expect(later.recent).toEqual([T0 + 31_300]);
    expect(later.minutes).toEqual([[T0, 3]]);
    const nextHour = recordSend(later, at(2 * 3_600_000));
    expect(nextHour.minutes).toEqual([[T0 + 2 * 3_600_000, 1]]);
  });

  test('a stored history that cannot be read counts as no sends', () => {
    expect(parseHistory('not json')).toEqual(EMPTY_HISTORY);
    expect(parseHistory(undefined)).toEqual(EMPTY_HISTORY);
    expect(parseHistory(JSON.stringify({ recent: [3, 'x', 1], minutes: [[0, 2], 'y'] }))).toEqual({ recent: [1, 3], minutes: [[0, 2]] });
  });
});

describe('waiting after a failure', () => {
  test.each([
    ['first retry, lowest jitter', 1, undefined, 0, 500],
    ['first retry, middle jitter', 1, undefined, 0.5, 750],
    ['third retry doubles twice', 3, undefined, 0.5, 3_000],
    ['never longer than the cap', 20, undefined, 0.999, 59_970],
    ['Retry-After is honoured, plus a little jitter', 1, 2_000, 0.5, 2_250],
    ['Retry-After of zero', 4, 0, 0, 0],
    ['an absurd Retry-After is shortened to 15 minutes', 1, 86_400_000, 0, 15 * 60_000],
  ])('%s', (_label, attempts, retryAfterMs, random, expected) => {
    expect(retryDelayMs(attempts, retryAfterMs, () => random, DEFAULT_BACKOFF)).toBe(expected);
  });

  test('no retry without Retry-After comes back sooner than half its ceiling', () => {
    for (let attempts = 1; attempts <= 10; attempts++) {
      const ceiling = Math.min(60_000, 1_000 * 2 ** (attempts - 1));
      expect(retryDelayMs(attempts, undefined, () => 0)).toBe(ceiling / 2);
    }
  });
});

describe('reading Retry-After', () => {
  const now = new Date('2025-03-01T10:00:00.000Z');
  test.each([
    ['2', 2_000],
    [' 120 ', 120_000],
    ['1.5', 1_500],
    ['0', 0],
    ['Sat, 01 Mar 2025 10:00:10 GMT', 10_000],
    ['Sat, 01 Mar 2025 09:00:00 GMT', 0],
    ['soon', undefined],
    ['-5', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%p → %p ms', (header, expected) => {
    expect(parseRetryAfter(header, now)).toBe(expected);
  });
});
