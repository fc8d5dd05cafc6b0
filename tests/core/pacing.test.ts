import {
  APP_LIMITS,
  cancelRequest,
  closeRequest,
  CONVERSATION_LIMITS,
  DEFAULT_BACKOFF,
  DEFAULT_MARGIN_MS,
  EMPTY_HISTORY,
  nextAllowedAt,
  openRequest,
  parseHistory,
  parseRetryAfter,
  recordSend,
  requestsMadeFor,
  roomAt,
  retryDelayMs,
  type PacingHistory,
  type RateLimit,
} from '../../bot/core/pacing';

const T0 = Date.parse('2025-03-01T10:00:00.000Z');
const at = (ms: number): Date => new Date(T0 + ms);
const MARGIN = DEFAULT_MARGIN_MS;

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
    const history: PacingHistory = { recent: [], open: [], minutes: Array.from({ length: 60 }, (_, m) => [T0 + m * 60_000, 30] as const) };
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
    expect(parseHistory(JSON.stringify({ recent: [3, 'x', 1], minutes: [[0, 2], 'y'] }))).toEqual({ recent: [1, 3], minutes: [[0, 2]], open: [] });
    expect(parseHistory(JSON.stringify({ recent: [], minutes: [], open: [['a', 5], ['b'], 7] })).open).toEqual([['a', 5]]);
  });
});

describe('requests under way', () => {
  const ONE_A_SECOND: readonly RateLimit[] = [{ limit: 1, windowMs: 1_000 }];
  const open = (h: PacingHistory, id: string, ms: number, limits = CONVERSATION_LIMITS) => openRequest(h, id, at(ms), at(ms + 300_000), limits);

  test('a request still under way fills its place in every window until it ends', () => {
    let history = EMPTY_HISTORY;
    for (let i = 0; i < 7; i++) history = open(history, `r${i}`, 0);
    // None has ended: the soonest an eighth could go is a full window after they end, at least now + 1 s.
    expect(nextAllowedAt(history, at(500)).getTime() - T0).toBe(500 + 1_000 + MARGIN);
    for (let i = 0; i < 7; i++) history = closeRequest(history, `r${i}`, at(600));
    expect(history.open).toEqual([]);
    expect(nextAllowedAt(history, at(700)).getTime() - T0).toBe(600 + 1_000 + MARGIN);
  });

  test('a slow request’s window is measured from when it ended, not when it started', () => {
    let history = EMPTY_HISTORY;
    for (let i = 0; i < 20; i++) history = open(history, `r${i}`, i, APP_LIMITS);
    for (let i = 0; i < 20; i++) history = closeRequest(history, `r${i}`, at(900), 1, APP_LIMITS);
    expect(nextAllowedAt(history, at(1_100), APP_LIMITS).getTime() - T0).toBe(900 + 1_000 + MARGIN);
  });

  test('room says how many may start now, and when to ask again once they have', () => {
    let history = EMPTY_HISTORY;
    for (let i = 0; i < 17; i++) history = recordSend(history, at(i * 10), APP_LIMITS);
    history = open(history, 'under-way', 200, APP_LIMITS);
    expect(roomAt(history, at(500), APP_LIMITS)).toEqual({ room: 2, nextAt: at(1_000 + MARGIN) });
    expect(roomAt(history, at(1_000 + MARGIN + 5), APP_LIMITS).room).toBe(3); // the first end has left the window
  });

  test('a request that never went out gives its place back', () => {
    const history = open(EMPTY_HISTORY, 'never-sent', 0, ONE_A_SECOND);
    expect(nextAllowedAt(history, at(10), ONE_A_SECOND).getTime()).toBeGreaterThan(at(10).getTime());
    expect(nextAllowedAt(cancelRequest(history, 'never-sent'), at(10), ONE_A_SECOND).getTime() - T0).toBe(10);
  });

  test('a request left open by an instance that died counts as ended when it expires', () => {
    const history = openRequest(EMPTY_HISTORY, 'orphan', at(0), at(300_000), ONE_A_SECOND);
    expect(nextAllowedAt(history, at(10_000), ONE_A_SECOND).getTime() - T0).toBe(11_000 + MARGIN);
    expect(nextAllowedAt(history, at(300_000), ONE_A_SECOND).getTime() - T0).toBe(301_000 + MARGIN);
    expect(nextAllowedAt(history, at(301_000 + MARGIN), ONE_A_SECOND).getTime() - T0).toBe(301_000 + MARGIN);
  });

  test('a failed send that the HTTP client retried on its own counts four times', () => {
    expect(requestsMadeFor({ status: 502 })).toBe(4);
    expect(requestsMadeFor({})).toBe(4); // no answer at all: a network error, retried
    expect(requestsMadeFor({ status: 429, retryAfter: '2' })).toBe(4);
    expect(requestsMadeFor({ status: 429 })).toBe(1);
    expect(requestsMadeFor({ status: 403 })).toBe(1);
    let history = open(EMPTY_HISTORY, 'flaky', 0);
    history = closeRequest(history, 'flaky', at(100), 4);
    expect(history.recent).toEqual([T0 + 100, T0 + 100, T0 + 100, T0 + 100]);
  });

  test.each([
    ['one chat, one request at a time', CONVERSATION_LIMITS, 1],
    ['the whole app, four requests at a time', APP_LIMITS, 4],
  ])('%s: however slow or uneven the network, arrivals never exceed a limit in any window', (_label, limits, workers) => {
    const random = seeded(42);
    let history = EMPTY_HISTORY;
    const arrivals: number[] = [];
    // Each worker: wait until allowed, open, the request arrives after a random delay, the answer
    // comes after another; then close. Time only moves forward to the next event.
    const freeAt = Array.from({ length: workers }, () => T0);
    const closes: { at: number; id: string }[] = [];
    for (let n = 0; n < 300; n++) {
      const w = freeAt.indexOf(Math.min(...freeAt));
      let now = freeAt[w];
      for (;;) {
        for (const c of closes.filter((c) => c.at <= now)) history = closeRequest(history, c.id, new Date(c.at), 1, limits);
        closes.splice(0, closes.length, ...closes.filter((c) => c.at > now));
        const allowed = nextAllowedAt(history, new Date(now), limits).getTime();
        if (allowed <= now) break;
        now = Math.min(allowed, ...closes.map((c) => c.at).filter((t) => t > now));
      }
      history = openRequest(history, `r${n}`, new Date(now), new Date(now + 300_000), limits);
      const arrival = now + Math.floor(random() ** 3 * 900);
      const end = arrival + Math.floor(random() * 50);
      arrivals.push(arrival);
      closes.push({ at: end, id: `r${n}` });
      freeAt[w] = end;
    }
    arrivals.sort((a, b) => a - b);
    for (const { limit, windowMs } of limits.filter((l) => l.windowMs <= 30_000)) {
      expect(busiestWindow(arrivals, windowMs)).toBeLessThanOrEqual(limit);
    }
    expect(busiestWindow(arrivals, 1_000)).toBe(limits[0].limit); // and the limit is actually reached
  });
});

/** A small repeatable random source (mulberry32). */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

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
