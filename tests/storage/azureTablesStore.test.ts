import { randomBytes } from 'node:crypto';
import type { BatchOperation, EntityInput, Properties, Store } from '../../bot/core/ports';
import { openAzureTablesStore } from '../../bot/storage/azureTablesStore';
import { openStore } from '../../bot/app';
import { ConfigError, loadConfig } from '../../bot/config';
import { useAzurite } from '../support/azurite';
import { freePort } from '../support/freePort';
import { describeStoreContract } from './storeContract';

const azurite = useAzurite();
const openOnAzurite = () => openAzureTablesStore({ connectionString: azurite().connectionString });

describeStoreContract('Azure Tables (Azurite)', async () => openOnAzurite());

describe('Azure Tables store', () => {
  const P = 'p1';
  const row = (rowKey: string, props: Properties = {}): EntityInput => ({ partitionKey: P, rowKey, props });
  let store: Store;
  let table: string;
  beforeAll(() => {
    store = openOnAzurite();
  });
  afterAll(async () => {
    await store.close();
  });
  beforeEach(() => {
    table = 'az' + randomBytes(10).toString('hex');
  });

  it('keeps the ETag of a delete inside a batch, so a stale instance cannot delete a newer version', async () => {
    // @azure/data-tables drops this ETag on its own; the outbox depends on it being checked.
    const first = await store.insert(table, row('queued', { attempt: 1 }));
    if (!first.ok) throw new Error('insert failed');
    const newer = await store.merge(table, row('queued', { attempt: 2 }), first.entity.etag);
    if (!newer.ok) throw new Error('merge failed');
    const staleFinish: BatchOperation[] = [
      { kind: 'delete', rowKey: 'queued', etag: first.entity.etag },
      { kind: 'upsert', entity: row('outcome', { status: 'sent' }) },
    ];
    expect(await store.batch(table, P, staleFinish)).toEqual({ ok: false, index: 0, reason: 'etagMismatch' });
    expect((await store.get(table, P, 'queued'))?.props).toEqual({ attempt: 2 });
    expect(await store.get(table, P, 'outcome')).toBeUndefined();

    const currentFinish: BatchOperation[] = [
      { kind: 'upsert', entity: row('outcome', { status: 'sent' }) },
      { kind: 'delete', rowKey: 'queued', etag: newer.entity.etag },
    ];
    expect(await store.batch(table, P, currentFinish)).toEqual({ ok: true });
    expect(await store.get(table, P, 'queued')).toBeUndefined();
  });

  it('checks each conditional delete of a batch by its own row, including keys with quotes and non-ASCII', async () => {
    const keys = ["it's", 'Zoë 中', 'plain'];
    const etags: string[] = [];
    for (const key of keys) {
      const inserted = await store.insert(table, row(key));
      if (!inserted.ok) throw new Error('insert failed');
      etags.push(inserted.entity.etag);
    }
    await store.merge(table, row('Zoë 中', { touched: true }), '*');
    const deletes = keys.map((rowKey, i): BatchOperation => ({ kind: 'delete', rowKey, etag: etags[i] }));
    expect(await store.batch(table, P, deletes)).toEqual({ ok: false, index: 1, reason: 'etagMismatch' });
    expect((await store.query(table, P)).entities).toHaveLength(3);
    const fresh = await store.get(table, P, 'Zoë 中');
    const withFresh: BatchOperation[] = [deletes[0], { kind: 'delete', rowKey: keys[1], etag: fresh!.etag }, deletes[2]];
    expect(await store.batch(table, P, withFresh)).toEqual({ ok: true });
    expect((await store.query(table, P)).entities).toEqual([]);
  });

  it('keeps large whole numbers and fractions exact, and null through merges and batches', async () => {
    const numbers = { big: 2 ** 40, negative: -(2 ** 40), max: Number.MAX_SAFE_INTEGER, sum: 0.1 + 0.2, int32Edge: 2 ** 31, small: -1 };
    const inserted = await store.insert(table, row('n', numbers));
    expect((await store.get(table, P, 'n'))?.props).toStrictEqual(numbers);
    await store.merge(table, row('n', { big: null, text: 'kept' }), inserted.ok ? inserted.entity.etag : '*');
    expect((await store.get(table, P, 'n'))?.props).toStrictEqual({ ...numbers, big: null, text: 'kept' });
    const current = await store.get(table, P, 'n');
    const operations: BatchOperation[] = [
      { kind: 'merge', entity: row('n', { text: null, big: 7 }), etag: current!.etag },
      { kind: 'insert', entity: row('m', { gone: null, n: 2 ** 45 }) },
    ];
    expect(await store.batch(table, P, operations)).toEqual({ ok: true });
    expect((await store.get(table, P, 'n'))?.props).toStrictEqual({ ...numbers, big: 7, text: null });
    expect((await store.get(table, P, 'm'))?.props).toStrictEqual({ gone: null, n: 2 ** 45 });
  });

  it('returns from a merge the properties stored under the ETag it returns', async () => {
    await store.insert(table, row('r', { a: 1 }));
    const merges = await Promise.all(Array.from({ length: 10 }, (_, i) => store.merge(table, row('r', { [`k${i}`]: i }), '*')));
    for (const merged of merges) {
      if (!merged.ok) throw new Error('an unconditional merge failed');
      expect(merged.entity.props.a).toBe(1);
    }
    const final = await store.get(table, P, 'r');
    expect(final?.props).toEqual({ a: 1, ...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, i])) });
    const last = merges.find((m) => m.ok && m.entity.etag === final!.etag);
    expect(last?.ok && last.entity.props).toEqual(final!.props);
  });

  it('refuses a continuation token it did not issue', async () => {
    await expect(store.query(table, P, { continuation: 'not a token!' })).rejects.toThrow('continuation token');
    await expect(store.query(table, P, { continuation: Buffer.from('{}').toString('base64url') })).rejects.toThrow('continuation token');
  });

  it('answers ping while Azurite runs, and not after close', async () => {
    const own = openOnAzurite();
    expect(await own.ping()).toBe(true);
    await own.close();
    expect(await own.ping()).toBe(false);
    await expect(own.get(table, P, 'r')).rejects.toThrow('closed');
  });

  it('reports an unreachable service without the keys or the request in the error', async () => {
    const port = await freePort(); // nothing listens here
    const connectionString = azurite().connectionString.replace(/127\.0\.0\.1:\d+/, `127.0.0.1:${port}`);
    const down = openAzureTablesStore({ connectionString, maxRetries: 0, pingTimeoutMs: 1000 });
    expect(await down.ping()).toBe(false);
    const secret = 'person-8f14e45fceea167a';
    const error: unknown = await down.get('people', secret, secret).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe('AzureTablesError');
    expect((error as Error).message).toMatch(/got no answer/);
    expect(`${(error as Error).message} ${JSON.stringify(error)} ${(error as Error).stack}`).not.toContain(secret);
    await down.close();
  });

  it('refuses an endpoint without TLS when signing in with an identity, at open', () => {
    const credential = { getToken: async () => ({ token: 'never-sent', expiresOnTimestamp: Date.now() + 3_600_000 }) };
    expect(() => openAzureTablesStore({ endpoint: azurite().endpoint, credential })).toThrow('https://');
  });

  it('is what STORAGE=azure-tables opens', async () => {
    const config = loadConfig(
      { COPRODUCE_MODE: 'local', PORT: '0', STORAGE: 'azure-tables', AZURE_TABLES_CONNECTION_STRING: azurite().connectionString },
      '9.9.9-test',
    );
    const opened = openStore(config);
    try {
      const written = await opened.upsert(table, row('via-config', { ok: true }));
      expect(await store.get(table, P, 'via-config')).toEqual(written);
    } finally {
      await opened.close();
    }
  });

  it('stops start-up with a plain reason when the Azure Tables settings are unusable, without echoing them', () => {
    const secretKey = 'c2VjcmV0LWtleS1ub3QtcmVhbA==';
    const settings = [
      { AZURE_TABLES_CONNECTION_STRING: `DefaultEndpointsProtocol=ftp;AccountName=acct;AccountKey=${secretKey}` },
      { AZURE_TABLES_ENDPOINT: 'http://acct.table.core.windows.net' },
    ];
    for (const env of settings) {
      const config = loadConfig({ COPRODUCE_MODE: 'local', PORT: '0', STORAGE: 'azure-tables', ...env }, '9.9.9-test');
      const error: unknown = (() => {
        try {
          openStore(config);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(/Azure Tables settings cannot be used/);
      expect((error as Error).message).not.toContain(secretKey);
    }
  });
});
