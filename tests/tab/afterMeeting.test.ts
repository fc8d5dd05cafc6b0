/**
 * After the meeting, in the built tab served by the real server, inside the test host playing
 * Teams: a facilitator rewords one thing people said and hides another, approves the summary and
 * sees the bot post it in the meeting chat (read from the fake Bot Connector) without either; the
 * organiser view proposes and confirms a payment; a spreadsheet downloads as a file; the
 * summary's link opens the summary without signing in. axe finds no serious or critical problem
 * in the three themes, a keyboard alone reaches every control, and screenshots are saved under
 * test-artifacts/tab/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { checkPlainEnglish } from '../../bot/core/plainEnglish';
import { sessionsOfConversation } from '../../bot/core/sessionStore';
import { setPaymentRate } from '../../bot/services/payments';
import { cardOf, CHAT, textOf } from '../support/meetingHarness';
import { axeFindings, seriousOrWorse } from '../support/teamsHost/axeCheck';
import type { PageGlobals } from '../support/teamsHost/pageGlobals';
import { changeTheme, type TeamsTheme } from '../support/teamsHost/teamsHost';
import { ARTIFACTS, startTabWorld, type TabWorld } from '../support/teamsHost/tabKit';
import { MINUTE, saveWrapUp, servicesOf, SESSION_KEY } from '../services/followUpKit';
import { runningSession } from './tabScenario';

const SOON = { timeout: 8_000 };
const CARE = 'Sam from the depot was rude to me';
const REWORDED = 'One person had a bad experience with a driver';
const HIDDEN = 'Nobody outside this room should read this';
const KEPT = 'Drivers need more training';
const ORDER: readonly TeamsTheme[] = ['dark', 'contrast', 'default'];

// Each test drives a real browser against a real server: give it room on a busy two-core machine.
jest.setTimeout(90_000);

let world: TabWorld;

beforeAll(async () => {
  world = await startTabWorld();
  const { m } = world;
  await runningSession(m);
  // Answering a card tells us a person's name: named attendance, for the organiser view only.
  if ((await m.press('gabi', 'purpose.answer', { sessionKey: SESSION_KEY, answer: 'yes' })).status !== 200) throw new Error('the answer was refused');
  for (const note of [KEPT, CARE, HIDDEN]) await m.say('fola', `note ${note}`);
  if (![200].includes((await saveWrapUp(m)).status)) throw new Error('wrap-up failed');
  m.clock.advance(30 * MINUTE);
  await m.settle();
  const [session] = await sessionsOfConversation(m.running.app.store, CHAT);
  const rate = await setPaymentRate(servicesOf(m), session, { perHourMinor: 2500, prepMinutes: 30 }, m.clock.now());
  if (!rate.ok) throw new Error('the rate was refused');
}, 120_000);
afterAll(async () => {
  await world?.close();
});

function chatText(): string {
  return world.m
    .sent(CHAT)
    .map((call) => textOf(cardOf(call) ?? call.body))
    .join('\n');
}

async function chatShows(expected: string): Promise<void> {
  for (let attempt = 0; attempt < 30; attempt++) {
    await world.m.settle();
    if (chatText().includes(expected)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the meeting chat never showed ${expected}`);
}

/** The meeting tab as Fola opens it after the meeting, on its "After the meeting" part. */
async function openAfter(theme: TeamsTheme = 'default', who: 'fola' | 'ash' = 'fola'): Promise<{ page: Page; tab: Frame }> {
  const opened = await world.open(who, { frame: 'content', theme, height: 5200 });
  await opened.tab.getByRole('tab', { name: 'After the meeting' }).click(SOON);
  return opened;
}

async function themesClean(page: Page, tab: Frame, name: string): Promise<void> {
  for (const theme of ORDER) {
    if (theme !== ORDER[0]) await changeTheme(page, theme);
    await tab.locator(`html[data-theme="${theme}"]`).waitFor({ state: 'attached', ...SOON });
    await tab.waitForTimeout(200);
    expect({ theme, problems: seriousOrWorse(await axeFindings(tab, `${name}-${theme}`)) }).toEqual({ theme, problems: [] });
    await world.screenshot(page, `${name}-${theme}`);
  }
}

test('the words on these screens are plain English and never label people', () => {
  const { afterText } = jest.requireActual<{ afterText: unknown }>(path.join(__dirname, '../../tab/src/after/strings.en-GB.ts'));
  const sentences: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') sentences.push(value);
    else if (typeof value === 'function') sentences.push(String((value as (...a: unknown[]) => unknown)(1, 2, 3)));
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(afterText);
  expect(sentences.length).toBeGreaterThan(80);
  expect(sentences.flatMap((s) => checkPlainEnglish(s).filter((issue) => issue.kind === 'label').map(() => s))).toEqual([]);
});

test('the review, the organiser view and the files have no serious accessibility problems in any theme', async () => {
  const { page, tab } = await openAfter(ORDER[0]);
  await tab.getByTestId('digest-review').waitFor(SOON);
  await tab.getByTestId('organiser-view').waitFor(SOON);
  await themesClean(page, tab, 'after-review');
  await page.close();
});

test('a keyboard alone reaches every control of the review, the organiser view and the files, with the focus visible', async () => {
  const { page, tab } = await openAfter();
  await tab.getByTestId('exports').waitFor(SOON);
  await tab.getByRole('tab', { name: 'After the meeting' }).focus();
  const controls = await tab.evaluate(() =>
    [...(globalThis as unknown as PageGlobals).document.querySelectorAll('main button, main input, main textarea, main select, main a[href]')]
      .filter((el) => !el.closest('[data-tabster-dummy]') && !el.closest('[role="tablist"]') && el.offsetParent !== null)
      .map((el) => `${el.tagName.toLowerCase()}:${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 60)}`),
  );
  expect(controls.length).toBeGreaterThan(15);
  const seen: { name: string; visible: boolean }[] = [];
  for (let i = 0; i < controls.length + 10; i++) {
    await page.keyboard.press('Tab');
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
  const reached = new Set(seen.map((s) => s.name));
  expect(controls.filter((c) => !reached.has(c))).toEqual([]);
  expect(seen.filter((s) => !s.visible)).toEqual([]);
  await page.close();
});

test('the facilitator rewords one item and hides another, approves, and the bot posts the summary without them', async () => {
  const { page, tab } = await openAfter();
  const review = tab.getByTestId('digest-review');
  await review.waitFor(SOON);
  expect(await tab.getByTestId('review-state').textContent()).toBe('Draft: not shared yet');
  await tab.getByText('Only you can see this. Nothing is shared until a facilitator approves it.').waitFor(SOON);

  const care = tab.getByTestId('review-item').filter({ hasText: CARE });
  await care.getByRole('button', { name: /^Reword/ }).click();
  await care.getByLabel('New words for this item').fill(REWORDED);
  await care.getByRole('button', { name: 'Save the new words' }).click();
  await tab.getByTestId('review-item').filter({ hasText: 'You reworded this' }).waitFor(SOON);

  const hidden = tab.getByTestId('review-item').filter({ hasText: HIDDEN });
  await hidden.getByRole('switch').click();
  await tab.getByText('1 item is hidden.').waitFor(SOON);
  expect(await hidden.getByRole('switch').isChecked()).toBe(false);
  await world.screenshot(page, 'after-review-checked');

  // Nothing has reached the chat yet.
  await world.m.settle();
  expect(chatText()).not.toContain('What we heard: the summary of our session');

  await tab.getByRole('button', { name: 'Approve and share' }).click();
  await tab.getByText('Share the summary now?').waitFor(SOON);
  await tab.getByRole('button', { name: 'Yes, share it now' }).click();
  await tab.getByTestId('review-status').getByText(/being shared now/).waitFor(SOON);
  await tab.getByTestId('review-state').filter({ hasText: /^Shared$/ }).waitFor(SOON);
  await chatShows('What we heard: the summary of our session');
  const summary = chatText();
  expect(summary).toContain(REWORDED);
  expect(summary).toContain(KEPT);
  expect(summary).not.toContain(CARE);
  expect(summary).not.toContain(HIDDEN);
  await tab.getByTestId('digest-document').getByText(REWORDED).waitFor(SOON);
  await world.screenshot(page, 'after-review-published');
  await page.close();
});

test('the organiser view proposes payments from attendance and confirms one; nothing of it reaches the chat', async () => {
  const { page, tab } = await openAfter();
  const view = tab.getByTestId('organiser-view');
  await view.waitFor(SOON);
  await view.getByRole('button', { name: 'Propose payments from who attended' }).click();
  const gabi = tab.getByTestId('payment-row').filter({ hasText: 'Gabi Tester' });
  await gabi.getByText('Proposed: check it').waitFor(SOON);
  await gabi.getByRole('button', { name: 'Confirm this payment' }).click();
  await gabi.getByLabel('Travel (in pounds, optional)').fill('8.40');
  await gabi.getByRole('button', { name: 'Confirm this payment' }).click();
  await tab.getByTestId('payment-row').filter({ hasText: 'Gabi Tester' }).getByText('Due', { exact: true }).waitFor(SOON);
  await tab.getByTestId('payment-row').filter({ hasText: 'Gabi Tester' }).getByText('£33.40').waitFor(SOON);
  await tab.getByTestId('attendance').getByText('Gabi Tester').waitFor(SOON);
  await world.screenshot(page, 'after-organiser');
  await world.m.settle();
  expect(chatText()).not.toContain('£');
  expect(chatText()).not.toContain('Gabi Tester');
  await page.close();
});

test('a spreadsheet downloads as a file from the tab, with the token never in an address', async () => {
  const { page, tab } = await openAfter();
  await tab.getByTestId('exports').waitFor(SOON);
  const [download] = await Promise.all([page.waitForEvent('download', SOON), tab.getByRole('button', { name: 'Who attended (spreadsheet)' }).click()]);
  expect(download.suggestedFilename()).toBe('coproduce-2026-11-26-attendance.csv');
  expect(download.url()).toMatch(/^blob:/);
  const saved = path.join(ARTIFACTS, 'after-attendance.csv');
  await download.saveAs(saved);
  const csv = fs.readFileSync(saved, 'utf8');
  expect(csv).toContain('"Name","First seen"');
  expect(csv).toContain('"Gabi Tester"');
  await tab.getByTestId('export-status').getByText('Downloaded coproduce-2026-11-26-attendance.csv.').waitFor(SOON);
  await page.close();
});

test('the summary link opens the summary without signing in, readable at 320 px and clean in every theme', async () => {
  const response = await fetch(`${world.m.running.url}/api/tab/after/digest`, { headers: { authorization: `Bearer ${await world.token('fola')}`, 'x-coproduce-chat': CHAT } });
  const markdownPath = ((await response.json()) as { markdownPath?: string }).markdownPath ?? '';
  const token = /^\/digest\/([A-Za-z0-9_-]+)\.md$/.exec(markdownPath)?.[1];
  expect(token).toBeDefined();

  const { page, tab } = await world.open('anonymous', { frame: 'content', theme: ORDER[0], height: 2400, path: `/tab/?view=digest&digest=${token}` });
  const document = tab.getByTestId('digest-document');
  await document.getByRole('heading', { level: 1, name: 'What we heard: the summary of our session' }).waitFor(SOON);
  await document.getByText(REWORDED).waitFor(SOON);
  expect(await document.textContent()).not.toContain(CARE);
  expect(await document.textContent()).not.toContain(HIDDEN);
  await themesClean(page, tab, 'after-digest-page');
  await page.close();

  const narrow = await world.open('anonymous', { frame: 'content', width: 320, height: 3000, path: `/tab/?view=digest&digest=${token}` });
  await narrow.tab.getByTestId('digest-document').waitFor(SOON);
  const overflow = await narrow.tab.evaluate(() => {
    const root = (globalThis as unknown as PageGlobals).document.documentElement;
    return root.scrollWidth - root.clientWidth;
  });
  expect(overflow).toBeLessThanOrEqual(0);
  await world.screenshot(narrow.page, 'after-digest-page-320px');
  await narrow.page.close();

  const wrong = await world.open('anonymous', { frame: 'content', path: `/tab/?view=digest&digest=${'x'.repeat(43)}` });
  await wrong.tab.getByText('This summary link does not work. Ask the organiser for a new one.').waitFor(SOON);
  await wrong.page.close();
});

test('someone who attended reads the shared summary in the meeting tab, and sees nothing of the organiser view', async () => {
  const { page, tab } = await openAfter('default', 'ash');
  await tab.getByTestId('digest-document').getByText(KEPT).waitFor(SOON);
  for (const hidden of ['Organiser view', 'Payments', 'Files to download', 'Approve and share']) expect(await tab.getByText(hidden, { exact: true }).count()).toBe(0);
  await world.screenshot(page, 'after-attendee');
  await page.close();
});
