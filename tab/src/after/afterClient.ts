/**
 * The "After the meeting" screens' calls to the server. As every tab call, the sign-in token goes
 * in the Authorization header and the chat and meeting in headers, never in an address. Files are
 * fetched the same way and saved through a Blob link, so a download never puts a token in a URL.
 */
import type { Place } from '../api/client';
import type { TokenSource } from '../api/tokens';
import type { Loaded, Outcome } from './afterTypes';

const OFFLINE = 'Coproduce cannot reach its server just now. Please try again in a minute.';
const SIGN_IN = 'Coproduce could not sign you in. Please sign in to Teams again.';
const REFUSED = 'That did not work. Please try again.';

type Answer = { readonly ok: true; readonly response: Response } | { readonly ok: false; readonly status: number; readonly message: string };

async function messageOf(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { message?: unknown };
    return typeof body.message === 'string' && body.message.trim() !== '' ? body.message : REFUSED;
  } catch {
    return REFUSED;
  }
}

/** The file name the server gave in Content-Disposition, or a plain one. */
export function fileNameOf(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(header)?.[1];
  return name && /^[\w.-]+$/.test(name) ? name : fallback;
}

export class AfterClient {
  constructor(
    private readonly tokens: TokenSource,
    private readonly place: Place,
  ) {}

  /** One request with a token; a refused token is renewed once and the request tried again. */
  private async send(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Answer> {
    for (const renew of [false, true]) {
      const token = await this.tokens.token(renew);
      if (!token.ok) return { ok: false, status: 401, message: SIGN_IN };
      const headers: Record<string, string> = {
        authorization: `Bearer ${token.token}`,
        'x-coproduce-chat': this.place.chatId,
        ...(this.place.meetingId ? { 'x-coproduce-meeting': this.place.meetingId } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      };
      let response: Response;
      try {
        response = await fetch(path, { method, headers, cache: 'no-store', ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      } catch {
        return { ok: false, status: 0, message: OFFLINE };
      }
      if (response.status === 401 && !renew) continue;
      if (response.ok) return { ok: true, response };
      return { ok: false, status: response.status, message: response.status >= 500 ? OFFLINE : await messageOf(response) };
    }
    return { ok: false, status: 401, message: SIGN_IN };
  }

  async load<T>(path: string): Promise<Loaded<T>> {
    const answer = await this.send('GET', path);
    if (!answer.ok) return answer;
    return { ok: true, value: (await answer.response.json()) as T };
  }

  async change(path: string, body: unknown = {}): Promise<Outcome> {
    const answer = await this.send('POST', path, body);
    if (!answer.ok) return answer;
    return { ok: true, message: await messageOf(answer.response) };
  }

  /** Fetches a file and hands it to the browser to save; the answer names the file saved. */
  async download(kind: string, options: Readonly<Record<string, string>> = {}): Promise<Outcome> {
    const answer = await this.send('POST', `/api/tab/after/exports/${encodeURIComponent(kind)}`, options);
    if (!answer.ok) return answer;
    const name = fileNameOf(answer.response, `coproduce-${kind}`);
    const url = URL.createObjectURL(await answer.response.blob());
    try {
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      link.rel = 'noopener';
      document.body.append(link);
      link.click();
      link.remove();
    } finally {
      // Give the browser a moment to start the save before the address stops working.
      setTimeout(() => URL.revokeObjectURL(url), 30_000);
    }
    return { ok: true, message: name };
  }
}

/** The summary its link names: no sign-in, the token in the page's address is the key. */
export async function loadDigestByToken<T>(token: string): Promise<Loaded<T>> {
  let response: Response;
  try {
    response = await fetch(`/api/digest/${encodeURIComponent(token)}`, { cache: 'no-store', referrerPolicy: 'no-referrer' });
  } catch {
    return { ok: false, status: 0, message: OFFLINE };
  }
  if (!response.ok) return { ok: false, status: response.status, message: response.status >= 500 ? OFFLINE : await messageOf(response) };
  return { ok: true, value: (await response.json()) as T };
}
