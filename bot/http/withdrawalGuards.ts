/**
 * What every request to the personal pages gets before routing: privacy and security headers,
 * a per-client rate limit, and a small body limit (the forms carry a code and a word or two).
 * Runs as a restify `pre` handler, so it also covers unknown methods and refused requests.
 */
import type { Next, Request, Response } from 'restify';
import { tooLargePage, tooManyPage } from './pages/messagePages';
import { PAGE_CSP } from './pages/layout';
import type { RateLimiter } from './rateLimit';

export const MAX_FORM_BYTES = 16 * 1024;
export const PAGE_REQUESTS_PER_MINUTE = 20;

export function isPersonalPagePath(path: string): boolean {
  return path === '/withdraw' || path.startsWith('/withdraw/') || path === '/my-data' || path.startsWith('/my-data/');
}

/** Nothing cached, nothing sent on as a referrer, nothing indexed, nothing framed, no scripts. */
export function setPageHeaders(res: Response): void {
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Pragma', 'no-cache');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Robots-Tag', 'noindex, nofollow');
  res.setHeader('Content-Security-Policy', PAGE_CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
}

export function sendHtml(res: Response, status: number, html: string, headers: Readonly<Record<string, string>> = {}): void {
  res.sendRaw(status, html, { 'Content-Type': 'text/html; charset=utf-8', ...headers });
}

/**
 * The client's address. Behind Azure's front end (production) the connecting address is the
 * proxy's, and the proxy appends the real client as the last X-Forwarded-For entry; locally the
 * loopback guard refuses forwarded requests, so the socket address is the client.
 */
export function clientAddress(req: Request, mode: 'local' | 'production'): string {
  const forwarded = req.headers['x-forwarded-for'];
  const header = Array.isArray(forwarded) ? forwarded.join(',') : forwarded;
  if (mode === 'production' && header) {
    const last = header.split(',').map((s) => s.trim()).filter(Boolean).pop();
    if (last) return last.replace(/^\[([^\]]+)\](?::\d+)?$/, '$1').replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, '$1');
  }
  return req.socket.remoteAddress ?? 'unknown';
}

export function personalPageGuard(limiter: RateLimiter, mode: 'local' | 'production') {
  return (req: Request, res: Response, next: Next): void => {
    if (!isPersonalPagePath(req.getPath())) {
      next();
      return;
    }
    setPageHeaders(res);
    const decision = limiter.take(clientAddress(req, mode));
    if (!decision.allowed) {
      sendHtml(res, 429, tooManyPage(), { 'Retry-After': String(decision.retryAfterSeconds) });
      next(false);
      return;
    }
    const length = Number(req.headers['content-length'] ?? 0);
    if (Number.isFinite(length) && length > MAX_FORM_BYTES) {
      // Close the connection rather than read a body we will not use.
      sendHtml(res, 413, tooLargePage(), { Connection: 'close' });
      next(false);
      return;
    }
    next();
  };
}

/** For bodies sent without a length (chunked): checked once read. */
export function bodyTooLarge(req: Request): boolean {
  const raw = (req as Request & { rawBody?: unknown }).rawBody;
  return (typeof raw === 'string' || Buffer.isBuffer(raw)) && Buffer.byteLength(raw) > MAX_FORM_BYTES;
}
