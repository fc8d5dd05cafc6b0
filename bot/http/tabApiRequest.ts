/**
 * Reading tab API requests and writing their answers: where the tab is open (the chat and meeting
 * ids the Teams client reports, in headers so tokens and ids stay out of URLs and logs), and
 * versioned JSON answered with 304 when the caller already has the current version.
 */
import type { Request, Response } from 'restify';
import type { TabPlace } from '../services/tabViewsAccess';
import { errorBody } from './errors';

export const CHAT_HEADER = 'x-coproduce-chat';
export const MEETING_HEADER = 'x-coproduce-meeting';
export const TIME_ZONE_HEADER = 'x-coproduce-time-zone';

/** Teams ids are well under this; anything longer is not one. */
const MAX_ID_CHARACTERS = 512;

/** A header's value, else the query parameter's (for clients that cannot set headers). */
function valueOf(req: Request, header: string, query: string): string | undefined {
  const fromHeader = req.headers[header];
  const fromQuery = (req.query as Record<string, unknown> | undefined)?.[query];
  const raw = typeof fromHeader === 'string' ? fromHeader : typeof fromQuery === 'string' ? fromQuery : undefined;
  const value = raw?.trim();
  return value && value.length <= MAX_ID_CHARACTERS && !/[\u0000-\u001f]/.test(value) ? value : undefined;
}

export function placeOf(req: Request): TabPlace | undefined {
  const conversationId = valueOf(req, CHAT_HEADER, 'chat');
  if (!conversationId) return undefined;
  const meetingId = valueOf(req, MEETING_HEADER, 'meeting');
  const timeZone = valueOf(req, TIME_ZONE_HEADER, 'timeZone');
  return { conversationId, ...(meetingId ? { meetingId } : {}), ...(timeZone && timeZone.length <= 64 ? { timeZone } : {}) };
}

export function authorizationOf(req: Request): string | undefined {
  const value = req.headers.authorization;
  return typeof value === 'string' ? value : undefined;
}

/** Answers must not be kept by any cache: they are about one person. */
function noStore(res: Response): void {
  res.setHeader('Cache-Control', 'private, no-store');
}

export function sendJson(res: Response, status: number, body: unknown): void {
  noStore(res);
  res.send(status, body);
}

export function sendError(res: Response, status: number, code: string, message: string, extra: Record<string, unknown> = {}): void {
  sendJson(res, status, { ...extra, ...errorBody(code, message) });
}

/**
 * Sends the body with its version as a strong ETag, or a bare 304 when If-None-Match already
 * names that version. The version leaves out seconds ticking down, so a client that gets 304
 * keeps counting down from what it last received.
 */
export function sendVersioned(req: Request, res: Response, body: Record<string, unknown>, version: string): void {
  const etag = `"${version}"`;
  noStore(res);
  res.setHeader('ETag', etag);
  if (matchesEtag(req.headers['if-none-match'], etag)) {
    res.send(304);
    return;
  }
  res.send(200, { ...body, version });
}

function matchesEtag(header: string | string[] | undefined, etag: string): boolean {
  if (typeof header !== 'string') return false;
  return header.split(',').some((candidate) => {
    const tag = candidate.trim().replace(/^W\//, '');
    return tag === etag || tag === '*';
  });
}
