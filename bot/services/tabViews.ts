/**
 * The side panel's read model: one object per caller, built from the stores the chat cards are
 * built from, so chat and panel always agree. Everyone sees the purpose and the framework (with
 * the seconds left computed here, not by the client's clock). Facilitators also see what only
 * they may see: quiet voices, the batched counts of anonymous notes and pause requests, and the
 * answers to the purpose question and the sense checks, and the consent counts with "clear to
 * record" (decided by the consent area, as its private overview card shows it).
 *
 * The Prepare screen's framework editor reads three more facts from here: the agenda version a
 * save must name (everyone gets it; it says nothing about anyone), and for facilitators the
 * meeting's length (kept beside the session, so this poll does not ask Teams each time) and
 * whether someone's access needs ask for more breaks.
 *
 * The version is a hash of everything except the ticking seconds of a running timer, so polling
 * with If-None-Match gets "nothing changed" until something does, on any instance.
 */
import { createHash } from 'node:crypto';
import type { AgendaItem } from '../core/agenda';
import { quietVoicesOf, type QuietVoices } from '../core/attendance';
import { PURPOSE_ANSWERS_TABLE } from '../core/purposeAnswers';
import type { RecordingClearance } from '../core/consentState';
import type { Purpose, Session } from '../core/session';
import { liveSummary } from '../core/sessionPlan';
import type { ServiceDeps } from './deps';
import { loadAttendance } from './attendance';
import { consentPicture } from './consentPicture';
import { readPlan } from './liveFrameworkStore';
import { meetingMinutesKept } from './preparationMeeting';
import { recentSenseChecks, type SenseCheckSummary } from './tabViewsSenseChecks';
import type { TabRole } from './tabViewsAccess';
import { reportedSoFar } from './unsaidStore';
import { queryAll } from '../core/storeQueries';

export interface FrameworkView {
  readonly agenda: readonly AgendaItem[];
  readonly started: boolean;
  readonly ended: boolean;
  readonly paused: boolean;
  readonly currentItemId?: string;
  /** ISO; absent while paused, ended or not started. */
  readonly currentEndsAt?: string;
  /** Seconds left on the current item at `serverTime`; negative once it has run over. */
  readonly remainingSeconds: number;
  readonly nextBreak?: { readonly itemId: string; readonly title: string; readonly startsAt: string; readonly endsAt: string };
  /** The version an agenda save must name (0 while the default agenda applies). */
  readonly agendaVersion: number;
  /** The meeting's planned length, for the time check; facilitators only. */
  readonly meetingMinutes?: number;
}

export interface FacilitatorView {
  readonly quietVoices: QuietVoices;
  /** Counts as already reported to facilitators (batched, so no single click stands out). */
  readonly anonymous: { readonly notes: number; readonly pauses: number };
  /** How many people have answered "did we do what we came for?". */
  readonly purposeAnswers: number;
  readonly senseChecks: readonly SenseCheckSummary[];
  /** How many of the people known to be here have answered, and whether it is clear to record. */
  readonly consent: { readonly answered: number; readonly expected: number; readonly clearance: RecordingClearance };
  /** Someone's access needs (or the setup) ask for more breaks: the time check is stricter. */
  readonly needsMoreBreaks: boolean;
}

export interface SessionView {
  readonly role: TabRole;
  readonly purpose: Purpose;
  readonly safeguardingContact?: string;
  readonly framework: FrameworkView;
  /** Facilitators only; absent for everyone else. */
  readonly facilitator?: FacilitatorView;
}

export interface VersionedView<V> {
  readonly view: V;
  /** Changes whenever anything in the view changes, except the seconds ticking down. */
  readonly version: string;
}

export async function frameworkViewOf(deps: ServiceDeps, session: Session, now: Date): Promise<FrameworkView> {
  const plan = await readPlan(deps, session);
  const live = liveSummary(plan, now);
  return {
    agenda: plan.agenda,
    started: live.started,
    ended: live.ended,
    paused: live.paused,
    ...(live.currentItem ? { currentItemId: live.currentItem.id } : {}),
    ...(live.currentEndsAt ? { currentEndsAt: live.currentEndsAt } : {}),
    remainingSeconds: live.remainingSeconds,
    ...(live.nextBreak ? { nextBreak: live.nextBreak } : {}),
    agendaVersion: plan.agendaVersion,
  };
}

async function facilitatorViewOf(deps: ServiceDeps, session: Session, now: Date): Promise<FacilitatorView> {
  const [records, anonymous, purposeAnswers, senseChecks, consent] = await Promise.all([
    loadAttendance(deps, session.sessionKey),
    reportedSoFar(deps, session.sessionKey, now),
    countRows(deps, PURPOSE_ANSWERS_TABLE, session.sessionKey),
    recentSenseChecks(deps, session),
    consentPicture(deps, session),
  ]);
  return {
    quietVoices: quietVoicesOf(records, session),
    anonymous: { notes: anonymous.notes.length, pauses: anonymous.pauses.length },
    purposeAnswers,
    senseChecks,
    consent: { ...consent.tally, clearance: consent.clearance },
    needsMoreBreaks: session.needsMoreBreaks,
  };
}

export async function sessionViewOf(deps: ServiceDeps, session: Session, role: TabRole, now: Date): Promise<VersionedView<SessionView>> {
  const facilitating = role === 'facilitator';
  const [framework, facilitator, meetingMinutes] = await Promise.all([
    frameworkViewOf(deps, session, now),
    facilitating ? facilitatorViewOf(deps, session, now) : Promise.resolve(undefined),
    facilitating ? meetingMinutesKept(deps, session, now) : Promise.resolve(undefined),
  ]);
  const view: SessionView = {
    role,
    purpose: session.purpose,
    ...(session.safeguardingContact ? { safeguardingContact: session.safeguardingContact } : {}),
    framework: meetingMinutes === undefined ? framework : { ...framework, meetingMinutes },
    ...(facilitator ? { facilitator } : {}),
  };
  return { view, version: versionOf(view) };
}

/**
 * A short hash of the view. While a timer runs its seconds are left out (the end time stands for
 * them); while paused they are the only record of the time left, so they count.
 */
export function versionOf(view: object): string {
  const stable = JSON.stringify(view, function (this: Record<string, unknown>, key: string, value: unknown) {
    const running = typeof this.currentEndsAt === 'string' || typeof this.endsAt === 'string';
    return key === 'remainingSeconds' && running ? undefined : value;
  });
  return createHash('sha256').update(stable).digest('base64url').slice(0, 22);
}

async function countRows(deps: ServiceDeps, table: string, partitionKey: string): Promise<number> {
  return (await queryAll(deps.store, table, partitionKey)).length;
}
