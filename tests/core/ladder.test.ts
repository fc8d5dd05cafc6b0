import { commonestRung, isRung, ladderTrend, LADDER_RUNGS, rungNumber, tallyVotes, trendDirection, type LadderPlacement } from '../../bot/core/ladder';

const place = (occurrence: string, rung: LadderPlacement['rung']): LadderPlacement => ({ rung, occurrence, placedAt: `${occurrence}T12:00:00Z`, programmeId: 'p' });

test('seven rungs from coercion to co-production', () => {
  expect(LADDER_RUNGS).toHaveLength(7);
  expect(rungNumber('coercion')).toBe(1);
  expect(rungNumber('coProduction')).toBe(7);
  expect(isRung('consultation')).toBe(true);
  expect(isRung('toString')).toBe(false);
});

test('the trend is in date order, ends at the latest sessions and marks this one', () => {
  const trend = ladderTrend(
    [
      { sessionKey: 'c', placement: place('2026-11-26', 'engagement') },
      { sessionKey: 'a', placement: place('2026-09-01', 'informing') },
      { sessionKey: 'b', placement: place('2026-10-01', 'consultation') },
    ],
    'c',
  );
  expect(trend.map((p) => p.rung)).toEqual(['informing', 'consultation', 'engagement']);
  expect(trend.map((p) => p.current)).toEqual([false, false, true]);
  expect(trendDirection(trend)).toBe('up');
  expect(trendDirection(trend.slice(2))).toBe('first');
  const long = Array.from({ length: 12 }, (_, i) => ({ sessionKey: `s${i}`, placement: place(`2026-0${1 + Math.floor(i / 2)}-1${i % 2}`, 'informing' as const) }));
  expect(ladderTrend(long, 's11')).toHaveLength(8);
});

test('everyone’s views are counted; a tie goes to the lower rung', () => {
  const tally = tallyVotes(['coDesign', 'consultation', 'coDesign', 'consultation']);
  expect(tally.coDesign).toBe(2);
  expect(commonestRung(tally)).toBe('consultation');
  expect(commonestRung(tallyVotes([]))).toBeUndefined();
});
