// The real server process, driven through a scripted conversation full of known names, ids and
// free text, must not print any of them: not in our logs, not in botbuilder's own error output.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startFakeConnector, type FakeConnector } from './support/fakeConnector';
import { startBotFrameworkKeys, type BotFrameworkKeys } from './support/botFrameworkKeys';
import { postActivity } from './support/appHarness';
import { freePort } from './support/freePort';

const SECRETS = {
  name: 'Zebedee Quartermaine',
  userId: '29:secret-user-zq-4471',
  aad: '7d3f0a52-9c1e-4b7a-8e2d-51f0c9a8b3e6',
  conversation: '19:secret-conversation-zq@thread.v2',
  meeting: 'MCMxOTpzZWNyZXQtbWVldGluZy16cQ==',
  text: 'my private story about Bramble Cottage',
  tenant: '3e9b1c7a-2f44-4d1b-9a6e-0c5d8f7b2a19',
};

interface Child {
  readonly url: string;
  readonly output: () => string;
  stop(): Promise<void>;
}

async function startServer(env: Record<string, string>): Promise<Child> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coproduce-scrub-'));
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['-r', './tests/support/registerTs.js', 'bot/main.ts'], {
    cwd: path.join(__dirname, '..'),
    env: { PATH: process.env.PATH ?? '', PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'trace', ...env },
  });
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (await fetch(`${url}/healthz`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    output: () => output,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function activity(serviceUrl: string, overrides: Record<string, unknown>) {
  return {
    type: 'message',
    id: 'act-1',
    channelId: 'msteams',
    serviceUrl,
    from: { id: SECRETS.userId, name: SECRETS.name, aadObjectId: SECRETS.aad },
    recipient: { id: '28:coproduce-bot', name: 'Coproduce' },
    conversation: { id: SECRETS.conversation, conversationType: 'groupChat', isGroup: true, tenantId: SECRETS.tenant },
    channelData: { tenant: { id: SECRETS.tenant }, meeting: { id: SECRETS.meeting } },
    ...overrides,
  };
}

function expectScrubbed(output: string): void {
  expect(output.length).toBeGreaterThan(0); // it did log something
  for (const [what, value] of Object.entries(SECRETS)) {
    if (output.includes(value)) throw new Error(`the ${what} appeared in the server's output`);
  }
  expect(output).not.toMatch(/BEGIN (RSA )?PUBLIC KEY|Bramble|Zebedee/);
}

let connector: FakeConnector;
let keys: BotFrameworkKeys;
beforeAll(async () => {
  connector = await startFakeConnector();
  keys = await startBotFrameworkKeys();
});
afterAll(async () => {
  await connector.close();
  await keys.close();
});

test('a scripted local conversation leaves no names, ids or free text in stdout or stderr', async () => {
  const server = await startServer({ COPRODUCE_MODE: 'local' });
  try {
    const mention = { entities: [{ type: 'mention', mentioned: { id: '28:coproduce-bot' }, text: '<at>Coproduce</at>' }] };
    await postActivity(server.url, activity(connector.url, { type: 'installationUpdate', action: 'add' }));
    await postActivity(server.url, activity(connector.url, { text: `<at>Coproduce</at> help ${SECRETS.text}`, ...mention }));
    await postActivity(server.url, activity(connector.url, { text: `<at>Coproduce</at> ${SECRETS.text}`, ...mention }));
    await postActivity(server.url, activity(connector.url, { text: SECRETS.text }));
    await postActivity(server.url, activity(connector.url, { type: 'event', name: 'application/vnd.microsoft.meetingStart', value: { Id: SECRETS.meeting, Title: SECRETS.text, StartTime: new Date().toISOString() } }));
    await postActivity(server.url, activity(connector.url, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: SECRETS.text, data: { note: SECRETS.text } } } }));
    await postActivity(server.url, activity(`https://${SECRETS.name.replace(' ', '')}.example/`, { text: 'help' }));
    await postActivity(server.url, `{"type":"message","text":"${SECRETS.text}"`);
    await connector.waitForCalls(3);
    expect(connector.calls.length).toBeGreaterThanOrEqual(3); // the conversation really happened
  } finally {
    await server.stop();
  }
  expectScrubbed(server.output());
});

test("botbuilder's own output for refused tokens is withheld too", async () => {
  const botId = '8a0c6ad7-1111-4c5e-9e0b-0000000000b0';
  const serviceUrl = 'https://smba.trafficmanager.net/teams/';
  const server = await startServer({
    BOT_ID: botId,
    BOT_PASSWORD: 'not-a-real-secret',
    BOT_TENANT_ID: SECRETS.tenant,
    PSEUDONYM_KEY: 'a-test-pseudonym-key-of-32-characters!!',
    ALLOW_SQLITE_SINGLE_INSTANCE: '1',
    HOST: '127.0.0.1',
    BOT_OPENID_METADATA_URL: keys.metadataUrl,
  });
  try {
    const forged = await keys.sign({ audience: botId, serviceUrl }, true);
    const expired = await keys.sign({ audience: botId, serviceUrl, expiresIn: '-1h' });
    for (const token of [forged, expired]) {
      const response = await postActivity(server.url, activity(serviceUrl, { text: SECRETS.text }), { authorization: `Bearer ${token}` });
      expect(response.status).toBe(401);
    }
  } finally {
    await server.stop();
  }
  expect(server.output()).toContain('library output withheld');
  expectScrubbed(server.output());
});
