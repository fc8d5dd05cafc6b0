/**
 * Reading the SDK's errors: which answers are expected outcomes (the Store port's reasons), and a
 * clean error for everything else. The SDK's RestError carries the request URL (with partition and
 * row keys, often built from personal ids) and sometimes the body, so it never leaves this folder.
 */

export type Reason = 'exists' | 'notFound' | 'etagMismatch';

interface SdkErrorShape {
  readonly statusCode?: number;
  readonly code?: string;
  readonly message?: string;
  readonly details?: { readonly odataError?: { readonly code?: string } };
}

function shape(error: unknown): SdkErrorShape {
  return typeof error === 'object' && error !== null ? (error as SdkErrorShape) : {};
}

export function statusOf(error: unknown): number | undefined {
  const status = shape(error).statusCode;
  return typeof status === 'number' ? status : undefined;
}

/** The service's error code (e.g. EntityAlreadyExists). Single calls put it in details, batches in code. */
export function serviceCodeOf(error: unknown): string | undefined {
  const { code, details } = shape(error);
  return details?.odataError?.code ?? code;
}

/**
 * The outcome an answer means, or undefined when it is not an expected one. A 409 counts as
 * "exists" only for an entity: a table being deleted also answers 409 and must not pass as a duplicate.
 */
export function reasonOf(error: unknown): Reason | undefined {
  switch (statusOf(error)) {
    case 404:
      return 'notFound';
    case 412:
      return 'etagMismatch';
    case 409: {
      const code = serviceCodeOf(error);
      return code === undefined || code === 'EntityAlreadyExists' ? 'exists' : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * Table Storage (and Azurite) prefix a failed batch's message with the failing operation's index,
 * e.g. "2:The specified entity already exists.". Undefined when absent (Cosmos DB for Table's
 * messages are not documented to carry it; the caller then finds the operation itself).
 */
export function failedBatchIndex(error: unknown, operationCount: number): number | undefined {
  const match = /^(\d+):/.exec(shape(error).message ?? '');
  if (!match) return undefined;
  const index = Number(match[1]);
  return index < operationCount ? index : undefined;
}

/** An unexpected answer (or none), described by status and code only. */
export class AzureTablesError extends Error {
  readonly status: number | undefined;
  readonly code: string | undefined;

  constructor(operation: string, cause: unknown) {
    const status = statusOf(cause);
    const code = serviceCodeOf(cause);
    const answer = status === undefined ? 'got no answer' : `answered ${status}`;
    super(`Azure Tables ${answer}${code ? ` (${code})` : ''} to ${operation}.`);
    this.name = 'AzureTablesError';
    this.status = status;
    this.code = code;
  }
}
