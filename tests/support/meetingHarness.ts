/**
 * A Teams meeting for tests: the real app (restify, botbuilder, SQLite) on loopback, a fake Bot
 * Connector as Teams, a scripted meeting directory for roles and times, and a clock the test moves.
 * People act through Teams-shaped activities; what the bot sends is read from the fake connector.
 */
import type { Clock, MeetingRole } from '../../bot/core/ports';
import { startApp, postActivity, teamsActivity, type RunningApp } from './appHarness';
import { startFakeConnector, type ConnectorCall, type FakeConnector } from './fakeConnector';
import { ScriptedMeetingDirectory } from './scriptedMeetingDirectory';

export const TENANT = '11111111-1111-1111-1111-111111111111';
/** Teams meeting ids are base64 and may hold '/': keys must cope. */
export const MEETING_ID = 'MCMxOTptZWV0aW5n/dGVzdA==';
export const CHAT = '19:meeting_test-chat@thread.v2';
export const BOT = { id: '28:coproduce-bot', name: 'Coproduce' };
export const MEETING_START = new Date('2026-11-26T10:00:00.000Z');

export interface TestPerson {
  readonly key: string;
  readonly id: string;
  readonly aadObjectId: string;
  readonly name: string;
  readonly role: MeetingRole;
}

function person(key: string, n: number, role: MeetingRole): TestPerson {
  const name = key[0].toUpperCase() + key.slice(1);
  return { key, id: `29:user-${key}`, aadObjectId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, name: `${name} Tester`, role };
}

/** Fola organises; Pria presents; the rest attend. */
export const PEOPLE = {
  fola: person('fola', 1, 'Organizer'),
  pria: person('pria', 2, 'Presenter'),
  ash: person('ash', 3, 'Attendee'),
  gabi: person('gabi', 4, 'Attendee'),
  cal: person('cal', 5, 'Attendee'),
} as const;
export type PersonName = keyof typeof PEOPLE;

export class ManualClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
  set(at: Date): void {
    this.current = new Date(at);
  }
}

export interface InvokeResult {
  readonly status: number;
  readonly body: { statusCode?: number; type?: string; value?: unknown } | undefined;
}

export interface MeetingHarness {
  readonly fake: FakeConnector;
  readonly running: RunningApp;
  readonly directory: ScriptedMeetingDirectory;
  readonly clock: ManualClock;
  /** Types a message; in the meeting chat it @mentions the bot unless `mention: false`. */
  say(who: PersonName | TestPerson, text: string, options?: { personal?: boolean; mention?: boolean }): Promise<Response>;
  /** The activity a button press sends, for load generators that post it themselves. */
  invokeActivity(who: PersonName | TestPerson, verb: string, data?: Record<string, unknown>): Record<string, unknown>;
  /** Presses an Action.Execute button; `personal` presses it in the person's 1:1 chat. */
  press(who: PersonName | TestPerson, verb: string, data?: Record<string, unknown>, options?: { personal?: boolean }): Promise<InvokeResult>;
  /** Sends a meeting event with PascalCase or camelCase keys, as Teams does either. */
  meetingEvent(kind: 'start' | 'end' | 'join' | 'leave', options?: { casing?: 'pascal' | 'camel'; who?: readonly PersonName[] }): Promise<Response>;
  /** Opens each person's 1:1 chat with the bot (so it can reach them privately). */
  openPersonalChats(...who: PersonName[]): Promise<void>;
  /** Runs due jobs and drains the outbox until nothing more happens. */
  settle(): Promise<void>;
  /** Every POST (new message) and PUT (edit) the bot made to a conversation, in order. */
  sent(conversationId?: string): ConnectorCall[];
  stop(): Promise<void>;
}

export function personalChatOf(who: PersonName | TestPerson): string {
  return `a:personal-${typeof who === 'string' ? who : who.key}`;
}

export interface MeetingOptions {
  readonly start?: Date;
  readonly minutes?: number;
  /** Benchmarks: the system clock and the background sender and job loops, as in production. */
  readonly realTime?: boolean;
  /** Extra settings, e.g. PUBLIC_URL for links people open outside Teams. */
  readonly env?: Readonly<Record<string, string>>;
  /** Serve this built tab (the browser tests use dist/tab) instead of the tab's source folder. */
  readonly tabDir?: string;
}

export async function startMeeting(options: MeetingOptions = {}): Promise<MeetingHarness> {
  const start = options.start ?? (options.realTime ? new Date() : MEETING_START);
  const fake = await startFakeConnector();
  const clock = new ManualClock(start);
  const directory = new ScriptedMeetingDirectory();
  directory.setMeetingInfo({
    meetingId: MEETING_ID,
    title: 'Test session',
    scheduledStart: start.toISOString(),
    scheduledEnd: new Date(start.getTime() + (options.minutes ?? 120) * 60_000).toISOString(),
    organizerAadObjectId: PEOPLE.fola.aadObjectId,
  });
  for (const p of Object.values(PEOPLE)) directory.setParticipant(MEETING_ID, p.aadObjectId, { role: p.role, inMeeting: true });
  let seed = 1;
  const random = (): number => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  // The scripted people can use the tab's development sign-in, as the Playground's people can.
  const tabSignIn = { devSignInRoster: Object.values(PEOPLE).map((p) => ({ userId: p.id, aadObjectId: p.aadObjectId, tenantId: TENANT, name: p.name })) };
  const served = options.tabDir ? { tabDir: options.tabDir } : {};
  const running = await startApp(
    { ...options.env },
    options.realTime ? { directory, random, background: true, tabSignIn, ...served } : { clock, directory, random, tabSignIn, ...served },
  );
  const who = (p: PersonName | TestPerson): TestPerson => (typeof p === 'string' ? PEOPLE[p] : p);
  const from = (p: TestPerson) => ({ id: p.id, name: p.name, aadObjectId: p.aadObjectId });
  const meetingConversation = { id: CHAT, conversationType: 'groupChat', isGroup: true, tenantId: TENANT };
  const meetingChannelData = { tenant: { id: TENANT }, meeting: { id: MEETING_ID } };
  const place = (p: TestPerson, personal?: boolean) =>
    personal
      ? { conversation: { id: personalChatOf(p), conversationType: 'personal', tenantId: TENANT }, channelData: { tenant: { id: TENANT } } }
      : { conversation: meetingConversation, channelData: meetingChannelData };
  const base = (p: TestPerson, personal?: boolean) => ({
    ...teamsActivity(fake.url, {}),
    from: from(p),
    recipient: BOT,
    timestamp: clock.now().toISOString(),
    localTimezone: 'Europe/London',
    ...place(p, personal),
  });

  const invoke = (p: PersonName | TestPerson, verb: string, data: Record<string, unknown>, personal?: boolean) => ({
    ...base(who(p), personal),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  });

  const harness: MeetingHarness = {
    fake,
    running,
    directory,
    clock,
    say: (p, text, opts = {}) => {
      const person = who(p);
      const mention = !opts.personal && opts.mention !== false;
      return postActivity(running.url, {
        ...base(person, opts.personal),
        type: 'message',
        text: mention ? `<at>Coproduce</at> ${text}` : text,
        entities: mention ? [{ type: 'mention', text: '<at>Coproduce</at>', mentioned: BOT }] : [],
      });
    },
    invokeActivity: (p, verb, data = {}) => invoke(p, verb, data, false),
    press: async (p, verb, data = {}, opts = {}) => {
      const response = await postActivity(running.url, invoke(p, verb, data, opts.personal));
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as InvokeResult['body']) : undefined };
    },
    meetingEvent: (kind, opts = {}) => {
      const pascal = (opts.casing ?? 'pascal') === 'pascal';
      const k = (name: string) => (pascal ? name[0].toUpperCase() + name.slice(1) : name);
      const names = { start: 'Start', end: 'End', join: 'ParticipantJoin', leave: 'ParticipantLeave' } as const;
      const value =
        kind === 'join' || kind === 'leave'
          ? { [k('members')]: (opts.who ?? []).map((n) => ({ [k('user')]: { [k('id')]: PEOPLE[n].id, [k('aadObjectId')]: PEOPLE[n].aadObjectId }, [k('meeting')]: { [k('role')]: PEOPLE[n].role, [k('inMeeting')]: kind === 'join' } })) }
          : { [k('id')]: MEETING_ID, [k('title')]: 'Test session', [kind === 'start' ? k('startTime') : k('endTime')]: clock.now().toISOString() };
      return postActivity(running.url, {
        ...base(PEOPLE.fola),
        from: { id: PEOPLE.fola.id, aadObjectId: PEOPLE.fola.aadObjectId },
        type: 'event',
        name: `application/vnd.microsoft.meeting${names[kind].toLowerCase()}`,
        value,
      });
    },
    openPersonalChats: async (...names) => {
      for (const n of names) {
        const response = await postActivity(running.url, { ...base(PEOPLE[n], true), type: 'message', text: 'hello' });
        if (response.status !== 200) throw new Error(`opening ${n}'s chat answered ${response.status}`);
      }
    },
    settle: async () => {
      for (let round = 0; round < 40; round++) {
        const jobs = await running.app.jobs.runDueOnce();
        const sends = await running.app.sender.drainOnce();
        const progress = jobs.done + jobs.dropped + jobs.retried + jobs.failed + sends.delivered + sends.dropped + sends.failed;
        // Teams' pacing (7 a second per chat) holds the rest back; on a stopped clock, let a second pass.
        if (progress === 0 && sends.paced > 0 && !options.realTime) clock.advance(1_100);
        else if (progress === 0) return;
      }
    },
    sent: (conversationId) =>
      fake.calls.filter((c) => (c.method === 'POST' || c.method === 'PUT') && c.conversationId !== undefined && (conversationId === undefined || c.conversationId === conversationId)),
    stop: async () => {
      await running.stop();
      await fake.close();
    },
  };
  return harness;
}

/** The Adaptive Card in a sent activity, if it carries one. */
export function cardOf(call: ConnectorCall): Record<string, unknown> | undefined {
  const body = call.body as { attachments?: { contentType?: string; content?: Record<string, unknown> }[] } | null;
  return body?.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
}

/** Every piece of text in a card or activity, joined, for "does the chat show X" assertions. */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(textOf).join(' ');
  if (value && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([k]) => ['text', 'title', 'body', 'inlines', 'items', 'columns', 'facts', 'value', 'attachments', 'content', 'actions', 'card', 'fallbackText'].includes(k))
      .map(([, v]) => textOf(v))
      .join(' ');
  }
  return '';
}
