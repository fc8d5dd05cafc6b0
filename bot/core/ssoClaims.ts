/**
 * The rules a Teams SSO token must meet once its signature has been checked (DESIGN.md
 * "Security"): a v2 token, issued by Entra for the tenant it names, for our tab's app
 * registration, with the `access_as_user` scope, from a tenant we accept. Pure: the signature,
 * algorithm and expiry are checked by the HTTP adapter with jose before these claims are read.
 */

/** The delegated scope the tab's app registration exposes. */
export const SSO_SCOPE = 'access_as_user';
/** How far our clock and Entra's may disagree about `exp` and `nbf`. */
export const MAX_CLOCK_SKEW_SECONDS = 300;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_NAME_CHARACTERS = 100;

/** The v2 issuer for a tenant. A v1 token names `sts.windows.net` instead and never matches. */
export function entraIssuer(tenantId: string): string {
  return `https://login.microsoftonline.com/${tenantId}/v2.0`;
}

export interface SsoPolicy {
  /** The tab's app registration (TAB_CLIENT_ID). Empty means nothing can pass. */
  readonly audience: string;
  readonly allowedTenants: readonly string[];
  /** Local mode only: an empty tenant list lets any tenant in. */
  readonly anyTenant: boolean;
}

/** Who a token is for. People are keyed on (tenant, object id), never on a name or e-mail. */
export interface SsoUser {
  readonly tenantId: string;
  readonly aadObjectId: string;
  /** Display name, for facilitators' views only; never logged. */
  readonly name?: string;
}

/** Why a token was refused, for logs (never shown to the caller, never with ids). */
export type ClaimRefusal = 'notConfigured' | 'version' | 'tenantId' | 'issuer' | 'tenantNotAllowed' | 'audience' | 'scope' | 'objectId';

export type ClaimCheck = { readonly ok: true; readonly user: SsoUser } | { readonly ok: false; readonly reason: ClaimRefusal };

export function isGuid(value: unknown): value is string {
  return typeof value === 'string' && GUID.test(value);
}

/** Checks a verified token's claims against the policy. Order matters only for which reason is logged. */
export function checkSsoClaims(claims: Readonly<Record<string, unknown>>, policy: SsoPolicy): ClaimCheck {
  if (policy.audience === '') return refuse('notConfigured');
  if (claims.ver !== '2.0') return refuse('version');
  const tid = claims.tid;
  if (!isGuid(tid)) return refuse('tenantId');
  // The issuer must name the very tenant the token says it is for: a token minted in one tenant
  // cannot claim to be from another (compared exactly, as Entra writes it).
  if (claims.iss !== entraIssuer(tid)) return refuse('issuer');
  if (!tenantAllowed(tid, policy)) return refuse('tenantNotAllowed');
  if (!audienceMatches(claims.aud, policy.audience)) return refuse('audience');
  if (!hasScope(claims.scp, SSO_SCOPE)) return refuse('scope');
  const oid = claims.oid;
  if (!isGuid(oid)) return refuse('objectId');
  const name = typeof claims.name === 'string' ? claims.name.trim().slice(0, MAX_NAME_CHARACTERS) : '';
  return { ok: true, user: { tenantId: tid.toLowerCase(), aadObjectId: oid.toLowerCase(), ...(name ? { name } : {}) } };
}

function tenantAllowed(tid: string, policy: SsoPolicy): boolean {
  if (policy.allowedTenants.length === 0) return policy.anyTenant;
  return policy.allowedTenants.some((allowed) => allowed.toLowerCase() === tid.toLowerCase());
}

function audienceMatches(aud: unknown, expected: string): boolean {
  if (typeof aud === 'string') return aud === expected;
  // A token for several audiences is not one Teams issues for a tab; accept only exactly ours.
  return Array.isArray(aud) && aud.length === 1 && aud[0] === expected;
}

/** `scp` is one space-separated string of delegated scopes. */
function hasScope(scp: unknown, scope: string): boolean {
  return typeof scp === 'string' && scp.split(' ').includes(scope);
}

function refuse(reason: ClaimRefusal): ClaimCheck {
  return { ok: false, reason };
}
