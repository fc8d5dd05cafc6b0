/**
 * Row-key ranges as OData filters, and continuation tokens as opaque strings.
 */
import type { RangeQuery } from '../core/ports';

/** An OData string literal: single quotes doubled (keys cannot hold control characters, limits.ts). */
function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** One partition, and the row-key bounds of the range (prefix as [prefix, prefix + U+FFFF), like SQLite). */
export function rowKeyFilter(partitionKey: string, range: RangeQuery): string {
  const conditions = [`PartitionKey eq ${literal(partitionKey)}`];
  if (range.fromRowKey !== undefined) conditions.push(`RowKey ge ${literal(range.fromRowKey)}`);
  if (range.toRowKey !== undefined) conditions.push(`RowKey lt ${literal(range.toRowKey)}`);
  if (range.rowKeyPrefix !== undefined) {
    conditions.push(`RowKey ge ${literal(range.rowKeyPrefix)}`, `RowKey lt ${literal(range.rowKeyPrefix + '\uffff')}`);
  }
  return conditions.join(' and ');
}

const NOT_OURS = 'The continuation token is not one this store issued.';

/** Wraps the SDK's token (base64 JSON of the service's next keys) so callers treat it as opaque. */
export function encodeContinuation(sdkToken: string): string {
  return Buffer.from(sdkToken, 'utf8').toString('base64url');
}

export function decodeContinuation(token: string): string {
  if (!/^[A-Za-z0-9_-]+$/.test(token)) throw new Error(NOT_OURS);
  const sdkToken = Buffer.from(token, 'base64url').toString('utf8');
  try {
    const parsed: unknown = JSON.parse(Buffer.from(sdkToken, 'base64').toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null && typeof (parsed as { nextPartitionKey?: unknown }).nextPartitionKey === 'string') {
      return sdkToken;
    }
  } catch {
    // falls through to the refusal
  }
  throw new Error(NOT_OURS);
}
