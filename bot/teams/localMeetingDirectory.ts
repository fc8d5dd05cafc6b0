/**
 * MeetingDirectory for local mode. The Agents Playground cannot answer Teams' meeting APIs, so the
 * people come from its committed config (.m365agentsplayground.yml) and their meeting roles from a
 * small sidecar (local/meetingRoles.json) keyed by the same user ids. Both are read once, here.
 *
 * It answers like Teams would: nothing for anonymous people (no Entra id), nothing for people or
 * meetings it does not know. The playground config is written in JSON syntax (JSON is valid YAML
 * and the playground accepts it), so no YAML parser is needed.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { MeetingDirectory, MeetingInfo, MeetingRef, MeetingRole, Person } from '../core/ports';

const playgroundUser = z.object({ id: z.string().min(1), name: z.string(), aadObjectId: z.string().min(1) });
const playgroundConfig = z.object({
  tenantId: z.string().min(1),
  currentUser: playgroundUser,
  users: z.array(playgroundUser),
  groupChat: z.object({ id: z.string().min(1) }),
});

const participant = z.object({ role: z.enum(['Organizer', 'Presenter', 'Attendee']), inMeeting: z.boolean() });
const meetingRoles = z.object({
  meetings: z.record(
    z.string().min(1),
    z.object({
      conversationId: z.string().min(1),
      title: z.string().optional(),
      type: z.string().optional(),
      scheduledStart: z.iso.datetime().optional(),
      scheduledEnd: z.iso.datetime().optional(),
      participants: z.record(z.string().min(1), participant),
    }),
  ),
});

type PlaygroundUser = z.infer<typeof playgroundUser>;
type LocalMeeting = z.infer<typeof meetingRoles>['meetings'][string];
type Participant = z.infer<typeof participant>;

export interface LocalMeetingDirectoryFiles {
  /** The committed Agents Playground config. */
  readonly playgroundConfigPath: string;
  /** The roles sidecar. */
  readonly meetingRolesPath: string;
}

export class LocalMeetingDirectory implements MeetingDirectory {
  private constructor(
    private readonly tenantId: string,
    private readonly users: readonly PlaygroundUser[],
    private readonly meetings: ReadonlyMap<string, LocalMeeting>,
  ) {}

  /** Reads and checks both files; throws with a plain message when either is wrong (start-up only). */
  static load(files: LocalMeetingDirectoryFiles): LocalMeetingDirectory {
    const config = readJson(files.playgroundConfigPath, playgroundConfig);
    const roles = readJson(files.meetingRolesPath, meetingRoles);
    const users = [config.currentUser, ...config.users];
    const knownIds = new Set(users.map((u) => u.id));
    for (const [meetingId, meeting] of Object.entries(roles.meetings)) {
      const strangers = Object.keys(meeting.participants).filter((id) => !knownIds.has(id));
      if (strangers.length > 0) {
        throw new Error(`${files.meetingRolesPath}: meeting "${meetingId}" lists people who are not in ${files.playgroundConfigPath}: ${strangers.join(', ')}`);
      }
    }
    return new LocalMeetingDirectory(config.tenantId, users, new Map(Object.entries(roles.meetings)));
  }

  async roleOf(meeting: MeetingRef, person: Person): Promise<MeetingRole | undefined> {
    return this.participant(meeting, person)?.role;
  }

  async isInMeeting(meeting: MeetingRef, person: Person): Promise<boolean | undefined> {
    return this.participant(meeting, person)?.inMeeting;
  }

  async meetingInfo(meeting: MeetingRef): Promise<MeetingInfo | undefined> {
    const found = this.meetings.get(meeting.meetingId);
    if (!found) return undefined;
    const organizerId = Object.entries(found.participants).find(([, p]) => p.role === 'Organizer')?.[0];
    return {
      meetingId: meeting.meetingId,
      title: found.title,
      type: found.type,
      scheduledStart: found.scheduledStart,
      scheduledEnd: found.scheduledEnd,
      organizerAadObjectId: this.users.find((u) => u.id === organizerId)?.aadObjectId,
    };
  }

  /**
   * The local meeting a chat stands for. The playground's group chat carries no meeting id
   * (real meeting chats do, in channelData.meeting.id), so local mode looks it up here.
   */
  meetingIdForConversation(conversationId: string): string | undefined {
    for (const [meetingId, meeting] of this.meetings) if (meeting.conversationId === conversationId) return meetingId;
    return undefined;
  }

  private participant(meeting: MeetingRef, person: Person): Participant | undefined {
    // As in Teams: a participant is looked up by Entra object id, so anonymous people have none.
    if (!person.aadObjectId) return undefined;
    if (person.tenantId && person.tenantId.toLowerCase() !== this.tenantId.toLowerCase()) return undefined;
    const aad = person.aadObjectId.toLowerCase();
    const user = this.users.find((u) => u.aadObjectId.toLowerCase() === aad);
    if (!user) return undefined;
    return this.meetings.get(meeting.meetingId)?.participants[user.id];
  }
}

function readJson<T>(path: string, schema: z.ZodType<T>): T {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new Error(`Local mode needs ${path}, and it cannot be read.`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error(`${path} must be written in JSON syntax (which is also valid YAML).`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`);
    throw new Error(`${path} is not as expected:\n- ${problems.join('\n- ')}`);
  }
  return parsed.data;
}
