/** A Teams meeting event, read case-insensitively by the Teams adapter. Events may never arrive. */
export interface MeetingMember {
  readonly userId?: string;
  readonly aadObjectId?: string;
  /** Display name, when Teams sends one; shown to facilitators only, never logged. */
  readonly name?: string;
  readonly role?: string;
}

export type MeetingEvent =
  | { readonly kind: 'start'; readonly meetingId: string; readonly title?: string; readonly at?: string }
  | { readonly kind: 'end'; readonly meetingId: string; readonly at?: string }
  | { readonly kind: 'join' | 'leave'; readonly meetingId?: string; readonly members: readonly MeetingMember[] };
