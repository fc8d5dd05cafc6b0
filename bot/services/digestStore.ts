/**
 * The digest in the Store: a state row (conditional writes) and the draft snapshot in chunk rows
 * beside it, one set per draft version; plus an index from each facilitator to the sessions whose
 * digests they can review, so `digest` in their 1:1 chat can find them.
 */
import { contentFromJson, DIGESTS_TABLE, type DigestContent } from '../core/digest';
import { chunkRowKey, draftBuilt, splitIntoChunks, STATE_ROW, stateFromJson, type DigestState, type DraftReason } from '../core/digestState';
import { lookupIndex, putIndexEntry } from '../core/indexes';
import { personId } from '../core/personalChats';
import type { Store } from '../core/ports';
import { refused, type Result } from '../core/result';
import type { Session } from '../core/session';
import type { ServiceDeps } from './deps';
import { queryAll } from '../core/storeQueries';

export const DIGESTS_BY_FACILITATOR = 'digestsByFacilitator';
const MAX_TRIES = 4;
/** Chunks are up to 60 KB each; 20 keeps a batch well under Azure's payload limit. */
const CHUNKS_PER_BATCH = 20;

export interface StoredDigest {
  readonly state: DigestState;
  readonly etag: string;
}

export async function loadDigestState(store: Store, sessionKey: string): Promise<StoredDigest | undefined> {
  const entity = await store.get(DIGESTS_TABLE, sessionKey, STATE_ROW);
  const state = entity ? stateFromJson(entity.props.data) : undefined;
  return entity && state ? { state, etag: entity.etag } : undefined;
}

/** False when someone else wrote the row first. */
export async function writeDigestState(store: Store, state: DigestState, etag: string | undefined): Promise<StoredDigest | undefined> {
  const entity = { partitionKey: state.sessionKey, rowKey: STATE_ROW, props: { data: JSON.stringify(state) } };
  const written = etag ? await store.replace(DIGESTS_TABLE, entity, etag) : await store.insert(DIGESTS_TABLE, entity);
  return written.ok ? { state, etag: written.entity.etag } : undefined;
}

async function writeChunks(store: Store, sessionKey: string, version: number, chunks: readonly string[]): Promise<void> {
  for (let start = 0; start < chunks.length; start += CHUNKS_PER_BATCH) {
    const operations = chunks.slice(start, start + CHUNKS_PER_BATCH).map((data, offset) => ({
      kind: 'upsert' as const,
      entity: { partitionKey: sessionKey, rowKey: chunkRowKey(version, start + offset), props: { data } },
    }));
    const result = await store.batch(DIGESTS_TABLE, sessionKey, operations);
    if (!result.ok) throw new Error(`The digest draft could not be stored (${result.reason}).`);
  }
}

async function deleteChunks(store: Store, sessionKey: string, version: number): Promise<void> {
  const prefix = chunkRowKey(version, 0).slice(0, -4);
  const page = await store.query(DIGESTS_TABLE, sessionKey, { rowKeyPrefix: prefix });
  for (const entity of page.entities) await store.delete(DIGESTS_TABLE, sessionKey, entity.rowKey, '*');
}

/**
 * Stores a new draft version and then points the state row at it. Chunks go first, so a crash in
 * between leaves the old draft in place (and some unused rows), never a state without its draft.
 */
export async function saveDraft(deps: ServiceDeps, session: Session, content: DigestContent, reason: DraftReason, now: Date): Promise<Result<DigestState>> {
  const chunks = splitIntoChunks(JSON.stringify(content));
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    const stored = await loadDigestState(deps.store, session.sessionKey);
    const decided = draftBuilt(stored?.state, session.sessionKey, chunks.length, reason, now);
    if (!decided.ok) return decided;
    await writeChunks(deps.store, session.sessionKey, decided.value.version, chunks);
    const written = await writeDigestState(deps.store, decided.value, stored?.etag);
    if (!written) continue;
    if (stored) await deleteChunks(deps.store, session.sessionKey, stored.state.version).catch(() => undefined);
    await indexForFacilitators(deps, session);
    return decided;
  }
  return refused('Someone else is changing this summary right now. Please try again.');
}

/** The draft snapshot the state row points at. */
export async function loadDraft(store: Store, state: DigestState): Promise<DigestContent | undefined> {
  const prefix = chunkRowKey(state.version, 0).slice(0, -4);
  const parts = (await queryAll(store, DIGESTS_TABLE, state.sessionKey, { rowKeyPrefix: prefix })).map((e) => String(e.props.data ?? ''));
  if (parts.length !== state.chunks) return undefined;
  return contentFromJson(parts.join(''));
}

async function indexForFacilitators(deps: ServiceDeps, session: Session): Promise<void> {
  for (const person of [...session.facilitators, ...session.notetakers]) {
    await putIndexEntry(deps.store, {
      index: DIGESTS_BY_FACILITATOR,
      key: personId(person),
      target: { table: DIGESTS_TABLE, partitionKey: session.sessionKey, rowKey: STATE_ROW },
    });
  }
}

/** The digests this person may review, newest first (the dispatcher checks the rule on each press). */
export async function digestsOfFacilitator(store: Store, who: string): Promise<DigestState[]> {
  const hits = await lookupIndex(store, DIGESTS_BY_FACILITATOR, who);
  return hits
    .flatMap((hit) => {
      const state = stateFromJson(hit.entity.props.data);
      return state ? [state] : [];
    })
    .sort((a, b) => b.builtAt.localeCompare(a.builtAt));
}
