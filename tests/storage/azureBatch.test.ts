/**
 * The batch helpers that do not need a service: finding the failed operation when the service
 * does not name it (Cosmos DB for Table), and the conditional-delete rewrite failing closed.
 */
import type { BatchOperation, Entity } from '../../bot/core/ports';
import { locateFailure } from '../../bot/storage/azureBatch';
import { conditionalBatchDeletesPolicy, withConditionalDeletes } from '../../bot/storage/azureBatchDeletes';

const P = 'p1';
const entity = (rowKey: string, etag = 'W/"v1"'): Entity => ({ partitionKey: P, rowKey, props: {}, etag });

describe('locating a failed batch operation the service did not name', () => {
  const stored = new Map([['x', entity('x', 'W/"v2"')], ['d', entity('d')]]);
  const read = async (rowKey: string) => stored.get(rowKey);

  it('finds the insert of a row that exists, after inserts that were fine', async () => {
    const operations: BatchOperation[] = [
      { kind: 'insert', entity: { partitionKey: P, rowKey: 'a', props: {} } },
      { kind: 'upsert', entity: { partitionKey: P, rowKey: 'b', props: {} } },
      { kind: 'insert', entity: { partitionKey: P, rowKey: 'x', props: {} } },
    ];
    expect(await locateFailure(operations, 'exists', read)).toBe(2);
  });

  it('finds the stale ETag among current ones, and the missing row among present ones', async () => {
    const operations: BatchOperation[] = [
      { kind: 'delete', rowKey: 'd', etag: 'W/"v1"' },
      { kind: 'merge', entity: { partitionKey: P, rowKey: 'x', props: {} }, etag: 'W/"v1"' },
      { kind: 'replace', entity: { partitionKey: P, rowKey: 'gone', props: {} }, etag: '*' },
    ];
    expect(await locateFailure(operations, 'etagMismatch', read)).toBe(1);
    expect(await locateFailure(operations, 'notFound', read)).toBe(2);
  });
});

describe('conditional deletes in a batch request', () => {
  const boundary = 'changeset_0b7e';
  const part = (line: string) =>
    `\r\n--${boundary}\r\ncontent-type: application/http\r\ncontent-transfer-encoding: binary\r\n\r\n${line} HTTP/1.1\r\nAccept: application/json;odata=minimalmetadata\r\nIf-Match: *\r\n\r\n`;
  const body = () =>
    `--batch_1\r\ncontent-type: multipart/mixed; boundary=${boundary}\r\n\r\n` +
    part("DELETE http://127.0.0.1/acct/t(PartitionKey='p1',RowKey='it''s%20Zo%C3%AB')") +
    part("DELETE http://127.0.0.1/acct/t(PartitionKey='p1',RowKey='other')") +
    `\r\n--${boundary}--\r\n--batch_1--\r\n`;

  function request(text: string) {
    const headers = new Map([['content-length', String(Buffer.byteLength(text))]]);
    return {
      method: 'POST',
      url: 'http://127.0.0.1/acct/$batch',
      body: text,
      headers: { has: (name: string) => headers.has(name), set: (name: string, value: string) => headers.set(name, value), get: (name: string) => headers.get(name) },
    };
  }
  type PolicyRequest = Parameters<typeof conditionalBatchDeletesPolicy.sendRequest>[0];
  const send = (req: ReturnType<typeof request>) =>
    conditionalBatchDeletesPolicy.sendRequest(req as unknown as PolicyRequest, async (sent) => ({ request: sent, status: 202 }) as never);

  it("sets the caller's ETag on the delete of that row only, and fixes the length", async () => {
    const req = request(body());
    await withConditionalDeletes(new Map([["it's Zoë", 'W/"datetime\'2026\'"']]), () => send(req));
    expect(req.body).toContain(`RowKey='it''s%20Zo%C3%AB') HTTP/1.1\r\nIf-Match: W/"datetime'2026'"\r\nAccept`);
    expect(req.body.match(/If-Match: \*/g)).toHaveLength(1);
    expect(req.headers.get('content-length')).toBe(String(Buffer.byteLength(req.body)));
  });

  it('refuses to send a batch whose conditional delete it cannot find, rather than delete unconditionally', async () => {
    const req = request(body());
    const sending = withConditionalDeletes(new Map([['not-in-body', 'W/"v1"']]), () => send(req));
    await expect(sending).rejects.toThrow('was not sent');
  });

  it('leaves batches without conditional deletes untouched', async () => {
    const req = request(body());
    await withConditionalDeletes(new Map(), () => send(req));
    expect(req.body).toBe(body());
  });
});
