/**
 * Reads what botbuilder's connector client throws (an @azure/core-rest-pipeline RestError:
 * `statusCode`, the parsed Teams body in `details`, the response headers) into a SendFailure.
 * Only the status, Teams' error codes and Retry-After are taken: the message text may quote
 * content and never reaches a log or a record.
 */
import type { SendFailure } from '../core/sendErrors';

interface ConnectorErrorShape {
  readonly statusCode?: unknown;
  readonly code?: unknown;
  readonly details?: unknown;
  readonly response?: { readonly headers?: unknown };
}

interface TeamsErrorBody {
  readonly error?: { readonly code?: unknown; readonly subCode?: unknown; readonly innerHttpError?: { readonly code?: unknown } };
}

export function describeConnectorError(error: unknown, kind: SendFailure['kind']): SendFailure {
  const shape = (typeof error === 'object' && error !== null ? error : {}) as ConnectorErrorShape;
  const status = typeof shape.statusCode === 'number' ? shape.statusCode : undefined;
  const body = (typeof shape.details === 'object' && shape.details !== null ? shape.details : {}) as TeamsErrorBody;
  // RestError.code is the Teams code when a response came back, or e.g. REQUEST_SEND_ERROR when none did.
  const code = text(body.error?.code) ?? (status !== undefined ? text(shape.code) : undefined);
  const subCode = text(body.error?.subCode) ?? text(body.error?.innerHttpError?.code);
  const retryAfter = header(shape.response?.headers, 'retry-after');
  return {
    kind,
    ...(status !== undefined ? { status } : {}),
    ...(code ? { code } : {}),
    ...(subCode ? { subCode } : {}),
    ...(retryAfter ? { retryAfter } : {}),
  };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

/** Headers come as a core-rest-pipeline HttpHeaders (with get) or, from older clients, a plain object. */
function header(headers: unknown, name: string): string | undefined {
  if (typeof headers !== 'object' || headers === null) return undefined;
  const getter = (headers as { get?: unknown }).get;
  if (typeof getter === 'function') return text((getter as (n: string) => unknown).call(headers, name));
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return text(value);
  return undefined;
}
