/**
 * Adding the tab to a meeting: on Teams' configuration page the tab lets Teams save it at once,
 * pointing at the same page, and shows the preparation screen meanwhile.
 */
import { hostCalls, pressSave, TAB_ORIGIN } from '../support/teamsHost/teamsHost';
import { startTabWorld, type TabWorld } from '../support/teamsHost/tabKit';

// Each test drives a real browser against a real server: give it room on a busy two-core machine.
jest.setTimeout(60_000);

let world: TabWorld;
beforeAll(async () => {
  world = await startTabWorld();
}, 120_000);
afterAll(async () => {
  await world?.close();
});

test('the configuration page tells Teams it can be saved, and saves the tab pointing at the same page', async () => {
  const { page, tab } = await world.open('fola', { frame: 'settings' });
  await tab.getByRole('heading', { name: 'Prepare the session' }).waitFor({ timeout: 8_000 });
  await page.waitForFunction(() => {
    const calls = (globalThis as unknown as { __hostCalls: { func: string }[] }).__hostCalls;
    return calls.some((c) => c.func === 'settings.setValidityState');
  });
  const calls = await hostCalls(page);
  expect(calls.find((c) => c.func === 'settings.setValidityState')?.args).toEqual([true]);
  expect(calls.some((c) => c.func === 'registerHandler' && c.args[0] === 'save')).toBe(true);
  await world.screenshot(page, 'configuration');

  await pressSave(page);
  await page.waitForFunction(() => (globalThis as unknown as { __hostCalls: { func: string }[] }).__hostCalls.some((c) => c.func === 'settings.save.success'));
  const saved = (await hostCalls(page)).find((c) => c.func === 'settings.setSettings');
  expect(saved?.args[0]).toMatchObject({ contentUrl: `${TAB_ORIGIN}/tab/`, entityId: 'coproduce-session' });
});
