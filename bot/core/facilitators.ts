/**
 * Who is a facilitator of a session (DESIGN.md "Security"). Facilitator is an app-level role: the
 * session's creator, the people the creator named (facilitators and notetakers) and the meeting's
 * organiser or co-organisers. In a live meeting the person must also hold an Organizer or Presenter
 * role right now — an extra condition, never the whole test, because by default every participant
 * of a Teams meeting is a Presenter. Anything we cannot confirm counts as "not a facilitator".
 */
import { compositeKey } from './keys';
import type { Clock, MeetingDirectory, MeetingRef, MeetingRole, Person } from './ports';

/** How a session remembers a person: by Entra identity, or by Teams user id when there is none. */
export type PersonKey =
  | { readonly tenantId: string; readonly aadObjectId: string }
  | { readonly userId: string };

/** The part of a session the facilitator rule reads. */
export interface SessionFacilitation {
  readonly creator: PersonKey;
  readonly facilitators: readonly PersonKey[];
  readonly notetakers: readonly PersonKey[];
  /** Entra object ids of the meeting's organiser and co-organisers, from the meeting details. */
  readonly organiserAadObjectIds?: readonly string[];
}

export type FacilitatorBasis = 'creator' | 'named' | 'organiser';

export type FacilitatorDecision =
  | { readonly isFacilitator: true; readonly basis: FacilitatorBasis }
  | {
      readonly isFacilitator: false;
      /** notNamed: not on the session's list; roleTooLow: an Attendee in the live meeting;
       *  roleUnknown: the live role could not be looked up (anonymous, app missing, fault). */
      readonly reason: 'notNamed' | 'roleTooLow' | 'roleUnknown';
    };

/** The live meeting's answer for this person; `role: undefined` when it could not be had. */
export interface LiveMeetingRole {
  readonly role: MeetingRole | undefined;
}

/** The key to record for a person: Entra identity when complete, else the Teams user id. */
export function personKeyOf(person: Person): PersonKey | undefined {
  if (person.aadObjectId && person.tenantId) return { tenantId: person.tenantId, aadObjectId: person.aadObjectId };
  if (person.userId) return { userId: person.userId };
  return undefined;
}

export function isFacilitatorRole(role: MeetingRole | undefined): boolean {
  return role === 'Organizer' || role === 'Presenter';
}

/**
 * The rule over plain data. Pass `live` only when the action happens in a live meeting; its
 * `role` must come from a live lookup for this very person (or be undefined if that failed).
 */
export function decideFacilitator(
  session: SessionFacilitation,
  person: Person,
  live?: LiveMeetingRole,
): FacilitatorDecision {
  const basis = appLevelBasis(session, person);
  if (!basis) return { isFacilitator: false, reason: 'notNamed' };
  if (live) {
    if (live.role === undefined) return { isFacilitator: false, reason: 'roleUnknown' };
    if (!isFacilitatorRole(live.role)) return { isFacilitator: false, reason: 'roleTooLow' };
  }
  return { isFacilitator: true, basis };
}

function appLevelBasis(session: SessionFacilitation, person: Person): FacilitatorBasis | undefined {
  if (matches(session.creator, person)) return 'creator';
  if ([...session.facilitators, ...session.notetakers].some((key) => matches(key, person))) return 'named';
  // Organisers are known only by Entra id, so an anonymous joiner can never match here.
  const aad = person.aadObjectId;
  if (aad && (session.organiserAadObjectIds ?? []).some((id) => sameId(id, aad))) return 'organiser';
  return undefined;
}

function matches(key: PersonKey, person: Person): boolean {
  if ('aadObjectId' in key) {
    // Both halves must agree: an object id is only meaningful inside its tenant.
    return (
      person.aadObjectId !== undefined &&
      person.tenantId !== undefined &&
      sameId(key.aadObjectId, person.aadObjectId) &&
      sameId(key.tenantId, person.tenantId)
    );
  }
  return person.userId !== undefined && key.userId === person.userId;
}

/** GUIDs arrive in either case depending on the API that produced them. */
function sameId(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// With a live lookup.
// ---------------------------------------------------------------------------------------------

/** Microsoft says not to cache participant roles (organisers change them); a minute at most. */
export const MAX_ROLE_CACHE_MS = 60_000;
const DEFAULT_MAX_ENTRIES = 2_000;

interface CachedRole {
  readonly role: MeetingRole;
  readonly fetchedAtMs: number;
}

export interface FacilitatorCheckOptions {
  /** How long a looked-up role is reused; capped at MAX_ROLE_CACHE_MS. */
  readonly ttlMs?: number;
  /** Bound on remembered roles, so a long-running process does not grow without limit. */
  readonly maxEntries?: number;
}

/**
 * The rule with the live role looked up through the MeetingDirectory. Roles are looked up only for
 * people who pass the app-level test, and only successful answers are cached, so a passing fault
 * does not lock a facilitator out for a minute.
 */
export class FacilitatorCheck {
  private readonly cache = new Map<string, CachedRole>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;

  constructor(
    private readonly directory: MeetingDirectory,
    private readonly clock: Clock,
    options: FacilitatorCheckOptions = {},
  ) {
    this.ttlMs = Math.min(Math.max(options.ttlMs ?? MAX_ROLE_CACHE_MS, 0), MAX_ROLE_CACHE_MS);
    this.maxEntries = Math.max(options.maxEntries ?? DEFAULT_MAX_ENTRIES, 1);
  }

  /** `liveMeeting` only when the action happens during a live meeting. */
  async decide(session: SessionFacilitation, person: Person, liveMeeting?: MeetingRef): Promise<FacilitatorDecision> {
    const appLevel = decideFacilitator(session, person);
    if (!appLevel.isFacilitator || !liveMeeting) return appLevel;
    return decideFacilitator(session, person, { role: await this.liveRole(liveMeeting, person) });
  }

  async isFacilitator(session: SessionFacilitation, person: Person, liveMeeting?: MeetingRef): Promise<boolean> {
    return (await this.decide(session, person, liveMeeting)).isFacilitator;
  }

  private async liveRole(meeting: MeetingRef, person: Person): Promise<MeetingRole | undefined> {
    // Teams has no participant lookup for anonymous joiners: impossible, so "unknown".
    if (!person.aadObjectId) return undefined;
    const key = compositeKey(meeting.meetingId, (person.tenantId ?? meeting.tenantId ?? '').toLowerCase(), person.aadObjectId.toLowerCase());
    const nowMs = this.clock.now().getTime();
    const cached = this.cache.get(key);
    // A clock that went backwards also invalidates the entry.
    if (cached && nowMs >= cached.fetchedAtMs && nowMs - cached.fetchedAtMs < this.ttlMs) return cached.role;
    this.cache.delete(key);

    let role: MeetingRole | undefined;
    try {
      role = await this.directory.roleOf(meeting, person);
    } catch {
      role = undefined; // adapters should not throw; if one does, it still means "unknown"
    }
    if (role !== undefined && this.ttlMs > 0) this.remember(key, { role, fetchedAtMs: nowMs }, nowMs);
    return role;
  }

  private remember(key: string, entry: CachedRole, nowMs: number): void {
    if (this.cache.size >= this.maxEntries) {
      for (const [k, v] of this.cache) if (nowMs - v.fetchedAtMs >= this.ttlMs || nowMs < v.fetchedAtMs) this.cache.delete(k);
      // Still full: drop the oldest (a Map iterates in insertion order).
      while (this.cache.size >= this.maxEntries) this.cache.delete(this.cache.keys().next().value as string);
    }
    this.cache.set(key, entry);
  }
}
