/**
 * A fake Bot Connector on loopback: records every request botbuilder makes and answers from a
 * script, so tests can make Teams throttle (429), fail (500), refuse (403/404/412) or accept.
 *
 * Unscripted requests get Teams' usual success: POST → 201 { id: 'act-N' }, PUT/GET/DELETE → 200.
 * GET /v3/conversations/{id}/members/{userId} and GET /v1/meetings/{id}/participants/{aad} answer
 * from the roster maps (404 when absent), unless a scripted answer is queued for them.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorCall {
  readonly method: string;
  /** Path with query, exactly as sent (ids URL-encoded). */
  readonly path: string;
  /** Decoded conversation id for /v3/conversations/{id}/… paths. */
  readonly conversationId?: string;
  /** Decoded trailing activity id for …/activities/{id} paths. */
  readonly activityId?: string;
  /** Parsed JSON body, the raw text if not JSON, or null when empty. */
  readonly body: unknown;
  readonly headers: http.IncomingHttpHeaders;
  /** Arrival time, Date.now() milliseconds. */
  readonly at: number;
}

export interface ScriptedResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent as JSON unless a string. */
  readonly body?: unknown;
  /** Only answer requests with this method (others fall through to the next match or default). */
  readonly method?: string;
  /** Only answer requests to this conversation (its decoded id), likewise. */
  readonly conversationId?: string;
}

export interface FakeConnector {
  /** Base URL with trailing slash, e.g. http://127.0.0.1:40123/ — use as the serviceUrl. */
  readonly url: string;
  readonly calls: ConnectorCall[];
  /** Queues answers; each is used once, in order, by the first request it matches. */
  script(responses: readonly ScriptedResponse[]): void;
  /** conversationId → userId → member JSON (TeamsChannelAccount). */
  readonly members: Map<string, Map<string, unknown>>;
  /** meetingId → aadObjectId → participant JSON (TeamsMeetingParticipant). */
  readonly participants: Map<string, Map<string, unknown>>;
  /** Resolves once at least n calls have arrived; rejects after timeoutMs. */
  waitForCalls(n: number, timeoutMs?: number): Promise<ConnectorCall[]>;
  /** Forgets calls, scripted answers and roster entries; activity ids start again at act-1. */
  reset(): void;
  close(): Promise<void>;
}

/** A Teams-shaped error body, e.g. teamsError('BotNotInConversationRoster'). */
export function teamsError(code: string, message = 'Scripted error from the fake connector'): unknown {
  return { error: { code, message } };
}

const CONVERSATION_PATH = /^\/v3\/conversations\/([^/?]+)(?:\/activities\/([^/?]+))?/;
const MEMBER_PATH = /^\/v3\/conversations\/([^/?]+)\/members\/([^/?]+)(?:\?|$)/;
const PARTICIPANT_PATH = /^\/v1\/meetings\/([^/?]+)\/participants\/([^/?]+)(?:\?|$)/;

export async function startFakeConnector(): Promise<FakeConnector> {
  const calls: ConnectorCall[] = [];
  let queue: ScriptedResponse[] = [];
  const members = new Map<string, Map<string, unknown>>();
  const participants = new Map<string, Map<string, unknown>>();
  const waiters = new Set<() => void>();
  let posted = 0;

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const method = req.method ?? 'GET';
      const path = req.url ?? '/';
      const call = record(method, path, Buffer.concat(chunks).toString('utf8'), req.headers);
      calls.push(call);
      for (const wake of [...waiters]) wake();
      const scripted = takeScripted(method, call.conversationId);
      if (scripted) return answer(res, scripted.status, scripted.body, scripted.headers);
      const roster = rosterAnswer(method, path);
      if (roster) return answer(res, roster.status, roster.body);
      if (method === 'POST') return answer(res, 201, { id: `act-${++posted}` });
      answer(res, 200, method === 'PUT' ? { id: call.activityId } : {});
    });
  });

  function takeScripted(method: string, conversationId: string | undefined): ScriptedResponse | undefined {
    const index = queue.findIndex((r) => (!r.method || r.method.toUpperCase() === method) && (!r.conversationId || r.conversationId === conversationId));
    if (index < 0) return undefined;
    return queue.splice(index, 1)[0];
  }

  function rosterAnswer(method: string, path: string): { status: number; body: unknown } | undefined {
    if (method !== 'GET') return undefined;
    const member = MEMBER_PATH.exec(path);
    if (member) {
      const found = members.get(decode(member[1]))?.get(decode(member[2]));
      return found ? { status: 200, body: found } : { status: 404, body: teamsError('MemberNotFoundInConversation') };
    }
    const participant = PARTICIPANT_PATH.exec(path);
    if (participant) {
      const found = participants.get(decode(participant[1]))?.get(decode(participant[2]));
      return found ? { status: 200, body: found } : { status: 404, body: teamsError('NotFound') };
    }
    return undefined;
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/`,
    calls,
    members,
    participants,
    script(responses) {
      queue.push(...responses);
    },
    waitForCalls(n, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = (): boolean => {
          if (calls.length < n) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(calls.slice());
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`Fake connector saw ${calls.length} calls, expected ${n} within ${timeoutMs} ms`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
    reset() {
      calls.length = 0;
      queue = [];
      posted = 0;
      members.clear();
      participants.clear();
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
}

function record(method: string, path: string, text: string, headers: http.IncomingHttpHeaders): ConnectorCall {
  const match = CONVERSATION_PATH.exec(path);
  return {
    method,
    path,
    conversationId: match ? decode(match[1]) : undefined,
    activityId: match?.[2] ? decode(match[2]) : undefined,
    body: parseBody(text),
    headers,
    at: Date.now(),
  };
}

function parseBody(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

function answer(res: http.ServerResponse, status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): void {
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(text);
}
