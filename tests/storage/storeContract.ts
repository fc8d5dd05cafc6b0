/**
 * What every Store backend must do, including refusing anything Azure Tables would refuse.
 * Runs unchanged against SQLite and Azure Tables (Azurite): each test uses its own table, and
 * nothing assumes an order across partitions.
 */
import { randomBytes } from 'node:crypto';
import { keyPart, compositeKey } from '../../bot/core/keys';
import { StoreLimitError, type BatchOperation, type EntityInput, type Properties, type Store } from '../../bot/core/ports';

const P = 'p1';
const row = (rowKey: string, props: Properties = {}, partitionKey = P): EntityInput => ({ partitionKey, rowKey, props });
const rowKeysOf = (entities: readonly { rowKey: string }[]) => entities.map((e) => e.rowKey);
const byteOrder = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

/** Expects a StoreLimitError whose message does not leak the given text (keys can be personal ids). */
async function expectLimit(attempt: () => Promise<unknown>, secret?: string): Promise<void> {
  const error = await attempt().then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(StoreLimitError);
  if (secret !== undefined) expect((error as Error).message).not.toContain(secret);
}

export function describeStoreContract(name: string, open: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    let table: string;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store.close();
    });
    beforeEach(() => {
      table = 't' + randomBytes(12).toString('hex');
    });

    it('reads a missing row as undefined', async () => {
      expect(await store.get(table, P, 'nobody')).toBeUndefined();
    });

    it('inserts a row only if it is absent', async () => {
      const first = await store.insert(table, row('r', { n: 1 }));
      expect(first.ok).toBe(true);
      expect(await store.insert(table, row('r', { n: 2 }))).toEqual({ ok: false, reason: 'exists' });
      expect((await store.get(table, P, 'r'))?.props).toEqual({ n: 1 });
    });

    it('accepts replace and merge only with the current ETag, and issues a new one', async () => {
      const inserted = await store.insert(table, row('r', { n: 1 }));
      if (!inserted.ok) throw new Error('insert failed');
      const replaced = await store.replace(table, row('r', { n: 2 }), inserted.entity.etag);
      if (!replaced.ok) throw new Error('replace failed');
      expect(replaced.entity.etag).not.toBe(inserted.entity.etag);
      expect(await store.replace(table, row('r', { n: 3 }), inserted.entity.etag)).toEqual({ ok: false, reason: 'etagMismatch' });
      expect(await store.merge(table, row('r', { n: 3 }), inserted.entity.etag)).toEqual({ ok: false, reason: 'etagMismatch' });
      const merged = await store.merge(table, row('r', { n: 4 }), replaced.entity.etag);
      if (!merged.ok) throw new Error('merge failed');
      expect(merged.entity.etag).not.toBe(replaced.entity.etag);
      const read = await store.get(table, P, 'r');
      expect(read).toEqual({ partitionKey: P, rowKey: 'r', props: { n: 4 }, etag: merged.entity.etag });
    });

    it('keeps unnamed properties on merge and drops them on replace', async () => {
      const inserted = await store.insert(table, row('r', { a: 'one', b: 'two' }));
      if (!inserted.ok) throw new Error('insert failed');
      const merged = await store.merge(table, row('r', { b: 'three', c: null }), inserted.entity.etag);
      expect(merged.ok && merged.entity.props).toEqual({ a: 'one', b: 'three', c: null });
      expect((await store.get(table, P, 'r'))?.props).toEqual({ a: 'one', b: 'three', c: null });
      await store.replace(table, row('r', { d: 4 }), '*');
      expect((await store.get(table, P, 'r'))?.props).toEqual({ d: 4 });
    });

    it("treats '*' as any version, and reports notFound for rows that are not there", async () => {
      await store.insert(table, row('r', { n: 1 }));
      expect((await store.replace(table, row('r', { n: 2 }), '*')).ok).toBe(true);
      expect((await store.merge(table, row('r', { m: 3 }), '*')).ok).toBe(true);
      expect((await store.get(table, P, 'r'))?.props).toEqual({ n: 2, m: 3 });
      for (const etag of ['*', 'W/"made-up"']) {
        expect(await store.replace(table, row('missing'), etag)).toEqual({ ok: false, reason: 'notFound' });
        expect(await store.merge(table, row('missing'), etag)).toEqual({ ok: false, reason: 'notFound' });
      }
      expect(await store.get(table, P, 'missing')).toBeUndefined();
    });

    it('deletes only with the current ETag or *', async () => {
      const inserted = await store.insert(table, row('r'));
      if (!inserted.ok) throw new Error('insert failed');
      await store.merge(table, row('r', { n: 1 }), '*');
      expect(await store.delete(table, P, 'r', inserted.entity.etag)).toEqual({ ok: false, reason: 'etagMismatch' });
      const current = await store.get(table, P, 'r');
      expect(await store.delete(table, P, 'r', current!.etag)).toEqual({ ok: true });
      expect(await store.get(table, P, 'r')).toBeUndefined();
      expect(await store.delete(table, P, 'r', '*')).toEqual({ ok: false, reason: 'notFound' });
      await store.insert(table, row('s'));
      expect(await store.delete(table, P, 's', '*')).toEqual({ ok: true });
    });

    it('upserts unconditionally, replacing every property', async () => {
      const first = await store.upsert(table, row('r', { a: 1, b: 2 }));
      const second = await store.upsert(table, row('r', { c: 3 }));
      expect(second.etag).not.toBe(first.etag);
      expect(await store.get(table, P, 'r')).toEqual({ partitionKey: P, rowKey: 'r', props: { c: 3 }, etag: second.etag });
      expect(await store.merge(table, row('r', { d: 4 }), first.etag)).toEqual({ ok: false, reason: 'etagMismatch' });
    });

    it('returns every property type exactly as written', async () => {
      const props = {
        text: 'Zoë says 👋 — 中文 ok', empty: '', zero: 0, negative: -7, float: 3.14159, tiny: 1e-7,
        big: Number.MAX_SAFE_INTEGER, yes: true, no: false, nothing: null, numeric: '42', boolish: 'true',
      };
      await store.insert(table, row('r', props));
      const read = await store.get(table, P, 'r');
      expect(read?.props).toStrictEqual(props);
    });

    it('queries row-key ranges within one partition: from inclusive, to exclusive, prefix', async () => {
      for (const rowKey of ['a', 'b', 'ba', 'bb', 'c']) {
        await store.insert(table, row(rowKey));
        await store.insert(table, row(rowKey, {}, 'p2'));
      }
      const keys = async (range: object) => rowKeysOf((await store.query(table, P, range)).entities);
      expect(await keys({})).toEqual(['a', 'b', 'ba', 'bb', 'c']);
      expect(await keys({ fromRowKey: 'b', toRowKey: 'c' })).toEqual(['b', 'ba', 'bb']);
      expect(await keys({ fromRowKey: 'ba' })).toEqual(['ba', 'bb', 'c']);
      expect(await keys({ toRowKey: 'b' })).toEqual(['a']);
      expect(await keys({ rowKeyPrefix: 'b' })).toEqual(['b', 'ba', 'bb']);
      expect(await keys({ rowKeyPrefix: 'ba' })).toEqual(['ba']);
      expect(await keys({ rowKeyPrefix: 'z' })).toEqual([]);
      expect((await store.query(table, 'nobody')).entities).toEqual([]);
    });

    it('orders row keys by bytes, including escaped ids with / and non-ASCII', async () => {
      const ids = ['19:meeting_Zm9v/YmFy@thread.v2', 'MCMxOTpt/ZWV0aW5n==', 'abc', 'ab/c', 'Zoë', 'zoe', 'ABC', 'a b', 'a!b', 'a|b'];
      const keys = [...ids.map((id) => keyPart(id)), compositeKey('session', 'ab/c'), compositeKey('session', 'ab'), 'é', '中', 'Z~'];
      for (const rowKey of keys) await store.insert(table, row(rowKey));
      const read = rowKeysOf((await store.query(table, P)).entities);
      expect(read).toEqual([...keys].sort(byteOrder));
      expect(new Set(read).size).toBe(keys.length);
    });

    it('pages 2,500 rows in pages of at most 1,000, each row exactly once', async () => {
      const all = Array.from({ length: 2500 }, (_, i) => `row${String(i).padStart(5, '0')}`);
      for (let i = 0; i < all.length; i += 100) {
        const operations = all.slice(i, i + 100).map((rowKey): BatchOperation => ({ kind: 'insert', entity: row(rowKey, { i }) }));
        expect(await store.batch(table, P, operations)).toEqual({ ok: true });
      }
      const seen: string[] = [];
      let continuation: string | undefined;
      let pages = 0;
      do {
        const page = await store.query(table, P, { continuation });
        expect(page.entities.length).toBeLessThanOrEqual(1000);
        seen.push(...rowKeysOf(page.entities));
        continuation = page.continuation;
      } while (continuation !== undefined && ++pages < 100);
      expect(seen).toEqual(all);

      const prefixed: string[] = [];
      continuation = undefined;
      do {
        const page = await store.query(table, P, { rowKeyPrefix: 'row0012', pageSize: 7, continuation });
        expect(page.entities.length).toBeLessThanOrEqual(7);
        prefixed.push(...rowKeysOf(page.entities));
        continuation = page.continuation;
      } while (continuation !== undefined && ++pages < 200);
      expect(prefixed).toEqual(all.filter((k) => k.startsWith('row0012')));
      await expectLimit(() => store.query(table, P, { pageSize: 1001 }));
      await expectLimit(() => store.query(table, P, { pageSize: 0 }));
    });

    it('applies a batch all or nothing and reports the failing operation', async () => {
      await store.insert(table, row('x', { n: 1 }));
      await store.insert(table, row('d'));
      const failing: BatchOperation[] = [
        { kind: 'insert', entity: row('a') },
        { kind: 'upsert', entity: row('b') },
        { kind: 'insert', entity: row('x', { n: 2 }) },
      ];
      expect(await store.batch(table, P, failing)).toEqual({ ok: false, index: 2, reason: 'exists' });
      expect(await store.get(table, P, 'a')).toBeUndefined();
      expect(await store.get(table, P, 'b')).toBeUndefined();
      const stale: BatchOperation[] = [
        { kind: 'insert', entity: row('a') },
        { kind: 'merge', entity: row('x', { n: 3 }), etag: 'W/"stale"' },
      ];
      expect(await store.batch(table, P, stale)).toEqual({ ok: false, index: 1, reason: 'etagMismatch' });
      expect(await store.batch(table, P, [{ kind: 'delete', rowKey: 'gone', etag: '*' }])).toEqual({ ok: false, index: 0, reason: 'notFound' });
      // A delete in a batch honours its ETag too: a stale one changes nothing.
      const dBefore = await store.get(table, P, 'd');
      await store.merge(table, row('d', { n: 9 }), dBefore!.etag);
      expect(await store.batch(table, P, [{ kind: 'insert', entity: row('a') }, { kind: 'delete', rowKey: 'd', etag: dBefore!.etag }])).toEqual({ ok: false, index: 1, reason: 'etagMismatch' });
      expect((await store.get(table, P, 'd'))?.props).toEqual({ n: 9 });
      expect(await store.get(table, P, 'a')).toBeUndefined();
      const x = await store.get(table, P, 'x');
      const mixed: BatchOperation[] = [
        { kind: 'insert', entity: row('a', { n: 1 }) },
        { kind: 'merge', entity: row('x', { m: 2 }), etag: x!.etag },
        { kind: 'upsert', entity: row('c', { n: 3 }) },
        { kind: 'delete', rowKey: 'd', etag: '*' },
      ];
      expect(await store.batch(table, P, mixed)).toEqual({ ok: true });
      expect(rowKeysOf((await store.query(table, P)).entities)).toEqual(['a', 'c', 'x']);
      expect((await store.get(table, P, 'x'))?.props).toEqual({ n: 1, m: 2 });
    });

    it('refuses empty or oversized batches, repeated rows and other partitions', async () => {
      const inserts = (n: number) => Array.from({ length: n }, (_, i): BatchOperation => ({ kind: 'insert', entity: row(`r${i}`) }));
      await expectLimit(() => store.batch(table, P, inserts(101)));
      await expectLimit(() => store.batch(table, P, []));
      await expectLimit(() => store.batch(table, P, [...inserts(1), { kind: 'upsert', entity: row('r0') }]));
      await expectLimit(() => store.batch(table, P, [{ kind: 'insert', entity: row('r', {}, 'other') }]));
      expect(await store.query(table, P)).toEqual({ entities: [] });
      expect(await store.batch(table, P, inserts(100))).toEqual({ ok: true });
    });

    it('refuses keys Azure would refuse, without repeating the key', async () => {
      const secret = 'person-8f14e45fceea167a';
      for (const bad of ['/', '\\', '#', '?', '\u0000', '\n', '\u001f', '\u007f', '\u0085', '\u009f']) {
        await expectLimit(() => store.insert(table, row(`${secret}${bad}x`)), secret);
        await expectLimit(() => store.insert(table, row('r', {}, `${secret}${bad}x`)), secret);
        await expectLimit(() => store.get(table, P, `${secret}${bad}x`), secret);
      }
      await expectLimit(() => store.insert(table, row('')));
      await expectLimit(() => store.insert(table, row(secret + 'k'.repeat(256 - secret.length))), secret);
      await expectLimit(() => store.insert(table, row('é'.repeat(128))));
      expect((await store.insert(table, row('k'.repeat(255)))).ok).toBe(true);
      expect((await store.insert(table, row('é'.repeat(127)))).ok).toBe(true);
      expect((await store.query(table, P)).entities).toHaveLength(2);
    });

    it('measures strings in UTF-16 and entities up to 1 MiB', async () => {
      const secret = 'secret-value-'; // a unique marker that messages must not repeat
      expect((await store.insert(table, row('ascii', { s: 'a'.repeat(32768) }))).ok).toBe(true);
      await expectLimit(() => store.insert(table, row('over', { s: secret + 'a'.repeat(32769 - secret.length) })), secret);
      // 33,015 bytes in UTF-8 (well under 64 KiB) but 66,028 bytes in UTF-16.
      await expectLimit(() => store.insert(table, row('mixed', { s: secret + 'ü' + 'a'.repeat(33000) })), secret);
      // 90,000 bytes in UTF-8 but only 60,000 in UTF-16: allowed.
      expect((await store.insert(table, row('cjk', { s: '中'.repeat(30000) }))).ok).toBe(true);
      const wide = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`p${i}`, 'a'.repeat(32000)]));
      expect((await store.insert(table, row('fifteen', wide(15)))).ok).toBe(true);
      await expectLimit(() => store.insert(table, row('seventeen', wide(17))));
      const many = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`p${i}`, i]));
      expect((await store.insert(table, row('many', many(252)))).ok).toBe(true);
      await expectLimit(() => store.insert(table, row('tooMany', many(253))));
      expect(await store.get(table, P, 'over')).toBeUndefined();
      expect(await store.get(table, P, 'seventeen')).toBeUndefined();
    });

    it('refuses reserved or malformed property names, non-finite numbers and bad table names', async () => {
      const names = ['PartitionKey', 'rowkey', 'Timestamp', 'ETag', 'etag', 'Id', 'ID', 'rid', 'ResourceId', 'odata.type', 'odataEtag', 'bad-name', '1abc', '_rid', ''];
      for (const nameToTry of names) await expectLimit(() => store.insert(table, row('r', { [nameToTry]: 1 })));
      for (const value of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
        await expectLimit(() => store.insert(table, row('r', { n: value })));
      }
      expect(await store.get(table, P, 'r')).toBeUndefined();
      expect((await store.insert(table, row('r', { identity: 1, ridden: 2, etagCopy: 3 }))).ok).toBe(true);
      for (const badTable of ['ab', '1abc', 'has-dash', 'has_underscore', 'x'.repeat(64), '', 'tables']) {
        await expectLimit(() => store.insert(badTable, row('r')));
        await expectLimit(() => store.get(badTable, P, 'r'));
      }
    });

    it('lets exactly one of 20 concurrent conditional merges from the same read win', async () => {
      const inserted = await store.insert(table, row('r', { winner: -1 }));
      if (!inserted.ok) throw new Error('insert failed');
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => store.merge(table, row('r', { winner: i }), inserted.entity.etag)),
      );
      const winners = results.flatMap((result, i) => (result.ok ? [i] : []));
      expect(winners).toHaveLength(1);
      expect(results.filter((r) => !r.ok && r.reason === 'etagMismatch')).toHaveLength(19);
      expect((await store.get(table, P, 'r'))?.props).toEqual({ winner: winners[0] });
    });

    it('lets exactly one of 20 concurrent inserts of the same key succeed', async () => {
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => store.insert(table, row('r', { i }))));
      const winners = results.flatMap((result, i) => (result.ok ? [i] : []));
      expect(winners).toHaveLength(1);
      expect(results.filter((r) => !r.ok && r.reason === 'exists')).toHaveLength(19);
      expect((await store.get(table, P, 'r'))?.props).toEqual({ i: winners[0] });
    });
  });
}
