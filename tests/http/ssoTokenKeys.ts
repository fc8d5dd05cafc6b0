/**
 * A loopback stand-in for Entra's published signing keys, so tests can sign Teams SSO tokens
 * with any claims (and forge bad ones) without the internet. Not a test file: a helper for the
 * tab API tests.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, exportSPKI, generateKeyPair, type JWTPayload } from 'jose';

export const SSO_KEY_ID = 'sso-test-key-1';
export const TAB_CLIENT_ID = 'c7a1e2d3-0000-4000-8000-00000000ab01';

export interface SsoClaimsInput extends JWTPayload {
  readonly tid?: string;
  readonly oid?: string;
  readonly scp?: string;
  readonly ver?: string;
  readonly name?: string;
}

export interface SsoKeys {
  readonly jwksUrl: string;
  /** The public key as PEM text: what an attacker would use as an HMAC secret. */
  readonly publicPem: string;
  /** Signs with the published key (or, with `forged`, another key under the same key id). */
  sign(claims: SsoClaimsInput, options?: { forged?: boolean; now?: Date }): Promise<string>;
  /** How many times the key set was fetched. */
  fetches(): number;
  close(): Promise<void>;
}

export function entraIssuerOf(tenantId: string): string {
  return `https://login.microsoftonline.com/${tenantId}/v2.0`;
}

export async function startSsoKeys(): Promise<SsoKeys> {
  const genuine = await generateKeyPair('RS256', { extractable: true });
  const forged = await generateKeyPair('RS256');
  const publicJwk = await exportJWK(genuine.publicKey);
  const publicPem = await exportSPKI(genuine.publicKey);
  let fetched = 0;
  const server = http.createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url === '/discovery/v2.0/keys') {
      fetched += 1;
      res.end(JSON.stringify({ keys: [{ ...publicJwk, kid: SSO_KEY_ID, use: 'sig', alg: 'RS256' }] }));
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    jwksUrl: `http://127.0.0.1:${port}/discovery/v2.0/keys`,
    publicPem,
    fetches: () => fetched,
    sign: (claims, options = {}) => {
      const nowSeconds = Math.floor((options.now ?? new Date()).getTime() / 1000);
      return new SignJWT({ iat: nowSeconds, nbf: nowSeconds, exp: nowSeconds + 3600, ...claims })
        .setProtectedHeader({ alg: 'RS256', kid: SSO_KEY_ID, typ: 'JWT' })
        .sign(options.forged ? forged.privateKey : genuine.privateKey);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The claims Entra puts in a v2 token for the tab, for this person; override any of them. */
export function tabClaims(tenantId: string, aadObjectId: string, overrides: SsoClaimsInput = {}): SsoClaimsInput {
  return {
    ver: '2.0',
    iss: entraIssuerOf(tenantId),
    aud: TAB_CLIENT_ID,
    tid: tenantId,
    oid: aadObjectId,
    scp: 'access_as_user',
    name: 'Test Person',
    ...overrides,
  };
}
