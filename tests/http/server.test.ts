// The HTTP edge answers bad input with a clear status and a plain message, never a stack trace,
// and serves the tab with a frame-ancestors policy that only Teams and Microsoft 365 can frame.
import http from 'node:http';
import { postActivity, startApp, teamsActivity, type RunningApp } from '../support/appHarness';

let running: RunningApp;
beforeAll(async () => {
  running = await startApp();
});
afterAll(async () => {
  await running.stop();
});

function expectPlain(body: string): void {
  expect(body).not.toMatch(/at .+\(.+:\d+:\d+\)/); // no stack frames
  expect(body).not.toMatch(/node_modules|botbuilder|restify|TypeError|SyntaxError|Unexpected token/i);
}

test('healthz reports status, version and that storage answers', async () => {
  const response = await fetch(`${running.url}/healthz`);
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ status: 'ok', version: '9.9.9-test', storage: 'ok' });
});

test('the tab is served under /tab/ with a frame-ancestors policy for Teams hosts', async () => {
  const response = await fetch(`${running.url}/tab/`);
  expect(response.status).toBe(200);
  expect(await response.text()).toContain('Coproduce');
  const csp = response.headers.get('content-security-policy') ?? '';
  expect(csp).toMatch(/^frame-ancestors /);
  expect(csp).toContain('https://teams.microsoft.com');
  expect(csp).toContain('https://*.cloud.microsoft');
  expect(csp).not.toContain(' * ');
});

test('/tab redirects to /tab/', async () => {
  const response = await fetch(`${running.url}/tab`, { redirect: 'manual' });
  expect(response.status).toBe(301);
  expect(response.headers.get('location')).toBe('/tab/');
});

test('a missing tab file is a plain 404', async () => {
  const response = await fetch(`${running.url}/tab/nothing-here.js`);
  expect(response.status).toBe(404);
  const body = await response.text();
  expectPlain(body);
  expect(body).not.toContain('nothing-here');
});

test('a body over 256 KB gets 413 with a plain message', async () => {
  const big = JSON.stringify(teamsActivity('http://127.0.0.1:9/', { text: 'x'.repeat(300 * 1024) }));
  const response = await postActivity(running.url, big);
  expect(response.status).toBe(413);
  const body = await response.text();
  expectPlain(body);
  expect(JSON.parse(body).message).toMatch(/too large/i);
});

test('malformed JSON gets 400 with a plain message', async () => {
  const response = await postActivity(running.url, '{"type": "message", oops');
  expect(response.status).toBe(400);
  const body = await response.text();
  expectPlain(body);
  expect(body).not.toContain('oops');
});

test.each([
  ['no type', { text: 'hi', conversation: { id: 'c' } }],
  ['an empty type', { type: '', conversation: { id: 'c' } }],
  ['a JSON array', [1, 2, 3]],
  ['a JSON string', '"just text"'],
])('an activity with %s gets 400', async (_label, activity) => {
  const response = await postActivity(running.url, activity);
  expect(response.status).toBe(400);
  expectPlain(await response.text());
});

test('an activity without a conversation gets 400, not a crash', async () => {
  const response = await postActivity(running.url, { type: 'message', text: 'hi' });
  expect(response.status).toBe(400);
  expectPlain(await response.text());
  expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
});

test('an unknown route is a plain 404 and a wrong method a plain 405', async () => {
  const missing = await fetch(`${running.url}/api/nothing`);
  expect(missing.status).toBe(404);
  expectPlain(await missing.text());
  const wrongMethod = await fetch(`${running.url}/api/messages`);
  expect([404, 405]).toContain(wrongMethod.status);
  expectPlain(await wrongMethod.text());
});

/** fetch cannot set Host, so this uses node:http directly. */
function requestWithHeaders(url: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${url}/healthz`, { headers }, (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
  });
}

test('local mode refuses a request addressed to another host name', async () => {
  const response = await requestWithHeaders(running.url, { host: 'coproduce.example.org' });
  expect(response.status).toBe(403);
  expect(JSON.parse(response.body).message).toMatch(/local mode/i);
});

test('local mode refuses a request that came through a proxy', async () => {
  const response = await requestWithHeaders(running.url, { 'x-forwarded-for': '203.0.113.9' });
  expect(response.status).toBe(403);
});

test('healthz says degraded when storage stops answering', async () => {
  const other = await startApp();
  await other.app.store.close();
  const response = await fetch(`${other.url}/healthz`);
  expect(response.status).toBe(503);
  expect(await response.json()).toMatchObject({ status: 'degraded', storage: 'unreachable' });
  await other.stop().catch(() => undefined);
});
