/**
 * Local mode has Bot Framework sign-in turned off, so it must only ever answer this machine:
 * refuse any request whose Host is not loopback or that came through a proxy.
 */
import type { Next, Request, Response } from 'restify';
import { errorBody } from './errors';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export function localOnlyGuard(req: Request, res: Response, next: Next): void {
  const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
  if (!LOOPBACK.has(host) || req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined) {
    res.send(403, errorBody('LocalOnly', 'This server runs in local mode and only answers requests from this machine.'));
    next(false);
    return;
  }
  next();
}
