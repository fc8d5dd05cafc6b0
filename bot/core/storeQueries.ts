/** Reading a whole partition (or a range of it) page by page, for the many places that need every row. */
import type { Entity, RangeQuery, Store } from './ports';

export async function queryAll(store: Store, table: string, partitionKey: string, range: Omit<RangeQuery, 'continuation'> = {}): Promise<Entity[]> {
  const out: Entity[] = [];
  let continuation: string | undefined;
  do {
    const page = await store.query(table, partitionKey, { ...range, ...(continuation ? { continuation } : {}) });
    out.push(...page.entities);
    continuation = page.continuation;
  } while (continuation);
  return out;
}
