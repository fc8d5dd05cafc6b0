/**
 * An attendee's side panel: the plan and the purpose read-only, no controls, nothing only
 * facilitators see, and the anonymous note box, whose note never reaches the meeting chat.
 */
import { cardOf, CHAT, textOf } from '../support/meetingHarness';
import { startTabWorld, type TabWorld } from '../support/teamsHost/tabKit';
import { OUTCOME, runningSession } from './tabScenario';

const SOON = { timeout: 8_000 };
const NOTE = 'The room is too warm and I feel unwell';
// Each test drives a real browser against a real server: give it room on a busy two-core machine.
jest.setTimeout(60_000);

let world: TabWorld;

beforeAll(async () => {
  world = await startTabWorld();
  await runningSession(world.m);
}, 120_000);
afterAll(async () => {
  await world?.close();
});

test('an attendee sees the plan and purpose read-only, and none of the facilitators’ controls or counts', async () => {
  const { page, tab } = await world.open('ash', { frame: 'sidePanel', height: 1400 });
  await tab.getByTestId('side-panel').waitFor(SOON);
  expect(await tab.getByTestId('side-panel').getAttribute('data-role')).toBe('participant');
  await tab.getByText(OUTCOME).waitFor(SOON);
  await tab.getByTestId('framework').getByText('Welcome and introductions').waitFor(SOON);
  for (const hidden of ['Run the session', 'Quiet voices', 'Said anonymously', 'Consent to record', 'Next item']) {
    expect(await tab.getByText(hidden, { exact: true }).count()).toBe(0);
  }
  await world.screenshot(page, 'panel-attendee-before-note');
});

test('a note sent from the panel is thanked and never shown in the chat', async () => {
  const { page, tab } = await world.open('gabi', { frame: 'sidePanel', height: 1400 });
  const box = tab.getByLabel('Your note');
  await box.waitFor(SOON);
  await tab.getByText(/do not record who wrote it/).waitFor(SOON);
  await box.fill(NOTE);
  await tab.getByRole('button', { name: 'Send anonymously' }).click();
  await tab.getByTestId('action-answer').locator('.ac-adaptiveCard').waitFor(SOON);
  expect(await box.inputValue()).toBe('');
  await world.m.settle();
  const chat = world.m.sent(CHAT).map((call) => textOf(cardOf(call) ?? call.body)).join('\n');
  expect(chat).not.toContain(NOTE);
  await world.screenshot(page, 'panel-attendee-note-sent');
});
