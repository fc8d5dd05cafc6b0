/**
 * Where the tab's sign-in token comes from. In Teams: the SSO token from teams-js. In local mode
 * (a plain browser, for testing with the Agents Playground): the server's development sign-in,
 * which exists only when the server runs in local mode. Tokens are kept until shortly before
 * they expire, so polling every two seconds does not ask Teams for a token every time.
 */
import { teamsToken, type TokenAnswer } from '../teams';

export interface TokenSource {
  /** A token, fresh when `renew` is set (after the server refused the last one). */
  token(renew?: boolean): Promise<TokenAnswer>;
}

/** Renew this long before expiry, so a request never arrives with a token about to lapse. */
const RENEW_BEFORE_MS = 2 * 60_000;

/** The token's expiry as the token says it (not checked here: the server checks everything). */
export function expiryOf(token: string): number | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

function cached(fetchToken: () => Promise<TokenAnswer>): TokenSource {
  let kept: { token: string; until: number } | undefined;
  let pending: Promise<TokenAnswer> | undefined;
  return {
    async token(renew = false) {
      if (!renew && kept && Date.now() < kept.until) return { ok: true, token: kept.token };
      pending ??= fetchToken().finally(() => {
        pending = undefined;
      });
      const answer = await pending;
      if (answer.ok) {
        const expiry = expiryOf(answer.token);
        kept = { token: answer.token, until: (expiry ?? Date.now() + 10 * 60_000) - RENEW_BEFORE_MS };
      } else {
        kept = undefined;
      }
      return answer;
    },
  };
}

export function teamsTokens(): TokenSource {
  return cached(teamsToken);
}

/** Local mode only: asks the server's development sign-in for a token for a roster user id. */
export function devTokens(userId: string): TokenSource {
  return cached(async () => {
    try {
      const response = await fetch('/api/tab/dev-token', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId }),
      });
      if (!response.ok) return { ok: false, needsConsent: false, reason: `development sign-in answered ${response.status}` };
      const body = (await response.json()) as { token?: unknown };
      return typeof body.token === 'string' ? { ok: true, token: body.token } : { ok: false, needsConsent: false, reason: 'no token' };
    } catch {
      return { ok: false, needsConsent: false, reason: 'development sign-in unreachable' };
    }
  });
}
