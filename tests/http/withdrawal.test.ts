// The withdrawal page through the real HTTP server: a person's own choices only, withdrawing with
// a form (recorded as 'link', once), the same plain 404 for every code that does not work, the
// privacy headers, the rate limit and the body limit.
import http from 'node:http';
import { CONSENT_TABLE } from '../../bot/core/consentLedger';
import { eventsOfSubject } from '../../bot/core/consentRecords';
import { issueWithdrawalCode } from '../../bot/core/withdrawalTokens';
import { startApp, type RunningApp } from '../support/appHarness';
import { ManualClock, PEOPLE } from '../support/meetingHarness';
import { seedConsent, seedSession, WORDING } from './withdrawalKit';

const START = new Date('2026-11-26T10:00:00.000Z');
let running: RunningApp;
let clock: ManualClock;
let sessionKey: string;
let ash: { who: string; subjectId: string };
let gabi: { who: string; subjectId: string };
let ashCode: string;
let gabiCode: string;

beforeAll(async () => {
  clock = new ManualClock(START);
  running = await startApp({}, { clock });
  const store = running.app.store;
  sessionKey = await seedSession(store, 'MCMxOTptZWV0aW5n/dGVzdA==', '19:chat-withdraw@thread.v2', START, 'Agree three changes to transport booking');
  ash = await seedConsent(store, sessionKey, PEOPLE.ash, { recording: 'agree', transcript: 'agree', quoted: 'notNow' }, START);
  gabi = await seedConsent(store, sessionKey, PEOPLE.gabi, { recording: 'agree', aiSummary: 'agree', named: 'agree' }, START);
  ashCode = await issueWithdrawalCode(store, { sessionKey, subjectId: ash.subjectId }, START);
  gabiCode = await issueWithdrawalCode(store, { sessionKey, subjectId: gabi.subjectId }, START);
});
afterAll(() => running.stop());
// Each test starts with a fresh rate-limit window.
beforeEach(() => clock.advance(61_000));

const get = (path: string) => fetch(`${running.url}${path}`, { redirect: 'manual' });
const post = (path: string, fields: Record<string, string>) =>
  fetch(`${running.url}${path}`, { method: 'POST', redirect: 'manual', body: new URLSearchParams(fields) });

function expectPrivatePageHeaders(response: Response): void {
  expect(response.headers.get('cache-control')).toBe('no-store');
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  expect(response.headers.get('x-robots-tag')).toMatch(/noindex/);
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  const csp = response.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("form-action 'self'");
  expect(csp).not.toMatch(/script-src|unsafe-inline|unsafe-eval/);
}

test('the page shows only this person\'s choices, in plain words, with forms (not links) to withdraw', async () => {
  const response = await get(`/withdraw?code=${ashCode}`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/);
  expectPrivatePageHeaders(response);
  const html = await response.text();
  expect(html).toContain('<html lang="en-GB">');
  expect(html).toContain('<meta name="viewport"');
  expect(html).toContain('26 November 2026');
  expect(html).toContain('Agree three changes to transport booking');
  expect(html).not.toMatch(/<script|<a\s/i); // no script, and nothing a crawler could follow to withdraw
  // Ash agreed to recording and transcript, said not now to being quoted, and left the rest.
  const item = (scope: string) => html.slice(html.indexOf(scope), html.indexOf('</li>', html.indexOf(scope)));
  expect(item('Recording the meeting')).toContain('You agreed.');
  expect(item('Recording the meeting')).toContain('<form method="post" action="/withdraw">');
  expect(item('A written transcript')).toContain('You agreed.');
  expect(item('Quoting your words')).toContain('You said not now.');
  expect(item('Quoting your words')).not.toContain('<form');
  expect(item('A summary written by AI')).toContain('You have not answered.');
  expect(html).toContain('Withdraw everything');
  expect(html).toContain(`name="code" value="${ashCode}"`);
  // Nothing about anyone else, and no names or ids at all.
  expect(html).not.toMatch(/Gabi|Ash Tester|29:user|00000000-/);
  expect(html).not.toContain(gabiCode);
  expect(html).not.toContain(ash.subjectId);
});

test('withdrawing one choice is recorded as the person, by link, against the wording they answered; pressing again adds nothing', async () => {
  const response = await post('/withdraw', { code: ashCode, scope: 'recording' });
  expect(response.status).toBe(200);
  expectPrivatePageHeaders(response);
  const html = await response.text();
  expect(html).toContain('role="status"');
  expect(html).toContain('You have withdrawn from: Recording the meeting (video and sound)');
  const events = await eventsOfSubject(running.app.store, sessionKey, ash.subjectId);
  const last = events[events.length - 1];
  expect(last).toMatchObject({ scope: 'recording', kind: 'withdraw', choice: 'notNow', method: 'link', actorSubjectId: ash.subjectId, wording: WORDING });
  const count = events.length;

  const again = await post('/withdraw', { code: ashCode, scope: 'recording' });
  expect(again.status).toBe(200);
  expect(await again.text()).toContain('Nothing changed');
  expect(await eventsOfSubject(running.app.store, sessionKey, ash.subjectId)).toHaveLength(count);
  // Gabi's record is untouched.
  expect((await eventsOfSubject(running.app.store, sessionKey, gabi.subjectId)).every((e) => e.kind === 'agree')).toBe(true);
});

test('"Withdraw everything" says no to every choice not already no, once; then there is nothing left to withdraw', async () => {
  const before = await eventsOfSubject(running.app.store, sessionKey, gabi.subjectId);
  const response = await post('/withdraw', { code: gabiCode, scope: 'all' });
  const html = await response.text();
  expect(html).toContain('You have withdrawn from:');
  expect(html).toContain('You have not agreed to anything in this session');
  expect(html).not.toContain('Withdraw everything');
  const added = (await eventsOfSubject(running.app.store, sessionKey, gabi.subjectId)).slice(before.length);
  expect(added.map((e) => [e.scope, e.kind, e.method])).toEqual([
    ['recording', 'withdraw', 'link'],
    ['transcript', 'decline', 'link'],
    ['aiSummary', 'withdraw', 'link'],
    ['named', 'withdraw', 'link'],
    ['quoted', 'decline', 'link'],
  ]);
  const again = await post('/withdraw', { code: gabiCode, scope: 'all' });
  expect(await again.text()).toContain('Nothing changed');
  expect(await eventsOfSubject(running.app.store, sessionKey, gabi.subjectId)).toHaveLength(before.length + added.length);
});

test('unknown, malformed and revoked codes all get the same plain 404 page, which reveals nothing', async () => {
  const store = running.app.store;
  const cal = await seedConsent(store, sessionKey, PEOPLE.cal, { recording: 'agree' }, clock.now());
  const oldCode = await issueWithdrawalCode(store, { sessionKey, subjectId: cal.subjectId }, clock.now());
  const newCode = await issueWithdrawalCode(store, { sessionKey, subjectId: cal.subjectId }, clock.now());
  const eventsBefore = (await store.query(CONSENT_TABLE, sessionKey, { rowKeyPrefix: 'event|' })).entities.length;

  const attempts = [
    get(`/withdraw?code=${'A'.repeat(43)}`),
    get('/withdraw?code=short'),
    get(`/withdraw?code=${encodeURIComponent('<script>alert(1)</script>')}`),
    get(`/withdraw?code=${ashCode}&code=${gabiCode}`),
    get(`/withdraw?code=${oldCode}`),
    post('/withdraw', { code: oldCode, scope: 'all' }),
    post('/withdraw', { code: 'B'.repeat(43), scope: 'recording' }),
    post('/my-data', { code: oldCode }),
    post('/my-data/export', { code: oldCode }),
    post('/my-data/erase', { code: oldCode, confirm: 'yes' }),
  ];
  const responses = await Promise.all(attempts);
  const bodies = await Promise.all(responses.map((r) => r.text()));
  for (const [index, response] of responses.entries()) {
    expect(response.status).toBe(404);
    expectPrivatePageHeaders(response);
    expect(bodies[index]).toBe(bodies[0]);
  }
  expect(bodies[0]).toContain('This link does not work. It may have been replaced by a newer one.');
  expect(bodies[0]).not.toMatch(/<script|Recording the meeting|Cal|AAAA|BBBB/);
  expect(bodies[0]).not.toContain(oldCode);
  // Nothing was written by any of them.
  expect((await store.query(CONSENT_TABLE, sessionKey, { rowKeyPrefix: 'event|' })).entities).toHaveLength(eventsBefore);

  const current = await get(`/withdraw?code=${newCode}`);
  expect(current.status).toBe(200);
});

test('with no code at all the page offers a box to type one (for people given a code, not a link)', async () => {
  const response = await get('/withdraw');
  expect(response.status).toBe(200);
  const html = await response.text();
  expect(html).toMatch(/<label for="code">Your personal code<\/label>/);
  expect(html).toContain('<input type="text" id="code" name="code"');
});

test('more than 20 requests a minute from one address get 429 with Retry-After; the next minute works again', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 20; i++) statuses.push((await get(`/withdraw?code=${ashCode}`)).status);
  expect(statuses.every((s) => s === 200)).toBe(true);
  const limited = await get(`/withdraw?code=${ashCode}`);
  expect(limited.status).toBe(429);
  expectPrivatePageHeaders(limited);
  expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  const html = await limited.text();
  expect(html).toContain('Please wait a minute and try again.');
  expect(html).not.toContain('Recording the meeting');
  // Other routes are not limited by the pages' counter.
  expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
  clock.advance(61_000);
  expect((await get(`/withdraw?code=${ashCode}`)).status).toBe(200);
});

test('a form body over 16 KB gets 413 with a plain page, and nothing is recorded', async () => {
  const before = await eventsOfSubject(running.app.store, sessionKey, ash.subjectId);
  const response = await post('/withdraw', { code: ashCode, scope: 'all', padding: 'x'.repeat(17 * 1024) });
  expect(response.status).toBe(413);
  expect(await response.text()).toContain('The form sent too much.');
  expect(await eventsOfSubject(running.app.store, sessionKey, ash.subjectId)).toHaveLength(before.length);
});

test('a body sent in chunks, without a length, is measured once read and refused over 16 KB', async () => {
  const body = new URLSearchParams({ code: ashCode, scope: 'all', padding: 'y'.repeat(20 * 1024) }).toString();
  const status = await new Promise<number>((resolve, reject) => {
    const request = http.request(`${running.url}/withdraw`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'transfer-encoding': 'chunked' } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    request.on('error', reject);
    request.write(body.slice(0, 10_000));
    request.end(body.slice(10_000));
  });
  expect(status).toBe(413);
});

test('local mode still answers only this machine on the personal pages', async () => {
  const status = await new Promise<number>((resolve, reject) => {
    const request = http.request(`${running.url}/withdraw?code=${ashCode}`, { headers: { host: 'coproduce.example.org' } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    request.on('error', reject);
    request.end();
  });
  expect(status).toBe(403);
});

test('the request log names the route and status, never the code', async () => {
  await get(`/withdraw?code=${ashCode}`);
  const logs = running.logs.join('\n');
  expect(logs).toContain('"route":"/withdraw"');
  for (const secret of [ashCode, gabiCode, ash.who, ash.subjectId, 'Ash Tester']) expect(logs).not.toContain(secret);
});
