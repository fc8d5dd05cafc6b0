/**
 * The HTTP edge, and the only place restify is used. Every answer is a plain message: no stack
 * traces, no library internals, no request echo.
 */
import restify, { type Request, type Response } from 'restify';
import type { AppLogger } from '../log';
import { plainErrors, errorBody } from './errors';
import { localOnlyGuard } from './localGuard';
import { serveTab } from './tabRoutes';
import type { ServiceDeps } from '../services/deps';
import { registerWithdrawalRoutes } from './withdrawalRoutes';
import { registerDigestRoutes } from './digestRoutes';
import { registerTabApi, type TabApiDeps } from './tabApi';

export const MAX_BODY_BYTES = 256 * 1024;

export interface ActivityResult {
  readonly status: number;
  readonly body?: unknown;
}

export interface Health {
  readonly storage: boolean;
}

export interface HttpDeps {
  readonly mode: 'local' | 'production';
  readonly version: string;
  readonly logger: AppLogger;
  readonly tabDir: string;
  /** Runs one Bot Framework activity; never throws. */
  readonly handleActivity: (activity: Record<string, unknown>, authorization: string) => Promise<ActivityResult>;
  readonly health: () => Promise<Health>;
  /** The tab's JSON API and the stage view (tabApi.ts). */
  readonly tabApi?: TabApiDeps;
  /** For the personal pages (withdrawal link, "my data" download), which need no Teams sign-in. */
  readonly personalPages?: ServiceDeps;
}

export function createHttpServer(deps: HttpDeps): restify.Server {
  // restify's own logger would print request details; ours records only what is safe.
  const server = restify.createServer({ name: 'coproduce', log: silentBunyanStandIn(), handleUncaughtExceptions: false });
  if (deps.mode === 'local') server.pre(localOnlyGuard);
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: MAX_BODY_BYTES, rejectUnknown: false }));
  plainErrors(server);

  server.on('after', (req: Request, res: Response) => {
    deps.logger.info(
      { reqId: req.id(), method: req.method, route: req.getRoute()?.path?.toString() ?? 'none', status: res.statusCode },
      'request',
    );
  });

  server.post('/api/messages', async (req: Request, res: Response) => {
    const activity = req.body as unknown;
    if (!isObject(activity) || typeof activity.type !== 'string' || activity.type === '') {
      res.send(400, errorBody('BadRequest', 'The body must be a Bot Framework activity with a type.'));
      return;
    }
    const authorization = typeof req.headers.authorization === 'string' ? req.headers.authorization : '';
    const result = await deps.handleActivity(activity, authorization);
    if (result.body === undefined) res.send(result.status);
    else res.send(result.status, result.body);
  });

  server.get('/healthz', async (_req: Request, res: Response) => {
    const { storage } = await deps.health().catch(() => ({ storage: false }));
    res.send(storage ? 200 : 503, { status: storage ? 'ok' : 'degraded', version: deps.version, storage: storage ? 'ok' : 'unreachable' });
  });

  serveTab(server, deps.tabDir);
  if (deps.tabApi) registerTabApi(server, deps.tabApi);
  if (deps.personalPages) registerWithdrawalRoutes(server, deps.personalPages, deps.mode);
  if (deps.personalPages) registerDigestRoutes(server, deps.personalPages);
  return server;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** restify insists on a bunyan-shaped logger; this one drops everything. */
function silentBunyanStandIn(): never {
  const noop = () => undefined;
  const log: Record<string, unknown> = { trace: noop, debug: noop, info: noop, warn: noop, error: noop, fatal: noop };
  log.child = () => log;
  return log as never;
}
