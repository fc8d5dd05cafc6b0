/**
 * A test host page that plays Microsoft Teams for the tab: it is served at a Teams origin
 * (https://teams.microsoft.com, so teams-js accepts its messages and the server's frame-ancestors
 * policy lets it frame the tab), frames the built tab from the real server, and answers teams-js
 * as Teams does (teamsHostPage.js). Every other request leaving the browser is refused.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Frame, Page } from 'playwright-core';

export const HOST_ORIGIN = 'https://teams.microsoft.com';
/**
 * Where the browser sees the tab: an https origin, as in production (teams-js opens the sign-in
 * window only for https pages), passed through to the real server on loopback.
 */
export const TAB_ORIGIN = 'https://coproduce.test';
const HOST_PATH = '/_coproduce-test-host/';
const HOST_SCRIPT = fs.readFileSync(path.join(__dirname, 'teamsHostPage.js'), 'utf8');

export type FrameName = 'sidePanel' | 'content' | 'settings' | 'meetingStage';
export type TeamsTheme = 'default' | 'dark' | 'contrast' | 'glass';

/** Frame sizes Teams gives each surface (meetings design guidance). */
export const FRAME_SIZES: Readonly<Record<FrameName, { readonly width: number; readonly height: number }>> = {
  sidePanel: { width: 320, height: 900 },
  content: { width: 1100, height: 900 },
  settings: { width: 720, height: 600 },
  meetingStage: { width: 994, height: 678 },
};

export interface HostOptions {
  /** The tab page on the real server, e.g. http://127.0.0.1:1234/tab/ */
  readonly tabUrl: string;
  readonly frame: FrameName;
  readonly theme: TeamsTheme;
  /** The SSO token Teams would give; absent plays an anonymous joiner. */
  readonly token?: string;
  /** Teams reports that the person must first agree to sign in (until they do). */
  readonly consentNeeded?: boolean;
  readonly user: { readonly aadObjectId: string; readonly upn: string };
  readonly tenantId: string;
  readonly chatId: string;
  readonly meetingId: string;
  readonly width?: number;
  readonly height?: number;
}

export interface HostCall {
  readonly func: string;
  readonly args: unknown[];
}

function hostPage(options: HostOptions): string {
  const size = FRAME_SIZES[options.frame];
  const width = options.width ?? size.width;
  const height = options.height ?? size.height;
  const config = JSON.stringify({ ...options, consentNeeded: options.consentNeeded === true }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Teams (test host)</title>
<style>body{margin:0;padding:8px;background:#ebebeb}iframe{display:block;border:0;width:${width}px;height:${height}px;background:#fff}</style>
</head><body>
<iframe id="tab" title="Coproduce"></iframe>
<script>window.__hostConfig = ${config};</script>
<script>${HOST_SCRIPT}</script>
</body></html>`;
}

/**
 * Lets the browser reach only the app under test (directly on loopback, or as TAB_ORIGIN, passed
 * through to it) and the host page; every other request is refused.
 */
export async function closeTheNetwork(context: BrowserContext, serverUrl: string): Promise<void> {
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(`${serverUrl}/`)) return route.continue();
    if (url.startsWith(`${TAB_ORIGIN}/`)) {
      const response = await route.fetch({ url: `${serverUrl}${url.slice(TAB_ORIGIN.length)}`, maxRedirects: 0 });
      return route.fulfill({ response });
    }
    return route.abort('blockedbyclient');
  });
}

let opened = 0;

/** Opens the host page with the tab in its iframe and waits for the tab's document to load. */
export async function openInTeams(page: Page, options: HostOptions): Promise<Frame> {
  const url = `${HOST_ORIGIN}${HOST_PATH}?n=${++opened}`;
  await page.unroute(`${HOST_ORIGIN}${HOST_PATH}**`).catch(() => undefined);
  await page.route(`${HOST_ORIGIN}${HOST_PATH}**`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: hostPage(options) }));
  await page.goto(url);
  const element = await page.waitForSelector('#tab');
  const frame = await element.contentFrame();
  if (!frame) throw new Error('the tab did not load in the host frame');
  await frame.waitForLoadState('domcontentloaded');
  return frame;
}

export function hostCalls(page: Page): Promise<HostCall[]> {
  return page.evaluate(() => (globalThis as unknown as { __hostCalls: HostCall[] }).__hostCalls.slice());
}

/** Changes the Teams theme, as a person does in Teams' settings. */
export async function changeTheme(page: Page, theme: TeamsTheme): Promise<void> {
  await page.evaluate((name) => (globalThis as unknown as { __setTheme: (t: string) => void }).__setTheme(name), theme);
}

/** Presses Save on Teams' configuration page (adding the tab). */
export async function pressSave(page: Page): Promise<void> {
  await page.evaluate(() => (globalThis as unknown as { __pressSave: () => void }).__pressSave());
}
