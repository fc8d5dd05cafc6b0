/**
 * Per-store memos of facts already confirmed in that store ("this wording row exists", "this person
 * is indexed for this session"), so repeated clicks skip a read or an idempotent write. Keyed by the
 * store object, so two apps in one process never share what they know.
 */
import { BoundedMemo } from '../core/boundedMemo';
import type { Store } from '../core/ports';

const MAX_ENTRIES = 10_000;
const memos = new WeakMap<Store, Map<string, BoundedMemo<true>>>();

/** The named memo of this store. */
export function confirmedIn(store: Store, name: string): BoundedMemo<true> {
  let byName = memos.get(store);
  if (!byName) memos.set(store, (byName = new Map()));
  let memo = byName.get(name);
  if (!memo) byName.set(name, (memo = new BoundedMemo<true>(MAX_ENTRIES)));
  return memo;
}
