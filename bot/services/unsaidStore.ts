/**
 * Anonymous rows (unsaid notes, pause requests) in the Store, and the batched report that tells
 * facilitators about them (DESIGN.md "Anonymity"). Nothing here knows or logs who acted: the
 * handlers that call saveAnonymous never pass a person, and the core's row has no place for one.
 */
import {
  ANONYMOUS_TABLE,
  anonymousFromEntity,
  anonymousPartition,
  newAnonymousRow,
  reportDueAt,
  reportedRows,
  shuffle,
  type AnonymousKind,
  type AnonymousRow,
} from '../core/anonymous';
import type { ServiceDeps } from './deps';
import { queryAll } from '../core/storeQueries';

export const ANONYMOUS_REPORT_JOB = 'voices.anonymousReport';
/** A random id colliding is near impossible; a couple of retries cover it without a loop. */
const MAX_TRIES = 3;

export type SaveAnonymousResult = { readonly ok: true } | { readonly ok: false; readonly reason: 'empty' | 'tooLong' | 'busy' };

/**
 * Stores one anonymous note or pause request and makes sure the report of its window is due.
 * The report job is keyed by session and window only, so many actions in a window make one job.
 */
export async function saveAnonymous(deps: ServiceDeps, kind: AnonymousKind, sessionKey: string, text: string | undefined, now: Date): Promise<SaveAnonymousResult> {
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    const built = newAnonymousRow({ kind, sessionKey, randomId: deps.ids.random(), now, ...(kind === 'unsaid' ? { text: text ?? '' } : {}) });
    if (!built.ok) return built;
    const written = await deps.store.insert(ANONYMOUS_TABLE, built.entity);
    if (!written.ok) continue;
    const batch = Number(built.entity.props.batch);
    await deps.jobs.schedule({
      kind: ANONYMOUS_REPORT_JOB,
      dueAt: reportDueAt(batch),
      idempotencyKey: `anonymousReport|${sessionKey}|${batch}`,
      payload: { sessionKey, batch },
    });
    return { ok: true };
  }
  return { ok: false, reason: 'busy' };
}

export async function readAnonymous(deps: ServiceDeps, sessionKey: string, kind: AnonymousKind): Promise<AnonymousRow[]> {
  const entities = await queryAll(deps.store, ANONYMOUS_TABLE, anonymousPartition(sessionKey, kind));
  return entities.map(anonymousFromEntity).filter((row): row is AnonymousRow => row !== undefined && row.kind === kind && row.sessionKey === sessionKey);
}

export interface AnonymousSoFar {
  readonly notes: readonly AnonymousRow[];
  readonly pauses: readonly AnonymousRow[];
}

/** Everything already reported to facilitators at `now`, and nothing newer. */
export async function reportedSoFar(deps: ServiceDeps, sessionKey: string, now: Date): Promise<AnonymousSoFar> {
  const [notes, pauses] = await Promise.all([readAnonymous(deps, sessionKey, 'unsaid'), readAnonymous(deps, sessionKey, 'pause')]);
  return { notes: reportedRows(notes, now), pauses: reportedRows(pauses, now) };
}

/** The reported notes' words in a fresh random order. */
export function shuffledTexts(rows: readonly AnonymousRow[], random: () => number): string[] {
  return shuffle(rows, random).flatMap((row) => (row.text ? [row.text] : []));
}
