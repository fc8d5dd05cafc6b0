import { accessEffects, decideAccessNeeds, preReadReminderAt } from '../../bot/core/accessNeeds';

const NOW = new Date('2026-11-20T09:00:00Z');

test('a person’s needs keep only the known ones; a facilitator needs the person’s agreement', () => {
  const own = decideAccessNeeds('ash', { needs: ['easyRead', 'captions', 'toString'], other: ' Large print ' }, 'self', 'Ash', NOW);
  expect(own.ok && own.value).toMatchObject({ needs: ['easyRead', 'captions'], other: 'Large print', enteredBy: 'self' });
  expect(decideAccessNeeds('gabi', { needs: ['bsl'] }, 'facilitator', undefined, NOW).ok).toBe(false);
  expect(decideAccessNeeds('gabi', { needs: ['bsl'], agreed: true }, 'facilitator', undefined, NOW).ok).toBe(true);
  expect(decideAccessNeeds('x', { needs: [], other: 'y'.repeat(301) }, 'self', undefined, NOW).ok).toBe(false);
});

test('what the needs change, as counts and the easy-read people', () => {
  const records = [
    { who: 'ash', needs: ['easyRead', 'captions'] as const, enteredBy: 'self' as const, updatedAt: 'x' },
    { who: 'gabi', needs: ['moreBreaks', 'captions', 'preReads'] as const, enteredBy: 'self' as const, updatedAt: 'x' },
  ];
  const effects = accessEffects(records);
  expect([...effects.easyReadWho]).toEqual(['ash']);
  expect(effects).toMatchObject({ moreBreaks: true, captions: 2, bsl: 0, preReads: 1 });
});

test('papers-before reminders come three days ahead, at once when that has passed, never after the start', () => {
  const start = new Date('2026-11-26T10:00:00Z');
  expect(preReadReminderAt(start, NOW)?.toISOString()).toBe('2026-11-23T10:00:00.000Z');
  const late = new Date('2026-11-25T10:00:00Z');
  expect(preReadReminderAt(start, late)).toEqual(late);
  expect(preReadReminderAt(start, new Date('2026-11-26T10:05:00Z'))).toBeUndefined();
});
