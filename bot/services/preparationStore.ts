/**
 * Preparation rows: the intention answers, the stakeholder list and the cached meeting length,
 * each a row of its own beside the session row (table 'sessions', partition = session key), so
 * the session row stays the setup form's alone and each part saves without touching the others.
 *
 * Facilitators edit these from the tab, perhaps two at once. Each row carries a version number:
 * a save names the version it started from, and a save from an older page is refused rather than
 * silently overwriting someone else's words.
 */
import type { Store } from '../core/ports';
import { SESSIONS_TABLE } from '../core/sessionStore';

export const PREPARATION_ROWS = {
  intentions: 'prep|intentions',
  stakeholders: 'prep|stakeholders',
  meetingLength: 'prep|meetingLength',
} as const;
export type PreparationRow = keyof typeof PREPARATION_ROWS;

export interface StoredPreparation {
  /** The row's JSON, absent when nothing was saved yet. */
  readonly json?: string;
  /** 0 until the first save. */
  readonly version: number;
  readonly updatedAt?: string;
}

export type PreparationWrite = { readonly kind: 'saved'; readonly version: number } | { readonly kind: 'stale' };

export async function readPreparation(store: Store, sessionKey: string, row: PreparationRow): Promise<StoredPreparation> {
  const entity = await store.get(SESSIONS_TABLE, sessionKey, PREPARATION_ROWS[row]);
  if (!entity) return { version: 0 };
  const { data, version, updatedAt } = entity.props;
  return {
    ...(typeof data === 'string' ? { json: data } : {}),
    version: typeof version === 'number' ? version : 0,
    ...(typeof updatedAt === 'string' ? { updatedAt } : {}),
  };
}

/** Writes the row if it is still at `fromVersion`; otherwise nothing changes and 'stale' comes back. */
export async function writePreparation(store: Store, sessionKey: string, row: PreparationRow, json: string, fromVersion: number, now: Date): Promise<PreparationWrite> {
  const rowKey = PREPARATION_ROWS[row];
  const existing = await store.get(SESSIONS_TABLE, sessionKey, rowKey);
  const current = typeof existing?.props.version === 'number' ? existing.props.version : 0;
  if (current !== fromVersion) return { kind: 'stale' };
  const version = current + 1;
  const entity = { partitionKey: sessionKey, rowKey, props: { data: json, version, updatedAt: now.toISOString() } };
  // Conditional on what was read, so two saves from the same version cannot both win.
  const written = existing ? await store.replace(SESSIONS_TABLE, entity, existing.etag) : await store.insert(SESSIONS_TABLE, entity);
  return written.ok ? { kind: 'saved', version } : { kind: 'stale' };
}

/** For a cache row with one meaning and no history: last write wins. */
export async function putPreparation(store: Store, sessionKey: string, row: PreparationRow, json: string, now: Date): Promise<void> {
  await store.upsert(SESSIONS_TABLE, { partitionKey: sessionKey, rowKey: PREPARATION_ROWS[row], props: { data: json, version: 1, updatedAt: now.toISOString() } });
}

/**
 * Removes every preparation row of a session, for the retention purge (bot/jobs/retentionPurgeSession.ts
 * deletes the session row by its own key, so these rows must be named). Safe to repeat.
 */
export async function purgePreparation(store: Store, sessionKey: string): Promise<number> {
  let removed = 0;
  for (const rowKey of Object.values(PREPARATION_ROWS)) {
    if ((await store.delete(SESSIONS_TABLE, sessionKey, rowKey, '*')).ok) removed += 1;
  }
  return removed;
}
