/**
 * How fast the bot may talk to Teams, and how long to wait after a failure. Pure: histories in,
 * times out. The sender keeps the histories in the Store so every instance sees the same ones.
 *
 * Teams throttles per bot per conversation (7 in 1 s, 8 in 2 s, 60 in 30 s, 1,800 in an hour;
 * card edits count) and per app (we stay at 20 requests a second, below the documented 30–50).
 *
 * Teams counts a request when it arrives, and we cannot see that moment: it lies somewhere between
 * the start of our HTTP call and the answer. So a request counts from the moment it is allowed
 * until it ends, and its window is measured from its end. Then no window at Teams can ever hold
 * more than the limit, however slow or uneven the network is: when a request is allowed, every
 * earlier one that could share a window with it is either still open or ended inside the window,
 * and both are counted.
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
 * Extra width added to every window. Network time is already covered by counting from a request's
 * end; what is left is the difference between two instances' clocks, since one instance compares
 * its own time with end times another instance wrote.
 */
export const DEFAULT_MARGIN_MS = 25;

/** Windows up to this long are checked against exact end times; longer ones against minute counts. */
const EXACT_HORIZON_MS = 30_000;
const BUCKET_MS = 60_000;

/** A request under way: [its id, when to assume it over if nobody ends it (its instance died)]. */
export type OpenRequest = readonly [id: string, expiresAt: number];

/**
 * Past and current requests. Exact end times are kept for the short windows only, and an hour of
 * them as per-minute counts, so the row stays small (an hour of exact times could be 1,800 numbers).
 */
export interface PacingHistory {
  /** End times in ms since the epoch, ascending, covering at least the exact horizon. */
  readonly recent: readonly number[];
  /** [minute start in ms, requests that ended in that minute], ascending. */
  readonly minutes: readonly (readonly [number, number])[];
  /** Requests allowed and not yet ended: each fills a place in every window until it ends. */
  readonly open: readonly OpenRequest[];
}

export const EMPTY_HISTORY: PacingHistory = Object.freeze({ recent: [], minutes: [], open: [] });

/** The earliest moment at or after `now` when one more request keeps every window under its limit. */
export function nextAllowedAt(
  history: PacingHistory,
  now: Date,
  limits: readonly RateLimit[] = CONVERSATION_LIMITS,
  marginMs = DEFAULT_MARGIN_MS,
): Date {
  // An open request ends at `now` at the earliest, so count it as ending now: that keeps it inside
  // every window for the moment and gives the soonest time worth asking again.
  let counted = settleExpired(history, now, limits, marginMs);
  for (let i = counted.open.length; i > 0; i--) counted = recordSend(counted, now, limits, marginMs);
  let earliest = now.getTime();
  for (const { limit, windowMs } of limits) {
    const width = windowMs + marginMs;
    // A request at t is allowed when fewer than `limit` ends fall in (t - width, t]: the limit-th
    // newest end must have left the window, i.e. t >= that end + width.
    const limitThNewest =
      windowMs <= EXACT_HORIZON_MS ? nthNewestExact(counted.recent, limit) : nthNewestBucketed(counted.minutes, limit);
    if (limitThNewest !== undefined) earliest = Math.max(earliest, limitThNewest + width);
  }
  return new Date(earliest);
}

/**
 * How many more requests may start at `now` (at most `cap`), and the soonest moment worth asking
 * for the one after those (as if they all ended at once).
 */
export function roomAt(
  history: PacingHistory,
  now: Date,
  limits: readonly RateLimit[] = CONVERSATION_LIMITS,
  marginMs = DEFAULT_MARGIN_MS,
  cap = 100,
): { readonly room: number; readonly nextAt: Date } {
  let taken = history;
  let room = 0;
  while (room < cap && nextAllowedAt(taken, now, limits, marginMs).getTime() <= now.getTime()) {
    taken = recordSend(taken, now, limits, marginMs);
    room++;
  }
  return { room, nextAt: nextAllowedAt(taken, now, limits, marginMs) };
}

/** The history with request `id` under way from `now`; ask nextAllowedAt first. */
export function openRequest(
  history: PacingHistory,
  id: string,
  now: Date,
  expiresAt: Date,
  limits: readonly RateLimit[] = CONVERSATION_LIMITS,
  marginMs = DEFAULT_MARGIN_MS,
): PacingHistory {
  const settled = settleExpired(history, now, limits, marginMs);
  return { ...settled, open: [...settled.open.filter(([openId]) => openId !== id), [id, expiresAt.getTime()]] };
}

/**
 * The history with request `id` ended at `endedAt`, counted as `requests` arrivals (an HTTP client
 * that retried on its own made several). If it had expired already it is counted again: too many
 * is the safe side.
 */
export function closeRequest(
  history: PacingHistory,
  id: string,
  endedAt: Date,
  requests = 1,
  limits: readonly RateLimit[] = CONVERSATION_LIMITS,
  marginMs = DEFAULT_MARGIN_MS,
): PacingHistory {
  let closed: PacingHistory = { ...history, open: history.open.filter(([openId]) => openId !== id) };
  for (let i = 0; i < Math.max(1, requests); i++) closed = recordSend(closed, endedAt, limits, marginMs);
  return closed;
}

/** The history without request `id`: it was allowed but never sent, so it takes no place. */
export function cancelRequest(history: PacingHistory, id: string): PacingHistory {
  return { ...history, open: history.open.filter(([openId]) => openId !== id) };
}

/** The history with one more request that ended at `at`, trimmed to what the limits can still need. */
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
  return { recent, minutes: keptMinutes, open: history.open };
}

/**
 * How many requests a failed send may have made: botbuilder's HTTP client quietly tries 5xx,
 * network errors and 429 with Retry-After four times in all (reliability.md §0.2). Each counts
 * against the windows; a success after such a retry cannot be seen and counts once.
 */
export function requestsMadeFor(failure: { readonly status?: number; readonly retryAfter?: string }): number {
  const { status } = failure;
  const retriedByClient = status === undefined || (status >= 500 && status !== 501 && status !== 505) || (status === 429 && failure.retryAfter !== undefined);
  return retriedByClient ? 4 : 1;
}

/** Open requests past their expiry are taken as having ended then. */
function settleExpired(history: PacingHistory, now: Date, limits: readonly RateLimit[], marginMs: number): PacingHistory {
  const expired = history.open.filter(([, expiresAt]) => expiresAt <= now.getTime());
  if (expired.length === 0) return history;
  let settled: PacingHistory = { ...history, open: history.open.filter(([, expiresAt]) => expiresAt > now.getTime()) };
  for (const [, expiresAt] of expired) settled = recordSend(settled, new Date(expiresAt), limits, marginMs);
  return settled;
}

function nthNewestExact(endTimes: readonly number[], n: number): number | undefined {
  return endTimes.length >= n ? endTimes[endTimes.length - n] : undefined;
}

/** Per-minute counts only say which minute a request ended in, so assume its last moment (the safe side). */
function nthNewestBucketed(minutes: PacingHistory['minutes'], n: number): number | undefined {
  let seen = 0;
  for (let i = minutes.length - 1; i >= 0; i--) {
    seen += minutes[i][1];
    if (seen >= n) return minutes[i][0] + BUCKET_MS;
  }
  return undefined;
}

/** Reads a stored history back; anything malformed counts as "no requests" rather than blocking a chat. */
export function parseHistory(json: unknown): PacingHistory {
  if (typeof json !== 'string') return EMPTY_HISTORY;
  try {
    const value = JSON.parse(json) as { recent?: unknown; minutes?: unknown; open?: unknown };
    const recent = Array.isArray(value.recent) ? value.recent.filter((n): n is number => typeof n === 'number') : [];
    const minutes = Array.isArray(value.minutes)
      ? value.minutes.filter(
          (m): m is [number, number] => Array.isArray(m) && typeof m[0] === 'number' && typeof m[1] === 'number',
        )
      : [];
    const open = Array.isArray(value.open)
      ? value.open.filter((o): o is [string, number] => Array.isArray(o) && typeof o[0] === 'string' && typeof o[1] === 'number')
      : [];
    return { recent: recent.sort((a, b) => a - b), minutes: minutes.sort((a, b) => a[0] - b[0]), open };
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
