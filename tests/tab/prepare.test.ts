/**
 * The Prepare screen's facilitator sections in the test host playing Teams: the intention
 * questions with their plain-English check and cautions, the stakeholder list with its "who is
 * missing?" prompts, the payment rate, the organisers' channel and access needs (a person's own,
 * and one recorded for someone with their agreement). What is saved is read back from the store
 * the server uses. axe finds nothing serious in the three themes, a keyboard alone reaches every
 * new control, and an attendee sees only their own access needs form. Screenshots are saved
 * under test-artifacts/tab/.
 */
import type { Frame } from 'playwright-core';
import { sessionsOfConversation } from '../../bot/core/sessionStore';
import { loadRate } from '../../bot/services/paymentsStore';
import { intentionsFor, stakeholdersFor } from '../../bot/services/preparation';
import { accessNeedsForOrganiser } from '../../bot/services/followUpAccess';
import type { ServiceDeps } from '../../bot/services/deps';
import { postActivity, teamsActivity } from '../support/appHarness';
import { BOT, CHAT, PEOPLE, TENANT } from '../support/meetingHarness';
import { axeFindings, seriousOrWorse } from '../support/teamsHost/axeCheck';
import type { PageElement, PageGlobals } from '../support/teamsHost/pageGlobals';
import { changeTheme } from '../support/teamsHost/teamsHost';
import { startTabWorld, type TabWorld } from '../support/teamsHost/tabKit';
import { runningSession } from './tabScenario';

const SOON = { timeout: 8_000 };
const HEIGHT = 7_000;
const CHANNEL = '19:organisers-channel@thread.tacv2';
/** The new sections, by their test ids. */
const SECTIONS = ['intentions', 'stakeholders', 'who-is-missing', 'my-access-needs', 'access-record-for', 'payment-settings', 'channel-picker'];

/** What the keyboard walk also reads and marks on an element (the shared PageElement type leaves these out). */
type WalkElement = PageElement & { setAttribute(name: string, value: string): void; readonly parentElement: PageElement | null; readonly disabled?: boolean };

// Each test drives a real browser against a real server: give it room on a busy two-core machine.
jest.setTimeout(90_000);

let world: TabWorld;

beforeAll(async () => {
  world = await startTabWorld();
  await runningSession(world.m);
  const sessionKey = (await session()).sessionKey;
  // Gabi answers a card, so Coproduce knows her name; Fola connects the organisers' channel.
  await world.m.press('gabi', 'purpose.answer', { sessionKey, answer: 'yes' });
  const fola = PEOPLE.fola;
  const typed = await postActivity(world.m.running.url, {
    ...teamsActivity(world.m.fake.url, {}),
    from: { id: fola.id, name: fola.name, aadObjectId: fola.aadObjectId },
    recipient: BOT,
    conversation: { id: CHANNEL, conversationType: 'channel', isGroup: true, tenantId: TENANT },
    channelData: { tenant: { id: TENANT }, team: { id: '19:team@thread.tacv2' }, channel: { id: CHANNEL } },
    text: '<at>Coproduce</at> connect',
    entities: [{ type: 'mention', text: '<at>Coproduce</at>', mentioned: BOT }],
  });
  if (typed.status !== 200) throw new Error(`connect in the channel answered ${typed.status}`);
  await world.m.settle();
}, 120_000);
afterAll(async () => {
  await world?.close();
});

async function session() {
  const [found] = await sessionsOfConversation(world.m.running.app.store, CHAT);
  if (!found) throw new Error('no session');
  return found;
}

const store = (): Pick<ServiceDeps, 'store'> => ({ store: world.m.running.app.store });

async function openPrepare(who: 'fola' | 'ash' = 'fola', theme: 'default' | 'dark' | 'contrast' = 'default') {
  const opened = await world.open(who, { frame: 'content', height: HEIGHT, theme });
  await opened.tab.getByTestId(who === 'fola' ? 'channel-picker' : 'my-access-needs').waitFor(SOON);
  return opened;
}

const inSection = (tab: Frame, testId: string) => tab.getByTestId(testId);

test('the facilitator answers the intention questions; the checker and the cautions respond as they type', async () => {
  const { page, tab } = await openPrepare();
  const intentions = inSection(tab, 'intentions');
  await intentions.getByRole('radiogroup', { name: 'Are we serious about working with people as equals?' }).getByRole('radio', { name: 'Yes' }).check();
  await intentions.getByRole('radiogroup', { name: 'Are we ready to listen to what we hear, and act on it?' }).getByRole('radio', { name: 'Partly' }).check();
  await intentions.getByText(/Tell people at the start what can change/).waitFor(SOON);
  const why = intentions.getByLabel('Why are we doing this?');
  await why.fill('To hear from service users about transport');
  await intentions.getByText(/“service users”/).waitFor(SOON);
  await why.fill('Booking transport fails people who cannot use the phone');
  await intentions.getByText(/“service users”/).waitFor({ state: 'detached', ...SOON });
  await intentions.getByLabel('Notes on money (optional)').fill('Payments agreed with finance');
  await intentions.getByTestId('intentions-progress').getByText('4 of 6 answered.').waitFor(SOON);
  await intentions.getByRole('button', { name: 'Save the answers' }).click();
  await intentions.getByText('Saved.').waitFor(SOON);

  const saved = await intentionsFor(store(), await session());
  expect(saved.answers).toEqual({
    serious: { choice: 'yes' },
    act: { choice: 'partly' },
    why: { note: 'Booking transport fails people who cannot use the phone' },
    budget: { note: 'Payments agreed with finance' },
  });
  await world.screenshot(page, 'prepare-intentions');
  await page.close();
});

test('the stakeholder list asks who is missing, and a suggestion is added with one press', async () => {
  const { page, tab } = await openPrepare();
  const list = inSection(tab, 'stakeholders');
  const missing = inSection(tab, 'who-is-missing');
  await missing.getByRole('button', { name: 'Add “Unpaid carers and families” to the list' }).waitFor(SOON);
  await tab.getByRole('button', { name: 'Add a group' }).click();
  await list.getByLabel('Group 1: name').fill('Unpaid carers');
  await list.getByLabel('Group 1: who or how many are coming').fill('Four from the carers’ centre');
  await list.getByLabel('Is group 1 represented?').selectOption('yes');
  await missing.getByRole('button', { name: 'Add “Unpaid carers and families” to the list' }).waitFor({ state: 'detached', ...SOON });
  await missing.getByRole('button', { name: 'Add “Young people” to the list' }).click();
  expect(await list.getByLabel('Group 2: name').inputValue()).toBe('Young people');
  await missing.getByText('“Young people” is not fully represented yet. How could you reach more people from this group?').waitFor(SOON);
  await missing.getByLabel('Is your group diverse enough? If not, why not?').fill('Not yet: we have nobody under 25.');
  await tab.getByRole('button', { name: 'Save the list' }).click();
  await tab.getByTestId('who-is-missing').locator('xpath=..').getByText('Saved.').waitFor(SOON);

  const saved = await stakeholdersFor(store(), await session());
  expect(saved.groups).toEqual([
    { name: 'Unpaid carers', coming: 'Four from the carers’ centre', represented: 'yes' },
    { name: 'Young people', represented: 'no' },
  ]);
  expect(saved.diversityNote).toBe('Not yet: we have nobody under 25.');
  expect(saved.whoIsMissing.missing).not.toContain('youngPeople');
  await world.screenshot(page, 'prepare-stakeholders');
  await page.close();
});

test('the payment rate is typed as money, refused in plain words when it is not, and kept in pence', async () => {
  const { page, tab } = await openPrepare();
  const payment = inSection(tab, 'payment-settings');
  await tab.getByTestId('payment-not-set').waitFor(SOON);
  await payment.getByLabel('Hourly rate').fill('twenty');
  await payment.getByRole('button', { name: 'Save the payment settings' }).click();
  await payment.getByText('Give the hourly rate as an amount, for example 25 or 25.50.').waitFor(SOON);
  await payment.getByLabel('Hourly rate').fill('£25.50');
  await payment.getByRole('button', { name: 'Save the payment settings' }).click();
  await payment.getByText('Saved.').waitFor(SOON);
  expect(await loadRate(world.m.running.app.store, (await session()))).toMatchObject({ currency: 'GBP', perHourMinor: 2550, reminderDays: 14, vouchersOffered: false });
  await page.close();
});

test('the organisers’ channel the facilitator connected can be picked; it is then chosen for the session', async () => {
  const { page, tab } = await openPrepare();
  const picker = inSection(tab, 'channel-picker');
  await picker.getByRole('radio', { name: /The channel where you typed “connect” on/ }).check();
  await picker.getByRole('button', { name: 'Use this channel' }).click();
  await picker.getByText('Saved.').waitFor(SOON);
  await picker.getByRole('radio', { name: /\(chosen for this session\)/ }).waitFor(SOON);
  await world.screenshot(page, 'prepare-channel');
  await page.close();
});

test('access needs: a person’s own, and someone else’s only with their agreement; attendees see only their own form', async () => {
  const { page, tab } = await openPrepare();
  const mine = inSection(tab, 'my-access-needs');
  await mine.getByRole('group', { name: 'What would help you' }).getByLabel('Captions').check();
  await tab.getByRole('button', { name: 'Save what would help me' }).click();
  await tab.getByRole('status').filter({ hasText: /saved|thank/i }).first().waitFor(SOON);

  const forSomeone = inSection(tab, 'access-record-for');
  await forSomeone.getByLabel('Who is it for?').selectOption({ label: PEOPLE.gabi.name });
  await forSomeone.getByRole('group', { name: 'What would help them' }).getByLabel('More breaks').check();
  await forSomeone.getByRole('button', { name: 'Save for them' }).click();
  await forSomeone.getByText(/check the person agreed/).waitFor(SOON);
  await forSomeone.getByLabel('They agreed to me recording this for them').check();
  await forSomeone.getByRole('button', { name: 'Save for them' }).click();
  await tab.getByTestId('access-records').getByText(PEOPLE.gabi.name).waitFor(SOON);
  await tab.getByTestId('access-records').getByText(/More breaks/).waitFor(SOON);

  const records = await accessNeedsForOrganiser(store() as ServiceDeps, await session());
  expect(records.map((r) => [r.enteredBy, [...r.needs]]).sort()).toEqual([
    ['facilitator', ['moreBreaks']],
    ['self', ['captions']],
  ]);
  await world.screenshot(page, 'prepare-access');
  await page.close();

  const attendee = await openPrepare('ash');
  await attendee.tab.getByRole('heading', { name: 'What would help you take part?' }).waitFor(SOON);
  for (const hidden of ['What people have told you', 'Record for someone else', 'Paying people for their time', PEOPLE.gabi.name]) {
    expect(await attendee.tab.getByText(hidden, { exact: true }).count()).toBe(0);
  }
  await world.screenshot(attendee.page, 'prepare-attendee');
  await attendee.page.close();
});

test('the Prepare screen has no serious or critical accessibility problems in the three themes', async () => {
  const { page, tab } = await openPrepare('fola', 'dark');
  for (const theme of ['dark', 'contrast', 'default'] as const) {
    if (theme !== 'dark') await changeTheme(page, theme);
    await tab.locator(`html[data-theme="${theme}"]`).waitFor({ state: 'attached', ...SOON });
    await tab.waitForTimeout(200);
    expect({ theme, problems: seriousOrWorse(await axeFindings(tab, `prepare-sections-${theme}`)) }).toEqual({ theme, problems: [] });
    await world.screenshot(page, `prepare-sections-${theme}`);
  }
  await page.close();
});

test('a keyboard alone reaches every new control, with the focus visible, and works them', async () => {
  const { page, tab } = await openPrepare();
  // Each control gets a walk id; radios share their group's, as Tab stops once per group.
  const expected = await tab.evaluate((sections) => {
    const { document } = globalThis as unknown as PageGlobals;
    const ids = new Set<string>();
    let n = 0;
    for (const section of sections) {
      for (const found of document.querySelectorAll(`[data-testid="${section}"] button, [data-testid="${section}"] input, [data-testid="${section}"] textarea, [data-testid="${section}"] select`)) {
        const el = found as WalkElement;
        if (el.closest('[data-tabster-dummy]') || el.disabled) continue;
        const radio = el.getAttribute('type') === 'radio' ? el.getAttribute('name') : null;
        const id = radio ? `radios:${radio}` : `control:${n++}`;
        el.setAttribute('data-walk-id', id);
        ids.add(id);
      }
    }
    return [...ids];
  }, SECTIONS);
  expect(expected.length).toBeGreaterThan(40);

  await tab.getByTestId('intentions').locator('input').first().focus();
  const seen = new Map<string, boolean>();
  for (let i = 0; i < expected.length * 2 + 40 && seen.size < expected.length; i++) {
    const focused = await tab.evaluate(() => {
      const { document, getComputedStyle } = globalThis as unknown as PageGlobals;
      const el = document.activeElement as WalkElement | null;
      const id = el?.getAttribute('data-walk-id');
      if (!el || !id) return undefined;
      const style = getComputedStyle(el);
      const after = getComputedStyle(el, '::after');
      const parentAfter = el.parentElement ? getComputedStyle(el.parentElement, '::after') : after;
      const visible =
        style.outlineStyle !== 'none' ||
        el.hasAttribute('data-fui-focus-visible') ||
        el.closest('[data-fui-focus-within]') !== null ||
        (after.borderTopStyle !== 'none' && after.borderTopWidth !== '0px') ||
        (parentAfter.borderTopStyle !== 'none' && parentAfter.borderTopWidth !== '0px');
      return { id, visible };
    });
    if (focused) seen.set(focused.id, (seen.get(focused.id) ?? true) && focused.visible);
    await page.keyboard.press('Tab');
  }
  expect(expected.filter((id) => !seen.has(id))).toEqual([]);
  expect([...seen].filter(([, visible]) => !visible).map(([id]) => id)).toEqual([]);

  // Enter on "Add a group" works it, as a click would.
  const before = await tab.getByTestId('stakeholders').locator('li').count();
  await tab.getByRole('button', { name: 'Add a group' }).focus();
  await page.keyboard.press('Enter');
  await tab.waitForFunction((count) => [...(globalThis as unknown as PageGlobals).document.querySelectorAll('[data-testid="stakeholders"] li')].length > count, before, SOON);
  await world.screenshot(page, 'prepare-keyboard');
  await page.close();
});
