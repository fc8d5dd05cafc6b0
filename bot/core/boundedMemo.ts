/**
 * A small in-memory memo with a size cap and an optional age limit, for facts one instance has
 * already confirmed in the store (a job exists, a wording row was kept) so a busy meeting does not
 * read the same row again on every click. Only for facts that stay true, or whose staleness up to
 * the age limit is harmless: another instance never sees this memo. Time is passed in.
 */
export class BoundedMemo<V> {
  private readonly entries = new Map<string, { readonly value: V; readonly at: number }>();

  constructor(
    private readonly maxEntries: number,
    private readonly maxAgeMs = Number.POSITIVE_INFINITY,
  ) {}

  get(key: string, now: Date): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (now.getTime() - entry.at > this.maxAgeMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: V, now: Date): void {
    this.entries.delete(key); // re-inserted last, so the oldest is first in line to go
    this.entries.set(key, { value, at: now.getTime() });
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}
