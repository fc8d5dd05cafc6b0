/**
 * Who may use the tab for which session. The session is found from the caller's meeting (the
 * chat and meeting ids the Teams client reports), by the same rule as a typed command, never from
 * an id in a request body. Reading it needs the caller to be one of the meeting's participants or
 * a facilitator; facilitator actions are then checked by the dispatcher as for a card press.
 *
 * The side panel polls every two seconds, so the answers Teams gives (which session, who takes
 * part) are kept for up to a minute, as facilitator roles are (facilitators.ts). Only "yes"
 * answers are kept: someone just joined is never locked out by an old "no".
 */
import { MAX_ROLE_CACHE_MS } from '../core/facilitators';
import type { Clock, MeetingRef, Person } from '../core/ports';
import { loadSession, type StoredSession } from '../core/sessionStore';
import type { Actor, Turn } from '../core/turn';
import type { ServiceDeps } from './deps';
import { currentSession } from './sessionFinder';

/** The chat and meeting the tab is open in, as the Teams client reports them. Untrusted. */
export interface TabPlace {
  readonly conversationId: string;
  readonly meetingId?: string;
  readonly timeZone?: string;
}

export type TabRole = 'facilitator' | 'participant';

export type TabAccess =
  | {
      readonly ok: true;
      /** Absent when the meeting has no session yet (setting one up is still possible). */
      readonly session?: StoredSession;
      readonly role: TabRole;
      /** The turn actions run with: the token's person, in the session's own chat and meeting. */
      readonly turn: Turn;
    }
  | { readonly ok: false; readonly status: 403 | 404; readonly message: string };

export const NOT_A_PARTICIPANT = 'You can only see sessions of meetings you are invited to.';
export const NO_SESSION_HERE = 'There is no session set up for this meeting yet. A facilitator can set one up.';

const MAX_ENTRIES = 5_000;

/** Remembers "yes" answers for at most a minute, bounded in size. */
class ShortMemory<V> {
  private readonly entries = new Map<string, { readonly value: V; readonly atMs: number }>();
  constructor(private readonly clock: Clock) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    const nowMs = this.clock.now().getTime();
    if (!entry) return undefined;
    // A clock that went backwards also drops the entry.
    if (nowMs - entry.atMs >= MAX_ROLE_CACHE_MS || nowMs < entry.atMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: V): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { value, atMs: this.clock.now().getTime() });
  }
}

export class TabAccessCheck {
  private readonly sessionOfPlace: ShortMemory<string>;
  private readonly participants: ShortMemory<true>;

  constructor(private readonly deps: ServiceDeps) {
    this.sessionOfPlace = new ShortMemory(deps.clock);
    this.participants = new ShortMemory(deps.clock);
  }

  async resolve(actor: Actor & { readonly tenantId: string }, place: TabPlace, now: Date): Promise<TabAccess> {
    const asked: Turn = {
      actor,
      conversationId: place.conversationId,
      ...(place.meetingId ? { meetingId: place.meetingId } : {}),
      tenantId: actor.tenantId,
      surface: place.meetingId ? 'meeting' : 'groupChat',
      ...(place.timeZone ? { timeZone: place.timeZone } : {}),
      now,
    };
    const stored = await this.findSession(asked);
    if (!stored) {
      // Nothing to read yet; setting up needs a meeting the caller is really part of.
      if (!place.meetingId) return { ok: false, status: 404, message: NO_SESSION_HERE };
      const meeting = { meetingId: place.meetingId, conversationId: place.conversationId, tenantId: actor.tenantId };
      if (!(await this.takesPart(meeting, actor))) return { ok: false, status: 403, message: NOT_A_PARTICIPANT };
      return { ok: true, role: 'participant', turn: asked };
    }
    const { session } = stored;
    // From here on the session's own chat and meeting count, whatever the client sent.
    const meeting: MeetingRef = { meetingId: session.meetingId, conversationId: session.conversationId, tenantId: actor.tenantId };
    const turn: Turn = { ...asked, conversationId: session.conversationId, meetingId: session.meetingId, surface: 'meeting' };
    const facilitator = await this.deps.facilitators.isFacilitator(session, actor, meeting);
    if (!facilitator && !(await this.takesPart(meeting, actor))) return { ok: false, status: 403, message: NOT_A_PARTICIPANT };
    return { ok: true, session: stored, role: facilitator ? 'facilitator' : 'participant', turn };
  }

  private async findSession(turn: Turn): Promise<StoredSession | undefined> {
    const placeKey = `${turn.conversationId}\u0000${turn.meetingId ?? ''}`;
    const known = this.sessionOfPlace.get(placeKey);
    if (known) {
      const stored = await loadSession(this.deps.store, known);
      if (stored) return stored;
    }
    const found = await currentSession(turn, this.deps);
    if (found) this.sessionOfPlace.set(placeKey, found.session.sessionKey);
    return found;
  }

  /** Invited to the meeting (Teams knows a role for them) or in it now. A failed lookup is "no". */
  private async takesPart(meeting: MeetingRef, person: Person & { readonly tenantId: string }): Promise<boolean> {
    if (!person.aadObjectId) return false;
    const key = `${meeting.meetingId}\u0000${person.tenantId.toLowerCase()}\u0000${person.aadObjectId.toLowerCase()}`;
    if (this.participants.get(key)) return true;
    const directory = this.deps.directory;
    const role = await directory.roleOf(meeting, person).catch(() => undefined);
    const yes = role !== undefined || (await directory.isInMeeting(meeting, person).catch(() => undefined)) === true;
    if (yes) this.participants.set(key, true);
    return yes;
  }
}
