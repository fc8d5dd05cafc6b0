/**
 * Sessions in the Store: one row per occurrence, written only by facilitators' setup and edits,
 * with an index from the meeting chat to its sessions. Edits are conditional on the ETag read,
 * so two facilitators saving at once never lose one another's change silently: the loser retries
 * on the newer version.
 */
import { BoundedMemo } from './boundedMemo';
import type { PersonKey } from './facilitators';
import { lookupIndex, putIndexEntry } from './indexes';
import { indexSessionMonth } from './retentionIndex';
import type { Entity, Store } from './ports';
import { refused, type Result } from './result';
import { occurrenceKey, setupSession, type Session, type SetupInput } from './session';

export const SESSIONS_TABLE = 'sessions';
const ROW = 'session';
export const BY_CONVERSATION = 'sessionsByConversation';
const MAX_TRIES = 4;

export interface StoredSession {
  readonly session: Session;
  readonly etag: string;
}

function fromEntity(entity: Entity): StoredSession {
  return { session: JSON.parse(String(entity.props.data)) as Session, etag: entity.etag };
}

export async function loadSession(store: Store, sessionKey: string): Promise<StoredSession | undefined> {
  const entity = await store.get(SESSIONS_TABLE, sessionKey, ROW);
  return entity ? fromEntity(entity) : undefined;
}

/** How old a session read may be on the card-press path. */
export const RECENT_SESSION_MS = 2_000;
const recentByStore = new WeakMap<Store, BoundedMemo<StoredSession>>();

function recentOf(store: Store): BoundedMemo<StoredSession> {
  let recent = recentByStore.get(store);
  if (!recent) recentByStore.set(store, (recent = new BoundedMemo<StoredSession>(1_000, RECENT_SESSION_MS)));
  return recent;
}

/**
 * For the busiest path, a press on a session's card: the session as this instance read it at most
 * two seconds ago. A save made here is seen at once; one made on another instance within two
 * seconds. Never for read-modify-write: saveSetup reads afresh.
 */
export async function loadRecentSession(store: Store, sessionKey: string, now: Date): Promise<StoredSession | undefined> {
  const recent = recentOf(store);
  const known = recent.get(sessionKey, now);
  if (known) return known;
  const stored = await loadSession(store, sessionKey);
  if (stored) recent.set(sessionKey, stored, now);
  return stored;
}

/** Every session held for a meeting chat, newest occurrence first. */
export async function sessionsOfConversation(store: Store, conversationId: string): Promise<Session[]> {
  const hits = await lookupIndex(store, BY_CONVERSATION, conversationId);
  return hits
    .filter((hit) => hit.table === SESSIONS_TABLE)
    .map((hit) => fromEntity(hit.entity).session)
    .sort((a, b) => b.occurrence.localeCompare(a.occurrence));
}

/**
 * Creates or edits the occurrence's session from a setup form. The caller has already checked
 * that `actor` may do this (facilitators.ts); identity comes from the activity, never the form.
 */
export async function saveSetup(store: Store, input: SetupInput, actor: PersonKey, now: Date): Promise<Result<Session>> {
  const sessionKey = occurrenceKey(input.meetingId, input.occurrenceStart);
  if (!sessionKey) return refused('Coproduce could not tell which meeting this is. Try again from the meeting chat.');
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    const existing = await loadSession(store, sessionKey);
    const decided = setupSession(existing?.session, input, actor, now);
    if (!decided.ok) return decided;
    const entity = { partitionKey: sessionKey, rowKey: ROW, props: { data: JSON.stringify(decided.value) } };
    const written = existing ? await store.replace(SESSIONS_TABLE, entity, existing.etag) : await store.insert(SESSIONS_TABLE, entity);
    if (!written.ok) continue; // someone saved first: decide again on their version
    recentOf(store).delete(sessionKey);
    await putIndexEntry(store, {
      index: BY_CONVERSATION,
      key: input.conversationId,
      target: { table: SESSIONS_TABLE, partitionKey: sessionKey, rowKey: ROW },
    });
    // The retention purge finds sessions by the month of their meeting day.
    await indexSessionMonth(store, { table: SESSIONS_TABLE, partitionKey: sessionKey, rowKey: ROW }, decided.value.occurrence);
    return decided;
  }
  return refused('Someone else is saving this session right now. Please try again.');
}
