/**
 * A MeetingDirectory for tests: set each person's role and presence and the meeting's details,
 * make lookups fail, and count the calls (to prove the cache and the "never ask for anonymous
 * people" rule). People are found by Entra object id, as Teams does, so anonymous people get
 * undefined unless a test scripts a failure mode explicitly.
 */
import type { MeetingDirectory, MeetingInfo, MeetingRef, MeetingRole, Person } from '../../bot/core/ports';

export interface ScriptedParticipant {
  readonly role?: MeetingRole;
  readonly inMeeting?: boolean;
}

export interface DirectoryCalls {
  roleOf: number;
  isInMeeting: number;
  meetingInfo: number;
}

export class ScriptedMeetingDirectory implements MeetingDirectory {
  readonly calls: DirectoryCalls = { roleOf: 0, isInMeeting: 0, meetingInfo: 0 };
  /** Every roleOf/isInMeeting argument pair, in order. */
  readonly asked: { readonly meeting: MeetingRef; readonly person: Person }[] = [];
  private readonly participants = new Map<string, ScriptedParticipant>();
  private readonly infos = new Map<string, MeetingInfo>();
  private failing: 'no' | 'undefined' | 'throw' = 'no';

  /** Sets (or replaces) what the meeting says about a person with this Entra object id. */
  setParticipant(meetingId: string, aadObjectId: string, participant: ScriptedParticipant): this {
    this.participants.set(key(meetingId, aadObjectId), participant);
    return this;
  }

  setRole(meetingId: string, aadObjectId: string, role: MeetingRole): this {
    const current = this.participants.get(key(meetingId, aadObjectId)) ?? {};
    return this.setParticipant(meetingId, aadObjectId, { ...current, role });
  }

  setMeetingInfo(info: MeetingInfo): this {
    this.infos.set(info.meetingId, info);
    return this;
  }

  /** From now on every lookup answers undefined ('undefined') or rejects ('throw'); 'no' heals. */
  failLookups(mode: 'no' | 'undefined' | 'throw' = 'undefined'): this {
    this.failing = mode;
    return this;
  }

  resetCalls(): void {
    this.calls.roleOf = 0;
    this.calls.isInMeeting = 0;
    this.calls.meetingInfo = 0;
    this.asked.length = 0;
  }

  async roleOf(meeting: MeetingRef, person: Person): Promise<MeetingRole | undefined> {
    this.calls.roleOf += 1;
    this.asked.push({ meeting, person });
    return this.answer(() => this.find(meeting, person)?.role);
  }

  async isInMeeting(meeting: MeetingRef, person: Person): Promise<boolean | undefined> {
    this.calls.isInMeeting += 1;
    this.asked.push({ meeting, person });
    return this.answer(() => this.find(meeting, person)?.inMeeting);
  }

  async meetingInfo(meeting: MeetingRef): Promise<MeetingInfo | undefined> {
    this.calls.meetingInfo += 1;
    return this.answer(() => this.infos.get(meeting.meetingId));
  }

  private answer<T>(value: () => T | undefined): T | undefined {
    if (this.failing === 'throw') throw new Error('Scripted lookup failure');
    if (this.failing === 'undefined') return undefined;
    return value();
  }

  private find(meeting: MeetingRef, person: Person): ScriptedParticipant | undefined {
    if (!person.aadObjectId) return undefined;
    return this.participants.get(key(meeting.meetingId, person.aadObjectId));
  }
}

function key(meetingId: string, aadObjectId: string): string {
  return `${meetingId}\u0000${aadObjectId.toLowerCase()}`;
}
