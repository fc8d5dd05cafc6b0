/**
 * Reads Teams meeting events ourselves. botbuilder's parser insists on PascalCase keys and
 * throws on the camelCase payloads Teams also sends (teams-platform.md 1.2), so keys are read
 * case-insensitively here and the meeting id is taken from channelData first, as the docs advise.
 */
import type { Activity } from 'botbuilder';

import type { MeetingEvent, MeetingMember } from '../core/meetingEvent';

export type { MeetingEvent, MeetingMember };

const NAMES: Readonly<Record<string, MeetingEvent['kind']>> = {
  'application/vnd.microsoft.meetingstart': 'start',
  'application/vnd.microsoft.meetingend': 'end',
  'application/vnd.microsoft.meetingparticipantjoin': 'join',
  'application/vnd.microsoft.meetingparticipantleave': 'leave',
};

export function isMeetingEvent(activity: Partial<Activity>): boolean {
  return activity.type === 'event' && kindOf(activity.name) !== undefined;
}

export function readMeetingEvent(activity: Partial<Activity>): MeetingEvent | undefined {
  const kind = kindOf(activity.name);
  if (!kind) return undefined;
  const value = lowerKeys(activity.value);
  const channelMeetingId = (activity.channelData as { meeting?: { id?: unknown } } | undefined)?.meeting?.id;
  const meetingId = str(channelMeetingId) ?? str(value.id);
  if (kind === 'join' || kind === 'leave') {
    const members = Array.isArray(value.members) ? value.members.map(readMember) : [];
    return { kind, meetingId, members };
  }
  if (!meetingId) return undefined;
  if (kind === 'start') return { kind, meetingId, title: str(value.title), at: str(value.starttime) };
  return { kind, meetingId, at: str(value.endtime) };
}

function kindOf(name: string | undefined): MeetingEvent['kind'] | undefined {
  return name ? NAMES[name.trim().toLowerCase()] : undefined;
}

function readMember(raw: unknown): MeetingMember {
  const member = lowerKeys(raw);
  const user = lowerKeys(member.user);
  const meeting = lowerKeys(member.meeting);
  return { userId: str(user.id), aadObjectId: str(user.aadobjectid), name: str(user.name), role: str(meeting.role) };
}

function lowerKeys(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.toLowerCase(), v]));
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
