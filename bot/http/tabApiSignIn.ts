/**
 * How the tab's tokens are checked in each mode. Production: Entra's published keys, the tab's
 * app registration as audience, and only the tenants listed in ALLOWED_TENANTS (none listed means
 * nobody gets in, with a warning at start). Local: the development sign-in's in-memory key, any
 * tenant unless some are listed. Both use the one validator.
 */
import type { Config } from '../config';
import type { Logger } from '../core/logger';
import type { Clock } from '../core/ports';
import { createDevSignIn, LOCAL_TAB_AUDIENCE, playgroundRoster, type DevSignIn, type DevSignInUser } from './devSignIn';
import { createSsoValidator, publishedSigningKeys, type SsoValidator } from './ssoToken';

export interface TabSignInOptions {
  /** Tests: where the signing keys are published instead of Entra (production mode only). */
  readonly ssoKeysUrl?: string;
  /** Local mode: who may use the development sign-in (default: the Agents Playground's people). */
  readonly devSignInRoster?: readonly DevSignInUser[];
}

export interface TabSignIn {
  readonly sso: SsoValidator;
  readonly devSignIn?: DevSignIn;
}

export function createTabSignIn(config: Config, clock: Clock, logger: Logger, options: TabSignInOptions = {}): TabSignIn {
  if (config.mode === 'local') {
    const audience = config.tabClientId || LOCAL_TAB_AUDIENCE;
    const devSignIn = createDevSignIn({ mode: config.mode, audience, roster: options.devSignInRoster ?? playgroundRoster(), clock });
    const policy = { audience, allowedTenants: config.allowedTenants, anyTenant: true };
    return { sso: createSsoValidator({ policy, keys: devSignIn.keys, clock }), devSignIn };
  }
  if (!config.tabClientId) logger.warn({ setting: 'TAB_CLIENT_ID' }, 'TAB_CLIENT_ID is not set: the tab will refuse every sign-in');
  if (config.allowedTenants.length === 0) {
    logger.warn({ setting: 'ALLOWED_TENANTS' }, 'ALLOWED_TENANTS is empty: the tab will refuse every sign-in until the tenants are listed');
  }
  const policy = { audience: config.tabClientId, allowedTenants: config.allowedTenants, anyTenant: false };
  return { sso: createSsoValidator({ policy, keys: publishedSigningKeys(options.ssoKeysUrl), clock }) };
}
