// The tab API in production mode accepts only Teams SSO tokens that meet every rule in DESIGN.md
// "Security". Each bad token below is refused with 401 and the same plain body, while the same
// token built correctly is accepted, so every refusal comes from the rule it names. A good token
// for someone outside the meeting is 403. The development sign-in does not exist here, and a
// token it signed elsewhere is refused.
import { SignJWT } from 'jose';
import { saveSetup } from '../../bot/core/sessionStore';
import { startApp, type RunningApp } from '../support/appHarness';
import { CHAT, MEETING_ID, PEOPLE, TENANT } from '../support/meetingHarness';
import { ScriptedMeetingDirectory } from '../support/scriptedMeetingDirectory';
import { bodyOf, type ErrorJson, type SessionViewJson } from './tabApiKit';
import { entraIssuerOf, SSO_KEY_ID, startSsoKeys, TAB_CLIENT_ID, tabClaims, type SsoClaimsInput, type SsoKeys } from './ssoTokenKeys';

const SECOND_TENANT = '22222222-2222-4222-8222-222222222222';
const UNLISTED_TENANT = '33333333-3333-4333-8333-333333333333';
const ANOTHER_APP = 'd00d0000-0000-4000-8000-0000000000ff';
const STRANGER = '00000000-0000-4000-8000-00000000dead';

export const PRODUCTION = {
  COPRODUCE_MODE: 'production',
  HOST: '127.0.0.1',
  BOT_ID: '8a0c6ad7-1111-4c5e-9e0b-0000000000b0',
  BOT_PASSWORD: 'not-a-real-secret',
  BOT_TENANT_ID: TENANT,
  PSEUDONYM_KEY: 'a-test-pseudonym-key-of-32-characters!!',
  ALLOW_SQLITE_SINGLE_INSTANCE: '1',
  TAB_CLIENT_ID,
};

const UNAUTHORIZED = { code: 'Unauthorized', message: 'Sign-in is needed for this request. Please sign in to Teams again.' };

let keys: SsoKeys;
let running: RunningApp;

function meetingDirectory(): ScriptedMeetingDirectory {
  const directory = new ScriptedMeetingDirectory();
  const start = new Date();
  directory.setMeetingInfo({
    meetingId: MEETING_ID,
    scheduledStart: start.toISOString(),
    scheduledEnd: new Date(start.getTime() + 2 * 3600_000).toISOString(),
    organizerAadObjectId: PEOPLE.fola.aadObjectId,
  });
  for (const p of Object.values(PEOPLE)) directory.setParticipant(MEETING_ID, p.aadObjectId, { role: p.role, inMeeting: true });
  return directory;
}

async function withSession(app: RunningApp): Promise<void> {
  const saved = await saveSetup(
    app.app.store,
    { meetingId: MEETING_ID, conversationId: CHAT, occurrenceStart: new Date().toISOString(), purpose: { outcome: 'Shape the new booking service', openToUnexpected: true } },
    { tenantId: TENANT, aadObjectId: PEOPLE.fola.aadObjectId },
    new Date(),
  );
  if (!saved.ok) throw new Error(saved.problems.join(' '));
}

beforeAll(async () => {
  keys = await startSsoKeys();
  running = await startApp(
    { ...PRODUCTION, ALLOWED_TENANTS: `${TENANT},${SECOND_TENANT}` },
    { directory: meetingDirectory(), tabSignIn: { ssoKeysUrl: keys.jwksUrl } },
  );
  await withSession(running);
});
afterAll(async () => {
  await running.stop();
  await keys.close();
});

function getSession(app: RunningApp, authorization?: string): Promise<Response> {
  return fetch(`${app.url}/api/tab/session`, {
    headers: { 'x-coproduce-chat': CHAT, 'x-coproduce-meeting': MEETING_ID, ...(authorization ? { authorization } : {}) },
  });
}

const bearer = async (claims: SsoClaimsInput, options?: { forged?: boolean; now?: Date }) => `Bearer ${await keys.sign(claims, options)}`;
const folaClaims = (overrides: SsoClaimsInput = {}) => tabClaims(TENANT, PEOPLE.fola.aadObjectId, overrides);

function unsigned(claims: SsoClaimsInput): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `Bearer ${part({ alg: 'none', typ: 'JWT' })}.${part({ iat: now, nbf: now, exp: now + 3600, ...claims })}.`;
}

/** The classic confusion attack: an HMAC "signed" with the RSA public key, which anyone has. */
async function hmacWithPublicKey(claims: SsoClaimsInput): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const token = await new SignJWT({ iat: now, nbf: now, exp: now + 3600, ...claims })
    .setProtectedHeader({ alg: 'HS256', kid: SSO_KEY_ID, typ: 'JWT' })
    .sign(new TextEncoder().encode(keys.publicPem));
  return `Bearer ${token}`;
}

/** The reason the last refusal was logged with (the caller only ever sees the plain body). */
function lastRefusal(app: RunningApp): string | undefined {
  const line = [...app.logs].reverse().find((l) => l.includes('tab sign-in refused'));
  return line ? (JSON.parse(line) as { refusal?: string }).refusal : undefined;
}

/** 401 with the plain body, refused for the rule the test names (so not by some other failure). */
async function expectRefused(authorization: string | undefined, reason: string, app: RunningApp = running): Promise<void> {
  const response = await getSession(app, authorization);
  expect(response.status).toBe(401);
  expect(response.headers.get('www-authenticate')).toBe('Bearer');
  expect(await response.json()).toEqual(UNAUTHORIZED);
  expect(lastRefusal(app)).toBe(reason);
}

describe('a correctly built token is accepted (the control for every refusal)', () => {
  test('the organiser who set up the session reads it as a facilitator', async () => {
    const response = await getSession(running, await bearer(folaClaims()));
    expect(response.status).toBe(200);
    const view = await bodyOf<SessionViewJson>(response);
    expect(view.role).toBe('facilitator');
    expect(view.purpose.outcome).toBe('Shape the new booking service');
  });

  test('an attendee reads it as a participant, without the facilitators-only part', async () => {
    const response = await getSession(running, await bearer(tabClaims(TENANT, PEOPLE.ash.aadObjectId)));
    expect(response.status).toBe(200);
    const view = await bodyOf<SessionViewJson>(response);
    expect(view.role).toBe('participant');
    expect(view).not.toHaveProperty('facilitator');
  });

  test('a token that expired two minutes ago is still within the five minutes allowed for clock skew', async () => {
    const response = await getSession(running, await bearer(folaClaims(), { now: new Date(Date.now() - 3600_000 - 120_000) }));
    expect(response.status).toBe(200);
  });
});

describe('every other token is refused with 401 and a plain body', () => {
  test('no Authorization header', () => expectRefused(undefined, 'missing'));
  test('a garbage bearer value', () => expectRefused('Bearer not.a.token', 'malformed'));
  test('random text in the header', () => expectRefused('this is not a token at all', 'malformed'));
  test('another scheme (Basic)', () => expectRefused(`Basic ${Buffer.from('fola:password').toString('base64')}`, 'malformed'));
  test('wrong audience', async () => expectRefused(await bearer(folaClaims({ aud: 'api://someone-else.example/abc' })), 'audience'));
  test('a token for another app registration', async () => expectRefused(await bearer(folaClaims({ aud: ANOTHER_APP })), 'audience'));
  test('wrong issuer', async () => expectRefused(await bearer(folaClaims({ iss: `https://login.example.net/${TENANT}/v2.0` })), 'issuer'));
  test('a tenant that is not allowed', async () =>
    expectRefused(await bearer(tabClaims(UNLISTED_TENANT, PEOPLE.fola.aadObjectId)), 'tenantNotAllowed'));
  test('tid not matching the issuer (both tenants allowed)', async () =>
    expectRefused(await bearer(folaClaims({ iss: entraIssuerOf(SECOND_TENANT) })), 'issuer'));
  test('tid that is not a tenant id', async () => expectRefused(await bearer(folaClaims({ tid: 'contoso', iss: entraIssuerOf('contoso') })), 'tenantId'));
  test('missing access_as_user scope', async () => expectRefused(await bearer(folaClaims({ scp: 'User.Read openid' })), 'scope'));
  test('a scope that only contains the words', async () => expectRefused(await bearer(folaClaims({ scp: 'access_as_user_extra' })), 'scope'));
  test('a v1 token', async () =>
    expectRefused(await bearer(folaClaims({ ver: '1.0', iss: `https://sts.windows.net/${TENANT}/`, aud: `api://coproduce.example/${TAB_CLIENT_ID}` })), 'version'));
  test('a v1-shaped token that claims version 2.0 but names the v1 issuer', async () =>
    expectRefused(await bearer(folaClaims({ iss: `https://sts.windows.net/${TENANT}/` })), 'issuer'));
  test('expired beyond the allowed skew', async () => expectRefused(await bearer(folaClaims(), { now: new Date(Date.now() - 3600_000 - 6 * 60_000) }), 'expired'));
  test('not yet valid beyond the allowed skew', async () => expectRefused(await bearer(folaClaims(), { now: new Date(Date.now() + 10 * 60_000) }), 'claims'));
  test('alg none (unsigned)', () => expectRefused(unsigned(folaClaims()), 'signature'));
  test('HS256 signed with the public key', async () => expectRefused(await hmacWithPublicKey(folaClaims()), 'signature'));
  test('signed by another key under the published key id', async () => expectRefused(await bearer(folaClaims(), { forged: true }), 'signature'));
  test('no object id', async () => expectRefused(await bearer(folaClaims({ oid: undefined })), 'claims'));
});

test('a valid token for someone not in the meeting is 403, with a plain body', async () => {
  const response = await getSession(running, await bearer(tabClaims(TENANT, STRANGER)));
  expect(response.status).toBe(403);
  const body = await bodyOf<ErrorJson>(response);
  expect(body.code).toBe('Forbidden');
  expect(body.message).toMatch(/meetings you are invited to/);
  expect(JSON.stringify(body)).not.toContain('Shape the new booking service');
});

test('the refusals left no tokens, ids or library internals in the logs', () => {
  const logs = running.logs.join('');
  expect(logs).toContain('tab sign-in refused');
  expect(logs).not.toMatch(/eyJ|BEGIN PUBLIC KEY|JWSSignatureVerificationFailed|ERR_J/);
  for (const id of [PEOPLE.fola.aadObjectId, STRANGER, TENANT, UNLISTED_TENANT, CHAT, MEETING_ID]) expect(logs).not.toContain(id);
});

describe('the development sign-in cannot be used in production', () => {
  test('its route does not exist', async () => {
    const response = await fetch(`${running.url}/api/tab/dev-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: PEOPLE.fola.id }),
    });
    expect(response.status).toBe(404);
  });

  test('a token signed by a development key is refused, though its claims are right', async () => {
    const local = await startApp(
      { TAB_CLIENT_ID },
      { tabSignIn: { devSignInRoster: [{ userId: PEOPLE.fola.id, aadObjectId: PEOPLE.fola.aadObjectId, tenantId: TENANT, name: PEOPLE.fola.name }] } },
    );
    try {
      const issued = await fetch(`${local.url}/api/tab/dev-token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId: PEOPLE.fola.id }),
      });
      expect(issued.status).toBe(200);
      const { token } = (await issued.json()) as { token: string };
      await expectRefused(`Bearer ${token}`, 'signature');
    } finally {
      await local.stop();
    }
  });
});

test('production with no allowed tenants listed refuses every token, however good', async () => {
  const open = await startApp(PRODUCTION, { directory: meetingDirectory(), tabSignIn: { ssoKeysUrl: keys.jwksUrl } });
  try {
    await withSession(open);
    await expectRefused(await bearer(folaClaims()), 'tenantNotAllowed', open);
    expect(open.logs.join('')).toContain('ALLOWED_TENANTS is empty');
  } finally {
    await open.stop();
  }
});

test('when the signing keys cannot be fetched, the tab is told to try again (503), not that sign-in failed', async () => {
  const closedKeys = await startSsoKeys();
  const url = closedKeys.jwksUrl;
  await closedKeys.close();
  const cut = await startApp({ ...PRODUCTION, ALLOWED_TENANTS: TENANT }, { directory: meetingDirectory(), tabSignIn: { ssoKeysUrl: url } });
  try {
    const response = await getSession(cut, await bearer(folaClaims()));
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ code: 'SignInUnavailable', message: 'Sign-in cannot be checked right now. Please try again in a minute.' });
    // A token that is bad in itself is still a 401, keys or no keys.
    expect((await getSession(cut, 'Bearer not.a.token')).status).toBe(401);
  } finally {
    await cut.stop();
  }
});
