/**
 * Serves the built tab under /tab/. Teams and Microsoft 365 load it in an iframe, so the
 * frame-ancestors policy names their hosts and nobody else's.
 */
import path from 'node:path';
import restify, { type Next, type Request, type Response, type Server } from 'restify';

export const FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.teams.microsoft.us',
  'https://*.skype.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://*.outlook.com',
  'https://*.microsoft365.com',
  'https://*.cloud.microsoft',
];

const CSP = `frame-ancestors ${FRAME_ANCESTORS.join(' ')}`;

function securityHeaders(_req: Request, res: Response, next: Next): void {
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  next();
}

export function serveTab(server: Server, tabDir: string): void {
  server.get('/tab', (_req: Request, res: Response, next: Next) => {
    res.redirect(301, '/tab/', next);
  });
  const files = restify.plugins.serveStaticFiles(path.resolve(tabDir), {
    maxAge: 0,
    setHeaders: (res: Response, filePath: string) => {
      const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
      res.setHeader('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  } as never);
  server.get('/tab/*', securityHeaders, files);
  server.head('/tab/*', securityHeaders, files);
}
