/** Load generators for the benchmarks: a paced burst of distinct people, and autocannon for sustained load. */
import autocannon from 'autocannon';

export interface BurstResult {
  readonly sent: number;
  readonly errors: number;
  readonly latenciesMs: readonly number[];
  readonly durationMs: number;
}

/** Sends `count` requests spread evenly over `spreadMs`, each built by `body(i)`, all in flight at once if slow. */
export async function pacedBurst(url: string, count: number, spreadMs: number, body: (i: number) => unknown): Promise<BurstResult> {
  const started = Date.now();
  const latencies: number[] = [];
  let errors = 0;
  const requests = Array.from({ length: count }, async (_, i) => {
    const due = started + (i * spreadMs) / count;
    await new Promise((r) => setTimeout(r, Math.max(0, due - Date.now())));
    const t0 = performance.now();
    try {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body(i)) });
      const text = await response.text();
      const parsed = text ? (JSON.parse(text) as { statusCode?: number }) : {};
      if (response.status !== 200 || (parsed.statusCode !== undefined && parsed.statusCode !== 200)) errors++;
    } catch {
      errors++;
    }
    latencies.push(performance.now() - t0);
  });
  await Promise.all(requests);
  return { sent: count, errors, latenciesMs: latencies, durationMs: Date.now() - started };
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export interface SustainedResult {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly errors: number;
  readonly non2xx: number;
}

/** autocannon at `connections` for `seconds`; `body(i)` varies each request (distinct people). */
export async function sustained(url: string, connections: number, seconds: number, body: (i: number) => unknown, method: 'POST' | 'GET' = 'POST', headers: Record<string, string> = {}): Promise<SustainedResult> {
  let i = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    method,
    headers: { 'content-type': 'application/json', ...headers },
    requests: [{ setupRequest: (request) => (method === 'POST' ? { ...request, body: JSON.stringify(body(i++)) } : request) }],
  });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
