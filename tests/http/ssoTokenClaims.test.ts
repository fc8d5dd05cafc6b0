// The claim rules on their own (core/ssoClaims.ts), for the cases the HTTP matrix does not reach:
// local mode's "any tenant", ids in either case, audiences given as a list, and names kept short.
import { checkSsoClaims, entraIssuer, type SsoPolicy } from '../../bot/core/ssoClaims';

const TENANT = '11111111-1111-4111-8111-111111111111';
const OID = 'AAAAAAAA-0000-4000-8000-0000000000A1';
const AUDIENCE = 'c7a1e2d3-0000-4000-8000-00000000ab01';
const PRODUCTION: SsoPolicy = { audience: AUDIENCE, allowedTenants: [TENANT], anyTenant: false };

const claims = (overrides: Record<string, unknown> = {}) => ({
  ver: '2.0',
  iss: entraIssuer(TENANT),
  tid: TENANT,
  oid: OID,
  aud: AUDIENCE,
  scp: 'User.Read access_as_user',
  name: 'Fola Tester',
  ...overrides,
});

test('a good token gives the person keyed on tenant and object id, lower-cased', () => {
  expect(checkSsoClaims(claims(), PRODUCTION)).toEqual({ ok: true, user: { tenantId: TENANT, aadObjectId: OID.toLowerCase(), name: 'Fola Tester' } });
});

test('the allowed-tenant list is compared without regard to case', () => {
  expect(checkSsoClaims(claims(), { ...PRODUCTION, allowedTenants: [TENANT.toUpperCase()] }).ok).toBe(true);
});

test('an empty tenant list lets any tenant in only when the policy says so (local mode)', () => {
  const other = '22222222-2222-4222-8222-222222222222';
  const fromOther = claims({ tid: other, iss: entraIssuer(other) });
  expect(checkSsoClaims(fromOther, { ...PRODUCTION, allowedTenants: [], anyTenant: true }).ok).toBe(true);
  expect(checkSsoClaims(fromOther, { ...PRODUCTION, allowedTenants: [], anyTenant: false })).toEqual({ ok: false, reason: 'tenantNotAllowed' });
});

test('with no audience configured nothing passes', () => {
  expect(checkSsoClaims(claims({ aud: '' }), { ...PRODUCTION, audience: '' })).toEqual({ ok: false, reason: 'notConfigured' });
});

test('an audience list passes only when it is exactly ours', () => {
  expect(checkSsoClaims(claims({ aud: [AUDIENCE] }), PRODUCTION).ok).toBe(true);
  expect(checkSsoClaims(claims({ aud: [AUDIENCE, 'another'] }), PRODUCTION)).toEqual({ ok: false, reason: 'audience' });
});

test('an over-long display name is cut, and a missing one left out', () => {
  const long = checkSsoClaims(claims({ name: 'x'.repeat(500) }), PRODUCTION);
  expect(long.ok && long.user.name?.length).toBe(100);
  const none = checkSsoClaims(claims({ name: undefined }), PRODUCTION);
  expect(none.ok && none.user).toEqual({ tenantId: TENANT, aadObjectId: OID.toLowerCase() });
});
