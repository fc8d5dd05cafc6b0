/**
 * Shared steps for the tab API tests: the scripted meeting (local mode) with a session Fola set up
 * naming Pria as a facilitator, tokens from the development sign-in, and requests made the way the
 * tab makes them (bearer token, the meeting's chat and meeting ids in headers). Not a test file.
 */
import { saveSetup } from '../../bot/core/sessionStore';
import { CHAT, MEETING_ID, MEETING_START, PEOPLE, TENANT, type MeetingHarness, type PersonName } from '../support/meetingHarness';

export interface Place {
  readonly chat: string;
  readonly meeting?: string;
}

export const MEETING_PLACE: Place = { chat: CHAT, meeting: MEETING_ID };
export const OUTCOME = 'Agree three changes to how transport is booked';

/** Fola (organiser) creates the session and names Pria; returns the session key. */
export async function setUpSession(m: MeetingHarness, place: { meetingId: string; conversationId: string } = { meetingId: MEETING_ID, conversationId: CHAT }): Promise<string> {
  const saved = await saveSetup(
    m.running.app.store,
    {
      ...place,
      occurrenceStart: MEETING_START.toISOString(),
      purpose: { outcome: OUTCOME, openToUnexpected: true },
      facilitators: [{ tenantId: TENANT, aadObjectId: PEOPLE.pria.aadObjectId }],
      safeguardingContact: 'Sam on 0100 000 0000',
    },
    { tenantId: TENANT, aadObjectId: PEOPLE.fola.aadObjectId },
    m.clock.now(),
  );
  if (!saved.ok) throw new Error(saved.problems.join(' '));
  return saved.value.sessionKey;
}

/** The session set up and its meeting started (the framework running); returns the session key. */
export async function startSession(m: MeetingHarness): Promise<string> {
  const sessionKey = await setUpSession(m);
  await m.meetingEvent('start', { casing: 'camel' });
  await m.settle();
  return sessionKey;
}

/** Ash writes an unsaid note and Gabi asks for a pause, as anyone can from the chat's cards. */
export async function anonymousNoteAndPause(m: MeetingHarness, sessionKey: string): Promise<void> {
  const note = await m.press('ash', 'unsaid.send', { sessionKey, unsaidText: 'I found the forms hard' });
  const pause = await m.press('gabi', 'break.requestPause', { sessionKey });
  expect([note.body?.statusCode, pause.body?.statusCode]).toEqual([200, 200]);
}

export class TabClient {
  private readonly tokens = new Map<string, string>();
  constructor(private readonly m: MeetingHarness) {}

  /** A development sign-in token for this person (asked once, reused). */
  async token(who: PersonName): Promise<string> {
    const known = this.tokens.get(who);
    if (known) return known;
    const response = await fetch(`${this.m.running.url}/api/tab/dev-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: PEOPLE[who].id }),
    });
    if (response.status !== 200) throw new Error(`dev sign-in for ${who} answered ${response.status}`);
    const { token } = (await response.json()) as { token: string };
    this.tokens.set(who, token);
    return token;
  }

  /** Drops the tokens asked for so far (after the clock has moved past their expiry). */
  forgetTokens(): void {
    this.tokens.clear();
  }

  async headers(who: PersonName, place: Place = MEETING_PLACE): Promise<Record<string, string>> {
    return {
      authorization: `Bearer ${await this.token(who)}`,
      'x-coproduce-chat': place.chat,
      ...(place.meeting ? { 'x-coproduce-meeting': place.meeting } : {}),
    };
  }

  async get(who: PersonName, path: string, options: { place?: Place; etag?: string } = {}): Promise<Response> {
    const headers = await this.headers(who, options.place);
    return fetch(`${this.m.running.url}${path}`, { headers: { ...headers, ...(options.etag ? { 'if-none-match': options.etag } : {}) } });
  }

  /** The session view as this person sees it (status 200 expected). */
  async view(who: PersonName, place?: Place): Promise<SessionViewJson> {
    const response = await this.get(who, '/api/tab/session', { place });
    if (response.status !== 200) throw new Error(`session view for ${who} answered ${response.status}`);
    return (await response.json()) as SessionViewJson;
  }

  async act(who: PersonName, verb: string, data: Record<string, unknown> = {}, place?: Place): Promise<{ status: number; body: ActionJson }> {
    const response = await fetch(`${this.m.running.url}/api/tab/actions/${verb}`, {
      method: 'POST',
      headers: { ...(await this.headers(who, place)), 'content-type': 'application/json' },
      body: JSON.stringify(data),
    });
    return { status: response.status, body: (await response.json()) as ActionJson };
  }
}

/** A response's JSON body, read as the shape the test expects. */
export async function bodyOf<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

export interface ErrorJson {
  readonly code: string;
  readonly message: string;
}

export interface StageJson {
  readonly purpose: string;
  readonly state: string;
  readonly agenda: readonly { readonly id: string; readonly title: string; readonly minutes: number }[];
  readonly current: { readonly title: string; readonly endsAt?: string; readonly remainingSeconds: number };
  readonly nextBreak: { readonly title: string };
}

export interface ActionJson {
  readonly ok: boolean;
  readonly message?: string;
  readonly card?: Record<string, unknown>;
  readonly code?: string;
}

export interface SessionViewJson {
  readonly version: string;
  readonly serverTime: string;
  readonly role: 'facilitator' | 'participant';
  readonly purpose: { readonly outcome: string };
  readonly safeguardingContact?: string;
  readonly framework: {
    readonly agenda: readonly { readonly id: string; readonly kind: string; readonly title: string; readonly minutes: number }[];
    readonly started: boolean;
    readonly ended: boolean;
    readonly paused: boolean;
    readonly currentItemId?: string;
    readonly currentEndsAt?: string;
    readonly remainingSeconds: number;
    readonly nextBreak?: { readonly title: string; readonly startsAt: string };
  };
  readonly facilitator?: {
    readonly quietVoices: { readonly quiet: readonly { name: string }[]; readonly quietWithoutName: number; readonly present: number };
    readonly anonymous: { readonly notes: number; readonly pauses: number };
    readonly purposeAnswers: number;
    readonly senseChecks: readonly { readonly id: string; readonly status: string; readonly tallies: readonly { answered: number; expected?: number }[] }[];
    readonly consent: { readonly answered: number; readonly expected: number; readonly clearance: { readonly clear: boolean; readonly saidNo?: number } };
  };
}
