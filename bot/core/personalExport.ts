/**
 * Everything Coproduce keeps about one person, as one read model: the "my data" card, the
 * withdrawal page and the download are all built from it, so they cannot disagree. Only rows
 * found by the person's own identity are here, never anyone else's.
 */
import type { AttendanceRecord } from './attendance';
import type { ConsentEvent } from './consentLedger';
import type { PurposeAnswer } from './purposeAnswers';
import type { Level } from './senseCheck';

export interface SenseCheckAnswerData {
  readonly statement: string;
  readonly level: Level;
  readonly missed?: string;
  /** A facilitator recorded it for them (said out loud, by phone or on paper). */
  readonly recordedForThem: boolean;
  readonly answeredAt: string;
}

export interface ConsentData {
  /** The random id their consent events carry; the person row links it to them. */
  readonly subjectId: string;
  readonly name?: string;
  readonly roster: boolean;
  readonly events: readonly ConsentEvent[];
}

export interface SessionData {
  readonly sessionKey: string;
  /** `YYYY-MM-DD`, when the session row is still there. */
  readonly occurrence?: string;
  /** What the session hoped to achieve (the facilitator's words), to help recognise it. */
  readonly purpose?: string;
  readonly consent?: ConsentData;
  readonly attendance: readonly AttendanceRecord[];
  readonly senseCheckAnswers: readonly SenseCheckAnswerData[];
  readonly purposeAnswer?: PurposeAnswer;
  /** After the meeting: access needs, their ladder view, payment status, actions their words led to. */
  readonly followUp?: Readonly<Record<string, unknown>>;
}

export interface PersonalData {
  /** Newest session first. */
  readonly sessions: readonly SessionData[];
  /** When we learned where their private 1:1 chat with the bot is. */
  readonly personalChat?: { readonly since?: string };
}

/** True when a session holds anything about the person. */
export function holdsAnything(session: SessionData): boolean {
  return session.consent !== undefined || session.attendance.length > 0 || session.senseCheckAnswers.length > 0 || session.purposeAnswer !== undefined;
}

export function isEmpty(data: PersonalData): boolean {
  return data.personalChat === undefined && !data.sessions.some(holdsAnything);
}

/** Newest first; sessions without a date last, in a stable order. */
export function bySessionDate(a: SessionData, b: SessionData): number {
  return (b.occurrence ?? '').localeCompare(a.occurrence ?? '') || a.sessionKey.localeCompare(b.sessionKey);
}

/** The download's own sentences, from the catalogue: what it is and what we cannot find or delete. */
export interface ExportWords {
  readonly about: string;
  readonly notHeld: readonly string[];
}

/** The download: plain field names a person can read in any text editor. */
export function personalExport(data: PersonalData, exportedAt: Date, words: ExportWords): Record<string, unknown> {
  return {
    about: words.about,
    exportedAt: exportedAt.toISOString(),
    sessions: data.sessions.filter(holdsAnything).map((s) => ({
      date: s.occurrence ?? null,
      purpose: s.purpose ?? null,
      consent: s.consent
        ? {
            yourReference: s.consent.subjectId,
            nameWeKeep: s.consent.name ?? null,
            addedByFacilitator: s.consent.roster,
            choices: s.consent.events.map((e) => ({
              choice: e.scope,
              answer: e.choice,
              meaning: e.kind,
              how: e.method,
              recordedByFacilitator: e.actorSubjectId !== e.subjectId,
              wording: e.wording.variant,
              wordingHash: e.wording.hash,
              at: e.at,
            })),
          }
        : null,
      attendance: s.attendance.map(({ rowKey: _rowKey, ...record }) => record),
      senseCheckAnswers: s.senseCheckAnswers,
      purposeAnswer: s.purposeAnswer ?? null,
    })),
    privateChat: data.personalChat ? { weCanMessageYouPrivately: true, since: data.personalChat.since ?? null } : null,
    notHeldOrNotFound: words.notHeld,
  };
}
