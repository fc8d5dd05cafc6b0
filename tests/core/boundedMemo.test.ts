import { BoundedMemo } from '../../bot/core/boundedMemo';

const at = (ms: number) => new Date(Date.UTC(2026, 10, 26) + ms);

describe('bounded memo', () => {
  it('forgets the oldest entry once full, keeping the ones used most recently', () => {
    const memo = new BoundedMemo<number>(2);
    memo.set('a', 1, at(0));
    memo.set('b', 2, at(1));
    memo.set('a', 3, at(2)); // refreshed, so b is now the oldest
    memo.set('c', 4, at(3));
    expect([memo.get('a', at(4)), memo.get('b', at(4)), memo.get('c', at(4))]).toEqual([3, undefined, 4]);
  });

  it('forgets an entry older than its age limit', () => {
    const memo = new BoundedMemo<true>(10, 1_000);
    memo.set('k', true, at(0));
    expect(memo.get('k', at(1_000))).toBe(true);
    expect(memo.get('k', at(1_001))).toBeUndefined();
  });

  it('forgets an entry on request', () => {
    const memo = new BoundedMemo<true>(10);
    memo.set('k', true, at(0));
    memo.delete('k');
    expect(memo.get('k', at(0))).toBeUndefined();
  });
});
