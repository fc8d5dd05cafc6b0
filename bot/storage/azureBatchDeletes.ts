/**
 * Conditional deletes inside a batch. @azure/data-tables 13 drops the ETag of a transaction's
 * delete action and always sends `If-Match: *`, which would let a stale instance delete a row
 * another instance has since changed (the outbox relies on exactly this condition). So a pipeline
 * policy on our table clients rewrites the If-Match line of each DELETE sub-request in the
 * outgoing $batch body to the ETag the Store caller gave, found by the sub-request's row key.
 * The ETags travel with the call in AsyncLocalStorage. If a conditional delete cannot be found in
 * the body (an SDK change), the batch is refused rather than sent unconditionally.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { TableClient } from '@azure/data-tables';

type Policy = Parameters<TableClient['pipeline']['addPolicy']>[0];

/** Row key → ETag for the deletes of the batch being sent. */
const pending = new AsyncLocalStorage<ReadonlyMap<string, string>>();

/** Runs `send` with these deletes made conditional. An empty map changes nothing. */
export function withConditionalDeletes<T>(etagsByRowKey: ReadonlyMap<string, string>, send: () => Promise<T>): Promise<T> {
  return etagsByRowKey.size === 0 ? send() : pending.run(etagsByRowKey, send);
}

/** The row key in a sub-request line like `DELETE https://…/t(PartitionKey='p',RowKey='a''b') HTTP/1.1`. */
function rowKeyOf(requestLine: string): string | undefined {
  const match = /RowKey='((?:[^']|'')*)'\)/.exec(requestLine);
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1]).replace(/''/g, "'");
  } catch {
    return undefined;
  }
}

/** Rewrites one changeset part; returns it unchanged unless it is a DELETE we hold an ETag for. */
function rewritePart(part: string, etags: ReadonlyMap<string, string>, applied: Set<string>): string {
  const lines = part.split('\r\n');
  const requestIndex = lines.findIndex((line) => line.startsWith('DELETE '));
  if (requestIndex < 0) return part;
  const rowKey = rowKeyOf(lines[requestIndex]);
  const etag = rowKey === undefined ? undefined : etags.get(rowKey);
  if (rowKey === undefined || etag === undefined) return part;
  const headerEnd = lines.indexOf('', requestIndex);
  const headers = lines.slice(requestIndex + 1, headerEnd < 0 ? lines.length : headerEnd);
  const kept = headers.filter((line) => !/^if-match:/i.test(line));
  applied.add(rowKey);
  return [...lines.slice(0, requestIndex + 1), `If-Match: ${etag}`, ...kept, ...(headerEnd < 0 ? [] : lines.slice(headerEnd))].join('\r\n');
}

export const conditionalBatchDeletesPolicy: Policy = {
  name: 'coproduceConditionalBatchDeletes',
  async sendRequest(request, next) {
    const etags = pending.getStore();
    if (etags && request.method === 'POST' && /\/\$batch(\?|$)/.test(request.url) && typeof request.body === 'string') {
      const applied = new Set<string>();
      // Parts are separated by the changeset boundary line; the rewrite keeps every separator.
      request.body = request.body
        .split(/(?=\r\n--changeset_)/)
        .map((part) => rewritePart(part, etags, applied))
        .join('');
      if (applied.size !== etags.size) throw new Error('A conditional delete could not be found in the batch request; the batch was not sent.');
      // The body grew; a length computed earlier would cut it short on the wire.
      if (request.headers.has('content-length')) request.headers.set('content-length', String(Buffer.byteLength(request.body, 'utf8')));
    }
    return next(request);
  },
};
