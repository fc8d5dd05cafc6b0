/**
 * The tab in Teams' three themes: axe finds no serious or critical problem in the facilitator's
 * and an attendee's side panel, the stage and the preparation tab; a keyboard alone reaches and
 * works every control with the focus visible; the panel fits 320 px and 200% zoom; the theme
 * follows Teams when it changes. Screenshots are saved under test-artifacts/tab/.
 */
import type { Frame } from 'playwright-core';
import { axeFindings, seriousOrWorse } from '../support/teamsHost/axeCheck';
import type { PageGlobals } from '../support/teamsHost/pageGlobals';
import { changeTheme, type TeamsTheme } from '../support/teamsHost/teamsHost';
import { startTabWorld, type TabWorld } from '../support/teamsHost/tabKit';
import { runningSession } from './tabScenario';

const THEMES: readonly TeamsTheme[] = ['default', 'dark', 'contrast'];
const SOON = { timeout: 8_000 };

// Each test drives a real browser against a real server: give it room on a busy two-core machine.
jest.setTimeout(60_000);

let world: TabWorld;
let stagePath: string;

beforeAll(async () => {
  world = await startTabWorld();
  await runningSession(world.m);
  const response = await fetch(`${world.m.running.url}/api/tab/stage-link`, {
    headers: { authorization: `Bearer ${await world.token('fola')}`, 'x-coproduce-chat': '19:meeting_test-chat@thread.v2' },
  });
  stagePath = ((await response.json()) as { path: string }).path;
}, 120_000);
afterAll(async () => {
  await world?.close();
});

async function drawn(tab: Frame, testId: string): Promise<void> {
  await tab.getByTestId(testId).first().waitFor(SOON);
  // Let fonts, the card renderer and the first poll settle before judging what is on screen.
  await tab.waitForTimeout(300);
}

interface View {
  readonly name: string;
  readonly who: 'fola' | 'ash' | 'anonymous';
  readonly frame: 'sidePanel' | 'meetingStage' | 'content';
  readonly height?: number;
  readonly path?: () => string;
  /** Shown once the view has drawn what it is about. */
  readonly ready: string;
}

const VIEWS: readonly View[] = [
  { name: 'panel-facilitator', who: 'fola', frame: 'sidePanel', height: 2000, ready: 'sense-check' },
  { name: 'panel-attendee', who: 'ash', frame: 'sidePanel', height: 1400, ready: 'framework' },
  { name: 'stage', who: 'anonymous', frame: 'meetingStage', path: () => stagePath, ready: 'stage' },
  { name: 'prepare', who: 'fola', frame: 'content', height: 4200, ready: 'consent-preview-contrast' },
];

// Each view opens in the dark theme Teams reports, then follows Teams to the other two.
const ORDER: readonly TeamsTheme[] = ['dark', 'contrast', 'default'];

describe.each(VIEWS)('$name', (view) => {
  test(`has no serious or critical accessibility problems in the ${THEMES.join(', ')} themes`, async () => {
    const { page, tab } = await world.open(view.who, { frame: view.frame, theme: ORDER[0], ...(view.height ? { height: view.height } : {}), ...(view.path ? { path: view.path() } : {}) });
    await drawn(tab, view.ready);
    if (view.frame === 'content') await tab.getByTestId('consent-preview-contrast').locator('.ac-adaptiveCard').waitFor(SOON);
    for (const theme of ORDER) {
      if (theme !== ORDER[0]) await changeTheme(page, theme);
      await tab.locator(`html[data-theme="${theme}"]`).waitFor({ state: 'attached', ...SOON });
      await tab.waitForTimeout(200);
      expect({ theme, problems: seriousOrWorse(await axeFindings(tab, `${view.name}-${theme}`)) }).toEqual({ theme, problems: [] });
      await world.screenshot(page, `${view.name}-${theme}`);
    }
    await page.close();
  }, 90_000);
});

test('the tab follows Teams when the theme changes, and draws an unknown theme as the default', async () => {
  const { page, tab } = await world.open('ash', { frame: 'sidePanel', theme: 'default' });
  await drawn(tab, 'framework');
  const background = () =>
    tab.evaluate(() => {
      const { document, getComputedStyle } = globalThis as unknown as PageGlobals;
      const provider = document.querySelector('.fui-FluentProvider');
      return provider ? getComputedStyle(provider).backgroundColor : '';
    });
  const light = await background();
  await changeTheme(page, 'dark');
  await tab.locator('html[data-theme="dark"]').waitFor({ state: 'attached', ...SOON });
  expect(await background()).not.toBe(light);
  await changeTheme(page, 'glass');
  await tab.locator('html[data-theme="default"]').waitFor({ state: 'attached', ...SOON });
  expect(await background()).toBe(light);
  await page.close();
});

/** Tabs through the panel and returns what took the focus, with whether the focus was visible. */
async function tabWalk(tab: Frame, presses: number): Promise<{ name: string; visible: boolean }[]> {
  const seen: { name: string; visible: boolean }[] = [];
  for (let i = 0; i < presses; i++) {
    await tab.page().keyboard.press('Tab');
    const focused = await tab.evaluate(() => {
      const { document, getComputedStyle } = globalThis as unknown as PageGlobals;
      const el = document.activeElement;
      if (!el || el === document.body) return undefined;
      const style = getComputedStyle(el);
      const after = getComputedStyle(el, '::after');
      const visible = style.outlineStyle !== 'none' || el.hasAttribute('data-fui-focus-visible') || (after.borderTopStyle !== 'none' && after.borderTopWidth !== '0px');
      return { name: `${el.tagName.toLowerCase()}:${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 60)}`, visible };
    });
    if (focused) seen.push(focused);
  }
  return seen;
}

test('a keyboard alone reaches every control of the facilitator’s panel, with the focus visible, and works them', async () => {
  const { page, tab } = await world.open('fola', { frame: 'sidePanel', height: 2000 });
  await drawn(tab, 'sense-check');
  await tab.locator('main').focus().catch(() => undefined);
  await tab.evaluate(() => (globalThis as unknown as PageGlobals).document.activeElement?.blur());
  const controls = await tab.evaluate(() =>
    [...(globalThis as unknown as PageGlobals).document.querySelectorAll('button, input, textarea, select, a[href]')]
      .filter((el) => !el.closest('[data-tabster-dummy]') && el.offsetParent !== null)
      .map((el) => `${el.tagName.toLowerCase()}:${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 60)}`),
  );
  const walked = await tabWalk(tab, controls.length + 5);
  const reached = new Set(walked.map((w) => w.name));
  expect(controls.filter((c) => !reached.has(c))).toEqual([]);
  expect(walked.filter((w) => !w.visible)).toEqual([]);

  // Enter on "+5 minutes" works it, as a click would.
  const before = await tab.getByTestId('timer').textContent();
  await tab.getByRole('button', { name: '+5 minutes' }).focus();
  await page.keyboard.press('Enter');
  await tab.getByTestId('action-answer').waitFor(SOON);
  await tab.waitForFunction((old) => (globalThis as unknown as PageGlobals).document.querySelector('[data-testid="timer"]')?.textContent !== old, before, SOON);
  await world.screenshot(page, 'panel-keyboard');
  await page.close();
});

test('the side panel fits 320 px and 200% zoom without sideways scrolling', async () => {
  for (const zoom of [1, 2]) {
    const { page, tab } = await world.open('fola', { frame: 'sidePanel', height: 2600 });
    await drawn(tab, 'sense-check');
    await tab.evaluate((z) => {
      (globalThis as unknown as PageGlobals).document.documentElement.style.zoom = String(z);
    }, zoom);
    await tab.waitForTimeout(200);
    const overflow = await tab.evaluate(() => {
      const root = (globalThis as unknown as PageGlobals).document.documentElement;
      return root.scrollWidth - root.clientWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    await world.screenshot(page, `panel-320px-zoom${zoom * 100}`);
    await page.close();
  }
});
