/**
 * The session's plan in the Store: table 'framework', in the session's own partition, an
 * `agenda` row (facilitator-edited, absent until someone saves it or the session starts; until
 * then the default agenda for the meeting's length applies) and a `live` row (where the session
 * is). Both are written together in one batch, conditional on the ETags read, so two
 * facilitators pressing at once never overwrite each other: the loser decides again.
 */
import { defaultAgenda, type Agenda } from '../core/agenda';
import type { LiveState } from '../core/liveAgenda';
import type { BatchOperation, Entity } from '../core/ports';
import { refused, type Result } from '../core/result';
import type { Session } from '../core/session';
import { meetingMinutesOf, type PlanState } from '../core/sessionPlan';
import type { ServiceDeps } from './deps';

export const FRAMEWORK_TABLE = 'framework';
const AGENDA_ROW = 'agenda';
const LIVE_ROW = 'live';
const MAX_TRIES = 5;

export interface PlanSnapshot extends PlanState {
  /** 0 while the default agenda applies (nothing saved yet). */
  readonly agendaVersion: number;
  readonly agendaEtag?: string;
  readonly liveEtag?: string;
}

/** The meeting's planned length from Teams, or the default when Teams cannot say. */
export async function meetingMinutesFor(deps: ServiceDeps, session: Session): Promise<number> {
  const info = await deps.directory
    .meetingInfo({ meetingId: session.meetingId, conversationId: session.conversationId })
    .catch(() => undefined);
  return meetingMinutesOf(info);
}

/** What is stored, without filling in a default agenda (for jobs, which need no meeting lookup). */
export async function readStoredPlan(deps: Pick<ServiceDeps, 'store'>, sessionKey: string): Promise<{ agenda?: Entity; live?: Entity }> {
  const page = await deps.store.query(FRAMEWORK_TABLE, sessionKey);
  return {
    agenda: page.entities.find((e) => e.rowKey === AGENDA_ROW),
    live: page.entities.find((e) => e.rowKey === LIVE_ROW),
  };
}

export async function readPlan(deps: ServiceDeps, session: Session): Promise<PlanSnapshot> {
  const rows = await readStoredPlan(deps, session.sessionKey);
  const live = rows.live ? (JSON.parse(String(rows.live.props.data)) as LiveState) : undefined;
  const liveFields = rows.live ? { live, liveEtag: rows.live.etag } : {};
  if (rows.agenda) {
    const agenda = JSON.parse(String(rows.agenda.props.data)) as Agenda;
    return { agenda, agendaVersion: Number(rows.agenda.props.version) || 0, agendaEtag: rows.agenda.etag, ...liveFields };
  }
  const agenda = defaultAgenda(await meetingMinutesFor(deps, session), { needsMoreBreaks: session.needsMoreBreaks });
  return { agenda, agendaVersion: 0, ...liveFields };
}

/** A decision on the plan read: what to write (either part may stay as it is), or why not. */
export type PlanDecision<T> = Result<{ readonly agenda?: Agenda; readonly live?: LiveState; readonly outcome: T }>;

export interface PlanChange<T> {
  readonly before: PlanSnapshot;
  readonly after: PlanSnapshot;
  readonly outcome: T;
}

/**
 * Reads the plan, asks `decide`, and writes what it returns, conditional on what was read; on a
 * conflict it reads and decides again. A decision that writes nothing is returned as it is.
 */
export async function changePlan<T>(deps: ServiceDeps, session: Session, decide: (plan: PlanSnapshot) => PlanDecision<T>): Promise<Result<PlanChange<T>>> {
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    const before = await readPlan(deps, session);
    const decision = decide(before);
    if (!decision.ok) return decision;
    const { agenda, live, outcome } = decision.value;
    const operations: BatchOperation[] = [];
    // A started session always stores its agenda, so the live row's indexes keep meaning the same items.
    const agendaToWrite = agenda ?? (live && before.agendaEtag === undefined ? before.agenda : undefined);
    const agendaVersion = agendaToWrite ? before.agendaVersion + 1 : before.agendaVersion;
    const key = session.sessionKey;
    if (agendaToWrite) operations.push(write(key, AGENDA_ROW, { data: JSON.stringify(agendaToWrite), version: agendaVersion }, before.agendaEtag));
    if (live) operations.push(write(key, LIVE_ROW, { data: JSON.stringify(live) }, before.liveEtag));
    if (operations.length === 0) return { ok: true, value: { before, after: before, outcome } };
    const written = await deps.store.batch(FRAMEWORK_TABLE, session.sessionKey, operations);
    if (!written.ok) continue; // someone else wrote first: decide again on their version
    // What we wrote, not a fresh read: a later write by someone else is theirs to announce.
    const after: PlanSnapshot = { agenda: agendaToWrite ?? before.agenda, agendaVersion, ...(live ?? before.live ? { live: live ?? before.live } : {}) };
    return { ok: true, value: { before, after, outcome } };
  }
  return refused('Someone else changed the plan at the same moment. Please try again.');
}

function write(partitionKey: string, rowKey: string, props: Record<string, string | number>, etag: string | undefined): BatchOperation {
  const entity = { partitionKey, rowKey, props };
  return etag === undefined ? { kind: 'insert', entity } : { kind: 'replace', entity, etag };
}
