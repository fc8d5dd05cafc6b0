/**
 * The personal pages, reached without Teams: the withdrawal page (GET shows, POST withdraws), the
 * person's data (see, download, delete) and the one-time download link from "my data" in Teams.
 * Reading is GET; anything that changes something is a POST form carrying the code, so link
 * previews and crawlers can never withdraw or delete. A code that does not work always gets the
 * same 404 page. Logs carry the route and status only (server.ts), never the code.
 */
import type { Request, Response, Server } from 'restify';
import { personalExport } from '../core/personalExport';
import { exportWords } from '../cards/strings/myData.en-GB';
import { choicesByCode, eraseByCode, exportByCode, personalDataByCode, withdrawalTargetOf, withdrawByCode } from '../services/consentPage';
import type { ServiceDeps } from '../services/deps';
import { collectPersonalData } from '../services/myDataCollect';
import { redeemDownloadCode } from '../services/myDataDownloads';
import { codeEntryPage, downloadGonePage, errorPage, linkNotWorkingPage, tooLargePage } from './pages/messagePages';
import { eraseConfirmPage, erasedPage, myDataPage } from './pages/myDataPage';
import { withdrawPage } from './pages/withdrawPage';
import { RateLimiter } from './rateLimit';
import { bodyTooLarge, PAGE_REQUESTS_PER_MINUTE, personalPageGuard, sendHtml } from './withdrawalGuards';

type Handler = (req: Request, res: Response) => Promise<void>;

function field(req: Request, name: string): unknown {
  const body = req.body as unknown;
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
}

function sendJsonDownload(res: Response, json: string): void {
  res.sendRaw(200, json, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Disposition': 'attachment; filename="coproduce-my-data.json"' });
}

export function registerWithdrawalRoutes(server: Server, deps: ServiceDeps, mode: 'local' | 'production'): void {
  const limiter = new RateLimiter(PAGE_REQUESTS_PER_MINUTE, 60_000, () => deps.clock.now().getTime());
  server.pre(personalPageGuard(limiter, mode));

  /** Runs a page handler; a fault shows a plain page and logs only its class name. */
  const page = (handler: Handler, readsBody: boolean) => async (req: Request, res: Response) => {
    if (readsBody && bodyTooLarge(req)) return sendHtml(res, 413, tooLargePage());
    try {
      await handler(req, res);
    } catch (error) {
      deps.logger.error({ route: req.getRoute()?.path?.toString() ?? 'none', errorName: error instanceof Error ? error.name : 'unknown' }, 'personal page failed');
      sendHtml(res, 500, errorPage());
    }
  };
  const notWorking = (res: Response) => sendHtml(res, 404, linkNotWorkingPage());

  server.get('/withdraw', page(async (req, res) => {
    const query = req.query as Record<string, unknown> | undefined;
    if (query?.code === undefined || query.code === '') return sendHtml(res, 200, codeEntryPage());
    const view = await choicesByCode(deps, query.code);
    return view ? sendHtml(res, 200, withdrawPage(view)) : notWorking(res);
  }, false));

  server.post('/withdraw', page(async (req, res) => {
    const target = withdrawalTargetOf(field(req, 'scope'));
    const code = field(req, 'code');
    if (!target) {
      const view = await choicesByCode(deps, code);
      return view ? sendHtml(res, 200, withdrawPage(view)) : notWorking(res);
    }
    const done = await withdrawByCode(deps, code, target, deps.clock.now());
    return done ? sendHtml(res, 200, withdrawPage(done.view, done.notice)) : notWorking(res);
  }, true));

  server.post('/my-data', page(async (req, res) => {
    const code = field(req, 'code');
    const data = await personalDataByCode(deps, code);
    return data && typeof code === 'string' ? sendHtml(res, 200, myDataPage(code, data)) : notWorking(res);
  }, true));

  server.post('/my-data/export', page(async (req, res) => {
    const json = await exportByCode(deps, field(req, 'code'), deps.clock.now());
    return json ? sendJsonDownload(res, json) : notWorking(res);
  }, true));

  server.post('/my-data/erase', page(async (req, res) => {
    const code = field(req, 'code');
    if (field(req, 'confirm') !== 'yes') {
      const data = await personalDataByCode(deps, code);
      return data && typeof code === 'string' ? sendHtml(res, 200, eraseConfirmPage(code)) : notWorking(res);
    }
    const outcome = await eraseByCode(deps, code, deps.clock.now());
    return outcome ? sendHtml(res, 200, erasedPage(outcome.sessions)) : notWorking(res);
  }, true));

  server.get('/my-data/download', page(async (req, res) => {
    const now = deps.clock.now();
    const request = await redeemDownloadCode(deps, (req.query as Record<string, unknown> | undefined)?.code, now);
    if (!request) return sendHtml(res, 404, downloadGonePage());
    const { alsoSessions, ...subject } = request;
    const data = await collectPersonalData(deps, subject, alsoSessions);
    deps.logger.info({ sessions: data.sessions.length, via: 'download' }, 'personal data exported');
    return sendJsonDownload(res, JSON.stringify(personalExport(data, now, exportWords), null, 2));
  }, false));
}
