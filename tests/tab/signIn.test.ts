/**
 * Signing in: the tab uses the Teams SSO token; it shows a "Sign in" button (and opens Teams'
 * sign-in window) only when Teams says the person must first agree; someone with no Teams
 * account is told where they can still follow the session. Outside Teams, local mode uses the
 * server's development sign-in.
 */
import { CHAT, MEETING_ID, PEOPLE } from '../support/meetingHarness';
import { hostCalls } from '../support/teamsHost/teamsHost';
import { startTabWorld, type TabWorld } from '../support/teamsHost/tabKit';
import { OUTCOME, runningSession } from './tabScenario';

const SOON = { timeout: 8_000 };
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

test('with a token from Teams the panel opens straight away, and never opens the sign-in window', async () => {
  const { page, tab } = await world.open('ash', { frame: 'sidePanel' });
  await tab.getByTestId('side-panel').waitFor(SOON);
  expect(await tab.getByRole('button', { name: 'Sign in' }).count()).toBe(0);
  expect((await hostCalls(page)).map((c) => c.func)).not.toContain('authentication.authenticate');
});

test('when Teams says consent is needed, "Sign in" opens Teams’ sign-in window and then the panel opens', async () => {
  const { page, tab } = await world.open('ash', { frame: 'sidePanel', consentNeeded: true });
  const signIn = tab.getByRole('button', { name: 'Sign in' });
  await signIn.waitFor(SOON);
  await world.screenshot(page, 'sign-in-needed');
  expect((await hostCalls(page)).map((c) => c.func)).not.toContain('authentication.authenticate');
  await signIn.click();
  await tab.getByTestId('side-panel').waitFor(SOON);
  const opened = (await hostCalls(page)).find((c) => c.func === 'authentication.authenticate');
  expect(String(opened?.args[0])).toContain('/tab/auth-start.html');
});

test('someone with no Teams account is told where to follow the session, with no sign-in button', async () => {
  const { page, tab } = await world.open('anonymous', { frame: 'sidePanel' });
  await tab.getByText(/follow the session in the meeting chat and on the shared screen/).waitFor(SOON);
  expect(await tab.getByRole('button', { name: 'Sign in' }).count()).toBe(0);
  await world.screenshot(page, 'sign-in-anonymous');
});

test('outside Teams, local mode signs in with the development sign-in and shows the same panel', async () => {
  const page = await world.browser.context.newPage();
  const query = new URLSearchParams({ view: 'panel', as: PEOPLE.ash.id, chat: CHAT, meeting: MEETING_ID });
  await page.goto(`${world.m.running.url}/tab/?${query.toString()}`);
  await page.getByTestId('side-panel').waitFor(SOON);
  await page.getByText(OUTCOME).waitFor(SOON);
  await page.close();
});
