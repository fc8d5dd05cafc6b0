/**
 * A large session through the real endpoint: 300 people, 1,000 notes and 20 sense-checks of
 * three points each (18,000 answers). The summary's first card is a valid Teams card within the
 * message budget; any further cards are ordered parts, each valid and within budget too.
 */
import { cardSizeBytes } from '../../bot/cards/lint';
import { DIGEST_CARD_BUDGET_BYTES } from '../../bot/cards/digestCard';
import { expectValidTeamsCard } from '../support/cardChecks';
import { cardOf, startMeeting, type MeetingHarness } from '../support/meetingHarness';
import { approve, digestPosts, openReview, saveWrapUp, setUpSession } from './followUpKit';
import { seedLargeSession } from './followUpKitLarge';

let m: MeetingHarness;
afterEach(() => m.stop());

test('300 people, 1,000 notes and 20 sense-checks give a valid summary card within budget', async () => {
  m = await startMeeting({ env: { PUBLIC_URL: 'https://coproduce.example' } });
  await setUpSession(m);
  await m.openPersonalChats('fola');
  await seedLargeSession(m.running.app.store, m.clock.now());
  await saveWrapUp(m);
  const review = await openReview(m);
  expectValidTeamsCard(review);
  await approve(m, review);
  await m.settle();

  const parts = digestPosts(m).map((call) => cardOf(call));
  expect(parts.length).toBeGreaterThanOrEqual(1);
  // Ordered parts only because this much does not fit in one message.
  parts.forEach((card, i) => expect(JSON.stringify(card)).toContain(`part ${i + 1} of ${parts.length}`));
  for (const card of parts) {
    expectValidTeamsCard(card);
    expect(cardSizeBytes(card)).toBeLessThanOrEqual(DIGEST_CARD_BUDGET_BYTES);
  }
  const first = JSON.stringify(parts[0]);
  expect(first).toContain('300 people took part.');
  expect(first).toContain('Chart.Donut');
  expect(first).toContain('https://coproduce.example/tab/?view=digest');
  const all = JSON.stringify(parts);
  expect(all).toContain('Sense-check 20');
  expect(all).toContain('And 995 more in the full summary.'); // comments wait in the full summary before any split
  // Nobody's identity or name travels with the tallies or the notes.
  expect(all).not.toMatch(/person:|10000000-0000|Person \d+/);
}, 60_000);
