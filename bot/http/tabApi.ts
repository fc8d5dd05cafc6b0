/**
 * The tab's JSON API under /api/tab/ and the public stage view under /api/stage/. Every tab
 * request carries a Teams SSO token; the person is who the token says, the session is found from
 * the meeting the tab is open in, and actions go through the dispatcher with the same permission
 * table and services as the chat's buttons, so the chat and the panel always agree.
 */
import type { Response, Server } from 'restify';
import type { InvokeReply, Turn } from '../core/turn';
import type { ServiceDeps } from '../services/deps';
import type { Dispatcher } from '../services/dispatcher';
import { stageLinkOf } from '../services/stageLink';
import { stageViewOfToken } from '../services/stageView';
import { sessionViewOf } from '../services/tabViews';
import type { DevSignIn } from './devSignIn';
import type { SsoValidator } from './ssoToken';
import { registerAfterApi } from './tabApiAfter';
import { tabGate, type RouteHandler } from './tabApiGate';
import { registerPrepareApi } from './tabApiPrepare';
import { sendError, sendJson, sendVersioned } from './tabApiRequest';

export interface TabApiDeps {
  readonly services: ServiceDeps;
  readonly dispatcher: Pick<Dispatcher, 'onVerb'>;
  readonly sso: SsoValidator;
  /** Local mode only; production never has one, so the route does not exist there. */
  readonly devSignIn?: DevSignIn;
  /** The server secret stage tokens are derived with. */
  readonly stageSecret: string;
}

const TEXT = {
  badBody: 'Send the action’s details as a JSON object.',
  devRoster: 'Only people in the local meeting roster can use the development sign-in.',
  noStage: 'There is nothing here.',
} as const;

export function registerTabApi(server: Server, deps: TabApiDeps): void {
  const { services } = deps;
  const gate = tabGate(services, deps.sso);
  const { guarded, granted } = gate;

  server.get('/api/tab/session', guarded(async (req, res) => {
    const found = await gate.withSession(req, res);
    if (!found) return;
    const now = services.clock.now();
    const { view, version } = await sessionViewOf(services, found.session.session, found.role, now);
    sendVersioned(req, res, { ...view, serverTime: now.toISOString() }, version);
  }));

  server.post('/api/tab/actions/:verb', guarded(async (req, res) => {
    const found = await granted(req, res);
    if (!found) return;
    const body: unknown = req.body ?? {};
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      sendError(res, 400, 'BadRequest', TEXT.badBody, { ok: false });
      return;
    }
    // The session is the one the meeting has, never one named in the body.
    const { sessionKey: _ignored, ...rest } = body as Record<string, unknown>;
    const data = found.session ? { ...rest, sessionKey: found.session.session.sessionKey } : rest;
    const turn: Turn = { ...found.turn, now: services.clock.now() };
    sendReply(res, await deps.dispatcher.onVerb(turn, String(req.params.verb ?? ''), data));
  }));

  const stageLink = (rotate: boolean): RouteHandler => guarded(async (req, res) => {
    const found = await gate.facilitator(req, res);
    if (!found) return;
    sendJson(res, 200, await stageLinkOf(services, found.session.session, deps.stageSecret, services.clock.now(), rotate));
  });
  server.get('/api/tab/stage-link', stageLink(false));
  server.post('/api/tab/stage-link', stageLink(true));

  server.get('/api/stage/:token', guarded(async (req, res) => {
    const now = services.clock.now();
    const found = await stageViewOfToken(services, req.params.token, now);
    res.setHeader('Referrer-Policy', 'no-referrer');
    if (!found) {
      sendError(res, 404, 'NotFound', TEXT.noStage);
      return;
    }
    sendVersioned(req, res, { ...found.view, serverTime: now.toISOString() }, found.version);
  }));

  const devSignIn = deps.devSignIn;
  if (devSignIn) {
    server.post('/api/tab/dev-token', guarded(async (req, res) => {
      const body = req.body as { userId?: unknown } | undefined;
      const token = await devSignIn.issue(body?.userId);
      if (!token) {
        sendError(res, 403, 'Forbidden', TEXT.devRoster);
        return;
      }
      sendJson(res, 200, token);
    }));
  }
  registerAfterApi(server, deps, gate);
  registerPrepareApi(server, services, gate);
}

/** The dispatcher's answer as the tab reads it: { ok, message?, card? }, refusals with their status. */
function sendReply(res: Response, reply: InvokeReply): void {
  switch (reply.kind) {
    case 'card':
      sendJson(res, 200, { ok: true, card: reply.card });
      return;
    case 'message':
      sendJson(res, 200, { ok: true, message: reply.text });
      return;
    case 'error':
      sendError(res, reply.status, reply.code, reply.message, { ok: false });
  }
}
