/**
 * The meeting stage: the facilitator shares it from the side panel, and anyone in the meeting
 * (an anonymous joiner included, with no sign-in at all) sees the plan, the current item and its
 * time, and the purpose, with no names. A rotated link stops working.
 */
import { PEOPLE } from '../support/meetingHarness';
import type { PageGlobals } from '../support/teamsHost/pageGlobals';
import { hostCalls, TAB_ORIGIN } from '../support/teamsHost/teamsHost';
import { startTabWorld, type TabWorld } from '../support/teamsHost/tabKit';
import { CONTACT, OUTCOME, runningSession } from './tabScenario';

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

test('the facilitator shares the stage from the side panel, and an anonymous joiner sees it without signing in', async () => {
  const panel = await world.open('fola', { frame: 'sidePanel', height: 2000 });
  await panel.tab.getByRole('button', { name: 'Show the plan on the meeting stage' }).click();
  await panel.tab.getByText('The plan is now on the stage for everyone.').waitFor(SOON);
  const shared = (await hostCalls(panel.page)).find((call) => call.func === 'meeting.shareAppContentToStage');
  const url = new URL(String(shared?.args[0]));
  expect(url.origin).toBe(TAB_ORIGIN);
  expect(`${url.pathname}${url.search}`).toMatch(/^\/tab\/\?view=stage&stage=[\w-]{43}$/);

  const stage = await world.open('anonymous', { frame: 'meetingStage', path: `${url.pathname}${url.search}` });
  await stage.tab.getByTestId('stage').getByRole('heading', { level: 1, name: 'Welcome and introductions' }).waitFor(SOON);
  await stage.tab.getByText(OUTCOME).waitFor(SOON);
  expect(await stage.tab.getByTestId('timer').textContent()).toMatch(/^\d+:\d\d$/);
  const text = await stage.tab.evaluate(() => (globalThis as unknown as PageGlobals).document.body.innerText);
  for (const person of Object.values(PEOPLE)) expect(text).not.toContain(person.name);
  expect(text).not.toContain(CONTACT);
  // The stage never asks Teams for a sign-in: anonymous joiners have none.
  expect((await hostCalls(stage.page)).map((c) => c.func)).not.toContain('authentication.getAuthToken');
  await world.screenshot(stage.page, 'stage-shared');

  // A new link (say the old one was shown somewhere it should not have been): the old stage ends.
  await panel.tab.getByRole('button', { name: 'Make a new stage link' }).click();
  await panel.tab.getByText('The old stage link no longer works.').waitFor(SOON);
  await stage.tab.getByText('This stage link has ended. Ask a facilitator to share the stage again.').waitFor(SOON);
  await world.screenshot(stage.page, 'stage-ended-link');
});

test('the stage follows the session: moving on in the chat shows on the stage within a few seconds', async () => {
  const link = await fetch(`${world.m.running.url}/api/tab/stage-link`, {
    headers: { authorization: `Bearer ${await world.token('fola')}`, 'x-coproduce-chat': '19:meeting_test-chat@thread.v2' },
  });
  const { path } = (await link.json()) as { path: string };
  const stage = await world.open('anonymous', { frame: 'meetingStage', path });
  await stage.tab.getByRole('heading', { level: 1, name: 'Welcome and introductions' }).waitFor(SOON);
  expect((await world.m.say('fola', 'next')).status).toBe(200);
  await stage.tab.getByRole('heading', { level: 1, name: 'Getting to know each other' }).waitFor(SOON);
  expect((await world.m.say('fola', 'break 10')).status).toBe(200);
  await stage.tab.getByText('On a break', { exact: true }).waitFor(SOON);
  await world.screenshot(stage.page, 'stage-break');
});
