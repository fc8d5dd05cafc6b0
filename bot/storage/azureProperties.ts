/**
 * Our property values to Azure Tables' typed properties and back, so that what SQLite returns and
 * what Azure returns are the same JavaScript values.
 *
 * - Numbers are written as Edm.Double, always. Left untyped, the service would store a whole number
 *   as Edm.Int32 and refuse one beyond 32 bits; a double keeps every safe integer (2^53 - 1) exact,
 *   and every number comes back as the same JavaScript number.
 * - Azure has no null (a null property is simply not stored, and a merge that omits a property keeps
 *   the old value). We write null as an empty Edm.Binary, which nothing else in the app writes, and
 *   read any Binary back as null. Cosmos DB for Table accepts Binary properties too.
 */
import type { TableEntity } from '@azure/data-tables';
import type { Entity, EntityInput, PropertyValue } from '../core/ports';

export type AzureEntity = TableEntity<Record<string, unknown>>;

/** Keys the SDK adds to what it reads; none can be one of our property names (limits.ts reserves them). */
const SYSTEM_KEYS = new Set(['partitionKey', 'rowKey', 'etag', 'timestamp']);

function encodeValue(value: PropertyValue): unknown {
  if (value === null) return new Uint8Array(0); // the SDK sends it as "" typed Edm.Binary
  if (typeof value === 'number') return { value, type: 'Double' };
  return value;
}

function decodeValue(value: unknown): PropertyValue | undefined {
  if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') return value;
  if (value instanceof Uint8Array) return null;
  // Not written by this app, but readable if someone edits a table by hand.
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString();
  return undefined;
}

export function toAzureEntity(entity: EntityInput): AzureEntity {
  const out: AzureEntity = { partitionKey: entity.partitionKey, rowKey: entity.rowKey };
  for (const [name, value] of Object.entries(entity.props)) out[name] = encodeValue(value);
  return out;
}

/** Reads an entity as the SDK returns it: system keys, `odata.*` metadata and our properties. */
export function fromAzureEntity(raw: Readonly<Record<string, unknown>>): Entity {
  const props: Record<string, PropertyValue> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (SYSTEM_KEYS.has(name) || name.includes('.')) continue;
    const decoded = decodeValue(value);
    if (decoded !== undefined) props[name] = decoded;
  }
  return { partitionKey: String(raw.partitionKey), rowKey: String(raw.rowKey), props, etag: String(raw.etag) };
}
