import { INDEX_TABLE, lookupIndex, putIndexEntry, removeIndexEntry, repairIndex } from '../../bot/core/indexes';
import { keyPart, compositeKey } from '../../bot/core/keys';
import type { Entity, Properties, Store } from '../../bot/core/ports';
import { openSqliteStore } from '../../bot/storage/sqliteStore';

// A real meeting id shape: base64 with '/' and '=', which keys may not contain unescaped.
const meetingPartition = keyPart('MCMxOTptZWV0aW5nX1pUZ3/dGhyZWFkLnYy==');
const person = 'pseudonym/Ab+9=';

describe('index partitions', () => {
  let store: Store;
  beforeEach(() => {
    store = openSqliteStore({ file: ':memory:' });
  });
  afterEach(async () => {
    await store.close();
  });

  const addAnswer = async (rowKey: string, personKey?: string): Promise<Entity> => {
    const props: Properties = personKey === undefined ? { text: 'answer' } : { text: 'answer', personKey };
    return store.upsert('answers', { partitionKey: meetingPartition, rowKey, props });
  };
  const index = (rowKey: string, key = person) =>
    putIndexEntry(store, { index: 'personRecords', key, target: { table: 'answers', partitionKey: meetingPartition, rowKey } });
  const indexRows = async () => (await store.query(INDEX_TABLE, compositeKey('personRecords', person))).entities;

  it('finds the entities indexed under a key, with their current contents', async () => {
    const first = await addAnswer(compositeKey('answer', 'q1'), person);
    await addAnswer(compositeKey('answer', 'q2'), person);
    await index(first.rowKey);
    await index(compositeKey('answer', 'q2'));
    await index(first.rowKey); // adding twice keeps one entry

    const hits = await lookupIndex(store, 'personRecords', person);
    expect(hits.map((hit) => hit.rowKey)).toEqual([compositeKey('answer', 'q1'), compositeKey('answer', 'q2')]);
    expect(hits[0]).toEqual({ table: 'answers', partitionKey: meetingPartition, rowKey: first.rowKey, entity: first });
    expect(await indexRows()).toHaveLength(2);
    expect(await lookupIndex(store, 'personRecords', 'someone/else')).toEqual([]);
    expect(await lookupIndex(store, 'jobsDue', person)).toEqual([]);
  });

  it('drops entries whose entity has gone and keeps the rest', async () => {
    const kept = await addAnswer('kept', person);
    const erased = await addAnswer('erased', person);
    await index(kept.rowKey);
    await index(erased.rowKey);
    expect(await store.delete('answers', meetingPartition, erased.rowKey, '*')).toEqual({ ok: true });

    const hits = await lookupIndex(store, 'personRecords', person);
    expect(hits.map((hit) => hit.rowKey)).toEqual(['kept']);
    expect((await indexRows()).map((entry) => entry.props.targetRowKey)).toEqual(['kept']);
  });

  it('removes a single entry on request', async () => {
    await addAnswer('one', person);
    await index('one');
    await removeIndexEntry(store, { index: 'personRecords', key: person, target: { table: 'answers', partitionKey: meetingPartition, rowKey: 'one' } });
    expect(await lookupIndex(store, 'personRecords', person)).toEqual([]);
  });

  it('repairs missing entries for a partition, once, skipping entities with no key', async () => {
    await addAnswer('a', person);
    await addAnswer('b', person);
    await addAnswer('c', 'another/person');
    await addAnswer('unlinked');
    await index('a'); // the entry for 'b' was lost, e.g. the process stopped between the two writes
    const keyOf = (entity: Entity) => (typeof entity.props.personKey === 'string' ? entity.props.personKey : undefined);
    const request = { index: 'personRecords', table: 'answers', partitionKey: meetingPartition, keyOf };

    expect(await repairIndex(store, request)).toEqual({ added: 2 });
    expect((await lookupIndex(store, 'personRecords', person)).map((hit) => hit.rowKey)).toEqual(['a', 'b']);
    expect((await lookupIndex(store, 'personRecords', 'another/person')).map((hit) => hit.rowKey)).toEqual(['c']);
    expect(await repairIndex(store, request)).toEqual({ added: 0 });
  });

  it('follows continuations in large partitions', async () => {
    const rowKeys = Array.from({ length: 1205 }, (_, i) => `r${String(i).padStart(4, '0')}`);
    for (let i = 0; i < rowKeys.length; i += 100) {
      const chunk = rowKeys.slice(i, i + 100);
      const result = await store.batch('answers', meetingPartition, chunk.map((rowKey) => ({
        kind: 'upsert' as const,
        entity: { partitionKey: meetingPartition, rowKey, props: { personKey: person } },
      })));
      expect(result).toEqual({ ok: true });
    }
    const keyOf = (entity: Entity) => entity.props.personKey as string;
    expect(await repairIndex(store, { index: 'personRecords', table: 'answers', partitionKey: meetingPartition, keyOf })).toEqual({ added: 1205 });
    expect((await lookupIndex(store, 'personRecords', person)).map((hit) => hit.rowKey)).toEqual(rowKeys);
  });
});
