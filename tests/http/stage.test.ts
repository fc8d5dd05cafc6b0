// The meeting stage: facilitators get one shared link from the side panel; anyone holding it
// (anonymous joiners included, with no sign-in) reads the framework, the current item and its
// time, the break state and the purpose — and nothing about any person. A wrong, replaced or
// expired stage token is a plain 404.
import { CHAT, MEETING_ID, MEETING_START, PEOPLE, TENANT, startMeeting, type MeetingHarness } from '../support/meetingHarness';
import { namedMeetingEvent } from '../services/voicesKit';
import { bodyOf, OUTCOME, setUpSession, TabClient, type StageJson } from './tabApiKit';

let m: MeetingHarness;
let tab: TabClient;
let sessionKey: string;

beforeEach(async () => {
  m = await startMeeting();
  tab = new TabClient(m);
  sessionKey = await setUpSession(m);
  await m.meetingEvent('start', { casing: 'camel' });
  await m.settle();
});
afterEach(() => m.stop());

interface StageLinkJson {
  readonly path: string;
  readonly expiresAt: string;
}

async function stageLink(who: 'fola' | 'pria' | 'ash', method: 'GET' | 'POST' = 'GET'): Promise<{ status: number; body: StageLinkJson }> {
  const response = await fetch(`${m.running.url}/api/tab/stage-link`, { method, headers: await tab.headers(who) });
  return { status: response.status, body: (await response.json()) as StageLinkJson };
}

function tokenOf(link: StageLinkJson): string {
  return new URLSearchParams(link.path.split('?')[1]).get('stage') ?? '';
}

/** What the stage page does: no sign-in, just the token from its own URL. */
function readStage(token: string, etag?: string): Promise<Response> {
  return fetch(`${m.running.url}/api/stage/${encodeURIComponent(token)}`, { headers: etag ? { 'if-none-match': etag } : {} });
}

test('a facilitator gets a stage link that opens the stage without any sign-in', async () => {
  const link = await stageLink('fola');
  expect(link.status).toBe(200);
  expect(link.body.path).toMatch(/^\/tab\/\?view=stage&stage=[\w-]{43}$/);
  const response = await readStage(tokenOf(link.body));
  expect(response.status).toBe(200);
  const stage = await bodyOf<StageJson>(response);
  expect(stage.purpose).toBe(OUTCOME);
  expect(stage.state).toBe('running');
  expect(stage.current.title).toBe(stage.agenda[0].title);
  expect(stage.current.remainingSeconds).toBe(stage.agenda[0].minutes * 60);
  expect(Date.parse(stage.current.endsAt ?? '')).toBe(MEETING_START.getTime() + stage.agenda[0].minutes * 60_000);
  expect(stage.nextBreak.title).toBe('Break');
});

test('every facilitator shares the same link; attendees cannot get or rotate it', async () => {
  const fola = await stageLink('fola');
  const pria = await stageLink('pria');
  expect(pria.body.path).toBe(fola.body.path);
  expect((await stageLink('ash')).status).toBe(403);
  expect((await stageLink('ash', 'POST')).status).toBe(403);
  expect((await readStage(tokenOf(fola.body))).status).toBe(200);
});

test('the stage payload holds no names and no ids of people, however much the session knows about them', async () => {
  await namedMeetingEvent(m, 'join', ['ash', 'gabi', 'cal'], 'camel');
  await m.say('fola', 'here Jo Bloggs on the phone');
  await m.press('ash', 'unsaid.send', { sessionKey, unsaidText: 'My neighbour Rowan Birch helped me' });
  m.clock.advance(11 * 60_000);
  await m.settle();
  // The facilitators' own view does hold names, so the stage leaving them out is a choice, not luck.
  const quiet = JSON.stringify((await tab.view('fola')).facilitator?.quietVoices);
  expect(quiet).toContain('Jo Bloggs');
  expect(quiet).toContain(PEOPLE.ash.name);
  const token = tokenOf((await stageLink('fola')).body);
  const text = await (await readStage(token)).text();
  const forbidden = [
    ...Object.values(PEOPLE).flatMap((p) => [p.name, p.name.split(' ')[0], p.id, p.aadObjectId]),
    'Jo Bloggs',
    'Rowan Birch',
    'Sam on 0100', // the safeguarding contact is for the panel and cards, not a shared screen
    TENANT,
    MEETING_ID,
    CHAT,
    sessionKey,
    token,
  ];
  for (const secret of forbidden) expect(text).not.toContain(secret);
  const stage = JSON.parse(text) as StageJson;
  expect(Object.keys(stage).sort()).toEqual(['agenda', 'current', 'nextBreak', 'purpose', 'serverTime', 'state', 'version']);
  for (const item of stage.agenda) expect(Object.keys(item).every((k) => ['id', 'kind', 'title', 'minutes', 'question'].includes(k))).toBe(true);
});

test('a wrong or malformed stage token is a plain 404', async () => {
  await stageLink('fola');
  for (const token of ['A'.repeat(43), 'not-a-token', '../session', '']) {
    const response = await fetch(`${m.running.url}/api/stage/${encodeURIComponent(token)}`);
    expect(response.status).toBe(404);
    const body = await response.text();
    expect(body).not.toContain(OUTCOME);
    if (token !== '') expect(JSON.parse(body)).toEqual({ code: 'NotFound', message: 'There is nothing here.' });
  }
});

test('the token expires two hours after the meeting’s scheduled end', async () => {
  const link = await stageLink('fola');
  const scheduledEnd = MEETING_START.getTime() + 120 * 60_000;
  expect(Date.parse(link.body.expiresAt)).toBe(scheduledEnd + 2 * 3600_000);
  const token = tokenOf(link.body);
  m.clock.set(new Date(scheduledEnd + 2 * 3600_000 - 1000));
  expect((await readStage(token)).status).toBe(200);
  m.clock.set(new Date(scheduledEnd + 2 * 3600_000 + 1000));
  expect((await readStage(token)).status).toBe(404);
  // A facilitator who asks afterwards (signed in again) gets a fresh link; the old one stays dead.
  tab.forgetTokens();
  const fresh = await stageLink('fola');
  expect(fresh.body.path).not.toBe(link.body.path);
  expect((await readStage(tokenOf(fresh.body))).status).toBe(200);
  expect((await readStage(token)).status).toBe(404);
});

test('rotating the link retires the old token at once', async () => {
  const old = await stageLink('fola');
  const rotated = await stageLink('pria', 'POST');
  expect(rotated.status).toBe(200);
  expect(rotated.body.path).not.toBe(old.body.path);
  expect((await readStage(tokenOf(old.body))).status).toBe(404);
  expect((await readStage(tokenOf(rotated.body))).status).toBe(200);
  expect((await stageLink('fola')).body.path).toBe(rotated.body.path);
});

test('the stage answers 304 until the session moves on, and shows a break as a break', async () => {
  const token = tokenOf((await stageLink('fola')).body);
  const first = await readStage(token);
  const etag = first.headers.get('etag') ?? '';
  m.clock.advance(30_000);
  expect((await readStage(token, etag)).status).toBe(304);
  await m.say('fola', 'break 10');
  const onBreak = await readStage(token, etag);
  expect(onBreak.status).toBe(200);
  const stage = await bodyOf<StageJson>(onBreak);
  expect(stage.state).toBe('onBreak');
  expect(stage.current.remainingSeconds).toBe(600);
  await m.say('fola', 'pause');
  expect((await bodyOf<StageJson>(await readStage(token))).state).toBe('paused');
});
