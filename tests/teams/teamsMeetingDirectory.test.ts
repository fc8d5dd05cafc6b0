/**
 * The Teams MeetingDirectory against a real CloudAdapter (auth off) and the fake Bot Connector on
 * loopback: the lookups run in a proactive turn on the meeting chat's reference, as in production.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type ConversationReference, type TurnContext } from 'botbuilder';
import type { MeetingRef, Person } from '../../bot/core/ports';
import { TeamsMeetingDirectory, meetingRoleFrom, type WithConversation } from '../../bot/teams/teamsMeetingDirectory';
import { startFakeConnector, teamsError, type FakeConnector } from '../support/fakeConnector';

const TENANT = 'tenant-1';
const CHAT = '19:meeting_abc@thread.v2';
// Real meeting ids are base64 and may hold '/', '+' and '='.
const MEETING_ID = 'MCMxOTptZWV0aW5n/YWJj+dGhyZWFk=';
const MEETING: MeetingRef = { meetingId: MEETING_ID, conversationId: CHAT, tenantId: TENANT };
const person = (aad: string): Person => ({ userId: `29:${aad}`, aadObjectId: aad, tenantId: TENANT });
const participant = (role: string, inMeeting = true) => ({
  user: { id: '29:x', name: 'Test Person', aadObjectId: 'x', tenantId: TENANT, userRole: 'user' },
  meeting: { role, inMeeting },
  conversation: { id: CHAT, conversationType: 'groupChat', isGroup: true },
});

const adapter = new CloudAdapter(
  new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant', MicrosoftAppTenantId: '' }),
);
let fake: FakeConnector;
let serviceUrl: string;

let turnsOpened = 0;

/** What the app wires: a proactive turn on the stored reference of that conversation. */
const withConversation: WithConversation = async <T,>(conversationId: string, fn: (context: TurnContext) => Promise<T>) => {
  turnsOpened += 1;
  if (conversationId !== CHAT) return undefined; // no stored reference
  const reference: Partial<ConversationReference> = {
    channelId: 'msteams',
    serviceUrl,
    bot: { id: '28:bot', name: 'Coproduce' },
    conversation: { id: CHAT, conversationType: 'groupChat', isGroup: true, tenantId: TENANT, name: '' },
  };
  let result: T | undefined;
  await adapter.continueConversationAsync('', reference, async (context) => {
    result = await fn(context);
  });
  return result;
};

const failures: { what: string; status: number }[] = [];
const directory = new TeamsMeetingDirectory({ withConversation, onLookupFailed: (what, status) => failures.push({ what, status }) });

beforeAll(async () => {
  fake = await startFakeConnector();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.reset();
  failures.length = 0;
  turnsOpened = 0;
  serviceUrl = fake.url;
});

/** A loopback URL where nothing listens any more. */
async function closedPortUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/`;
}

const participantsOf = (entries: Record<string, unknown>) => fake.participants.set(MEETING_ID, new Map(Object.entries(entries)));

test('roles are read from Get participant, whatever their case', async () => {
  participantsOf({ 'aad-org': participant('ORGANIZER'), 'aad-pres': participant('presenter'), 'aad-att': participant('Attendee') });
  expect(await directory.roleOf(MEETING, person('aad-org'))).toBe('Organizer');
  expect(await directory.roleOf(MEETING, person('aad-pres'))).toBe('Presenter');
  expect(await directory.roleOf(MEETING, person('aad-att'))).toBe('Attendee');
  expect(fake.calls[0]).toMatchObject({
    method: 'GET',
    path: `/v1/meetings/${encodeURIComponent(MEETING_ID)}/participants/aad-org?tenantId=${TENANT}`,
  });
});

test('presence is read from the same answer', async () => {
  participantsOf({ here: participant('Attendee', true), gone: participant('Attendee', false) });
  expect(await directory.isInMeeting(MEETING, person('here'))).toBe(true);
  expect(await directory.isInMeeting(MEETING, person('gone'))).toBe(false);
});

test('an anonymous joiner is never looked up: no turn opened, no HTTP call at all', async () => {
  const anonymous: Person = { userId: '29:anonymous-joiner', tenantId: TENANT };
  expect(await directory.roleOf(MEETING, anonymous)).toBeUndefined();
  expect(await directory.isInMeeting(MEETING, anonymous)).toBeUndefined();
  expect(turnsOpened).toBe(0);
  expect(fake.calls).toHaveLength(0);
});

test.each([
  [403, teamsError('BotNotInConversationRoster')],
  [404, teamsError('NotFound')],
])('a %s answer means "cannot tell"', async (status, body) => {
  participantsOf({ someone: participant('Organizer') });
  fake.script([{ status, body, method: 'GET' }]);
  expect(await directory.roleOf(MEETING, person('someone'))).toBeUndefined();
  expect(failures).toEqual([{ what: 'participant', status }]);
});

test('a person the meeting does not know (404 from the roster) is "cannot tell"', async () => {
  expect(await directory.roleOf(MEETING, person('stranger'))).toBeUndefined();
  expect(await directory.isInMeeting(MEETING, person('stranger'))).toBeUndefined();
});

test('a role Teams may add later is not mistaken for one we know', async () => {
  participantsOf({ producer: participant('Producer') });
  expect(await directory.roleOf(MEETING, person('producer'))).toBeUndefined();
  expect(meetingRoleFrom(undefined)).toBeUndefined();
});

test('no stored conversation reference: nothing is asked, nothing is known', async () => {
  expect(await directory.roleOf({ ...MEETING, conversationId: 'a:unknown' }, person('someone'))).toBeUndefined();
  expect(fake.calls).toHaveLength(0);
});

test('a connector that is not there is "cannot tell" once the time limit passes, not a crash', async () => {
  serviceUrl = await closedPortUrl();
  const impatient = new TeamsMeetingDirectory({ withConversation, timeoutMs: 200, onLookupFailed: (what, status) => failures.push({ what, status }) });
  expect(await impatient.roleOf(MEETING, person('someone'))).toBeUndefined();
  expect(await impatient.meetingInfo(MEETING)).toBeUndefined();
  expect(failures).toEqual([{ what: 'participant', status: -1 }, { what: 'meetingInfo', status: -1 }]);
});

test('without a time limit set, a refused connection still ends as "cannot tell"', async () => {
  serviceUrl = await closedPortUrl();
  const patient = new TeamsMeetingDirectory({ withConversation, timeoutMs: 20_000, onLookupFailed: (what, status) => failures.push({ what, status }) });
  expect(await patient.roleOf(MEETING, person('someone'))).toBeUndefined();
  expect(failures).toEqual([{ what: 'participant', status: 0 }]);
});

test('meeting details give title, type, times and the organiser', async () => {
  fake.script([
    {
      status: 200,
      method: 'GET',
      body: {
        details: {
          id: MEETING_ID, msGraphResourceId: 'graph-id', title: 'Service design session', type: 'Scheduled',
          scheduledStartTime: '2025-03-01T10:00:00Z', scheduledEndTime: '2025-03-01T12:00:00Z', joinUrl: 'https://teams.invalid/join',
        },
        conversation: { id: CHAT, conversationType: 'groupChat', isGroup: true },
        organizer: { id: '29:org', aadObjectId: 'aad-org', objectId: 'aad-org', tenantId: TENANT },
      },
    },
  ]);
  expect(await directory.meetingInfo(MEETING)).toEqual({
    meetingId: MEETING_ID,
    title: 'Service design session',
    type: 'Scheduled',
    scheduledStart: '2025-03-01T10:00:00.000Z',
    scheduledEnd: '2025-03-01T12:00:00.000Z',
    organizerAadObjectId: 'aad-org',
  });
  expect(fake.calls[0]).toMatchObject({ method: 'GET', path: `/v1/meetings/${encodeURIComponent(MEETING_ID)}` });
});

test('meeting details that fail are "cannot tell"', async () => {
  fake.script([{ status: 404, body: teamsError('NotFound'), method: 'GET' }]);
  expect(await directory.meetingInfo(MEETING)).toBeUndefined();
  expect(failures).toEqual([{ what: 'meetingInfo', status: 404 }]);
});
