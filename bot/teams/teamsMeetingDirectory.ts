/**
 * MeetingDirectory for real Teams: the Get participant and Get meeting details APIs, through
 * botbuilder's TeamsInfo. TeamsInfo needs a TurnContext, so calls run inside one opened on the
 * meeting chat's stored conversation reference (`withConversation`, wired by the app).
 *
 * Every doubt is `undefined`: anonymous joiners (Teams offers no lookup for them, so we never ask),
 * 403 (app not in the meeting), 404 (meeting over, person gone), network faults, odd answers.
 * Roles are never cached here; facilitators.ts keeps them for at most a minute.
 */
import { TeamsInfo, type TeamsMeetingParticipant, type TurnContext } from 'botbuilder';
import type { MeetingDirectory, MeetingInfo, MeetingRef, MeetingRole, Person } from '../core/ports';

/** Runs fn in a turn on the conversation; undefined when no reference is stored or it fails. */
export type WithConversation = <T>(conversationId: string, fn: (context: TurnContext) => Promise<T>) => Promise<T | undefined>;

export interface TeamsMeetingDirectoryOptions {
  readonly withConversation: WithConversation;
  /** Told the HTTP status of each failed lookup (0: no answer, -1: timed out); no ids. */
  readonly onLookupFailed?: (what: 'participant' | 'meetingInfo', status: number) => void;
  /**
   * Give up after this long (default 3 s). botbuilder retries a refused connection for about
   * 4.5 s, and a facilitator check often sits inside an invoke that must answer quickly.
   */
  readonly timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 3_000;
const TIMED_OUT = -1;

const ROLES: ReadonlyMap<string, MeetingRole> = new Map([
  ['organizer', 'Organizer'],
  ['presenter', 'Presenter'],
  ['attendee', 'Attendee'],
]);

/** Reads a Teams role string whatever its case; anything unrecognised is unknown. */
export function meetingRoleFrom(value: unknown): MeetingRole | undefined {
  return typeof value === 'string' ? ROLES.get(value.trim().toLowerCase()) : undefined;
}

export class TeamsMeetingDirectory implements MeetingDirectory {
  constructor(private readonly options: TeamsMeetingDirectoryOptions) {}

  async roleOf(meeting: MeetingRef, person: Person): Promise<MeetingRole | undefined> {
    const participant = await this.participant(meeting, person);
    return meetingRoleFrom(participant?.meeting?.role);
  }

  async isInMeeting(meeting: MeetingRef, person: Person): Promise<boolean | undefined> {
    const inMeeting = (await this.participant(meeting, person))?.meeting?.inMeeting;
    return typeof inMeeting === 'boolean' ? inMeeting : undefined;
  }

  async meetingInfo(meeting: MeetingRef): Promise<MeetingInfo | undefined> {
    const info = await this.attempt('meetingInfo', meeting, (context) => TeamsInfo.getMeetingInfo(context, meeting.meetingId));
    if (!info?.details) return undefined;
    const { details, organizer } = info;
    return {
      meetingId: meeting.meetingId,
      title: textOrUndefined(details.title),
      type: textOrUndefined(details.type),
      scheduledStart: isoOrUndefined(details.scheduledStartTime),
      scheduledEnd: isoOrUndefined(details.scheduledEndTime),
      organizerAadObjectId: textOrUndefined(organizer?.aadObjectId),
    };
  }

  private participant(meeting: MeetingRef, person: Person): Promise<TeamsMeetingParticipant | undefined> {
    const aadObjectId = person.aadObjectId;
    if (!aadObjectId) return Promise.resolve(undefined);
    const tenantId = person.tenantId ?? meeting.tenantId;
    return this.attempt('participant', meeting, (context) =>
      TeamsInfo.getMeetingParticipant(context, meeting.meetingId, aadObjectId, tenantId),
    );
  }

  private async attempt<T>(
    what: 'participant' | 'meetingInfo',
    meeting: MeetingRef,
    call: (context: TurnContext) => Promise<T>,
  ): Promise<T | undefined> {
    // Errors are caught inside the turn: one escaping would reach the adapter's onTurnError and
    // be reported as a failed turn, when a 403 or 404 here is an ordinary answer.
    const guarded = async (context: TurnContext): Promise<Outcome<T>> => {
      try {
        return { ok: true, value: await call(context) };
      } catch (error) {
        return { ok: false, status: statusOf(error) };
      }
    };
    let outcome: Outcome<T> | undefined;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<Outcome<T>>((resolve) => {
      timer = setTimeout(() => resolve({ ok: false, status: TIMED_OUT }), this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    });
    try {
      outcome = await Promise.race([this.options.withConversation(meeting.conversationId, guarded), timeout]);
    } catch {
      outcome = { ok: false, status: 0 };
    } finally {
      clearTimeout(timer);
    }
    if (outcome?.ok) return outcome.value;
    this.options.onLookupFailed?.(what, outcome?.status ?? 0);
    return undefined;
  }
}

type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly status: number };

function statusOf(error: unknown): number {
  if (typeof error === 'object' && error !== null) {
    const status = (error as { statusCode?: unknown; response?: { status?: unknown } }).statusCode
      ?? (error as { response?: { status?: unknown } }).response?.status;
    if (typeof status === 'number') return status;
  }
  return 0;
}

function textOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** botbuilder types these as Date, but depending on deserialisation a string can arrive. */
function isoOrUndefined(value: unknown): string | undefined {
  const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date.toISOString() : undefined;
}
