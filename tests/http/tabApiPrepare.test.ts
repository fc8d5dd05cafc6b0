// The Prepare screen's API in a scripted meeting (local mode, development sign-in): facilitators
// save and read back the intention answers, the stakeholder list with its "who is missing?"
// prompts, the payment settings and the organisers' channel; attendees are refused and nothing
// changes; bad bodies get a plain 400 or 413; access needs reach facilitators only, never an
// attendee's view or a chat; and the session view carries the framework editor's facts without
// asking Teams on every poll.
import { sessionsOfConversation } from '../../bot/core/sessionStore';
import { intentionsFor } from '../../bot/services/preparation';
import { purgePreparation, readPreparation } from '../../bot/services/preparationStore';
import { postActivity, teamsActivity } from '../support/appHarness';
import { BOT, CHAT, MEETING_ID, MEETING_START, PEOPLE, TENANT, cardOf, startMeeting, textOf, type MeetingHarness, type PersonName } from '../support/meetingHarness';
import { bodyOf, setUpSession, startSession, TabClient, type ErrorJson, type SessionViewJson } from './tabApiKit';

const CHANNEL = '19:organisers-channel@thread.tacv2';
const PRIVATE_NEED = 'I lip-read, so please face the camera';

let m: MeetingHarness;
let tab: TabClient;

beforeEach(async () => {
  m = await startMeeting();
  tab = new TabClient(m);
});
afterEach(() => m.stop());

async function send(who: PersonName, method: 'GET' | 'PUT', path: string, body?: unknown): Promise<Response> {
  const headers = await tab.headers(who);
  const raw = typeof body === 'string' ? body : body === undefined ? undefined : JSON.stringify(body);
  return fetch(`${m.running.url}${path}`, { method, headers: { ...headers, ...(raw !== undefined ? { 'content-type': 'application/json' } : {}) }, ...(raw !== undefined ? { body: raw } : {}) });
}

interface PreparationJson {
  intentions: { answers: Record<string, { choice?: string; note?: string }>; answered: number; cautions: string[]; version: number };
  stakeholders: { groups: { name: string; coming?: string; represented: string }[]; diversityNote?: string; whoIsMissing: { missing: string[]; underRepresented: number[]; askDiversity: boolean }; version: number };
  payment: { rate?: { currency: string; perHourMinor: number; prepMinutes: number; reminderDays: number; vouchersOffered: boolean }; programme: boolean };
  channels: { options: { id: string; connectedAt: string; chosen: boolean }[]; otherChosen: boolean };
  access: { records: { name?: string; needs: string[]; other?: string; enteredBy: string }[]; people: { id: string; name: string }[] };
}

async function preparation(who: PersonName): Promise<PreparationJson> {
  const response = await send(who, 'GET', '/api/tab/prepare');
  expect(response.status).toBe(200);
  return bodyOf<PreparationJson>(response);
}

/** Everything the bot has sent anywhere (chats, channels, 1:1s), as text. */
function everythingSent(): string {
  return m.sent().map((call) => `${textOf(cardOf(call) ?? call.body)} ${JSON.stringify(call.body)}`).join('\n');
}

function typeInChannel(who: PersonName, text: string): Promise<Response> {
  const person = PEOPLE[who];
  return postActivity(m.running.url, {
    ...teamsActivity(m.fake.url, {}),
    from: { id: person.id, name: person.name, aadObjectId: person.aadObjectId },
    recipient: BOT,
    conversation: { id: CHANNEL, conversationType: 'channel', isGroup: true, tenantId: TENANT },
    channelData: { tenant: { id: TENANT }, team: { id: '19:team@thread.tacv2' }, channel: { id: CHANNEL } },
    text: `<at>Coproduce</at> ${text}`,
    entities: [{ type: 'mention', text: '<at>Coproduce</at>', mentioned: BOT }],
  });
}

describe('who may prepare', () => {
  test('an attendee gets 403 on every Prepare route, and nothing they sent is kept', async () => {
    await setUpSession(m);
    const attempts: [('GET' | 'PUT'), string, unknown][] = [
      ['GET', '/api/tab/prepare', undefined],
      ['PUT', '/api/tab/prepare/intentions', { version: 0, answers: { serious: { choice: 'no' } } }],
      ['PUT', '/api/tab/prepare/stakeholders', { version: 0, groups: [{ name: 'Carers', represented: 'yes' }] }],
      ['PUT', '/api/tab/prepare/payment-rate', { perHourMinor: 1 }],
      ['PUT', '/api/tab/prepare/channel', { channel: 'anything' }],
    ];
    for (const [method, path, body] of attempts) {
      const response = await send('ash', method, path, body);
      expect({ path, status: response.status }).toEqual({ path, status: 403 });
      expect((await bodyOf<ErrorJson>(response)).message).toBe('Only the session’s facilitators can do this.');
    }
    const prepared = await preparation('fola');
    expect(prepared.intentions).toMatchObject({ answers: {}, version: 0 });
    expect(prepared.stakeholders.groups).toEqual([]);
    expect(prepared.payment.rate).toBeUndefined();
  });

  test('without a session there is nothing to prepare yet, and no sign-in is no answer at all', async () => {
    expect((await send('fola', 'GET', '/api/tab/prepare')).status).toBe(404);
    const anonymous = await fetch(`${m.running.url}/api/tab/prepare`, { headers: { 'x-coproduce-chat': CHAT } });
    expect(anonymous.status).toBe(401);
  });
});

describe('the intention questions', () => {
  test('saved answers read back for every facilitator and for other code, with what needs a conversation first', async () => {
    const sessionKey = await setUpSession(m);
    const answers = { serious: { choice: 'yes', note: 'The director asked for this' }, act: { choice: 'partly' }, why: { note: 'Booking transport fails people who cannot phone' }, budget: { choice: 'no' } };
    const saved = await send('fola', 'PUT', '/api/tab/prepare/intentions', { version: 0, answers });
    expect(saved.status).toBe(200);
    expect(await bodyOf(saved)).toMatchObject({ answers, answered: 4, cautions: ['act', 'budget'], version: 1 });

    const seenByPria = await preparation('pria');
    expect(seenByPria.intentions).toMatchObject({ answers, answered: 4, version: 1 });
    const [session] = await sessionsOfConversation(m.running.app.store, CHAT);
    expect((await intentionsFor({ store: m.running.app.store }, session!)).answers).toEqual(answers);
    expect(session?.sessionKey).toBe(sessionKey);
  });

  test('a save from an older page is refused with the newer answers, and overwrites nothing', async () => {
    await setUpSession(m);
    expect((await send('fola', 'PUT', '/api/tab/prepare/intentions', { version: 0, answers: { why: { note: 'First reason' } } })).status).toBe(200);
    const late = await send('pria', 'PUT', '/api/tab/prepare/intentions', { version: 0, answers: { why: { note: 'Second reason' } } });
    expect(late.status).toBe(409);
    const body = await bodyOf<ErrorJson & { current: { answers: unknown; version: number } }>(late);
    expect(body.message).toMatch(/Someone else saved this a moment ago/);
    expect(body.current).toMatchObject({ answers: { why: { note: 'First reason' } }, version: 1 });
    expect((await preparation('fola')).intentions.answers).toEqual({ why: { note: 'First reason' } });
  });

  test('bad bodies are a plain 400, an oversized one a 413, and never a 500', async () => {
    await setUpSession(m);
    const bad: unknown[] = [
      '{not json',
      [],
      { answers: {} },
      { version: -1, answers: {} },
      { version: 0, answers: { serious: { choice: 'maybe' } } },
      { version: 0, answers: { serious: 'yes' } },
    ];
    for (const body of bad) {
      const response = await send('fola', 'PUT', '/api/tab/prepare/intentions', body);
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
      expect((await bodyOf<ErrorJson>(response)).message).toMatch(/^[A-Z].*\.$/);
    }
    const tooLong = await send('fola', 'PUT', '/api/tab/prepare/intentions', { version: 0, answers: { act: { note: 'x'.repeat(501) } } });
    expect(tooLong.status).toBe(400);
    expect((await bodyOf<ErrorJson>(tooLong)).message).toBe('Please keep each answer to 500 characters or fewer.');
    const huge = await send('fola', 'PUT', '/api/tab/prepare/intentions', { version: 0, answers: {}, padding: 'x'.repeat(100_000) });
    expect(huge.status).toBe(413);
    expect((await bodyOf<ErrorJson>(huge)).message).toMatch(/too much to save at once/);
    expect((await preparation('fola')).intentions.version).toBe(0);
  });
});

describe('who should be there', () => {
  test('the list is saved and read back with the groups that are often missing, and under-represented ones', async () => {
    await setUpSession(m);
    const groups = [
      { name: 'Unpaid carers', coming: 'Four from the carers’ centre', represented: 'yes' },
      { name: 'Young people', coming: 'None yet', represented: 'no' },
    ];
    const saved = await send('fola', 'PUT', '/api/tab/prepare/stakeholders', { version: 0, groups, diversityNote: '' });
    expect(saved.status).toBe(200);
    const read = (await preparation('pria')).stakeholders;
    expect(read.groups).toEqual(groups);
    expect(read.whoIsMissing.missing).toEqual(['drawOnCare', 'frontlineStaff', 'decisionMakers', 'seldomHeard', 'livedExperience', 'teamLivedExperience']);
    expect(read.whoIsMissing.underRepresented).toEqual([1]);
    expect(read.whoIsMissing.askDiversity).toBe(true);

    const nameless = await send('fola', 'PUT', '/api/tab/prepare/stakeholders', { version: 1, groups: [{ name: '', coming: 'Three', represented: 'yes' }] });
    expect(nameless.status).toBe(400);
    expect((await bodyOf<ErrorJson>(nameless)).message).toBe('Give each group a name, or clear the row.');
    expect((await send('fola', 'PUT', '/api/tab/prepare/stakeholders', { version: 1, groups: [{ name: 'Carers', represented: 'sometimes' }] })).status).toBe(400);
    expect((await preparation('fola')).stakeholders.groups).toEqual(groups);
  });
});

describe('payment settings', () => {
  test('there is no built-in amount; the organiser’s rate is saved with a 14-day reminder and vouchers off unless chosen', async () => {
    await setUpSession(m);
    expect((await preparation('fola')).payment).toEqual({ programme: false });
    const saved = await send('fola', 'PUT', '/api/tab/prepare/payment-rate', { currency: 'GBP', perHourMinor: 2550 });
    expect(saved.status).toBe(200);
    expect((await preparation('pria')).payment.rate).toMatchObject({ currency: 'GBP', perHourMinor: 2550, prepMinutes: 0, reminderDays: 14, vouchersOffered: false });

    const changed = await send('pria', 'PUT', '/api/tab/prepare/payment-rate', { currency: 'EUR', perHourMinor: 3000, prepMinutes: 30, reminderDays: 7, vouchersOffered: true });
    expect(changed.status).toBe(200);
    expect((await bodyOf<PreparationJson['payment']>(changed)).rate).toMatchObject({ currency: 'EUR', reminderDays: 7, vouchersOffered: true });
  });

  test('a rate that is not a whole number of pence, or a nonsense reminder, is refused in plain words', async () => {
    await setUpSession(m);
    const fraction = await send('fola', 'PUT', '/api/tab/prepare/payment-rate', { perHourMinor: 25.5 });
    expect(fraction.status).toBe(400);
    expect((await bodyOf<ErrorJson>(fraction)).message).toMatch(/hourly rate in pence as a whole number/);
    const never = await send('fola', 'PUT', '/api/tab/prepare/payment-rate', { perHourMinor: 2500, reminderDays: 0 });
    expect((await bodyOf<ErrorJson>(never)).message).toMatch(/number of days before a reminder/);
    expect((await send('fola', 'PUT', '/api/tab/prepare/payment-rate', { perHourMinor: '2500' })).status).toBe(400);
    expect((await preparation('fola')).payment.rate).toBeUndefined();
  });
});

describe('the organisers’ channel', () => {
  test('only a channel the chooser connected is offered; choosing it makes every review offer it', async () => {
    await setUpSession(m);
    expect((await preparation('fola')).channels).toEqual({ options: [], otherChosen: false });
    expect((await typeInChannel('fola', 'connect')).status).toBe(200);
    await m.settle();

    const offered = (await preparation('fola')).channels;
    expect(offered.options).toHaveLength(1);
    expect(offered.options[0]).toMatchObject({ chosen: false, connectedAt: m.clock.now().toISOString() });
    expect(JSON.stringify(offered)).not.toContain(CHANNEL);
    // Pria never connected it: she is not offered it, and cannot choose it by its name.
    expect((await preparation('pria')).channels.options).toEqual([]);
    const stolen = await send('pria', 'PUT', '/api/tab/prepare/channel', { channel: offered.options[0]!.id });
    expect(stolen.status).toBe(400);
    expect((await bodyOf<ErrorJson>(stolen)).message).toMatch(/not one you can choose/);

    const chosen = await send('fola', 'PUT', '/api/tab/prepare/channel', { channel: offered.options[0]!.id });
    expect(chosen.status).toBe(200);
    expect((await bodyOf<PreparationJson['channels']>(chosen)).options[0]).toMatchObject({ chosen: true });
    expect((await preparation('pria')).channels).toEqual({ options: [], otherChosen: true });
    expect((await send('fola', 'PUT', '/api/tab/prepare/channel', {})).status).toBe(400);
  });
});

describe('access needs', () => {
  test('facilitators see what people shared and recorded with agreement; attendees and chats never do', async () => {
    const sessionKey = await startSession(m);
    // Answering a card is how Coproduce learns who someone is (their Teams name comes with it).
    for (const who of ['gabi', 'ash'] as const) expect((await m.press(who, 'purpose.answer', { sessionKey, answer: 'yes' })).body).toMatchObject({ statusCode: 200 });
    const own = await tab.act('ash', 'access.save', { 'need.captions': 'true', 'need.easyRead': 'false', otherNeeds: PRIVATE_NEED });
    expect(own).toMatchObject({ status: 200, body: { ok: true } });

    const people = (await preparation('fola')).access.people;
    const gabi = people.find((p) => p.name === PEOPLE.gabi.name);
    expect(gabi?.id).toBe(PEOPLE.gabi.aadObjectId);
    const withoutAgreement = await tab.act('fola', 'access.recordFor', { forPerson: gabi!.id, 'need.bsl': 'true', theyAgreed: 'false' });
    expect(textOf(withoutAgreement.body.card)).toMatch(/check the person agreed/);
    expect((await tab.act('fola', 'access.recordFor', { forPerson: gabi!.id, 'need.bsl': 'true', theyAgreed: 'true' })).body.ok).toBe(true);

    const records = (await preparation('pria')).access.records;
    expect(records).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: PEOPLE.ash.name, needs: ['captions'], other: PRIVATE_NEED, enteredBy: 'self' }),
        expect.objectContaining({ name: PEOPLE.gabi.name, needs: ['bsl'], enteredBy: 'facilitator' }),
      ]),
    );
    expect(records).toHaveLength(2);

    expect((await send('ash', 'GET', '/api/tab/prepare')).status).toBe(403);
    const attendeeView = JSON.stringify(await tab.view('ash'));
    for (const secret of [PRIVATE_NEED, 'captions', 'bsl']) expect(attendeeView).not.toContain(secret);
    await m.meetingEvent('end', { casing: 'camel' });
    await m.settle();
    const sent = everythingSent();
    expect(sent).not.toContain('lip-read');
    expect(sent).not.toContain(PEOPLE.gabi.aadObjectId);
  });
});

describe('the session view for the framework editor', () => {
  test('facilitators get the agenda version, the meeting length and more breaks; attendees only the version', async () => {
    await startSession(m);
    const facilitator = await tab.view('fola');
    const framework = facilitator.framework as SessionViewJson['framework'] & { agendaVersion?: number; meetingMinutes?: number };
    expect(framework.agendaVersion).toBeGreaterThanOrEqual(1);
    expect(framework.meetingMinutes).toBe(120);
    expect((facilitator.facilitator as { needsMoreBreaks?: boolean }).needsMoreBreaks).toBe(false);
    const attendee = (await tab.view('ash')).framework as { agendaVersion?: number; meetingMinutes?: number };
    expect(attendee.agendaVersion).toBe(framework.agendaVersion);
    expect(attendee.meetingMinutes).toBeUndefined();
  });

  test('polling does not ask Teams for the meeting each time, and a moved meeting shows within a quarter of an hour', async () => {
    const sessionKey = await startSession(m);
    const minutes = async () => (((await tab.view('fola')).framework as { meetingMinutes?: number }).meetingMinutes);
    expect(await minutes()).toBe(120);
    const checkedAt = () => readPreparation(m.running.app.store, sessionKey, 'meetingLength').then((row) => (JSON.parse(row.json ?? '{}') as { checkedAt?: string }).checkedAt);
    const firstCheck = await checkedAt();
    m.directory.setMeetingInfo({ meetingId: MEETING_ID, scheduledStart: MEETING_START.toISOString(), scheduledEnd: new Date(MEETING_START.getTime() + 90 * 60_000).toISOString() });
    m.directory.resetCalls();
    for (let i = 0; i < 10; i++) {
      m.clock.advance(2_000);
      expect(await minutes()).toBe(120);
    }
    // The facilitator check may ask Teams about the meeting's organisers; the length was not asked for again.
    expect(await checkedAt()).toBe(firstCheck);
    expect(m.directory.calls.meetingInfo).toBeLessThanOrEqual(1);
    m.clock.advance(15 * 60_000);
    expect(await minutes()).toBe(90);
    expect(await checkedAt()).not.toBe(firstCheck);
  });

  test('the retention purge’s helper removes every preparation row of the session', async () => {
    const sessionKey = await setUpSession(m);
    await send('fola', 'PUT', '/api/tab/prepare/intentions', { version: 0, answers: { why: { note: 'A reason' } } });
    await send('fola', 'PUT', '/api/tab/prepare/stakeholders', { version: 0, groups: [{ name: 'Carers', represented: 'yes' }] });
    await tab.view('fola');
    const store = m.running.app.store;
    expect(await purgePreparation(store, sessionKey)).toBe(3);
    for (const row of ['intentions', 'stakeholders', 'meetingLength'] as const) expect((await readPreparation(store, sessionKey, row)).version).toBe(0);
    expect(await sessionsOfConversation(store, CHAT)).toHaveLength(1);
  });
});
