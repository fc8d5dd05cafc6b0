/**
 * Store batches as Azure entity group transactions: one partition, at most 100 operations
 * (limits.ts checks both, and Cosmos DB for Table's 2 MB payload limit, before we get here).
 */
import type { TransactionAction } from '@azure/data-tables';
import type { BatchOperation, Entity } from '../core/ports';
import { toAzureEntity } from './azureProperties';
import type { Reason } from './azureFailures';
import { batchRowKey } from './limits';

export function toTransactionAction(partitionKey: string, operation: BatchOperation): TransactionAction {
  switch (operation.kind) {
    case 'insert':
      return ['create', toAzureEntity(operation.entity)];
    case 'replace':
      return ['update', toAzureEntity(operation.entity), 'Replace', { etag: operation.etag }];
    case 'merge':
      return ['update', toAzureEntity(operation.entity), 'Merge', { etag: operation.etag }];
    case 'upsert':
      return ['upsert', toAzureEntity(operation.entity), 'Replace'];
    case 'delete':
      // The SDK's delete action has no ETag: azureBatchDeletes.ts adds it to the request.
      return ['delete', { partitionKey, rowKey: operation.rowKey }];
  }
}

/** Whether this operation, against this current row (or none), fails for this reason. */
function failsFor(operation: BatchOperation, current: Entity | undefined, reason: Reason): boolean {
  if (operation.kind === 'upsert') return false;
  if (operation.kind === 'insert') return reason === 'exists' && current !== undefined;
  if (reason === 'notFound') return current === undefined;
  return reason === 'etagMismatch' && current !== undefined && operation.etag !== '*' && operation.etag !== current.etag;
}

/**
 * Finds which operation a failed batch failed on when the service did not say: the transaction
 * was rolled back, so the first operation that would fail against what is stored now is the one.
 * (A concurrent writer could change the rows meanwhile; then the first operation that can fail for
 * this reason at all is the best answer left.)
 */
export async function locateFailure(
  operations: readonly BatchOperation[],
  reason: Reason,
  read: (rowKey: string) => Promise<Entity | undefined>,
): Promise<number> {
  const candidates = operations
    .map((operation, index) => ({ operation, index }))
    .filter(({ operation }) => (reason === 'exists' ? operation.kind === 'insert' : operation.kind !== 'insert' && operation.kind !== 'upsert'));
  if (candidates.length === 1) return candidates[0].index;
  for (const { operation, index } of candidates) {
    if (failsFor(operation, await read(batchRowKey(operation)), reason)) return index;
  }
  return candidates[0]?.index ?? 0;
}
