/**
 * The published summary as Markdown, at the link the summary card gives: GET /digest/<token>.md.
 * The token is unguessable and exists only once a facilitator approved the summary, which holds
 * only what the group was already shown. Anything else is the same plain 404.
 */
import type { Request, Response, Server } from 'restify';
import type { ServiceDeps } from '../services/deps';
import { publishedDigestByToken } from '../services/exports';

export function registerDigestRoutes(server: Server, deps: ServiceDeps): void {
  server.get('/digest/:file', async (req: Request, res: Response) => {
    const file = String(req.params.file ?? '');
    const found = file.endsWith('.md') ? await publishedDigestByToken(deps, file.slice(0, -3)).catch(() => undefined) : undefined;
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Robots-Tag', 'noindex');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (!found) {
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.sendRaw(404, 'This summary link does not work. Ask the organiser for a new one.');
      return;
    }
    res.setHeader('Content-Type', 'text/markdown; charset=utf-8');
    res.sendRaw(200, found.markdown);
  });
}
