/**
 * Azure Table Storage's (and Cosmos DB for Table's) limits, checked before every write on every
 * backend, so code that works on SQLite in development cannot fail for the first time in Azure.
 *
 * Messages never repeat the key or the value: keys are often built from personal ids.
 */
import { StoreLimitError, type BatchOperation, type EntityInput, type Properties } from '../core/ports';

const TABLE_NAME = /^[A-Za-z][A-Za-z0-9]{2,62}$/;
/** Table Storage allows 1 KiB keys; Cosmos DB for Table allows only 255 bytes of row key, so we use that. */
export const MAX_KEY_BYTES = 255;
/** `/ \ # ?` and the control ranges U+0000–U+001F and U+007F–U+009F are forbidden in keys. */
const FORBIDDEN_KEY_CHAR = /[/\\#?\u0000-\u001f\u007f-\u009f]/;
/** Strings are stored as UTF-16: 64 KiB means 32,768 code units. */
export const MAX_STRING_BYTES = 64 * 1024;
export const MAX_ENTITY_BYTES = 1024 * 1024;
/** 255 properties in all, minus PartitionKey, RowKey and Timestamp. */
export const MAX_CUSTOM_PROPERTIES = 252;
export const MAX_BATCH_OPERATIONS = 100;
/** Cosmos DB for Table's batch payload limit (Table Storage allows 4 MiB). Estimated, not exact. */
const MAX_BATCH_BYTES = 2 * 1024 * 1024;
export const MAX_PAGE_SIZE = 1000;
const PROPERTY_NAME = /^[A-Za-z][A-Za-z0-9_]{0,254}$/;
/**
 * Names the services keep for themselves, compared case-insensitively. Table Storage reserves the
 * system properties; Cosmos DB for Table also reserves Id, rid, etag and ResourceId.
 */
const RESERVED_PROPERTY_NAMES = new Set(['partitionkey', 'rowkey', 'timestamp', 'etag', 'id', 'rid', 'resourceid']);

function fail(message: string): never {
  throw new StoreLimitError(message);
}

export function utf8Bytes(value: string): number {
  return Buffer.byteLength(value, 'utf8');
}

export function assertTableName(table: string): void {
  if (!TABLE_NAME.test(table) || table.toLowerCase() === 'tables') {
    fail('A table name must be 3 to 63 letters or digits, start with a letter, and not be "tables".');
  }
}

/** Checks a partition key or row key, for reads as well as writes (keys travel in Azure's URLs). */
export function assertKey(what: 'partition key' | 'row key', key: string): void {
  if (typeof key !== 'string' || key.length === 0) fail(`A ${what} must be a non-empty string.`);
  if (utf8Bytes(key) > MAX_KEY_BYTES) fail(`A ${what} is longer than ${MAX_KEY_BYTES} bytes in UTF-8.`);
  if (FORBIDDEN_KEY_CHAR.test(key)) {
    fail(`A ${what} contains a character Azure Tables forbids (/ \\ # ? or a control character); escape ids with keyPart.`);
  }
}

function assertPropertyName(name: string): void {
  const lower = name.toLowerCase();
  if (!PROPERTY_NAME.test(name) || RESERVED_PROPERTY_NAMES.has(lower) || lower.startsWith('odata')) {
    fail('A property name must be a plain identifier (letters, digits, underscores, starting with a letter) and not a reserved name.');
  }
}

/** Approximate stored size of one property, following Azure's published sizing rules. */
function propertyBytes(name: string, value: Properties[string]): number {
  const valueBytes = typeof value === 'string' ? 4 + value.length * 2 : typeof value === 'number' ? 8 : value === null ? 0 : 1;
  return 8 + name.length * 2 + valueBytes;
}

/** Checks the properties and returns the entity's estimated size in bytes. */
export function assertProperties(props: Properties): number {
  const names = Object.keys(props);
  if (names.length > MAX_CUSTOM_PROPERTIES) fail(`An entity may have at most ${MAX_CUSTOM_PROPERTIES} properties.`);
  let bytes = 0;
  for (const name of names) {
    assertPropertyName(name);
    const value = props[name];
    if (typeof value === 'string') {
      // `length` counts UTF-16 code units, which is how Azure measures strings.
      if (value.length * 2 > MAX_STRING_BYTES) fail(`Property ${name} is longer than 64 KiB (counted as UTF-16).`);
    } else if (typeof value === 'number') {
      if (!Number.isFinite(value)) fail(`Property ${name} must be a finite number.`);
    } else if (value !== null && typeof value !== 'boolean') {
      fail(`Property ${name} must be a string, number, boolean or null; store objects as JSON strings.`);
    }
    bytes += propertyBytes(name, value);
  }
  return bytes;
}

/** Checks keys, properties and total size; returns the estimated size in bytes. */
export function assertEntity(entity: EntityInput): number {
  assertKey('partition key', entity.partitionKey);
  assertKey('row key', entity.rowKey);
  const bytes = 4 + (entity.partitionKey.length + entity.rowKey.length) * 2 + assertProperties(entity.props);
  if (bytes > MAX_ENTITY_BYTES) fail('An entity is larger than 1 MiB.');
  return bytes;
}

export function assertPageSize(pageSize: number): void {
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    fail(`A page size must be a whole number from 1 to ${MAX_PAGE_SIZE}.`);
  }
}

/** The row key an operation touches. */
export function batchRowKey(operation: BatchOperation): string {
  return operation.kind === 'delete' ? operation.rowKey : operation.entity.rowKey;
}

export function assertBatch(table: string, partitionKey: string, operations: readonly BatchOperation[]): void {
  assertTableName(table);
  assertKey('partition key', partitionKey);
  if (operations.length < 1 || operations.length > MAX_BATCH_OPERATIONS) {
    fail(`A batch must have from 1 to ${MAX_BATCH_OPERATIONS} operations.`);
  }
  const rowKeys = new Set<string>();
  let bytes = 0;
  for (const operation of operations) {
    if (operation.kind === 'delete') {
      assertKey('row key', operation.rowKey);
    } else {
      if (operation.entity.partitionKey !== partitionKey) fail('Every operation in a batch must use the batch partition key.');
      bytes += assertEntity(operation.entity);
    }
    const rowKey = batchRowKey(operation);
    if (rowKeys.has(rowKey)) fail('A batch may touch each row only once.');
    rowKeys.add(rowKey);
  }
  if (bytes > MAX_BATCH_BYTES) fail('A batch is larger than 2 MiB.');
}
