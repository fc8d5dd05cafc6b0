/**
 * The development sign-in, local mode only: the Agents Playground and the browser tests have no
 * Entra to sign tokens, so this signs Entra-shaped v2 tokens with an RSA key made in memory at
 * start, for the people of the local meeting roster only. The tab API checks them with the same
 * validator as real tokens, given this key set instead of Entra's. A production app never builds
 * one (createDevSignIn refuses), so no route and no key exist there to trust.
 */
import { generateKeyPair, randomUUID, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import fs from 'node:fs';
import path from 'node:path';
import { createLocalJWKSet, SignJWT, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import type { Clock } from '../core/ports';
import { entraIssuer, SSO_SCOPE } from '../core/ssoClaims';

/** Someone the development sign-in will sign a token for. */
export interface DevSignInUser {
  /** The Teams user id (`29:…`) the Playground or test uses for them. */
  readonly userId: string;
  readonly aadObjectId: string;
  readonly tenantId: string;
  readonly name: string;
}

/** The audience local tokens carry when no TAB_CLIENT_ID is set. */
export const LOCAL_TAB_AUDIENCE = 'coproduce-local-tab';
const LIFETIME_SECONDS = 60 * 60;

export interface DevToken {
  readonly token: string;
  readonly expiresAt: string;
}

export interface DevSignIn {
  /** The in-memory key set, to validate with. */
  readonly keys: JWTVerifyGetKey;
  /** A token for this roster user id, or undefined for anyone else. */
  issue(userId: unknown): Promise<DevToken | undefined>;
}

export interface DevSignInOptions {
  readonly mode: 'local' | 'production';
  readonly audience: string;
  readonly roster: readonly DevSignInUser[];
  readonly clock: Clock;
}

interface KeyMaterial {
  readonly kid: string;
  readonly privateKey: KeyObject;
  readonly keys: JWTVerifyGetKey;
}

/** A fresh RSA key pair, made off the main thread; never written anywhere. */
async function makeKeys(): Promise<KeyMaterial> {
  const { publicKey, privateKey } = await promisify(generateKeyPair)('rsa', { modulusLength: 2048 });
  const kid = `dev-${randomUUID()}`;
  const keys = createLocalJWKSet({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' }] });
  return { kid, privateKey, keys };
}

export function createDevSignIn(options: DevSignInOptions): DevSignIn {
  // Belt and braces: app.ts only calls this in local mode, and this refuses anything else.
  if (options.mode !== 'local') throw new Error('The development sign-in exists only in local mode.');
  // Made when first needed, so the many short-lived apps tests start do not each pay for a key.
  let material: Promise<KeyMaterial> | undefined;
  const ready = () => (material ??= makeKeys());
  const byId = new Map(options.roster.map((user) => [user.userId, user]));
  return {
    keys: async (header, token) => (await ready()).keys(header, token),
    async issue(userId) {
      const user = typeof userId === 'string' ? byId.get(userId) : undefined;
      if (!user) return undefined;
      const { kid, privateKey } = await ready();
      const nowSeconds = Math.floor(options.clock.now().getTime() / 1000);
      const token = await new SignJWT({ ver: '2.0', tid: user.tenantId, oid: user.aadObjectId, scp: SSO_SCOPE, name: user.name })
        .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
        .setIssuer(entraIssuer(user.tenantId))
        .setAudience(options.audience)
        .setIssuedAt(nowSeconds)
        .setNotBefore(nowSeconds)
        .setExpirationTime(nowSeconds + LIFETIME_SECONDS)
        .sign(privateKey);
      return { token, expiresAt: new Date((nowSeconds + LIFETIME_SECONDS) * 1000).toISOString() };
    },
  };
}

const playgroundUser = z.object({ id: z.string().min(1), name: z.string(), aadObjectId: z.string().min(1) });
const playgroundConfig = z.object({ tenantId: z.string().min(1), currentUser: playgroundUser, users: z.array(playgroundUser) });

/**
 * The Agents Playground's people (its committed config, written in JSON syntax), as the default
 * roster in local mode. An unreadable file means nobody can use the development sign-in.
 */
export function playgroundRoster(from: string = __dirname): DevSignInUser[] {
  const root = projectRoot(from);
  try {
    const parsed = playgroundConfig.safeParse(JSON.parse(fs.readFileSync(path.join(root, '.m365agentsplayground.yml'), 'utf8')));
    if (!parsed.success) return [];
    const { tenantId, currentUser, users } = parsed.data;
    return [currentUser, ...users].map((u) => ({ userId: u.id, aadObjectId: u.aadObjectId, tenantId, name: u.name }));
  } catch {
    return [];
  }
}

/** The folder holding package.json, whether we run from bot/ or dist/bot/. */
function projectRoot(from: string): string {
  for (let dir = from; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
  }
  return from;
}
