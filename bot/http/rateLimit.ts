/**
 * A per-client request limit kept in memory, per instance: a fixed window per client address.
 * It slows down anyone guessing codes (which are unguessable anyway) and keeps one client from
 * tying up the pages. Old windows are dropped as the map grows, so memory stays bounded.
 */
export interface RateDecision {
  readonly allowed: boolean;
  /** Seconds until the client's window resets; for Retry-After. */
  readonly retryAfterSeconds: number;
}

interface Window {
  start: number;
  count: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number,
    private readonly sweepAbove = 10_000,
  ) {}

  take(client: string): RateDecision {
    const now = this.now();
    let window = this.windows.get(client);
    if (!window || now - window.start >= this.windowMs) {
      if (!window && this.windows.size >= this.sweepAbove) this.sweep(now);
      window = { start: now, count: 0 };
      this.windows.set(client, window);
    }
    window.count++;
    const retryAfterSeconds = Math.max(1, Math.ceil((window.start + this.windowMs - now) / 1000));
    return { allowed: window.count <= this.limit, retryAfterSeconds };
  }

  private sweep(now: number): void {
    for (const [client, window] of this.windows) if (now - window.start >= this.windowMs) this.windows.delete(client);
  }
}
