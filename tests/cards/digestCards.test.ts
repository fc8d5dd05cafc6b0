import type { DigestView } from '../../bot/core/digestView';
import { CARD_SIZE_BUDGET_BYTES, cardSizeBytes, lintCard } from '../../bot/cards/lint';
import { COMPACT_LIMITS, DIGEST_CARD_BUDGET_BYTES, digestCards } from '../../bot/cards/digestCard';
import { digestPickerCard, digestReadyCard, digestReviewCard } from '../../bot/cards/digestReviewCard';
import { thanksCard } from '../../bot/cards/thanksCard';
import { expectValidTeamsCard } from '../support/cardChecks';

const statement = (text: string, agree: number, partly: number, disagree: number, missed: string[] = []) => ({
  text,
  answered: agree + partly + disagree,
  split: { agree, partly, disagree },
  minority: disagree > 0 && disagree < agree ? [{ level: 'disagree' as const, count: disagree }] : [],
  missed,
});

function view(overrides: Partial<DigestView> = {}): DigestView {
  return {
    sessionKey: 'session|x',
    occurrence: '2026-11-26',
    purpose: { outcome: 'Agree [three](https://evil.example) changes', verdicts: { yes: 5, partly: 2, no: 1 }, reasons: ['We ran out of time'] },
    tookPart: 9,
    recording: 'clear',
    senseChecks: [{ statements: [statement('Booking is too slow', 6, 1, 1, ['Wheelchair users {{DATE(2026-01-01T00:00:00Z)}}'])] }],
    notes: [{ text: 'Drivers need training', credit: 'Ash Tester' }, { text: 'Buses are late' }],
    nextSteps: [{ what: 'Write to the council', owner: 'Fola', due: '2026-12-10' }],
    followUpDate: '2026-12-15',
    timeZone: 'Europe/London',
    ladder: { rung: 'consultation', trend: [{ occurrence: '2026-10-01', rung: 'informing', current: false }, { occurrence: '2026-11-26', rung: 'consultation', current: true }], direction: 'up' },
    links: { full: 'https://coproduce.example/tab/?view=digest&digest=t', markdown: 'https://coproduce.example/digest/t.md' },
    ...overrides,
  };
}

function walk(node: unknown, visit: (r: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (node && typeof node === 'object') {
    visit(node as Record<string, unknown>);
    Object.values(node).forEach((v) => walk(v, visit));
  }
}

describe('the group summary card', () => {
  test('is one valid card with charts that carry the same numbers as text', () => {
    const cards = digestCards(view());
    expect(cards).toHaveLength(1);
    expectValidTeamsCard(cards[0]);
    const charts: Record<string, unknown>[] = [];
    walk(cards[0], (r) => {
      if (typeof r.type === 'string' && r.type.startsWith('Chart.')) charts.push(r);
    });
    expect(charts.map((c) => c.type)).toEqual(['Chart.Donut', 'Chart.HorizontalBar.Stacked']);
    expect(JSON.stringify(charts[0].fallback)).toContain('Yes: 5. Partly: 2. No: 1.');
    expect(JSON.stringify(charts[1].fallback)).toContain('Agree: 6. Partly: 1. Disagree: 1.');
  });

  test('people’s words are plain text runs, never markdown', () => {
    const json = JSON.stringify(digestCards(view()));
    walk(digestCards(view()), (r) => {
      if (r.type === 'TextBlock') expect(String(r.text)).not.toMatch(/evil|Wheelchair|Drivers|Ash Tester|council|Fola/);
    });
    expect(json).toContain('Wheelchair users {\u200b{DATE');
  });

  test('links to the full summary and its document; a draft round has no links and says it is a draft', () => {
    const [published] = digestCards(view());
    expect(published.actions?.map((a) => a.type === 'Action.OpenUrl' && a.url)).toEqual([view().links?.full, view().links?.markdown]);
    const [round] = digestCards(view(), { round: true });
    expect(round.actions).toBeUndefined();
    expect(JSON.stringify(round)).toContain('Here is what we heard (draft)');
  });

  test('a large session gives a first card within budget, and the rest as ordered parts only when needed', () => {
    const long = 'x'.repeat(300);
    const big = view({
      senseChecks: Array.from({ length: 20 }, (_, i) => ({ statements: [0, 1, 2].map((s) => statement(`${long} ${i}.${s}`, 200, 60, 40, Array.from({ length: 30 }, () => 'y'.repeat(1000)))) })),
      notes: Array.from({ length: 1000 }, (_, i) => ({ text: `${'z'.repeat(1990)} ${i}` })),
    });
    const cards = digestCards(big);
    expect(cards.length).toBeGreaterThan(1);
    for (const card of cards) {
      expect(lintCard(card)).toEqual([]);
      expect(cardSizeBytes(card)).toBeLessThanOrEqual(DIGEST_CARD_BUDGET_BYTES);
      expect(cardSizeBytes(card)).toBeLessThan(CARD_SIZE_BUDGET_BYTES);
    }
    expectValidTeamsCard(cards[0]);
    expect(JSON.stringify(cards[0])).toContain(`Summary continued (part 1 of ${cards.length})`);
    expect(JSON.stringify(cards[cards.length - 1])).toContain(`part ${cards.length} of ${cards.length}`);
    expect(JSON.stringify(cards)).toContain(`And ${1000 - COMPACT_LIMITS.notes} more in the full summary.`);
    expect(JSON.stringify(cards)).toContain("30 comments are in the full summary.");
  });

  test('when the comments would not fit, they wait in the full summary before anything is split', () => {
    const comments = Array.from({ length: 30 }, (_, i) => `Comment ${i} ${'w'.repeat(190)}`);
    const busy = view({ senseChecks: Array.from({ length: 15 }, () => ({ statements: [0, 1].map((s) => statement(`Point ${s}`, 10, 3, 2, comments)) })) });
    const cards = digestCards(busy);
    expect(cards).toHaveLength(1);
    expectValidTeamsCard(cards[0]);
    expect(JSON.stringify(cards[0])).toContain('30 comments are in the full summary.');
    expect(JSON.stringify(cards[0])).not.toContain('Comment 0');
  });

  test('a credit appears only when the view has one (consent decided upstream)', () => {
    const json = JSON.stringify(digestCards(view({ notes: [{ text: 'Idea' }] })));
    expect(json).not.toContain('From:');
  });
});

test('the review card, the ready nudge and the picker are valid and name the draft version', () => {
  const review = digestReviewCard({
    sessionKey: 's',
    version: 3,
    builtAt: new Date('2026-11-26T12:30:00Z'),
    published: false,
    overview: ['9 people took part.'],
    items: [{ itemId: 'note:1', kind: 'note', text: 'A [link](https://x.example)', hidden: true, credit: { shown: false } }],
    page: 0,
    pageSize: 15,
    totalItems: 1,
    hiddenCount: 1,
    channelAvailable: true,
    channelChosen: false,
    roundPosted: false,
  });
  expectValidTeamsCard(review);
  const json = JSON.stringify(review);
  expect(json).toContain('"verb":"digest.approve"');
  expect(json).toContain('"version":3');
  expect(json).toContain('"id":"show.note:1","title":"Share this","value":"false"');
  expectValidTeamsCard(digestReadyCard('s'));
  const picker = digestPickerCard([{ sessionKey: 'a', occurrence: '2026-11-26' }, { sessionKey: 'b', occurrence: '2026-12-03' }]);
  expectValidTeamsCard(picker);
  expect(JSON.stringify(picker)).toContain('Check the summary of 26 Nov 2026');
});

test('the thank-you shows what the person gave and only "due" or "paid"', () => {
  const card = thanksCard({
    sessionDay: new Date('2026-11-26T12:00:00Z'),
    outcome: 'Agree changes',
    answers: [{ statement: 'Booking is too slow', level: 'disagree', missed: 'Sundays', recordedForThem: true }],
    purpose: { answer: 'partly', reason: 'Ran out of time' },
    payment: 'due',
    followUpDay: new Date('2026-12-15T12:00:00Z'),
    summaryUrl: 'https://coproduce.example/tab/?view=digest&digest=t',
  });
  expectValidTeamsCard(card);
  const json = JSON.stringify(card);
  expect(json).toContain('Your payment: due.');
  expect(json).toContain('(a facilitator recorded this for you)');
  expect(json).not.toMatch(/£|declined/i);
});
