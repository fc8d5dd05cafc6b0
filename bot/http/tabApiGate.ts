/**
 * The checks every tab API route starts with: a valid Teams SSO token, the meeting the tab is open
 * in, and the caller's place in that session. Route files (tabApi.ts and its siblings) share one
 * gate so a new screen cannot skip a check.
 */
import type { Request, Response } from 'restify';
import type { SsoValidator } from './ssoToken';
import type { ServiceDeps } from '../services/deps';
import { NO_SESSION_HERE, TabAccessCheck, type TabAccess } from '../services/tabViewsAccess';
import { authorizationOf, placeOf, sendError } from './tabApiRequest';
import type { SsoUser } from '../core/ssoClaims';

export type Granted = Extract<TabAccess, { ok: true }>;
/** Granted with a session found: the tab is open in a meeting that has been set up. */
export type GrantedSession = Granted & { readonly session: NonNullable<Granted['session']> };
export type RouteHandler = (req: Request, res: Response) => Promise<void>;

const TEXT = {
  signIn: 'Sign-in is needed for this request. Please sign in to Teams again.',
  signInDown: 'Sign-in cannot be checked right now. Please try again in a minute.',
  noPlace: 'Open Coproduce from a Teams meeting, so it knows which meeting you mean.',
  facilitatorsOnly: 'Only the session’s facilitators can do this.',
} as const;

export interface TabGate {
  /** A fault (say, storage down) is logged by name only and answered with the plain 500. */
  guarded(handler: RouteHandler): RouteHandler;
  signedIn(req: Request, res: Response): Promise<SsoUser | undefined>;
  /** Signed in, in a meeting they take part in; otherwise the refusal has been sent. */
  granted(req: Request, res: Response): Promise<Granted | undefined>;
  /** As granted, and the meeting has a session; otherwise a 404 has been sent. */
  withSession(req: Request, res: Response): Promise<GrantedSession | undefined>;
  /** As withSession, and the caller is one of its facilitators; otherwise a 403 has been sent. */
  facilitator(req: Request, res: Response): Promise<GrantedSession | undefined>;
}

export function tabGate(services: ServiceDeps, sso: SsoValidator): TabGate {
  const access = new TabAccessCheck(services);

  const guarded = (handler: RouteHandler): RouteHandler => async (req, res) => {
    try {
      await handler(req, res);
    } catch (error) {
      services.logger.error({ route: req.getRoute()?.path?.toString() ?? 'none', errorName: error instanceof Error ? error.name : 'unknown' }, 'tab request failed');
      if (!res.headersSent) sendError(res, 500, 'ServerError', 'Something went wrong on our side. Please try again.');
    }
  };

  async function signedIn(req: Request, res: Response): Promise<SsoUser | undefined> {
    const result = await sso.validate(authorizationOf(req));
    if (result.ok) return result.user;
    services.logger.info({ refusal: result.reason }, 'tab sign-in refused');
    if (result.reason === 'keysUnavailable') {
      sendError(res, 503, 'SignInUnavailable', TEXT.signInDown);
    } else {
      res.setHeader('WWW-Authenticate', 'Bearer');
      sendError(res, 401, 'Unauthorized', TEXT.signIn);
    }
    return undefined;
  }

  async function granted(req: Request, res: Response): Promise<Granted | undefined> {
    const user = await signedIn(req, res);
    if (!user) return undefined;
    const place = placeOf(req);
    if (!place) {
      sendError(res, 400, 'BadRequest', TEXT.noPlace);
      return undefined;
    }
    const actor = { aadObjectId: user.aadObjectId, tenantId: user.tenantId, ...(user.name ? { name: user.name } : {}) };
    const found = await access.resolve(actor, place, services.clock.now());
    if (!found.ok) {
      sendError(res, found.status, found.status === 403 ? 'Forbidden' : 'NoSession', found.message);
      return undefined;
    }
    return found;
  }

  async function withSession(req: Request, res: Response): Promise<GrantedSession | undefined> {
    const found = await granted(req, res);
    if (!found) return undefined;
    if (!found.session) {
      sendError(res, 404, 'NoSession', NO_SESSION_HERE);
      return undefined;
    }
    return found as GrantedSession;
  }

  async function facilitator(req: Request, res: Response): Promise<GrantedSession | undefined> {
    const found = await withSession(req, res);
    if (!found) return undefined;
    if (found.role !== 'facilitator') {
      sendError(res, 403, 'Forbidden', TEXT.facilitatorsOnly);
      return undefined;
    }
    return found;
  }

  return { guarded, signedIn, granted, withSession, facilitator };
}
