/**
 * A loopback stand-in for the Bot Framework's published signing keys, so tests can sign real
 * channel tokens (and forge bad ones) without the internet.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';

export const KEY_ID = 'test-key-1';

export interface BotFrameworkKeys {
  readonly metadataUrl: string;
  /** A token Teams would send for this bot and service URL. */
  sign(claims: { audience: string; serviceUrl: string; expiresIn?: string }, useForgedKey?: boolean): Promise<string>;
  close(): Promise<void>;
}

export async function startBotFrameworkKeys(): Promise<BotFrameworkKeys> {
  const genuine = await generateKeyPair('RS256', { extractable: true });
  const forged = await generateKeyPair('RS256');
  const publicJwk = await exportJWK(genuine.publicKey);
  const server = http.createServer((req, res) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    res.setHeader('content-type', 'application/json');
    if (req.url === '/v1/.well-known/openidconfiguration') {
      res.end(JSON.stringify({ issuer: 'https://api.botframework.com', jwks_uri: `${base}/v1/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
    } else if (req.url === '/v1/keys') {
      res.end(JSON.stringify({ keys: [{ ...publicJwk, kid: KEY_ID, use: 'sig', endorsements: ['msteams'] }] }));
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    metadataUrl: `http://127.0.0.1:${port}/v1/.well-known/openidconfiguration`,
    sign: ({ audience, serviceUrl, expiresIn = '10m' }, useForgedKey = false) =>
      new SignJWT({ serviceurl: serviceUrl })
        .setProtectedHeader({ alg: 'RS256', kid: KEY_ID, typ: 'JWT' })
        .setIssuer('https://api.botframework.com')
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime(expiresIn)
        .sign(useForgedKey ? forged.privateKey : genuine.privateKey),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
