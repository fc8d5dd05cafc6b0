// With a bot identity, /api/messages accepts only activities signed by the Bot Framework.
// Every refusal is a 401 with a plain body: no token, a forged signature, `alg: none`, HS256,
// an expired token, a token for another bot. A correctly signed token passes, which proves the
// refusals come from the signature checks and not from something else failing.
import { SignJWT } from 'jose';
import { startBotFrameworkKeys, KEY_ID, type BotFrameworkKeys } from '../support/botFrameworkKeys';
import { postActivity, startApp, teamsActivity, type RunningApp } from '../support/appHarness';

const BOT_ID = '8a0c6ad7-1111-4c5e-9e0b-0000000000b0';
const TENANT = '11111111-1111-1111-1111-111111111111';
const SERVICE_URL = 'https://smba.trafficmanager.net/teams/';

let running: RunningApp;
let keys: BotFrameworkKeys;

beforeAll(async () => {
  // botbuilder prints refused tokens' details to console.error; the app withholds them (log-scrub test).
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  keys = await startBotFrameworkKeys();
  running = await startApp({
    COPRODUCE_MODE: 'production',
    HOST: '127.0.0.1',
    BOT_ID,
    BOT_PASSWORD: 'not-a-real-secret',
    BOT_TENANT_ID: TENANT,
    PSEUDONYM_KEY: 'a-test-pseudonym-key-of-32-characters!!',
    ALLOW_SQLITE_SINGLE_INSTANCE: '1',
    BOT_OPENID_METADATA_URL: keys.metadataUrl,
  });
});
afterAll(async () => {
  await running.stop();
  await keys.close();
});

/** An activity that makes the bot do nothing visible (a group message with no @mention). */
const quietActivity = () =>
  teamsActivity(SERVICE_URL, {
    text: 'just chatting',
    conversation: { id: '19:chat@thread.v2', conversationType: 'groupChat', isGroup: true, tenantId: TENANT },
  });

function token(options: { serviceUrl?: string; audience?: string; expiresIn?: string; forged?: boolean } = {}): Promise<string> {
  const { serviceUrl = SERVICE_URL, audience = BOT_ID, expiresIn, forged } = options;
  return keys.sign({ audience, serviceUrl, expiresIn }, forged);
}

function unsignedToken(): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ iss: 'https://api.botframework.com', aud: BOT_ID, serviceurl: SERVICE_URL, iat: now, exp: now + 600 })}.`;
}

async function hs256Token(): Promise<string> {
  return new SignJWT({ serviceurl: SERVICE_URL })
    .setProtectedHeader({ alg: 'HS256', kid: KEY_ID })
    .setIssuer('https://api.botframework.com')
    .setAudience(BOT_ID)
    .setExpirationTime('10m')
    .sign(new TextEncoder().encode('a-shared-secret-an-attacker-chose-000000'));
}

async function expectRefused(authorization: string | undefined): Promise<void> {
  const response = await postActivity(running.url, quietActivity(), authorization ? { authorization } : {});
  expect(response.status).toBe(401);
  const body = await response.text();
  expect(JSON.parse(body)).toEqual({ code: 'Unauthorized', message: 'This request is not signed by the Bot Framework.' });
}

test('a correctly signed activity is accepted (control for the refusals below)', async () => {
  const response = await postActivity(running.url, quietActivity(), { authorization: `Bearer ${await token()}` });
  expect(response.status).toBe(200);
});

test('no token: 401', () => expectRefused(undefined));
test('a token signed by another key with the same key id: 401', async () => expectRefused(`Bearer ${await token({ forged: true })}`));
test('an unsigned token (alg none): 401', () => expectRefused(`Bearer ${unsignedToken()}`));
test('an HS256 token: 401', async () => expectRefused(`Bearer ${await hs256Token()}`));
test('an expired token: 401', async () => expectRefused(`Bearer ${await token({ expiresIn: '-1h' })}`));
test('a token for another bot: 401', async () => expectRefused(`Bearer ${await token({ audience: 'another-bot' })}`));
test('a token whose serviceurl claim differs from the activity: 401', async () =>
  expectRefused(`Bearer ${await token({ serviceUrl: 'https://smba.trafficmanager.net/emea/' })}`));
test('a garbage bearer value: 401', () => expectRefused('Bearer not.a.token'));

test('the refusals left no library internals in the logs', () => {
  const logs = running.logs.join('');
  expect(logs).not.toMatch(/invalid signature|BEGIN PUBLIC KEY|Available keys|jwks|openid/i);
});
