import {
  FacilitatorCheck,
  MAX_ROLE_CACHE_MS,
  decideFacilitator,
  personKeyOf,
  type FacilitatorDecision,
  type LiveMeetingRole,
  type SessionFacilitation,
} from '../../bot/core/facilitators';
import type { MeetingRef, Person } from '../../bot/core/ports';
import { ScriptedMeetingDirectory } from '../support/scriptedMeetingDirectory';

const TENANT = 'c0de0000-0000-4000-8000-000000000001';
const OTHER_TENANT = 'c0de0000-0000-4000-8000-000000000002';
const MEETING: MeetingRef = { meetingId: 'meeting-1', conversationId: '19:meeting_1@thread.v2', tenantId: TENANT };

const member = (n: string): Person => ({ userId: `29:user-${n}`, aadObjectId: `c0de0000-0000-4000-8000-0000000000${n}`, tenantId: TENANT });
const creator = member('c1');
const namedFacilitator = member('f1');
const notetaker = member('n1');
const organiser = member('o1');
const attendee = member('a1');
const anonymousNamed: Person = { userId: '29:anon-named' };
const anonymousStranger: Person = { userId: '29:anon-stranger' };

const session: SessionFacilitation = {
  creator: personKeyOf(creator)!,
  facilitators: [personKeyOf(namedFacilitator)!, { userId: '29:anon-named' }],
  notetakers: [personKeyOf(notetaker)!],
  organiserAadObjectIds: [organiser.aadObjectId!.toUpperCase()],
};

const yes = (basis: string) => ({ isFacilitator: true, basis });
const no = (reason: string) => ({ isFacilitator: false, reason });

describe('the facilitator rule over data', () => {
  test.each<[string, Person, LiveMeetingRole | undefined, FacilitatorDecision | object]>([
    ['the creator, outside a live meeting', creator, undefined, yes('creator')],
    ['a named facilitator', namedFacilitator, undefined, yes('named')],
    ['a named notetaker', notetaker, undefined, yes('named')],
    ['the meeting organiser (ids compared without case)', organiser, undefined, yes('organiser')],
    ['an attendee nobody named', attendee, undefined, no('notNamed')],
    ['an attendee who is a Presenter in Teams but not named', attendee, { role: 'Presenter' }, no('notNamed')],
    ['an attendee who is even an Organizer in Teams but not named', attendee, { role: 'Organizer' }, no('notNamed')],
    ['the creator who is a Presenter in the live meeting', creator, { role: 'Presenter' }, yes('creator')],
    ['the organiser who is Organizer in the live meeting', organiser, { role: 'Organizer' }, yes('organiser')],
    ['a named person whose live role is Attendee', namedFacilitator, { role: 'Attendee' }, no('roleTooLow')],
    ['a named person whose live role could not be looked up', namedFacilitator, { role: undefined }, no('roleUnknown')],
    ['an anonymous joiner nobody named', anonymousStranger, undefined, no('notNamed')],
    ['an anonymous joiner named by user id, outside a live meeting', anonymousNamed, undefined, yes('named')],
    ['an anonymous joiner named by user id, in a live meeting (no lookup possible)', anonymousNamed, { role: undefined }, no('roleUnknown')],
    ['the creator\u2019s object id from another tenant', { ...creator, tenantId: OTHER_TENANT, userId: undefined }, undefined, no('notNamed')],
    ['the creator\u2019s object id with no tenant', { aadObjectId: creator.aadObjectId }, undefined, no('notNamed')],
    ['someone with no identity at all', {}, undefined, no('notNamed')],
  ])('%s', (_label, person, live, expected) => {
    expect(decideFacilitator(session, person, live)).toEqual(expected);
  });

  test('a person is remembered by Entra identity when complete, else by Teams user id', () => {
    expect(personKeyOf(member('x1'))).toEqual({ tenantId: TENANT, aadObjectId: member('x1').aadObjectId });
    expect(personKeyOf({ userId: '29:anon', aadObjectId: 'oid-without-tenant' })).toEqual({ userId: '29:anon' });
    expect(personKeyOf({})).toBeUndefined();
  });
});

describe('the facilitator rule with live roles', () => {
  let now: Date;
  const clock = { now: () => now };
  let directory: ScriptedMeetingDirectory;
  let check: FacilitatorCheck;

  beforeEach(() => {
    now = new Date('2025-03-01T10:00:00.000Z');
    directory = new ScriptedMeetingDirectory()
      .setRole(MEETING.meetingId, creator.aadObjectId!, 'Organizer')
      .setRole(MEETING.meetingId, namedFacilitator.aadObjectId!, 'Attendee')
      .setRole(MEETING.meetingId, notetaker.aadObjectId!, 'Presenter')
      .setRole(MEETING.meetingId, attendee.aadObjectId!, 'Presenter');
    check = new FacilitatorCheck(directory, clock);
  });

  test.each<[string, Person, boolean]>([
    ['the creator, Organizer in Teams', creator, true],
    ['a notetaker, Presenter in Teams', notetaker, true],
    ['a named facilitator demoted to Attendee', namedFacilitator, false],
    ['an attendee who is a Presenter by default but not named', attendee, false],
    ['a named anonymous joiner (Teams cannot be asked)', anonymousNamed, false],
  ])('in a live meeting: %s → %s', async (_label, person, expected) => {
    expect(await check.isFacilitator(session, person, MEETING)).toBe(expected);
  });

  test('people not named, and anonymous people, cause no lookup at all', async () => {
    await check.decide(session, attendee, MEETING);
    await check.decide(session, anonymousStranger, MEETING);
    await check.decide(session, anonymousNamed, MEETING);
    expect(directory.calls.roleOf).toBe(0);
  });

  test('outside a live meeting naming is enough and Teams is not asked', async () => {
    expect(await check.decide(session, namedFacilitator)).toEqual(yes('named'));
    expect(directory.calls.roleOf).toBe(0);
  });

  test.each(['undefined', 'throw'] as const)('a failed lookup (%s) means not a facilitator, and is not cached', async (mode) => {
    directory.failLookups(mode);
    expect(await check.decide(session, creator, MEETING)).toEqual(no('roleUnknown'));
    directory.failLookups('no');
    expect(await check.decide(session, creator, MEETING)).toEqual(yes('creator'));
    expect(directory.calls.roleOf).toBe(2);
  });

  test('a role is reused for less than 60 seconds, then looked up again', async () => {
    expect(await check.isFacilitator(session, creator, MEETING)).toBe(true);
    directory.setRole(MEETING.meetingId, creator.aadObjectId!, 'Attendee'); // the organiser demotes them

    now = new Date(now.getTime() + MAX_ROLE_CACHE_MS - 1);
    expect(await check.isFacilitator(session, creator, MEETING)).toBe(true);
    expect(directory.calls.roleOf).toBe(1);

    now = new Date(now.getTime() + 1);
    expect(await check.decide(session, creator, MEETING)).toEqual(no('roleTooLow'));
    expect(directory.calls.roleOf).toBe(2);
  });

  test('the cache is per meeting and per person', async () => {
    const otherMeeting: MeetingRef = { ...MEETING, meetingId: 'meeting-2' };
    directory.setRole('meeting-2', creator.aadObjectId!, 'Attendee');
    expect(await check.isFacilitator(session, creator, MEETING)).toBe(true);
    expect(await check.isFacilitator(session, creator, otherMeeting)).toBe(false);
    expect(await check.isFacilitator(session, notetaker, MEETING)).toBe(true);
    expect(directory.calls.roleOf).toBe(3);
  });

  test('a longer cache time than a minute is not accepted', async () => {
    const lenient = new FacilitatorCheck(directory, clock, { ttlMs: 10 * 60_000 });
    await lenient.decide(session, creator, MEETING);
    now = new Date(now.getTime() + MAX_ROLE_CACHE_MS);
    await lenient.decide(session, creator, MEETING);
    expect(directory.calls.roleOf).toBe(2);
  });

  test('a clock that goes backwards does not keep a stale role alive', async () => {
    await check.decide(session, creator, MEETING);
    now = new Date(now.getTime() - 1_000);
    await check.decide(session, creator, MEETING);
    expect(directory.calls.roleOf).toBe(2);
  });

  test('a full cache still answers correctly', async () => {
    const small = new FacilitatorCheck(directory, clock, { maxEntries: 1 });
    expect(await small.isFacilitator(session, creator, MEETING)).toBe(true);
    expect(await small.isFacilitator(session, notetaker, MEETING)).toBe(true);
    expect(await small.isFacilitator(session, creator, MEETING)).toBe(true);
    expect(directory.calls.roleOf).toBe(3); // the creator's entry made room for the notetaker's
  });
});
