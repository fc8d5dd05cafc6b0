/**
 * Index partitions the app writes itself, for lookups other than "by session" (due jobs by time
 * bucket, a person's records by pseudonym, sessions of a programme). Azure Tables has no secondary
 * indexes and cannot write two partitions atomically, so:
 * - write the entity first and its index entry second (a crash in between loses only the entry,
 *   which repairIndex puts back);
 * - readers check that each target still exists and drop entries that point at nothing.
 */
import { compositeKey } from './keys';
import type { Entity, Properties, Store } from './ports';

export const INDEX_TABLE = 'indexes';

/** The row an index entry points at. */
export interface IndexTarget {
  readonly table: string;
  readonly partitionKey: string;
  readonly rowKey: string;
}

/** A live index entry: where it points and what is there now. */
export interface IndexHit extends IndexTarget {
  readonly entity: Entity;
}

export interface IndexEntryInput {
  /** Which index, e.g. 'jobsDue' or 'personRecords'. */
  readonly index: string;
  /** The value looked up, e.g. a time bucket or a pseudonym. */
  readonly key: string;
  readonly target: IndexTarget;
}

function entryPartition(index: string, key: string): string {
  return compositeKey(index, key);
}

function entryRow(target: IndexTarget): string {
  return compositeKey(target.table, target.partitionKey, target.rowKey);
}

/** Adds (or refreshes) an entry; idempotent, so retries and repairs are safe. */
export async function putIndexEntry(store: Store, entry: IndexEntryInput): Promise<void> {
  await store.upsert(INDEX_TABLE, {
    partitionKey: entryPartition(entry.index, entry.key),
    rowKey: entryRow(entry.target),
    props: targetProps(entry.target),
  });
}

/** Removes one entry if present, e.g. when the indexed value of an entity changes. */
export async function removeIndexEntry(store: Store, entry: IndexEntryInput): Promise<void> {
  await store.delete(INDEX_TABLE, entryPartition(entry.index, entry.key), entryRow(entry.target), '*');
}

/** The target is kept in properties too, so reading it back needs no key parsing. */
function targetProps(target: IndexTarget): Properties {
  return { targetTable: target.table, targetPartitionKey: target.partitionKey, targetRowKey: target.rowKey };
}

function targetOf(entry: Entity): IndexTarget | undefined {
  const { targetTable: table, targetPartitionKey: partitionKey, targetRowKey: rowKey } = entry.props;
  if (typeof table !== 'string' || typeof partitionKey !== 'string' || typeof rowKey !== 'string') return undefined;
  return { table, partitionKey, rowKey };
}

/** Every entity of one partition, a page at a time, following continuations. */
async function* entitiesOf(store: Store, table: string, partitionKey: string): AsyncGenerator<Entity> {
  let continuation: string | undefined;
  do {
    const page = await store.query(table, partitionKey, { continuation });
    yield* page.entities;
    continuation = page.continuation;
  } while (continuation !== undefined);
}

/**
 * The targets indexed under `key` that still exist, in entry order. Entries whose target is gone
 * are deleted, but only if unchanged since read: a writer that just re-added one keeps it.
 */
export async function lookupIndex(store: Store, index: string, key: string): Promise<IndexHit[]> {
  const partitionKey = entryPartition(index, key);
  const hits: IndexHit[] = [];
  for await (const entry of entitiesOf(store, INDEX_TABLE, partitionKey)) {
    const target = targetOf(entry);
    const entity = target && (await store.get(target.table, target.partitionKey, target.rowKey));
    if (target && entity) {
      hits.push({ ...target, entity });
    } else {
      await store.delete(INDEX_TABLE, partitionKey, entry.rowKey, entry.etag);
    }
  }
  return hits;
}

export interface RepairRequest {
  readonly index: string;
  /** Where the indexed entities live. */
  readonly table: string;
  readonly partitionKey: string;
  /** The index key of an entity, or undefined when it should not be indexed. */
  readonly keyOf: (entity: Entity) => string | undefined;
}

/** Re-adds missing entries for every entity in one partition; returns how many it added. */
export async function repairIndex(store: Store, request: RepairRequest): Promise<{ readonly added: number }> {
  let added = 0;
  for await (const entity of entitiesOf(store, request.table, request.partitionKey)) {
    const key = request.keyOf(entity);
    if (key === undefined) continue;
    const target = { table: request.table, partitionKey: request.partitionKey, rowKey: entity.rowKey };
    const result = await store.insert(INDEX_TABLE, {
      partitionKey: entryPartition(request.index, key),
      rowKey: entryRow(target),
      props: targetProps(target),
    });
    if (result.ok) added += 1;
  }
  return { added };
}
