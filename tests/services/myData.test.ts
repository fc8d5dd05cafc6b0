// `my data` in Teams: each person sees only what is kept about them, privately (their 1:1 chat,
// or their own invoke response in the meeting chat); the download is a one-time link that
// expires; erasure asks first, then removes their rows and leaves the consent chain verifiable.
import { sealPending, verifyChain } from '../../bot/core/consentChain';
import { CONSENT_TABLE } from '../../bot/core/consentLedger';
import { personRowKey } from '../../bot/core/consentPeople';
import { eventsOfSubject } from '../../bot/core/consentRecords';
import { ATTENDANCE_TABLE } from '../../bot/core/attendance';
import { PURPOSE_ANSWERS_TABLE } from '../../bot/core/purposeAnswers';
import { answerPartition, SENSE_ANSWERS_TABLE } from '../../bot/core/senseCheck';
import { expectValidTeamsCard } from '../support/cardChecks';
import { CHAT, MEETING_ID, MEETING_START, PEOPLE, cardOf, personalChatOf, startMeeting, textOf, type MeetingHarness } from '../support/meetingHarness';
import { rowsOf, seedAttendance, seedConsent, seedPurposeAnswer, seedSenseAnswer, seedSession } from '../http/withdrawalKit';

const PUBLIC = 'https://coproduce.example.org';
const ASH_WORDS = 'Nobody told us the lift at Rowan House was broken';
const GABI_WORDS = 'Gabi says the forms at Kestrel Court are too long';

let m: MeetingHarness;
let sessionKey: string;
let ash: { who: string; subjectId: string };
let gabi: { who: string; subjectId: string };

beforeEach(async () => {
  m = await startMeeting({ env: { PUBLIC_URL: PUBLIC } });
  const store = m.running.app.store;
  const now = m.clock.now();
  sessionKey = await seedSession(store, MEETING_ID, CHAT, MEETING_START, 'Make the building easier to get around');
  ash = await seedConsent(store, sessionKey, PEOPLE.ash, { recording: 'agree', quoted: 'agree' }, now);
  gabi = await seedConsent(store, sessionKey, PEOPLE.gabi, { recording: 'agree' }, now);
  await seedAttendance(store, sessionKey, PEOPLE.ash, now);
  await seedAttendance(store, sessionKey, PEOPLE.gabi, now);
  await seedSenseAnswer(store, sessionKey, 'check-1', 'We heard the lift is a problem', PEOPLE.ash, 'disagree', ASH_WORDS, now);
  await seedSenseAnswer(store, sessionKey, 'check-2', 'We heard the forms are a problem', PEOPLE.gabi, 'agree', GABI_WORDS, now);
  await seedPurposeAnswer(store, sessionKey, PEOPLE.ash, 'Ash wanted more time', now);
});
afterEach(() => m.stop());

function meetingChatText(): string {
  return m.sent(CHAT).map((call) => textOf(call.body)).join('\n');
}

async function myDataInPersonalChat(who: 'ash' | 'gabi'): Promise<Record<string, unknown>> {
  await m.openPersonalChats(who);
  const before = m.sent(personalChatOf(who)).length;
  expect((await m.say(who, 'my data', { personal: true })).status).toBe(200);
  const reply = m.sent(personalChatOf(who)).slice(before).map(cardOf).find((card) => card !== undefined);
  if (!reply) throw new Error('no card in the 1:1 chat');
  return reply;
}

function buttons(card: unknown): { verb: string; data: Record<string, unknown> }[] {
  const out: { verb: string; data: Record<string, unknown> }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const r = node as Record<string, unknown>;
      if (r.type === 'Action.Execute') out.push({ verb: String(r.verb), data: (r.data ?? {}) as Record<string, unknown> });
      Object.values(r).forEach(walk);
    }
  };
  walk(card);
  return out;
}

test('"my data" in a 1:1 chat shows the person their own data only, with download and delete', async () => {
  const card = await myDataInPersonalChat('ash');
  expectValidTeamsCard(card);
  const text = textOf(card);
  expect(text).toContain('What Coproduce keeps about you');
  expect(text).toContain('Recording the meeting (video and sound)');
  expect(text).toContain('Your answers when we checked what we heard: 1.');
  expect(text).toContain('Make the building easier to get around');
  expect(text).toContain('We know how to send you private messages in Teams.');
  expect(text).toContain('Anonymous notes.');
  for (const other of [GABI_WORDS, 'Gabi']) expect(text).not.toContain(other);
  // In a 1:1 chat buttons carry no session (there they would count as a facilitator's card).
  expect(buttons(card).map((b) => [b.verb, b.data.sessionKey])).toEqual([['myData.export', undefined], ['myData.erase', undefined]]);
});

test('in the meeting chat the typed command gets only a button; the data comes back to the presser alone', async () => {
  await m.say('ash', 'my data');
  const posted = m.sent(CHAT).map(cardOf).filter(Boolean);
  expect(posted).toHaveLength(1);
  expectValidTeamsCard(posted[0]);
  const [show] = buttons(posted[0]);
  expect(show).toEqual({ verb: 'myData.show', data: { sessionKey } });

  const pressed = await m.press('ash', 'myData.show', { ...show.data, who: gabi.who });
  expect(pressed.body?.statusCode).toBe(200);
  expectValidTeamsCard(pressed.body?.value);
  const text = textOf(pressed.body?.value);
  expect(text).toContain('Your answers when we checked what we heard: 1.');
  expect(text).toContain('To download it, type my data in your private chat with Coproduce.');
  expect(text).not.toContain(GABI_WORDS);
  // No download from a shared chat; delete is offered and names this chat's session.
  expect(buttons(pressed.body?.value).map((b) => [b.verb, b.data.sessionKey])).toEqual([['myData.erase', sessionKey]]);

  // Gabi pressing the same public button sees Gabi's data, whatever the card data says.
  const gabiView = textOf((await m.press('gabi', 'myData.show', { sessionKey, who: ash.who })).body?.value);
  expect(gabiView).not.toContain('Your answers when we checked what we heard: 0');
  expect(gabiView).toContain('Your answers when we checked what we heard: 1.');
  expect(gabiView).not.toContain('Ash');

  const refused = await m.press('ash', 'myData.export', { sessionKey });
  expect(refused.body?.statusCode).toBe(403);
  await m.settle();
  const chat = meetingChatText();
  for (const secret of [ASH_WORDS, GABI_WORDS, 'Ash Tester', 'Gabi Tester', 'Recording the meeting', '/my-data/download']) expect(chat).not.toContain(secret);
});

test('the download link works once, only for this person, and expires after 15 minutes', async () => {
  await m.openPersonalChats('ash');
  const pressed = await m.press('ash', 'myData.export', {}, { personal: true });
  const card = pressed.body?.value;
  expectValidTeamsCard(card);
  expect(textOf(card)).toContain('This link works once, for 15 minutes.');
  const link = JSON.stringify(card).match(/https:\/\/coproduce\.example\.org(\/my-data\/download\?code=[A-Za-z0-9_-]{43})/);
  if (!link) throw new Error('no download link in the card');
  const local = `${m.running.url}${link[1]}`;

  const download = await fetch(local);
  expect(download.status).toBe(200);
  expect(download.headers.get('content-disposition')).toMatch(/^attachment/);
  expect(download.headers.get('cache-control')).toBe('no-store');
  const body = await download.text();
  expect(body).toContain(ASH_WORDS);
  expect(body).toContain('Ash wanted more time');
  expect(body).not.toContain(GABI_WORDS);
  expect(body).not.toContain(gabi.subjectId);

  const second = await fetch(local);
  expect(second.status).toBe(404);
  expect(await second.text()).toContain('Each download link works once, for 15 minutes.');

  const fresh = JSON.stringify((await m.press('ash', 'myData.export', {}, { personal: true })).body?.value).match(/(\/my-data\/download\?code=[A-Za-z0-9_-]{43})/);
  m.clock.advance(15 * 60_000 + 1000);
  expect((await fetch(`${m.running.url}${fresh?.[1]}`)).status).toBe(404);

  const logs = m.running.logs.join('\n');
  expect(logs).not.toContain(link[1].split('=')[1]);
  expect(logs).not.toContain(ASH_WORDS);
});

test('erasing from the 1:1 chat asks first, then removes the person\'s rows and keeps the chain verifiable', async () => {
  const store = m.running.app.store;
  await sealPending(store, sessionKey, m.clock.now());
  await m.openPersonalChats('ash');

  const asked = await m.press('ash', 'myData.erase', {}, { personal: true });
  expectValidTeamsCard(asked.body?.value);
  expect(textOf(asked.body?.value)).toContain('Delete your data?');
  expect(buttons(asked.body?.value).map((b) => [b.verb, b.data])).toEqual([['myData.erase', { confirm: 'yes' }], ['myData.show', {}]]);
  expect(await store.get(CONSENT_TABLE, sessionKey, personRowKey(ash.who))).toBeDefined();

  const done = await m.press('ash', 'myData.erase', { confirm: 'yes' }, { personal: true });
  expectValidTeamsCard(done.body?.value);
  const text = textOf(done.body?.value);
  expect(text).toContain('Your data has been deleted');
  expect(text).toContain('Teams recordings and transcripts.');
  expect(text).toContain('Backups.');

  expect(await store.get(CONSENT_TABLE, sessionKey, personRowKey(ash.who))).toBeUndefined();
  expect((await store.get(CONSENT_TABLE, sessionKey, `erased|${ash.subjectId}`))?.props).toEqual({ erasedAt: m.clock.now().toISOString() });
  expect(await verifyChain(store, sessionKey)).toMatchObject({ ok: true });
  const withdrawn = (await eventsOfSubject(store, sessionKey, ash.subjectId)).filter((e) => e.kind === 'withdraw');
  expect(withdrawn.map((e) => [e.scope, e.method])).toEqual([['recording', 'personalChat'], ['quoted', 'personalChat']]);
  expect((await rowsOf(store, ATTENDANCE_TABLE, sessionKey)).map((r) => r.props.name)).toEqual(['Gabi Tester']);
  expect(await rowsOf(store, SENSE_ANSWERS_TABLE, answerPartition(sessionKey, 'check-1'))).toEqual([]);
  expect(await rowsOf(store, SENSE_ANSWERS_TABLE, answerPartition(sessionKey, 'check-2'))).toHaveLength(1);
  expect(await rowsOf(store, PURPOSE_ANSWERS_TABLE, sessionKey)).toEqual([]);
  expect(await store.get(CONSENT_TABLE, sessionKey, personRowKey(gabi.who))).toBeDefined();

  // Afterwards "my data" finds no session data; writing to the bot again makes only a new 1:1 chat row.
  const after = textOf(await myDataInPersonalChat('ash'));
  expect(after).not.toMatch(/Session on|Recording the meeting|Your answers/);
  expect(after).toContain('We know how to send you private messages in Teams.');
  await m.settle();
  const logs = m.running.logs.join('\n');
  for (const secret of [ASH_WORDS, 'Ash Tester', ash.who, ash.subjectId, PEOPLE.ash.aadObjectId]) expect(logs).not.toContain(secret);
});

test('erasing from the invoke response in the meeting chat withdraws by card and tells the chat nothing', async () => {
  const store = m.running.app.store;
  const done = await m.press('gabi', 'myData.erase', { sessionKey, confirm: 'yes' });
  expect(textOf(done.body?.value)).toContain('Your data has been deleted');
  const withdrawn = (await eventsOfSubject(store, sessionKey, gabi.subjectId)).filter((e) => e.kind === 'withdraw');
  expect(withdrawn.map((e) => [e.scope, e.method])).toEqual([['recording', 'card']]);
  expect(await store.get(CONSENT_TABLE, sessionKey, personRowKey(gabi.who))).toBeUndefined();
  expect(await store.get(CONSENT_TABLE, sessionKey, personRowKey(ash.who))).toBeDefined();
  await m.settle();
  for (const secret of [GABI_WORDS, 'Gabi Tester', 'deleted']) expect(meetingChatText()).not.toContain(secret);
});

test('without a public address the download says so plainly and makes no link', async () => {
  const local = await startMeeting();
  try {
    await local.openPersonalChats('ash');
    const pressed = await local.press('ash', 'myData.export', {}, { personal: true });
    expectValidTeamsCard(pressed.body?.value);
    expect(textOf(pressed.body?.value)).toContain('Downloads are not set up on this server yet.');
    expect(JSON.stringify(pressed.body?.value)).not.toContain('/my-data/download');
  } finally {
    await local.stop();
  }
});
