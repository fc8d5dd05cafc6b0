/**
 * The tab's calls to the server. Every call carries the sign-in token in the Authorization header
 * and the chat and meeting the tab is open in as headers (never in the URL, so they stay out of
 * logs). The server decides which session that is and what this person may see or do.
 */
import type { TokenSource } from './tokens';
import type { ActionAnswer, SessionView, StageLink, StageView } from './viewTypes';

export interface Place {
  readonly chatId: string;
  readonly meetingId?: string;
}

/** Why a call did not give an answer, in terms the screens act on. */
export type Failure =
  | { readonly kind: 'signIn'; readonly needsConsent: boolean; readonly message: string }
  | { readonly kind: 'forbidden'; readonly message: string }
  | { readonly kind: 'noSession'; readonly message: string }
  | { readonly kind: 'refused'; readonly status: number; readonly message: string }
  | { readonly kind: 'offline'; readonly message: string };

export type Fetched<T> = { readonly kind: 'fresh'; readonly value: T } | { readonly kind: 'unchanged' } | Failure;

export type ActionOutcome = { readonly kind: 'done'; readonly answer: ActionAnswer } | Failure;

const OFFLINE = 'Coproduce cannot reach its server just now. It will keep trying.';
const SIGN_IN = 'Coproduce could not sign you in.';

interface Raw {
  readonly status: number;
  readonly body: unknown;
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 304) return undefined;
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function messageOf(body: unknown, fallback: string): string {
  const message = (body as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' && message.trim() !== '' ? message : fallback;
}

function failureOf(raw: Raw): Failure {
  const code = (raw.body as { code?: unknown } | undefined)?.code;
  if (raw.status === 403) return { kind: 'forbidden', message: messageOf(raw.body, 'You cannot see this session.') };
  if (raw.status === 404 && code === 'NoSession') return { kind: 'noSession', message: messageOf(raw.body, 'There is no session here yet.') };
  if (raw.status === 401) return { kind: 'signIn', needsConsent: false, message: messageOf(raw.body, SIGN_IN) };
  if (raw.status >= 500 || raw.status === 0) return { kind: 'offline', message: OFFLINE };
  return { kind: 'refused', status: raw.status, message: messageOf(raw.body, 'That did not work. Please try again.') };
}

export class TabApi {
  constructor(
    private readonly tokens: TokenSource,
    private readonly place: Place,
    private readonly timeZone: string = Intl.DateTimeFormat().resolvedOptions().timeZone,
  ) {}

  /** One request with a token; a refused token is renewed once and the request tried again. */
  private async send(path: string, init: RequestInit, extraHeaders: Record<string, string> = {}): Promise<Raw | Failure> {
    for (const renew of [false, true]) {
      const token = await this.tokens.token(renew);
      if (!token.ok) return { kind: 'signIn', needsConsent: token.needsConsent, message: SIGN_IN };
      const headers: Record<string, string> = {
        authorization: `Bearer ${token.token}`,
        'x-coproduce-chat': this.place.chatId,
        ...(this.place.meetingId ? { 'x-coproduce-meeting': this.place.meetingId } : {}),
        ...(this.timeZone ? { 'x-coproduce-time-zone': this.timeZone } : {}),
        ...extraHeaders,
      };
      let response: Response;
      try {
        response = await fetch(path, { ...init, headers: { ...headers, ...(init.headers as Record<string, string> | undefined) }, cache: 'no-store' });
      } catch {
        return { kind: 'offline', message: OFFLINE };
      }
      const raw = { status: response.status, body: await readBody(response) };
      if (raw.status === 401 && !renew) continue;
      return raw;
    }
    return { kind: 'signIn', needsConsent: false, message: SIGN_IN };
  }

  async session(etag?: string): Promise<Fetched<SessionView> & { readonly etag?: string }> {
    const raw = await this.send('/api/tab/session', { method: 'GET' }, etag ? { 'if-none-match': etag } : {});
    if ('kind' in raw) return raw;
    if (raw.status === 304) return { kind: 'unchanged' };
    if (raw.status !== 200) return failureOf(raw);
    const view = raw.body as SessionView;
    return { kind: 'fresh', value: view, etag: `"${view.version}"` };
  }

  async act(verb: string, data: Readonly<Record<string, unknown>> = {}): Promise<ActionOutcome> {
    const raw = await this.send(`/api/tab/actions/${encodeURIComponent(verb)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(data),
    });
    if ('kind' in raw) return raw;
    if (raw.status === 200) return { kind: 'done', answer: raw.body as ActionAnswer };
    return failureOf(raw);
  }

  async stageLink(rotate = false): Promise<{ readonly kind: 'fresh'; readonly value: StageLink } | Failure> {
    const raw = await this.send('/api/tab/stage-link', { method: rotate ? 'POST' : 'GET' });
    if ('kind' in raw) return raw;
    if (raw.status !== 200) return failureOf(raw);
    return { kind: 'fresh', value: raw.body as StageLink };
  }

  /**
   * A JSON request to one of the tab's own routes (the Prepare screen's, for one). A refusal
   * comes back as a Failure with the server's plain message; `body` is kept on it for callers
   * that need more (a 409 carries the newer version).
   */
  async call<T>(method: 'GET' | 'PUT' | 'POST', path: string, data?: unknown): Promise<{ readonly kind: 'done'; readonly value: T } | (Failure & { readonly body?: unknown })> {
    const raw = await this.send(path, data === undefined ? { method } : { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(data) });
    if ('kind' in raw) return raw;
    if (raw.status === 200) return { kind: 'done', value: raw.body as T };
    return { ...failureOf(raw), body: raw.body };
  }
}

/** The stage view needs no sign-in: the stage token in the page's address is the key. */
export async function fetchStage(stageToken: string, etag?: string): Promise<Fetched<StageView> & { readonly etag?: string }> {
  let response: Response;
  try {
    response = await fetch(`/api/stage/${encodeURIComponent(stageToken)}`, { headers: etag ? { 'if-none-match': etag } : {}, cache: 'no-store' });
  } catch {
    return { kind: 'offline', message: OFFLINE };
  }
  if (response.status === 304) return { kind: 'unchanged' };
  const body = await readBody(response);
  if (response.status === 404) return { kind: 'refused', status: 404, message: 'This stage link has ended. Ask a facilitator to share the stage again.' };
  if (response.status !== 200) return failureOf({ status: response.status, body });
  const view = body as StageView;
  return { kind: 'fresh', value: view, etag: `"${view.version}"` };
}
