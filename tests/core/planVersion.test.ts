import { openSqliteStore } from '../../bot/storage/sqliteStore';
import type { Store } from '../../bot/core/ports';
import { bumpPlanVersion, currentPlanVersion, isStalePlan } from '../../bot/core/planVersion';

describe('plan versions', () => {
  let store: Store;
  beforeEach(() => {
    store = openSqliteStore({ file: ':memory:' });
  });
  afterEach(async () => {
    await store.close();
  });

  it('starts at 0 and counts up per scope', async () => {
    expect(await currentPlanVersion(store, 'meeting/abc==|1')).toBe(0);
    expect(await bumpPlanVersion(store, 'meeting/abc==|1')).toEqual({ ok: true, version: 1 });
    expect(await bumpPlanVersion(store, 'meeting/abc==|1')).toEqual({ ok: true, version: 2 });
    expect(await currentPlanVersion(store, 'meeting/abc==|1')).toBe(2);
    expect(await currentPlanVersion(store, 'meeting/abc==|2')).toBe(0);
  });

  it('gives every one of several simultaneous bumps its own version', async () => {
    const results = await Promise.all(Array.from({ length: 5 }, () => bumpPlanVersion(store, 'session')));
    const versions = results.map((result) => (result.ok ? result.version : -1)).sort();
    expect(versions).toEqual([1, 2, 3, 4, 5]);
  });

  it('calls a job stale only when its plan is older than the current one', () => {
    expect(isStalePlan(1, 2)).toBe(true);
    expect(isStalePlan(2, 2)).toBe(false);
    expect(isStalePlan(0, 0)).toBe(false);
  });
});
