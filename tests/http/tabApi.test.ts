// The side panel's API in a scripted meeting (local mode, development sign-in): people read the
// session of the meeting they are in (facilitators with their private part, attendees without),
// someone outside the meeting is refused, and polling with If-None-Match is answered 304 until
// something changes. Actions are in tabApiActions.test.ts.
import { CHAT, MEETING_ID, PEOPLE, type MeetingHarness, startMeeting } from '../support/meetingHarness';
import { answerData, postedSenseChecks } from '../services/senseCheckKit';
import { namedMeetingEvent } from '../services/voicesKit';
import { anonymousNoteAndPause, bodyOf, OUTCOME, startSession, TabClient, type ErrorJson, type SessionViewJson } from './tabApiKit';

let m: MeetingHarness;
let tab: TabClient;

beforeEach(async () => {
  m = await startMeeting();
  tab = new TabClient(m);
});
afterEach(() => m.stop());

describe('signing in and reading', () => {
  test('the development sign-in signs tokens only for people in the local meeting roster', async () => {
    const refused = await fetch(`${m.running.url}/api/tab/dev-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: '29:someone-else' }),
    });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ code: 'Forbidden', message: 'Only people in the local meeting roster can use the development sign-in.' });
    expect(await tab.token('ash')).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  test('a facilitator sees the framework with the time left from the server, and the facilitators-only part', async () => {
    await startSession(m);
    const view = await tab.view('fola');
    expect(view.role).toBe('facilitator');
    expect(view.purpose.outcome).toBe(OUTCOME);
    expect(view.framework.started).toBe(true);
    const first = view.framework.agenda[0];
    expect(view.framework.currentItemId).toBe(first.id);
    expect(view.framework.remainingSeconds).toBe(first.minutes * 60);
    expect(view.framework.nextBreak?.title).toBe('Break');
    expect(view.facilitator?.anonymous).toEqual({ notes: 0, pauses: 0 });
  });

  test('an attendee sees the framework and purpose read-only, and nothing only facilitators may see', async () => {
    await anonymousNoteAndPause(m, await startSession(m));
    m.clock.advance(11 * 60_000);
    const view = await tab.view('gabi');
    expect(view.role).toBe('participant');
    expect(view.purpose.outcome).toBe(OUTCOME);
    expect(view.framework.agenda.length).toBeGreaterThan(3);
    expect(view).not.toHaveProperty('facilitator');
    const json = JSON.stringify(view);
    for (const p of Object.values(PEOPLE)) {
      expect(json).not.toContain(p.name);
      expect(json).not.toContain(p.aadObjectId);
    }
  });

  test('facilitators see anonymous notes and pause requests only as batched counts, once reported', async () => {
    await anonymousNoteAndPause(m, await startSession(m));
    expect((await tab.view('fola')).facilitator?.anonymous).toEqual({ notes: 0, pauses: 0 });
    m.clock.advance(11 * 60_000);
    const view = await tab.view('fola');
    expect(view.facilitator?.anonymous).toEqual({ notes: 1, pauses: 1 });
    expect(JSON.stringify(view)).not.toContain('I found the forms hard');
  });

  test('the panel shows answers to a sense check as they come in', async () => {
    await startSession(m);
    await m.say('fola', 'sense check Letters should be shorter');
    await m.settle();
    const [posted] = postedSenseChecks(m);
    await m.press('ash', 'senseCheck.answer', answerData(posted.card, 0, 'agree'));
    const checks = (await tab.view('pria')).facilitator?.senseChecks ?? [];
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ id: posted.senseCheckId, status: 'open' });
    expect(checks[0].tallies[0].answered).toBe(1);
  });

  test('facilitators see consent as counts and "clear to record", and the panel can answer for yourself', async () => {
    const sessionKey = await startSession(m);
    await namedMeetingEvent(m, 'join', ['ash', 'gabi'], 'camel');
    const before = (await tab.view('fola')).facilitator?.consent;
    expect(before).toMatchObject({ answered: 0, clearance: { clear: false } });
    expect(before?.expected).toBeGreaterThanOrEqual(2);
    // Ash says "not now" to everything from the chat card; Gabi does the same from the panel.
    expect((await m.press('ash', 'consent.decline', { sessionKey, variant: 'standard' })).body?.statusCode).toBe(200);
    expect((await tab.act('gabi', 'consent.decline', { variant: 'standard' })).status).toBe(200);
    const after = (await tab.view('pria')).facilitator?.consent;
    expect(after).toMatchObject({ answered: 2, clearance: { clear: false, saidNo: 2 } });
    expect(await tab.view('ash')).not.toHaveProperty('facilitator');
  });

  test('a request without the meeting it comes from is refused plainly', async () => {
    await startSession(m);
    const response = await fetch(`${m.running.url}/api/tab/session`, { headers: { authorization: `Bearer ${await tab.token('fola')}` } });
    expect(response.status).toBe(400);
    expect((await bodyOf<ErrorJson>(response)).message).toMatch(/Open Coproduce from a Teams meeting/);
  });

  test('a meeting with no session yet answers 404 to people in it, and setting one up from the panel works', async () => {
    const empty = await tab.get('fola', '/api/tab/session');
    expect(empty.status).toBe(404);
    expect((await bodyOf<ErrorJson>(empty)).code).toBe('NoSession');
    const refused = await tab.act('ash', 'setup.save', { outcome: 'Anything' });
    expect(refused.status).toBe(403);
    const saved = await tab.act('fola', 'setup.save', { outcome: 'Plan the summer events together', openToUnexpected: 'true' });
    expect(saved.status).toBe(200);
    expect(saved.body.ok).toBe(true);
    expect((await tab.view('fola')).purpose.outcome).toBe('Plan the summer events together');
  });
});

describe('someone who is not part of the session', () => {
  test('a valid token for someone not in the meeting is 403', async () => {
    await startSession(m);
    m.directory.setParticipant(MEETING_ID, PEOPLE.cal.aadObjectId, {});
    const response = await tab.get('cal', '/api/tab/session');
    expect(response.status).toBe(403);
    const body = await response.json();
    expect(body).toEqual({ code: 'Forbidden', message: 'You can only see sessions of meetings you are invited to.' });
  });
});

describe('polling with If-None-Match', () => {
  test('304 while nothing changed (the clock ticking included), 200 once something did', async () => {
    await startSession(m);
    const first = await tab.get('fola', '/api/tab/session');
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get('cache-control')).toBe('private, no-store');
    const body = await bodyOf<SessionViewJson>(first);
    expect(etag).toBe(`"${body.version}"`);

    const same = await tab.get('fola', '/api/tab/session', { etag });
    expect(same.status).toBe(304);
    expect(await same.text()).toBe('');

    m.clock.advance(10_000);
    expect((await tab.get('fola', '/api/tab/session', { etag })).status).toBe(304);
    expect((await tab.view('fola')).framework.remainingSeconds).toBe(body.framework.remainingSeconds - 10);

    // A change made in the chat shows in the panel.
    await m.say('fola', 'next');
    await m.settle();
    const changed = await tab.get('fola', '/api/tab/session', { etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect((await bodyOf<SessionViewJson>(changed)).framework.currentItemId).toBe(body.framework.agenda[1].id);
  });

  test('a facilitator and an attendee get different versions of the same session', async () => {
    await startSession(m);
    const facilitator = await tab.get('fola', '/api/tab/session');
    const attendee = await tab.get('ash', '/api/tab/session');
    expect(facilitator.headers.get('etag')).not.toBe(attendee.headers.get('etag'));
    expect((await tab.get('ash', '/api/tab/session', { etag: facilitator.headers.get('etag') ?? '' })).status).toBe(200);
  });

  test('extending a paused item changes the version, since the time left is all there is to show', async () => {
    await startSession(m);
    await m.say('fola', 'pause');
    const paused = await tab.get('fola', '/api/tab/session');
    const etag = paused.headers.get('etag') ?? '';
    await m.say('fola', 'extend 5');
    expect((await tab.get('fola', '/api/tab/session', { etag })).status).toBe(200);
  });
});

test('the tab API logs no names, ids or tokens', async () => {
  await startSession(m);
  await tab.view('fola');
  await tab.act('fola', 'recap.show');
  const logs = m.running.logs.join('');
  expect(logs).toContain('/api/tab/session');
  for (const p of Object.values(PEOPLE)) {
    expect(logs).not.toContain(p.name);
    expect(logs).not.toContain(p.aadObjectId);
  }
  expect(logs).not.toContain(CHAT);
  expect(logs).not.toContain(await tab.token('fola'));
});
