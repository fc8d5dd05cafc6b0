/**
 * Steps the tab's browser tests share: a meeting on the real server serving the built tab, a
 * browser with the network closed, tokens from the development sign-in, and the tab opened in
 * the test host as a given person, frame and theme. Not a test file.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { BOT, CHAT, MEETING_ID, PEOPLE, TENANT, startMeeting, type MeetingHarness, type PersonName } from '../meetingHarness';
import { postActivity, teamsActivity } from '../appHarness';
import { launchChromium, type LaunchedBrowser } from '../browser';
import { ensureBuiltTab } from './builtTab';
import { closeTheNetwork, FRAME_SIZES, openInTeams, TAB_ORIGIN, type FrameName, type HostOptions, type TeamsTheme } from './teamsHost';

export const ARTIFACTS = path.resolve(__dirname, '..', '..', '..', 'test-artifacts', 'tab');

export interface TabWorld {
  readonly m: MeetingHarness;
  readonly browser: LaunchedBrowser;
  token(who: PersonName): Promise<string>;
  /** A new page with the tab open in the test host. */
  open(who: PersonName | 'anonymous', options: Partial<Pick<HostOptions, 'frame' | 'theme' | 'consentNeeded' | 'width' | 'height'>> & { path?: string }): Promise<{ page: Page; tab: Frame }>;
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

export async function startTabWorld(): Promise<TabWorld> {
  const tabDir = ensureBuiltTab();
  const m = await startMeeting({ tabDir });
  await addTheBotToTheMeeting(m);
  const browser = await launchChromium();
  await closeTheNetwork(browser.context, m.running.url);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const tokens = new Map<string, string>();

  const token = async (who: PersonName): Promise<string> => {
    const known = tokens.get(who);
    if (known) return known;
    const response = await fetch(`${m.running.url}/api/tab/dev-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: PEOPLE[who].id }),
    });
    if (response.status !== 200) throw new Error(`development sign-in for ${who} answered ${response.status}`);
    const issued = ((await response.json()) as { token: string }).token;
    tokens.set(who, issued);
    return issued;
  };

  return {
    m,
    browser,
    token,
    open: async (who, options) => {
      const page = await browser.context.newPage();
      // A viewport as tall as the frame, so screenshots hold the whole tab.
      await page.setViewportSize({ width: 1280, height: (options.height ?? FRAME_SIZES[options.frame ?? 'sidePanel'].height) + 16 });
      const person = who === 'anonymous' ? undefined : PEOPLE[who];
      const frame: FrameName = options.frame ?? 'sidePanel';
      const theme: TeamsTheme = options.theme ?? 'default';
      const tab = await openInTeams(page, {
        tabUrl: `${TAB_ORIGIN}${options.path ?? '/tab/'}`,
        frame,
        theme,
        ...(person ? { token: await token(who as PersonName) } : {}),
        ...(options.consentNeeded ? { consentNeeded: true } : {}),
        user: { aadObjectId: person?.aadObjectId ?? '', upn: person ? `${person.key}@example.org` : '' },
        tenantId: TENANT,
        chatId: CHAT,
        meetingId: MEETING_ID,
        ...(options.width ? { width: options.width } : {}),
        ...(options.height ? { height: options.height } : {}),
      });
      return { page, tab };
    },
    screenshot: async (page, name) => {
      const file = path.join(ARTIFACTS, `${name}.png`);
      await page.locator('#tab').screenshot({ path: file });
      return file;
    },
    close: async () => {
      await browser.close();
      await m.stop();
    },
  };
}

/** The app is added to the meeting, as an organiser does in Teams: the bot can then post there. */
async function addTheBotToTheMeeting(m: MeetingHarness): Promise<void> {
  const response = await postActivity(
    m.running.url,
    teamsActivity(m.fake.url, {
      type: 'conversationUpdate',
      from: { id: PEOPLE.fola.id, name: PEOPLE.fola.name, aadObjectId: PEOPLE.fola.aadObjectId },
      recipient: BOT,
      membersAdded: [BOT],
      conversation: { id: CHAT, conversationType: 'groupChat', isGroup: true, tenantId: TENANT },
      channelData: { tenant: { id: TENANT }, meeting: { id: MEETING_ID } },
    }),
  );
  if (response.status !== 200) throw new Error(`adding the bot to the meeting answered ${response.status}`);
  await m.settle();
}
