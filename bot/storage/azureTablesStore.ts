/**
 * The Store port on Azure Table Storage (or Cosmos DB for Table, with the same client), for
 * several instances sharing state. Every conditional write is the service's own If-Match check,
 * so instances coordinate through ETags exactly as they do on one SQLite file.
 *
 * Where Cosmos DB for Table differs (limits.ts enforces the stricter rule on every backend):
 * row keys ≤ 255 bytes (Table Storage: 1 KiB); a batch ≤ 2 MB (Table Storage: 4 MiB); Id, rid,
 * etag and ResourceId are reserved property names; table names are case-sensitive (Table Storage:
 * case-insensitive, so never use two names differing only in case); and query results are not
 * guaranteed to be sorted by row key (see `query`).
 *
 * Retries: the SDK retries timeouts, 5xx and 429 answers. If a conditional write's first attempt
 * landed but its answer was lost, the retry reports "exists" or "etagMismatch" although the write
 * happened. SQLite never does this. Callers for whom that matters re-read the row to tell their
 * own write from another's (the row's content says whose it is).
 */
import type { TableClient } from '@azure/data-tables';
import type { BatchResult, DeleteResult, Entity, EntityInput, Page, RangeQuery, Store, WriteResult } from '../core/ports';
import { assertBatch, assertEntity, assertKey, assertPageSize, assertTableName, MAX_PAGE_SIZE } from './limits';
import { connectAzureTables, type AzureTablesConnection, type AzureTablesTarget } from './azureTablesConnection';
import { fromAzureEntity, toAzureEntity } from './azureProperties';
import { AzureTablesError, failedBatchIndex, reasonOf, statusOf } from './azureFailures';
import { locateFailure, toTransactionAction } from './azureBatch';
import { withConditionalDeletes } from './azureBatchDeletes';
import { decodeContinuation, encodeContinuation, rowKeyFilter } from './azureQuery';

export interface AzureTablesStoreOptions extends AzureTablesTarget {
  /** A health check gives up after this long. Default 3 s. */
  readonly pingTimeoutMs?: number;
}

/** An unconditional merge retries its read-and-replace this often before merging blindly. */
const MERGE_ATTEMPTS = 8;
/** Pages the service returns empty (it may, at internal boundaries) are skipped this many times. */
const EMPTY_PAGE_HOPS = 10;

/** The entity as written, with the ETag from the service's answer. */
function asWritten(entity: EntityInput, answer: { readonly etag?: string }): Entity {
  if (!answer.etag) throw new Error('Azure Tables did not return an ETag for a write.');
  return { partitionKey: entity.partitionKey, rowKey: entity.rowKey, props: { ...entity.props }, etag: answer.etag };
}

export function openAzureTablesStore(options: AzureTablesStoreOptions): Store {
  // Made now, so a malformed connection string stops start-up instead of the first request.
  const connection: AzureTablesConnection = connectAzureTables(options);
  let closed = false;
  const tablesReady = new Map<string, Promise<void>>();

  async function client(table: string): Promise<TableClient> {
    if (closed) throw new Error('The Azure Tables store is closed.');
    return connection.table(table);
  }

  /** Tables are created the first time this instance writes to them (creating an existing one is fine). */
  async function writable(table: string): Promise<TableClient> {
    const tableClient = await client(table);
    let ready = tablesReady.get(table);
    if (!ready) {
      ready = tableClient.createTable().catch((error: unknown) => {
        tablesReady.delete(table);
        throw new AzureTablesError('create a table', error);
      });
      tablesReady.set(table, ready);
    }
    await ready;
    return tableClient;
  }

  async function read(table: string, partitionKey: string, rowKey: string): Promise<Entity | undefined> {
    const tableClient = await client(table);
    try {
      return fromAzureEntity(await tableClient.getEntity(partitionKey, rowKey));
    } catch (error) {
      if (statusOf(error) === 404) return undefined; // no such row, or no such table yet
      throw new AzureTablesError('a read', error);
    }
  }

  /** Replace if the ETag matches; the outcome as a value. */
  async function replaceNow(table: string, entity: EntityInput, etag: string): Promise<WriteResult> {
    const tableClient = await client(table);
    try {
      const written = await tableClient.updateEntity(toAzureEntity(entity), 'Replace', { etag });
      return { ok: true, entity: asWritten(entity, written) };
    } catch (error) {
      const reason = reasonOf(error);
      if (reason === 'notFound' || reason === 'etagMismatch') return { ok: false, reason };
      throw new AzureTablesError('a replace', error);
    }
  }

  /**
   * Merge as read, combine, replace-if-unchanged: the service's own MERGE does not return the
   * merged properties, and reading them afterwards could see someone else's later write. With a
   * given ETag this is exactly a conditional merge; with '*' it retries until it lands.
   */
  async function mergeNow(table: string, entity: EntityInput, etag: string): Promise<WriteResult> {
    for (let attempt = 0; attempt < MERGE_ATTEMPTS; attempt++) {
      const current = await read(table, entity.partitionKey, entity.rowKey);
      if (!current) return { ok: false, reason: 'notFound' };
      if (etag !== '*' && current.etag !== etag) return { ok: false, reason: 'etagMismatch' };
      const result = await replaceNow(table, { ...entity, props: { ...current.props, ...entity.props } }, current.etag);
      if (result.ok || etag !== '*' || result.reason === 'notFound') return result;
    }
    return blindMerge(table, entity);
  }

  /** Under heavy contention an unconditional merge still has to happen: the service merges, we re-read. */
  async function blindMerge(table: string, entity: EntityInput): Promise<WriteResult> {
    const tableClient = await client(table);
    try {
      const written = await tableClient.updateEntity(toAzureEntity(entity), 'Merge', { etag: '*' });
      const after = await read(table, entity.partitionKey, entity.rowKey);
      // Normally our own version; if someone wrote since, theirs (a later, consistent version).
      return { ok: true, entity: after ?? asWritten(entity, written) };
    } catch (error) {
      if (reasonOf(error) === 'notFound') return { ok: false, reason: 'notFound' };
      throw new AzureTablesError('a merge', error);
    }
  }

  async function queryNow(table: string, partitionKey: string, range: RangeQuery): Promise<Page> {
    const pageSize = range.pageSize ?? MAX_PAGE_SIZE;
    assertPageSize(pageSize);
    const tableClient = await client(table);
    let continuationToken = range.continuation === undefined ? undefined : decodeContinuation(range.continuation);
    const filter = rowKeyFilter(partitionKey, range);
    try {
      for (let hop = 0; ; hop++) {
        const pages = tableClient.listEntities({ queryOptions: { filter } }).byPage({ maxPageSize: pageSize, continuationToken });
        const { value: page } = await pages.next();
        const entities = page ? page.map((raw: Readonly<Record<string, unknown>>) => fromAzureEntity(raw)) : [];
        continuationToken = page?.continuationToken;
        // Table Storage returns a partition's rows in row-key order (Azurite too); Cosmos DB for
        // Table does not promise it, so callers needing order across pages must not assume it there.
        if (entities.length > 0 || continuationToken === undefined || hop >= EMPTY_PAGE_HOPS) {
          return continuationToken === undefined ? { entities } : { entities, continuation: encodeContinuation(continuationToken) };
        }
      }
    } catch (error) {
      if (statusOf(error) === 404) return { entities: [] }; // the table does not exist yet
      throw new AzureTablesError('a query', error);
    }
  }

  return {
    async get(table, partitionKey, rowKey) {
      assertTableName(table);
      assertKey('partition key', partitionKey);
      assertKey('row key', rowKey);
      return read(table, partitionKey, rowKey);
    },
    async insert(table, entity) {
      assertTableName(table);
      assertEntity(entity);
      const tableClient = await writable(table);
      try {
        const written = await tableClient.createEntity(toAzureEntity(entity));
        return { ok: true, entity: asWritten(entity, written) };
      } catch (error) {
        if (reasonOf(error) === 'exists') return { ok: false, reason: 'exists' };
        throw new AzureTablesError('an insert', error);
      }
    },
    async replace(table, entity, etag) {
      assertTableName(table);
      assertEntity(entity);
      return replaceNow(table, entity, etag);
    },
    async merge(table, entity, etag) {
      assertTableName(table);
      assertEntity(entity);
      return mergeNow(table, entity, etag);
    },
    async upsert(table, entity) {
      assertTableName(table);
      assertEntity(entity);
      const tableClient = await writable(table);
      try {
        const written = await tableClient.upsertEntity(toAzureEntity(entity), 'Replace');
        return asWritten(entity, written);
      } catch (error) {
        throw new AzureTablesError('an upsert', error);
      }
    },
    async delete(table, partitionKey, rowKey, etag): Promise<DeleteResult> {
      assertTableName(table);
      assertKey('partition key', partitionKey);
      assertKey('row key', rowKey);
      const tableClient = await client(table);
      try {
        await tableClient.deleteEntity(partitionKey, rowKey, { etag });
        return { ok: true };
      } catch (error) {
        const reason = reasonOf(error);
        if (reason === 'notFound' || reason === 'etagMismatch') return { ok: false, reason };
        throw new AzureTablesError('a delete', error);
      }
    },
    async query(table, partitionKey, range = {}) {
      assertTableName(table);
      assertKey('partition key', partitionKey);
      return queryNow(table, partitionKey, range);
    },
    async batch(table, partitionKey, operations): Promise<BatchResult> {
      assertBatch(table, partitionKey, operations);
      const tableClient = await writable(table);
      const deleteEtags = new Map(operations.flatMap((op) => (op.kind === 'delete' && op.etag !== '*' ? [[op.rowKey, op.etag] as const] : [])));
      try {
        await withConditionalDeletes(deleteEtags, () =>
          tableClient.submitTransaction(operations.map((operation) => toTransactionAction(partitionKey, operation))),
        );
        return { ok: true };
      } catch (error) {
        const reason = reasonOf(error);
        if (!reason) throw new AzureTablesError('a batch', error);
        const index = failedBatchIndex(error, operations.length) ?? (await locateFailure(operations, reason, (rowKey) => read(table, partitionKey, rowKey)));
        return { ok: false, index, reason };
      }
    },
    async ping() {
      if (closed) return false;
      try {
        const signal = AbortSignal.timeout(options.pingTimeoutMs ?? 3000);
        await connection.service.listTables({ abortSignal: signal }).byPage({ maxPageSize: 1 }).next();
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      // The SDK holds no connection that needs closing; refuse further use like the SQLite store.
      closed = true;
    },
  };
}
