/**
 * Validates the tab's Teams SSO tokens with jose: the signature with RS256 only (so neither
 * `alg: none` nor an HMAC "signed" with a public key can pass), expiry with at most five minutes'
 * skew, then the claim rules in core/ssoClaims.ts. One code path for both modes: production reads
 * Entra's published keys, local mode the development sign-in's in-memory key.
 */
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { Clock } from '../core/ports';
import { checkSsoClaims, MAX_CLOCK_SKEW_SECONDS, type ClaimRefusal, type SsoPolicy, type SsoUser } from '../core/ssoClaims';

/** Where Entra publishes the keys that sign v2 tokens for every tenant. */
export const ENTRA_KEYS_URL = 'https://login.microsoftonline.com/common/discovery/v2.0/keys';

/** Teams tokens are a few kilobytes; anything far larger is not one. */
const MAX_TOKEN_CHARACTERS = 16_384;
const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/;

export type TokenRefusal = 'missing' | 'malformed' | 'signature' | 'expired' | 'claims' | 'keysUnavailable' | ClaimRefusal;

export type SsoResult = { readonly ok: true; readonly user: SsoUser } | { readonly ok: false; readonly reason: TokenRefusal };

export interface SsoValidator {
  /** Reads `Authorization: Bearer …`; never throws. */
  validate(authorization: string | undefined): Promise<SsoResult>;
}

export interface SsoValidatorOptions {
  readonly policy: SsoPolicy;
  /** The key set tokens must be signed by. */
  readonly keys: JWTVerifyGetKey;
  readonly clock: Clock;
}

/** Entra's published keys (or a test's stand-in), fetched when first needed and cached by jose. */
export function publishedSigningKeys(url: string = ENTRA_KEYS_URL): JWTVerifyGetKey {
  return createRemoteJWKSet(new URL(url), { timeoutDuration: 3_000, cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 });
}

export function createSsoValidator(options: SsoValidatorOptions): SsoValidator {
  const { policy, keys, clock } = options;
  return {
    async validate(authorization) {
      if (!authorization) return { ok: false, reason: 'missing' };
      const match = authorization.length <= MAX_TOKEN_CHARACTERS ? BEARER.exec(authorization.trim()) : null;
      if (!match) return { ok: false, reason: 'malformed' };
      let claims: Record<string, unknown>;
      try {
        const verified = await jwtVerify(match[1], keys, {
          algorithms: ['RS256'],
          clockTolerance: MAX_CLOCK_SKEW_SECONDS,
          currentDate: clock.now(),
          requiredClaims: ['exp', 'iat', 'iss', 'aud', 'tid', 'oid', 'ver'],
        });
        claims = verified.payload as Record<string, unknown>;
      } catch (error) {
        return { ok: false, reason: refusalOf(error) };
      }
      return checkSsoClaims(claims, policy);
    },
  };
}

/** jose's error codes, sorted into what an operator needs to tell apart. */
function refusalOf(error: unknown): TokenRefusal {
  if (keySetUnreachable(error)) return 'keysUnavailable';
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return 'expired';
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      return 'claims';
    case 'ERR_JWS_INVALID':
    case 'ERR_JWT_INVALID':
      return 'malformed';
    default:
      return 'signature';
  }
}

/**
 * The key set could not be fetched or read: not the caller's fault, so it is answered apart
 * (503). Kept narrow, so that nothing a caller can put in a token ever lands here.
 */
function keySetUnreachable(error: unknown): boolean {
  // Read by name, not instanceof: fetch's errors may come from another realm (test runners).
  if (typeof error !== 'object' || error === null) return false;
  const { code, name, message } = error as { code?: unknown; name?: unknown; message?: unknown };
  if (code === 'ERR_JWKS_TIMEOUT') return true;
  if (code === 'ERR_JOSE_GENERIC') return typeof message === 'string' && message.includes('JSON Web Key Set');
  return name === 'TypeError' && message === 'fetch failed';
}
