// Through the real HTTP endpoint with Teams-shaped activities: the bot welcomes once when
// installed, answers commands, stays silent in shared chats unless @mentioned, reads meeting
// events in both casings, and never calls a service address that is not allowed.
import { createDispatcher } from '../../bot/services/dispatcher';
import { startFakeConnector, type ConnectorCall, type FakeConnector } from '../support/fakeConnector';
import { postActivity, startApp, teamsActivity, type RunningApp } from '../support/appHarness';

let running: RunningApp;
let connector: FakeConnector;

beforeAll(async () => {
  connector = await startFakeConnector();
  running = await startApp();
});
afterAll(async () => {
  await running.stop();
  await connector.close();
});
beforeEach(() => connector.reset());

const BOT = { id: '28:coproduce-bot', name: 'Coproduce' };
const GROUP = { id: '19:meeting-chat@thread.v2', conversationType: 'groupChat', isGroup: true, tenantId: '11111111-1111-1111-1111-111111111111' };

function cardOf(call: ConnectorCall): Record<string, unknown> {
  const body = call.body as { attachments?: Array<{ contentType: string; content: Record<string, unknown> }> };
  const attachment = body.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
  if (!attachment) throw new Error('expected an Adaptive Card');
  return attachment.content;
}

function cardText(card: unknown): string {
  return JSON.stringify(card);
}

function mention(text: string) {
  return {
    text: `<at>Coproduce</at> ${text}`,
    entities: [{ type: 'mention', mentioned: BOT, text: '<at>Coproduce</at>' }],
  };
}

async function send(activity: Record<string, unknown>): Promise<Response> {
  const response = await postActivity(running.url, teamsActivity(connector.url, { recipient: BOT, ...activity }));
  expect(response.status).toBeLessThan(300);
  return response;
}

/** Gives the bot a moment to (wrongly) send something, so "no call" assertions mean something. */
async function settle(): Promise<void> {
  await new Promise((r) => setTimeout(r, 300));
}

test('installing the app posts a plain-English welcome, once per conversation', async () => {
  const install = { type: 'installationUpdate', action: 'add', conversation: GROUP };
  await send(install);
  await send(install);
  await send({ type: 'conversationUpdate', conversation: GROUP, membersAdded: [BOT] });
  await settle();
  const posts = connector.calls.filter((c) => c.method === 'POST');
  expect(posts).toHaveLength(1);
  const card = cardText(cardOf(posts[0]));
  expect(card).toContain('Welcome to Coproduce');
  expect(card).toContain('Nothing in this chat is private');
  expect(card).toContain('@Coproduce help');
});

test('the welcome in a personal chat says the chat is private to the person', async () => {
  await send({ type: 'installationUpdate', action: 'add', conversation: { id: 'a:personal-sam', conversationType: 'personal' } });
  const [call] = await connector.waitForCalls(1);
  expect(cardText(cardOf(call))).toContain('just between you and Coproduce');
});

test('help in a personal chat answers with the help card listing the whole vocabulary', async () => {
  await send({ text: 'help' });
  const [call] = await connector.waitForCalls(1);
  const card = cardText(cardOf(call));
  for (const word of ['setup', 'purpose', 'consent', 'break [minutes]', 'next', 'recap', 'sense check <statement>', 'note <text>', 'unsaid', 'wrap up', 'digest', 'my data', 'help']) {
    expect(card).toContain(word);
  }
  expect(call.conversationId).toBe('a:personal-alex');
});

test('an unknown command gets the help card with a short "did not understand" line', async () => {
  await send({ text: 'make me a sandwich' });
  const [call] = await connector.waitForCalls(1);
  expect(cardText(cardOf(call))).toContain('did not understand');
});

test('in a group chat a message without an @mention gets no reply and no outbound call', async () => {
  await send({ text: 'help', conversation: GROUP });
  await settle();
  expect(connector.calls).toHaveLength(0);
});

test('in a group chat an @mention makes a command', async () => {
  await send({ ...mention('help'), conversation: GROUP });
  const [call] = await connector.waitForCalls(1);
  expect(call.conversationId).toBe(GROUP.id);
  expect(cardText(cardOf(call))).toContain('What you can ask Coproduce');
});

test('a mention of someone else is not a command', async () => {
  await send({
    text: '<at>Sam</at> help',
    entities: [{ type: 'mention', mentioned: { id: '29:user-sam', name: 'Sam' }, text: '<at>Sam</at>' }],
    conversation: GROUP,
  });
  await settle();
  expect(connector.calls).toHaveLength(0);
});

test('every command and every button in the permission table has a handler, or the app would not start', async () => {
  expect(() => createDispatcher({} as never, [])).toThrow(/No handler for: setup, purpose/);
});

test.each([
  ['PascalCase', { Id: 'meeting-pascal', Title: 'Design day', MeetingType: 'Scheduled', JoinUrl: 'https://teams.invalid/j', StartTime: '2026-11-25T10:00:00Z' }],
  ['camelCase', { id: 'meeting-camel', title: 'Design day', meetingType: 'Scheduled', joinUrl: 'https://teams.invalid/j', startTime: '2026-11-25T10:00:00Z' }],
])('a meeting start event in %s posts the neutral "set up this session" card once', async (_casing, value) => {
  const event = { type: 'event', name: 'application/vnd.microsoft.meetingStart', conversation: GROUP, value };
  await send(event);
  await send(event); // Teams retries slow turns; the card must not appear twice
  await running.app.sender.drainOnce();
  await settle();
  const posts = connector.calls.filter((c) => c.method === 'POST');
  expect(posts).toHaveLength(1);
  const card = cardText(cardOf(posts[0]));
  expect(card).toContain('No co-production session has been set up');
  expect(card).not.toContain('Alex');
});

test('a card button with an unknown verb gets a plain error, seen only by the presser', async () => {
  const response = await send({
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb: 'steal.everything', data: {} }, trigger: 'manual' },
  });
  const body = (await response.json()) as { statusCode?: number; type: string; value: { message?: string } };
  expect(body).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error' });
  expect(body.value.message).toMatch(/not recognised/);
  expect(connector.calls).toHaveLength(0);
});

test('the help button on the welcome card answers with the help card in the invoke response', async () => {
  const response = await send({
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb: 'help.show', data: {} }, trigger: 'manual' },
  });
  const body = (await response.json()) as { statusCode?: number; type: string; value: { message?: string } };
  expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
  expect(JSON.stringify(body.value)).toContain('What you can ask Coproduce');
});

test('an activity whose serviceUrl is not a Teams address is refused and nothing is sent there', async () => {
  const response = await postActivity(running.url, teamsActivity('https://attacker.example/', { recipient: BOT, text: 'help' }));
  expect(response.status).toBe(403);
  expect(JSON.stringify(await response.json())).not.toContain('attacker');
  await settle();
  expect(connector.calls).toHaveLength(0);
});
