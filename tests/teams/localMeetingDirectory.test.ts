/**
 * Local mode's MeetingDirectory against the committed Agents Playground config and roles sidecar,
 * plus the checks that catch a broken edit of either file at start-up.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LocalMeetingDirectory } from '../../bot/teams/localMeetingDirectory';
import type { MeetingRef, Person } from '../../bot/core/ports';

const ROOT = path.resolve(__dirname, '..', '..');
const FILES = {
  playgroundConfigPath: path.join(ROOT, '.m365agentsplayground.yml'),
  meetingRolesPath: path.join(ROOT, 'local', 'meetingRoles.json'),
};

interface PlaygroundUser { id: string; name: string; aadObjectId: string }
const config = JSON.parse(readFileSync(FILES.playgroundConfigPath, 'utf8')) as {
  tenantId: string;
  currentUser: PlaygroundUser;
  users: PlaygroundUser[];
  groupChat: { id: string };
  personalChat: { id: string };
};
const everyone = [config.currentUser, ...config.users];
const byName = (name: string): Person => {
  const user = everyone.find((u) => u.name === name);
  if (!user) throw new Error(`no ${name} in the playground config`);
  return { userId: user.id, aadObjectId: user.aadObjectId, tenantId: config.tenantId };
};
const MEETING: MeetingRef = { meetingId: 'local-meeting-1', conversationId: config.groupChat.id, tenantId: config.tenantId };

describe('the committed playground config', () => {
  test('has fixed ids the playground accepts: exactly five other users, a facilitator as current user', () => {
    expect(config.users).toHaveLength(5); // the playground's schema wants exactly five
    expect(config.currentUser.name).toBe('Fola Facilitator');
    expect(config.tenantId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(new Set(everyone.map((u) => u.id)).size).toBe(6);
    for (const user of everyone) expect(user.id).toMatch(/^29:/);
  });
});

describe('LocalMeetingDirectory', () => {
  const directory = LocalMeetingDirectory.load(FILES);

  test.each([
    ['Fola Facilitator', 'Organizer'],
    ['Ash Attendee', 'Attendee'],
    ['Gabi Guest', 'Attendee'],
    ['Cal Carer', 'Attendee'],
    ['Pria Professional', 'Presenter'],
    ['Nell Notetaker', 'Presenter'],
  ])('%s is %s in the local meeting', async (name, role) => {
    expect(await directory.roleOf(MEETING, byName(name))).toBe(role);
  });

  test('presence comes from the sidecar', async () => {
    expect(await directory.isInMeeting(MEETING, byName('Ash Attendee'))).toBe(true);
    expect(await directory.isInMeeting(MEETING, byName('Cal Carer'))).toBe(false);
  });

  test('Entra ids are matched without regard to case', async () => {
    const fola = byName('Fola Facilitator');
    expect(await directory.roleOf(MEETING, { aadObjectId: fola.aadObjectId!.toUpperCase(), tenantId: config.tenantId })).toBe('Organizer');
  });

  test('like Teams, it knows nothing about anonymous people, strangers, other tenants or other meetings', async () => {
    const fola = byName('Fola Facilitator');
    expect(await directory.roleOf(MEETING, { userId: fola.userId })).toBeUndefined();
    expect(await directory.roleOf(MEETING, { aadObjectId: '00000000-0000-4000-8000-000000000000', tenantId: config.tenantId })).toBeUndefined();
    expect(await directory.roleOf(MEETING, { ...fola, tenantId: '00000000-0000-4000-8000-000000000009' })).toBeUndefined();
    expect(await directory.roleOf({ ...MEETING, meetingId: 'another-meeting' }, fola)).toBeUndefined();
    expect(await directory.isInMeeting({ ...MEETING, meetingId: 'another-meeting' }, fola)).toBeUndefined();
    expect(await directory.meetingInfo({ ...MEETING, meetingId: 'another-meeting' })).toBeUndefined();
  });

  test('meeting info names the organiser by Entra id', async () => {
    expect(await directory.meetingInfo(MEETING)).toMatchObject({
      meetingId: 'local-meeting-1',
      title: 'Local co-production session',
      organizerAadObjectId: config.currentUser.aadObjectId,
    });
  });

  test('the playground group chat stands for the local meeting; the 1:1 chat does not', () => {
    expect(directory.meetingIdForConversation(config.groupChat.id)).toBe('local-meeting-1');
    expect(directory.meetingIdForConversation(config.personalChat.id)).toBeUndefined();
  });
});

describe('loading broken files', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'coproduce-local-directory-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, text: string): string => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  test('a roles file naming someone the playground does not have is refused, naming them', () => {
    const roles = write('strangers.json', JSON.stringify({
      meetings: { m: { conversationId: 'c', participants: { '29:nobody': { role: 'Attendee', inMeeting: true } } } },
    }));
    expect(() => LocalMeetingDirectory.load({ ...FILES, meetingRolesPath: roles })).toThrow(/not in .*29:nobody/s);
  });

  test('a made-up role is refused', () => {
    const roles = write('badRole.json', JSON.stringify({
      meetings: { m: { conversationId: 'c', participants: { [config.currentUser.id]: { role: 'Boss', inMeeting: true } } } },
    }));
    expect(() => LocalMeetingDirectory.load({ ...FILES, meetingRolesPath: roles })).toThrow(/role/);
  });

  test('YAML that is not JSON is refused with a plain explanation', () => {
    const yaml = write('config.yml', 'version: "0.1.1"\ntenantId: x\n');
    expect(() => LocalMeetingDirectory.load({ ...FILES, playgroundConfigPath: yaml })).toThrow(/JSON syntax/);
  });

  test('a missing file is named', () => {
    expect(() => LocalMeetingDirectory.load({ ...FILES, meetingRolesPath: path.join(dir, 'absent.json') })).toThrow(/absent\.json/);
  });
});
