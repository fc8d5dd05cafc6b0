/**
 * A facilitator prepares, starts and runs a session from the tab, in the test host playing Teams:
 * what they press in the side panel reaches the meeting chat as the same cards the chat's own
 * buttons post (read from the fake Bot Connector), and what people answer in the chat shows in
 * the panel within a few seconds. Nothing meant for facilitators only reaches the chat.
 */
import type { Frame, Page } from 'playwright-core';
import { sessionsOfConversation } from '../../bot/core/sessionStore';
import { cardOf, CHAT, textOf } from '../support/meetingHarness';
import type { PageGlobals } from '../support/teamsHost/pageGlobals';
import { hostCalls } from '../support/teamsHost/teamsHost';
import { startTabWorld, type TabWorld } from '../support/teamsHost/tabKit';

const OUTCOME = 'Agree three changes to how transport is booked';
const CONTACT = 'Sam Safe on 0100 000 0000';
const SOON = { timeout: 6_000 };

// Each test drives a real browser against a real server: give it room on a busy two-core machine.
jest.setTimeout(60_000);

let world: TabWorld;
let panel: { page: Page; tab: Frame };

beforeAll(async () => {
  world = await startTabWorld();
}, 120_000);
afterAll(async () => {
  await world?.close();
});

/** Every piece of text the bot has sent to the meeting chat so far. */
function chatText(): string {
  return world.m
    .sent(CHAT)
    .map((call) => textOf(cardOf(call) ?? call.body))
    .join('\n');
}

/** Lets the outbox deliver, then waits until the chat holds `expected`. */
async function chatShows(expected: string | RegExp): Promise<void> {
  for (let attempt = 0; attempt < 30; attempt++) {
    await world.m.settle();
    const text = chatText();
    if (typeof expected === 'string' ? text.includes(expected) : expected.test(text)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the meeting chat never showed ${String(expected)}:\n${chatText().slice(-1500)}`);
}

test('the facilitator prepares the session in the meeting tab, with the plain-English check as they type', async () => {
  const { page, tab } = await world.open('fola', { frame: 'content', height: 3000 });
  const outcome = tab.getByLabel('What do you hope the session will achieve?');
  await outcome.waitFor(SOON);
  await outcome.fill('Hear from service users about the DTOC process');
  // The checker marks the label and the unexplained acronym while the facilitator types.
  await tab.getByText(/“service users”/).waitFor(SOON);
  await tab.getByText(/“DTOC”/).waitFor(SOON);
  await outcome.fill(OUTCOME);
  await tab.getByText(/“service users”/).waitFor({ state: 'detached', ...SOON });
  await tab.getByLabel(/Who can people contact if something is wrong/).fill(CONTACT);
  // The consent preview follows the contact as it is typed, in all three themes.
  for (const theme of ['default', 'dark', 'contrast']) await tab.getByTestId(`consent-preview-${theme}`).getByText(CONTACT).waitFor(SOON);
  await tab.getByRole('button', { name: 'Save', exact: true }).click();
  await tab.getByText('Saved.').waitFor(SOON);

  const [stored] = await sessionsOfConversation(world.m.running.app.store, CHAT);
  expect(stored?.purpose.outcome).toBe(OUTCOME);
  expect(stored?.safeguardingContact).toBe(CONTACT);
  await world.screenshot(page, 'prepare-default');
  await page.close();
});

test('the framework editor checks the time budget as the facilitator types, and saves through the same action as the chat', async () => {
  const { page, tab } = await world.open('fola', { frame: 'content', height: 3000 });
  const firstMinutes = tab.getByLabel('Item 1 minutes');
  await firstMinutes.waitFor(SOON);
  await tab.getByText('The timings look fine.').waitFor(SOON);
  await firstMinutes.fill('90');
  await tab.getByTestId('time-check').getByText(/The plan adds up to/).waitFor(SOON);
  await firstMinutes.fill('5');
  await tab.getByText('The timings look fine.').waitFor(SOON);
  await tab.getByLabel(/Item 1 title/).fill('Welcome, tea and introductions');
  await tab.getByRole('button', { name: 'Save the plan' }).click();
  await tab.getByText('Saved.').first().waitFor(SOON);
  await world.screenshot(page, 'prepare-framework');
  await page.close();
});

test('the side panel starts the session: the framework card reaches the chat and the timer shows the server’s time', async () => {
  panel = await world.open('fola', { frame: 'sidePanel', height: 1600 });
  const { tab } = panel;
  await tab.getByRole('button', { name: 'Start the session' }).click();
  await tab.getByTestId('now').getByRole('heading', { name: 'Welcome, tea and introductions' }).waitFor(SOON);
  await chatShows('Welcome, tea and introductions');
  const timer = await tab.getByTestId('timer').textContent();
  // Five minutes on the server's clock; the panel counts down from there.
  expect(timer).toMatch(/^(5:00|4:5\d)$/);
});

test('+5 minutes, next and back from the panel move the plan for everyone', async () => {
  const { tab } = panel;
  await tab.getByRole('button', { name: '+5 minutes' }).click();
  await tab.getByTestId('timer').filter({ hasText: /^(10:00|9:\d\d)$/ }).waitFor(SOON);
  await tab.getByRole('button', { name: 'Next item' }).click();
  await tab.getByTestId('now').getByRole('heading', { name: 'Getting to know each other' }).waitFor(SOON);
  await chatShows('Getting to know each other');
  await tab.getByRole('button', { name: 'Back' }).click();
  await tab.getByTestId('now').getByRole('heading', { name: 'Welcome, tea and introductions' }).waitFor(SOON);
});

test('a recap and the purpose from the panel are posted in the chat', async () => {
  const { tab } = panel;
  await tab.getByRole('button', { name: 'Post a recap' }).click();
  await tab.getByTestId('action-answer').getByText(/recap/i).waitFor(SOON);
  await chatShows('What we have covered so far');
  const before = (chatText().match(/Why we are here/g) ?? []).length;
  await tab.getByRole('button', { name: 'Post the purpose' }).click();
  await tab.getByTestId('action-answer').getByText(/purpose is in the chat/i).waitFor(SOON);
  await chatShows(new RegExp(`(Why we are here[\\s\\S]*){${before + 1}}`));
  expect(chatText()).toContain(OUTCOME);
});

test('a sense-check written in the panel is posted, and answers given in the chat show in the panel', async () => {
  const { tab } = panel;
  await tab.getByRole('button', { name: 'Ask a sense-check' }).click();
  const point = tab.getByLabel('Point 1', { exact: true });
  await point.waitFor(SOON);
  await point.fill('Booking transport takes too many phone calls');
  await world.screenshot(panel.page, 'panel-sense-check-form');
  await tab.getByRole('button', { name: 'Post in the chat' }).click();
  await tab.getByText('Your sense check is in the chat now.').waitFor(SOON);
  await chatShows('Booking transport takes too many phone calls');

  const check = tab.getByTestId('sense-check').first();
  await check.getByText(/0 (of \d+ )?answered/).waitFor(SOON);
  const posted = world.m.sent(CHAT).map((c) => cardOf(c)).find((card) => textOf(card).includes('Booking transport takes too many phone calls'));
  const answer = findAction(posted, 'senseCheck.answer');
  expect(answer).toBeDefined();
  const pressed = await world.m.press('ash', 'senseCheck.answer', { ...answer, level: 'agree', statementIndex: 0 });
  expect(pressed.status).toBe(200);
  await check.getByText(/1 (of \d+ )?answered/).waitFor(SOON);
});

test('an answer given out loud is recorded from the panel and never named in the chat', async () => {
  const { tab } = panel;
  const check = tab.getByTestId('sense-check').first();
  await check.getByRole('button', { name: 'Record an answer given out loud' }).click();
  const name = tab.getByLabel('Their name');
  await name.waitFor(SOON);
  await name.fill('Dee on the phone');
  await tab.getByRole('radio', { name: 'By phone' }).check();
  await tab.getByRole('radio', { name: 'Partly' }).check();
  await world.screenshot(panel.page, 'panel-record-answer-form');
  await tab.getByRole('button', { name: 'Save their answer' }).click();
  await tab.getByText('Answer saved').waitFor(SOON);
  await check.getByText(/2 (of \d+ )?answered/).waitFor(SOON);
  await world.m.settle();
  expect(chatText()).not.toContain('Dee on the phone');
});

test('skipping a planned break asks first, in the panel, and then takes it out of the plan', async () => {
  const { tab } = panel;
  const nextBreak = tab.getByTestId('next-break');
  const before = await nextBreak.textContent();
  await tab.getByRole('button', { name: 'Skip the next break' }).click();
  const confirm = tab.getByRole('button', { name: 'Yes, skip the break' });
  await confirm.waitFor(SOON);
  expect(await nextBreak.textContent()).toBe(before);
  await confirm.click();
  await tab.getByText(/The break is no longer in the plan/).waitFor(SOON);
  await tab.waitForFunction((old) => (globalThis as unknown as PageGlobals).document.querySelector('[data-testid="next-break"]')?.textContent !== old, before, SOON);
});

test('starting a break from the panel posts the break card and the panel shows the break', async () => {
  const { tab, page } = panel;
  await tab.getByRole('button', { name: 'Start a break' }).click();
  await tab.getByTestId('now').getByText('On a break', { exact: true }).waitFor(SOON);
  await chatShows(/break/i);
  await world.screenshot(page, 'panel-facilitator-break');
});

test('wrap up opens the wrap-up form in the panel, and the panel used only Teams calls a tab may make', async () => {
  const { tab, page } = panel;
  await tab.getByRole('button', { name: 'Wrap up' }).click();
  await tab.getByTestId('action-answer').locator('.ac-adaptiveCard').waitFor(SOON);
  const calls = (await hostCalls(page)).map((c) => c.func);
  expect(calls).toContain('authentication.getAuthToken');
  expect(calls).not.toContain('authentication.authenticate');
  // Quiet voices and counts are for facilitators: the chat holds none of their names.
  await world.m.settle();
  const quiet = await tab.getByTestId('quiet-voices').allTextContents().catch(() => []);
  for (const line of quiet.join('\n').split('\n').filter((l) => l.trim().length > 3)) expect(chatText()).not.toContain(`Not had a say yet: ${line}`);
});

/** The data of the first Action.Execute with this verb anywhere in a card. */
function findAction(card: unknown, verb: string): Record<string, unknown> | undefined {
  if (Array.isArray(card)) {
    for (const child of card) {
      const found = findAction(child, verb);
      if (found) return found;
    }
    return undefined;
  }
  if (!card || typeof card !== 'object') return undefined;
  const element = card as Record<string, unknown>;
  if (element.type === 'Action.Execute' && element.verb === verb) return (element.data as Record<string, unknown>) ?? {};
  for (const value of Object.values(element)) {
    const found = findAction(value, verb);
    if (found) return found;
  }
  return undefined;
}
