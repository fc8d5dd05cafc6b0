/**
 * Anonymous rows (unsaid notes, pause requests): no author can be stored, row keys are random,
 * no time is kept beyond a coarse window, order depends only on the random source, and counts
 * change only at window boundaries.
 */
import {
  anonymousFromEntity,
  batchedCount,
  batchIndex,
  newAnonymousRow,
  shuffle,
  visibleRows,
  type AnonymousRow,
} from '../../bot/core/anonymous';

const t0 = new Date('2026-11-25T10:00:00Z'); // a window boundary for 5-minute windows
const at = (minutes: number, seconds = 0) => new Date(t0.getTime() + minutes * 60_000 + seconds * 1000);
const randomId = (n: number) => `r${String(n).padStart(20, '0')}`;

function row(n: number, when: Date, kind: 'unsaid' | 'pause' = 'pause'): AnonymousRow {
  const result = newAnonymousRow({ kind, sessionKey: 'session|1', randomId: randomId(n), now: when, ...(kind === 'unsaid' ? { text: `note ${n}` } : {}) });
  if (!result.ok) throw new Error(result.reason);
  return anonymousFromEntity(result.entity)!;
}

/** A small seeded generator, so "the same random source" is repeatable. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('no author', () => {
  test('the type refuses a person id, and one smuggled in at run time is not stored', () => {
    // @ts-expect-error an anonymous row has no place for an author
    newAnonymousRow({ kind: 'pause', sessionKey: 's', randomId: randomId(1), now: t0, author: '29:someone' });
    // @ts-expect-error nor for a Teams user id under another name
    newAnonymousRow({ kind: 'unsaid', sessionKey: 's', randomId: randomId(1), now: t0, text: 'hi', userId: '29:someone' });

    const smuggled = { kind: 'unsaid', sessionKey: 's', randomId: randomId(1), now: t0, text: 'hi', aadObjectId: 'oid-1' } as never;
    const result = newAnonymousRow(smuggled);
    expect(result.ok && result.entity.props).toEqual({ kind: 'unsaid', sessionKey: 's', batch: batchIndex(t0), text: 'hi' });
    expect(JSON.stringify(result)).not.toContain('oid-1');
  });
});

describe('rows', () => {
  test('use the random id as the row key and refuse ids that are not random-looking', () => {
    const result = newAnonymousRow({ kind: 'pause', sessionKey: 's', randomId: 'a1B2c3D4e5F6g7H8i9', now: t0 });
    expect(result.ok && result.entity.rowKey).toBe('a1B2c3D4e5F6g7H8i9');
    expect(() => newAnonymousRow({ kind: 'pause', sessionKey: 's', randomId: 'short', now: t0 })).toThrow(/random id/);
    expect(() => newAnonymousRow({ kind: 'pause', sessionKey: 's', randomId: '29:aaaaaaaaaaaaaaaaaaaa', now: t0 })).toThrow(/random id/);
  });

  test('keep no time: only the window index, the same for any moment in the window', () => {
    const a = newAnonymousRow({ kind: 'pause', sessionKey: 's', randomId: randomId(1), now: at(0, 1) });
    const b = newAnonymousRow({ kind: 'pause', sessionKey: 's', randomId: randomId(1), now: at(4, 59) });
    expect(a).toEqual(b);
    const props = a.ok ? a.entity.props : {};
    expect(Object.keys(props).sort()).toEqual(['batch', 'kind', 'sessionKey']);
    for (const value of Object.values(props)) expect(String(value)).not.toMatch(/\d{4}-\d{2}-\d{2}|T\d{2}:/);
    expect(props.batch).not.toBe(at(0, 1).getTime());
  });

  test('a note must say something and fit in 1,000 characters', () => {
    const base = { kind: 'unsaid' as const, sessionKey: 's', randomId: randomId(1), now: t0 };
    expect(newAnonymousRow({ ...base, text: '   ' })).toEqual({ ok: false, reason: 'empty' });
    expect(newAnonymousRow({ ...base, text: 'x'.repeat(1001) })).toEqual({ ok: false, reason: 'tooLong' });
    expect(newAnonymousRow({ ...base, text: 'x'.repeat(1000) }).ok).toBe(true);
  });

  test('reading a row back ignores a store timestamp', () => {
    const read = anonymousFromEntity({ partitionKey: 'p', rowKey: randomId(3), props: { kind: 'pause', sessionKey: 's', batch: 7, Timestamp: t0.toISOString() } });
    expect(read).toEqual({ kind: 'pause', sessionKey: 's', rowKey: randomId(3), batch: 7 });
  });
});

describe('shuffled display', () => {
  const rows = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => row(n, at(0), 'unsaid'));

  test('the order depends only on the random source, not on the order rows arrive in', () => {
    const forwards = shuffle(rows, seeded(42)).map((r) => r.rowKey);
    const backwards = shuffle([...rows].reverse(), seeded(42)).map((r) => r.rowKey);
    expect(backwards).toEqual(forwards);
    expect([...forwards].sort()).toEqual(rows.map((r) => r.rowKey).sort());
    expect(shuffle(rows, seeded(7)).map((r) => r.rowKey)).not.toEqual(forwards);
  });

  test('does not change the list it was given', () => {
    const copy = [...rows];
    shuffle(rows, seeded(1));
    expect(rows).toEqual(copy);
  });
});

describe('batched counts', () => {
  test('a click shows only at the next window boundary, with the others from its window', () => {
    const rows = [row(1, at(1)), row(2, at(3))];
    expect(batchedCount(rows, at(1, 1)).count).toBe(0);
    expect(batchedCount(rows, at(4, 59)).count).toBe(0);
    expect(batchedCount(rows, at(5)).count).toBe(2);

    const withLate = [...rows, row(3, at(5, 1))];
    expect(batchedCount(withLate, at(5, 2)).count).toBe(2);
    expect(batchedCount(withLate, at(9, 59)).count).toBe(2);
    expect(batchedCount(withLate, at(10))).toEqual({ count: 3, asOf: at(10), nextUpdateAt: at(15) });
  });

  test('within a window the count is the same at every moment', () => {
    const rows = [row(1, at(0)), row(2, at(6)), row(3, at(7)), row(4, at(8))];
    const seen = new Set<number>();
    for (let second = 0; second < 300; second += 10) seen.add(batchedCount(rows, at(5, second)).count);
    expect([...seen]).toEqual([1]);
  });

  test('notes appear to facilitators only once their window has closed', () => {
    const notes = [row(1, at(2), 'unsaid'), row(2, at(6), 'unsaid')];
    expect(visibleRows(notes, at(7)).map((n) => n.text)).toEqual(['note 1']);
    expect(visibleRows(notes, at(10)).map((n) => n.text)).toEqual(['note 1', 'note 2']);
  });
});
