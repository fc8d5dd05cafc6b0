/**
 * `npm run bench -- tab`: the side panel's poll, GET /api/tab/session, at 50 connections for a
 * facilitator (the heaviest view: quiet voices, consent, sense-checks), against /healthz on the
 * same server in the same run. Reported, not judged: the issue sets no target for the ratio.
 */
import { startMeeting } from '../tests/support/meetingHarness';
import { setUpSession, TabClient } from '../tests/http/tabApiKit';
import { sustained } from './load';

async function main(): Promise<void> {
  const m = await startMeeting({ realTime: true, env: { LOG_LEVEL: 'info' } });
  try {
    await setUpSession(m);
    await m.meetingEvent('start');
    const tab = new TabClient(m);
    const headers = await tab.headers('fola');
    const first = await tab.get('fola', '/api/tab/session');
    if (first.status !== 200) throw new Error(`the session view answered ${first.status}`);
    // Warm both routes first: module loading is start-up, not steady state.
    await sustained(`${m.running.url}/healthz`, 50, 2, () => undefined, 'GET');
    await sustained(`${m.running.url}/api/tab/session`, 50, 2, () => undefined, 'GET', headers);
    const health = await sustained(`${m.running.url}/healthz`, 50, 10, () => undefined, 'GET');
    const view = await sustained(`${m.running.url}/api/tab/session`, 50, 10, () => undefined, 'GET', headers);
    const ok = view.errors + view.non2xx === 0;
    console.log(`${ok ? 'PASS' : 'FAIL'}  session view at 50 connections, 0 errors: ${view.errors} errors, ${view.non2xx} non-2xx`);
    console.log(`      throughput ${view.requestsPerSecond.toFixed(0)} req/s vs /healthz ${health.requestsPerSecond.toFixed(0)} req/s (${(view.requestsPerSecond / health.requestsPerSecond).toFixed(2)}×)`);
    console.log(`      p50 ${view.p50Ms} ms, p99 ${view.p99Ms} ms (/healthz p50 ${health.p50Ms} ms, p99 ${health.p99Ms} ms)`);
    process.exitCode = ok ? 0 : 1;
  } finally {
    await m.stop();
  }
}

main().catch((error: unknown) => {
  console.error('FAIL  the benchmark could not run:', error instanceof Error ? error.message : error);
  process.exit(1);
});
