/**
 * How fast the bot may talk to Teams, and how long to wait after a failure. Pure: histories in,
 * times out. The sender keeps the histories in the Store so every instance sees the same ones.
 *
 * Teams throttles per bot per conversation (7 in 1 s, 8 in 2 s, 60 in 30 s, 1,800 in an hour;
 * card edits count) and per app (we stay at 20 requests a second, below the documented 30–50).
 */

export interface RateLimit {
  readonly limit: number;
  readonly windowMs: number;
}

export const CONVERSATION_LIMITS: readonly RateLimit[] = Object.freeze([
  { limit: 7, windowMs: 1_000 },
  // Teams' table also caps 8 in any 2 s, so 7 a second cannot be kept up for two seconds running.
  { limit: 8, windowMs: 2_000 },
  { limit: 60, windowMs: 30_000 },
  { limit: 1_800, windowMs: 3_600_000 },
]);

export const APP_LIMITS: readonly RateLimit[] = Object.freeze([{ limit: 20, windowMs: 1_000 }]);

/**
 * Extra width added to every window: our send time and Teams' arrival time differ by network
 * latency and by clock skew between instances, so we keep a little further under the limit.
 */
export const DEFAULT_MARGIN_MS = 200;

/** Windows up to this long are checked against exact send times; longer ones against minute counts. */
const EXACT_HORIZON_MS = 30_000;
const BUCKET_MS = 60_000;

/**
 * Past sends. Exact times are kept for the short windows only, and an hour of sends as per-minute
 * counts, so the row stays small (an hour of exact times could be 1,800 numbers).
 */
export interface PacingHistory {
  /** Send times in ms since the epoch, ascending, covering at least the exact horizon. */
  readonly recent: readonly number[];
  /** [minute start in ms, sends in that minute], ascending. */
  readonly minutes: readonly (readonly [number, number])[];
}

export const EMPTY_HISTORY: PacingHistory = Object.freeze({ recent: [], minutes: [] });

/** The earliest moment at or after `now` when one more send keeps every window under its limit. */
export function nextAllowedAt(
  history: PacingHistory,
  now: Date,
  limits: readonly RateLimit[] = CONVERSATION_LIMITS,
  marginMs = DEFAULT_MARGIN_MS,
): Date {
  let earliest = now.getTime();
  for (const { limit, windowMs } of limits) {
    const width = windowMs + marginMs;
    // A send at t is allowed when fewer than `limit` sends fall in (t - width, t]: the limit-th
    // newest send must have left the window, i.e. t >= that send + width.
    const limitThNewest =
      windowMs <= EXACT_HORIZON_MS ? nthNewestExact(history.recent, limit) : nthNewestBucketed(history.minutes, limit);
    if (limitThNewest !== undefined) earliest = Math.max(earliest, limitThNewest + width);
  }
  return new Date(earliest);
}

/** The history with one more send at `at`, trimmed to what the limits can still need. */
export function recordSend(
  history: PacingHistory,
  at: Date,
  limits: readonly RateLimit[] = CONVERSATION_LIMITS,
  marginMs = DEFAULT_MARGIN_MS,
): PacingHistory {
  const t = at.getTime();
  const longestExact = Math.max(0, ...limits.filter((l) => l.windowMs <= EXACT_HORIZON_MS).map((l) => l.windowMs));
  const longest = Math.max(0, ...limits.map((l) => l.windowMs));
  const recent = [...history.recent, t].sort((a, b) => a - b).filter((s) => s > t - longestExact - marginMs);
  const bucket = Math.floor(t / BUCKET_MS) * BUCKET_MS;
  const minutes = new Map<number, number>(history.minutes.map(([start, count]) => [start, count]));
  if (longest > EXACT_HORIZON_MS) minutes.set(bucket, (minutes.get(bucket) ?? 0) + 1);
  const keptMinutes = [...minutes.entries()]
    .filter(([start]) => start + BUCKET_MS + longest + marginMs > t)
    .sort((a, b) => a[0] - b[0]);
  return { recent, minutes: keptMinutes };
}

function nthNewestExact(sendTimes: readonly number[], n: number): number | undefined {
  return sendTimes.length >= n ? sendTimes[sendTimes.length - n] : undefined;
}

/** Per-minute counts only say which minute a send was in, so assume its last moment (the safe side). */
function nthNewestBucketed(minutes: PacingHistory['minutes'], n: number): number | undefined {
  let seen = 0;
  for (let i = minutes.length - 1; i >= 0; i--) {
    seen += minutes[i][1];
    if (seen >= n) return minutes[i][0] + BUCKET_MS;
  }
  return undefined;
}

/** Reads a stored history back; anything malformed counts as "no sends" rather than blocking a chat. */
export function parseHistory(json: unknown): PacingHistory {
  if (typeof json !== 'string') return EMPTY_HISTORY;
  try {
    const value = JSON.parse(json) as { recent?: unknown; minutes?: unknown };
    const recent = Array.isArray(value.recent) ? value.recent.filter((n): n is number => typeof n === 'number') : [];
    const minutes = Array.isArray(value.minutes)
      ? value.minutes.filter(
          (m): m is [number, number] => Array.isArray(m) && typeof m[0] === 'number' && typeof m[1] === 'number',
        )
      : [];
    return { recent: recent.sort((a, b) => a - b), minutes: minutes.sort((a, b) => a[0] - b[0]) };
  } catch {
    return EMPTY_HISTORY;
  }
}

// ---------------------------------------------------------------------------------------------
// Waiting after a failure
// ---------------------------------------------------------------------------------------------

export interface BackoffSettings {
  /** First retry waits about this long (half of it fixed, half random). */
  readonly baseMs: number;
  /** Exponential waits stop growing here. */
  readonly capMs: number;
  /** A Retry-After longer than this is shortened to it, so a nonsense header cannot stall a chat for days. */
  readonly maxRetryAfterMs: number;
  /** Random extra added to a Retry-After so instances do not all come back in the same instant. */
  readonly retryAfterJitterMs: number;
}

export const DEFAULT_BACKOFF: BackoffSettings = Object.freeze({
  baseMs: 1_000,
  capMs: 60_000,
  maxRetryAfterMs: 15 * 60_000,
  retryAfterJitterMs: 500,
});

/**
 * How long to wait before attempt number `failedAttempts + 1`. With a Retry-After the wait is at
 * least that long; without one it doubles each time, with "equal jitter" (half fixed, half random)
 * so it is never near zero and retries from many chats spread out. `random` returns [0, 1).
 */
export function retryDelayMs(
  failedAttempts: number,
  retryAfterMs: number | undefined,
  random: () => number,
  settings: BackoffSettings = DEFAULT_BACKOFF,
): number {
  if (retryAfterMs !== undefined) {
    return Math.min(Math.max(0, retryAfterMs), settings.maxRetryAfterMs) + Math.floor(random() * settings.retryAfterJitterMs);
  }
  const exponent = Math.max(0, failedAttempts - 1);
  const ceiling = Math.min(settings.capMs, settings.baseMs * 2 ** Math.min(exponent, 30));
  return Math.floor(ceiling / 2 + random() * (ceiling / 2));
}

/**
 * Reads a Retry-After header: whole or decimal seconds, or an HTTP date (RFC 9110). Returns
 * milliseconds from `now`, never negative, or undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | undefined, now: Date): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  if (!/[a-z]/i.test(text)) return undefined; // e.g. "-5": not seconds and not a date
  const at = Date.parse(text);
  return Number.isFinite(at) ? Math.max(0, at - now.getTime()) : undefined;
}
