/**
 * Deletes one session's data from every table that holds it, for the retention purge (DESIGN.md
 * "Personal data"). The consent chain is the exception: its events and blocks hold no names or
 * Teams ids, only random subject ids and hashes, so they stay and the chain stays verifiable.
 * Who each subject was (the person rows) goes, with erasure semantics: a tombstone in its place.
 *
 * Order matters for a crash part-way: child rows first, the session row and its index entries
 * last, so the session is still found (and finished) by the next run. Every step is safe to
 * repeat. Rows are found by the session's own keys, never by scanning a table.
 */
import { ACCESS_NEEDS_TABLE } from '../core/accessNeeds';
import { ACTIONS_TABLE } from '../core/actions';
import { ANONYMOUS_TABLE, anonymousPartition, type AnonymousKind } from '../core/anonymous';
import { ATTENDANCE_TABLE } from '../core/attendance';
import { BLOCK_PREFIX } from '../core/consentChain';
import { CONSENT_TABLE, EVENT_PREFIX } from '../core/consentLedger';
import { personFromEntity, personRowKey, TOMBSTONE_PREFIX } from '../core/consentPeople';
import { DIGESTS_TABLE } from '../core/digest';
import { eraseConsentPerson } from '../core/erasure';
import { INDEX_TABLE, removeIndexEntry } from '../core/indexes';
import { fromKeyPart, keyPart } from '../core/keys';
import { LADDER_TABLE } from '../core/ladder';
import { WRAP_UPS_TABLE } from '../core/nextSteps';
import { NOTES_TABLE } from '../core/notes';
import { PAYMENT_RATES_TABLE, PAYMENTS_TABLE } from '../core/payments';
import { PLANS_TABLE } from '../core/planVersion';
import type { Entity, Store } from '../core/ports';
import { PURPOSE_ANSWERS_TABLE } from '../core/purposeAnswers';
import { unindexSessionMonth } from '../core/retentionIndex';
import { SENSE_ANSWERS_TABLE, answerPartition } from '../core/senseCheck';
import { SENSE_CHECKS_TABLE } from '../core/senseCheckStore';
import { BY_CONVERSATION, SESSIONS_TABLE } from '../core/sessionStore';
import { STAGE_TOKENS_TABLE } from '../core/stageTokens';
import { TOKENS_TABLE } from '../core/withdrawalTokens';
import { CONSENT_SESSIONS_INDEX } from '../services/consentSessions';
import type { ServiceDeps } from '../services/deps';
import { DIGEST_LINKS_TABLE } from '../services/digestViews';
import { CHANNELS_TABLE } from '../services/followUpChannels';
import { purgeFollowUp } from '../services/followUpPurge';
import { FRAMEWORK_TABLE } from '../services/liveFrameworkStore';
import { purgePreparation } from '../services/preparationStore';
import { PLAIN_ENGLISH_IGNORES_TABLE } from '../services/plainEnglishWarnings';
import { queryAll } from '../core/storeQueries';

/** The parts of a stored session the purge needs. */
export interface SessionToPurge {
  readonly sessionKey: string;
  readonly conversationId: string;
  /** `YYYY-MM-DD`, the meeting day. */
  readonly occurrence: string;
  /** Where the session row itself is. */
  readonly row: { readonly partitionKey: string; readonly rowKey: string };
}

/** Every kind of anonymous row: a Record, so a new kind fails to compile until it is listed. */
const ANONYMOUS_KINDS: Readonly<Record<AnonymousKind, true>> = { unsaid: true, pause: true };

/** Tables whose rows for a session all live in the partition named by the session key. */
const SESSION_PARTITION_TABLES: readonly string[] = [
  FRAMEWORK_TABLE,
  PLAIN_ENGLISH_IGNORES_TABLE,
  NOTES_TABLE,
  SENSE_CHECKS_TABLE,
  PURPOSE_ANSWERS_TABLE,
  ATTENDANCE_TABLE,
  WRAP_UPS_TABLE,
  STAGE_TOKENS_TABLE,
  TOKENS_TABLE,
];

/**
 * Follow-up's tables, which services/followUpPurge.ts empties for a session (payment rates set for
 * a whole programme, and a programme's channel, belong to the programme and stay; see
 * docs/runbook.md about how long finance records must be kept).
 */
const FOLLOW_UP_TABLES: readonly string[] = [
  ACCESS_NEEDS_TABLE,
  ACTIONS_TABLE,
  DIGESTS_TABLE,
  DIGEST_LINKS_TABLE,
  LADDER_TABLE,
  PAYMENTS_TABLE,
  PAYMENT_RATES_TABLE,
  CHANNELS_TABLE,
];

/** Tables holding a session's rows; the purge empties the session's share of each. */
export const PURGED_TABLES: readonly string[] = Object.freeze([
  SESSIONS_TABLE,
  ...SESSION_PARTITION_TABLES,
  ...FOLLOW_UP_TABLES,
  SENSE_ANSWERS_TABLE,
  CONSENT_TABLE,
  ANONYMOUS_TABLE,
  PLANS_TABLE,
  // Entries pointing at the session are removed with it; other indexes' entries (a facilitator's
  // digests, a programme's ladder) drop out the next time they are read, as every index look-up does.
  INDEX_TABLE,
]);

/** Tables the purge leaves alone, and why. A test makes every table appear in one of the two lists. */
export const UNPURGED_TABLES: Readonly<Record<string, string>> = Object.freeze({
  jobs: 'keyed by job and due minute; a session has no pending jobs a year on, and job rows hold no names',
  markers: 'one-time markers keyed by conversation (for example "welcome sent"), not by session',
  myDataDownloads: 'one-time download codes that expire within minutes',
  outbox: 'keyed by conversation; nothing is still queued for a session a year on',
  outboxIndex: 'keyed by conversation: which chats have queued messages',
  sends: 'keyed by conversation: the record of each send, with no message text',
  conversations: 'keyed by conversation: where the bot may post; a meeting chat outlives its sessions',
  personalChats: "keyed by person: their 1:1 chat with the bot; removed when they erase their data",
});

export interface PurgeReport {
  /** Rows deleted or replaced by a tombstone. */
  readonly rows: number;
}

/** Removes the session's data; returns how many rows went. Safe to run again after a crash. */
export async function purgeSession(deps: ServiceDeps, session: SessionToPurge, now: Date): Promise<PurgeReport> {
  const { store } = deps;
  const { sessionKey } = session;
  let rows = 0;
  // Rows in other partitions that are found through this session's rows go first.
  for (const checkId of await senseCheckIds(store, sessionKey)) {
    rows += await clearPartition(store, SENSE_ANSWERS_TABLE, answerPartition(sessionKey, checkId));
  }
  rows += await deletePointedRows(store, STAGE_TOKENS_TABLE, sessionKey, 'token', (row) => row.rowKey === 'stage');
  rows += await deletePointedRows(store, TOKENS_TABLE, sessionKey, 'code', (row) => row.rowKey.startsWith('current|'));
  rows += await purgeConsent(store, sessionKey, now);
  rows += await purgeFollowUp(deps, sessionKey);

  for (const table of SESSION_PARTITION_TABLES) rows += await clearPartition(store, table, sessionKey);
  for (const kind of Object.keys(ANONYMOUS_KINDS) as AnonymousKind[]) {
    rows += await clearPartition(store, ANONYMOUS_TABLE, anonymousPartition(sessionKey, kind));
  }
  rows += await clearPartition(store, PLANS_TABLE, keyPart(sessionKey));

  rows += await purgePreparation(store, sessionKey);

  // Last: the session itself, so an interrupted purge is found and finished next time.
  const target = { table: SESSIONS_TABLE, ...session.row };
  await removeIndexEntry(store, { index: BY_CONVERSATION, key: session.conversationId, target });
  if ((await store.delete(SESSIONS_TABLE, session.row.partitionKey, session.row.rowKey, '*')).ok) rows++;
  await unindexSessionMonth(store, target, session.occurrence);
  return { rows };
}

/**
 * Consent: each person row becomes a tombstone (exactly as when someone erases their data) and
 * drops out of the person's "my sessions" index; chain rows stay; everything else goes (the
 * wording shown, card markers).
 */
async function purgeConsent(store: Store, sessionKey: string, now: Date): Promise<number> {
  let rows = 0;
  for (const row of await allRows(store, CONSENT_TABLE, sessionKey)) {
    if (row.rowKey.startsWith(EVENT_PREFIX) || row.rowKey.startsWith(BLOCK_PREFIX) || row.rowKey.startsWith(TOMBSTONE_PREFIX)) continue;
    const person = personFromEntity(row);
    if (person) {
      const erased = await store.batch(CONSENT_TABLE, sessionKey, eraseConsentPerson(row, person.subjectId, now));
      // Changed since read (a year on, hardly ever): stop here; the job runs again and the session is still found.
      if (!erased.ok) throw Object.assign(new Error('A consent person row changed during the retention purge.'), { code: 'consentChanged' });
      const target = { table: CONSENT_TABLE, partitionKey: sessionKey, rowKey: personRowKey(person.who) };
      await removeIndexEntry(store, { index: CONSENT_SESSIONS_INDEX, key: person.who, target });
      rows++;
    } else if ((await store.delete(CONSENT_TABLE, sessionKey, row.rowKey, '*')).ok) {
      rows++;
    }
  }
  return rows;
}

/** Sense check ids, from the check rows and from the drafts that became checks. */
async function senseCheckIds(store: Store, sessionKey: string): Promise<string[]> {
  const ids = new Set<string>();
  for (const row of await allRows(store, SENSE_CHECKS_TABLE, sessionKey)) {
    if (typeof row.props.checkId === 'string') ids.add(row.props.checkId);
    if (row.rowKey.startsWith('check|')) ids.add(fromKeyPart(row.rowKey.slice('check|'.length)));
  }
  return [...ids];
}

/** Token tables keep a look-up row (by hash) in a shared partition; the session's rows point at it. */
async function deletePointedRows(store: Store, table: string, sessionKey: string, lookupPartition: string, isPointer: (row: Entity) => boolean): Promise<number> {
  let rows = 0;
  for (const row of await allRows(store, table, sessionKey)) {
    const hash = row.props.hash;
    if (!isPointer(row) || typeof hash !== 'string') continue;
    if ((await store.delete(table, lookupPartition, hash, '*')).ok) rows++;
  }
  return rows;
}

function allRows(store: Store, table: string, partitionKey: string): Promise<Entity[]> {
  return queryAll(store, table, partitionKey);
}

/** Deletes every row of one partition, 100 to a batch; one at a time if a batch meets a change. */
async function clearPartition(store: Store, table: string, partitionKey: string): Promise<number> {
  const rows = await allRows(store, table, partitionKey);
  let deleted = 0;
  for (let i = 0; i < rows.length; i += 100) {
    const chunk = rows.slice(i, i + 100);
    const batch = await store.batch(table, partitionKey, chunk.map((row) => ({ kind: 'delete' as const, rowKey: row.rowKey, etag: '*' })));
    if (batch.ok) {
      deleted += chunk.length;
      continue;
    }
    // Someone deleted one of them meanwhile (another instance purging too): finish one by one.
    for (const row of chunk) if ((await store.delete(table, partitionKey, row.rowKey, '*')).ok) deleted++;
  }
  return deleted;
}
