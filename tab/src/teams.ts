/**
 * The one module that talks to @microsoft/teams-js. Everything else asks it where the tab is
 * open (frame, chat, meeting), which theme to draw, and for a sign-in token.
 *
 * Outside Teams (a plain browser tab, for local testing) teams-js rejects at once when there is
 * no parent window and never answers inside a foreign frame, so the frame case is raced against
 * a timeout and the tab falls back to local mode. After a timeout no other teams-js call is made.
 */
import { app, authentication, meeting, pages } from '@microsoft/teams-js';

export type FrameKind = 'content' | 'settings' | 'sidePanel' | 'meetingStage' | 'other';
export type ThemeName = 'default' | 'dark' | 'contrast';

export interface HostPlace {
  readonly kind: 'teams' | 'local';
  readonly frame: FrameKind;
  readonly theme: ThemeName;
  /** The meeting chat (or group chat / channel) the tab is open in, as the client reports it. */
  readonly chatId?: string;
  readonly meetingId?: string;
  readonly tenantId?: string;
  readonly locale: string;
  /** Why the tab runs in local mode, for the developer's console only. */
  readonly localReason?: string;
}

const INITIALIZE_TIMEOUT_MS = 3_000;

let connecting: Promise<HostPlace> | undefined;
let inTeams = false;

/** Teams themes we draw; anything else (glass, future names) falls back to the default. */
export function themeFrom(name: string | undefined): ThemeName {
  return name === 'dark' || name === 'contrast' ? name : 'default';
}

function frameFrom(name: string | undefined): FrameKind {
  switch (name) {
    case 'content':
    case 'settings':
    case 'sidePanel':
    case 'meetingStage':
      return name;
    default:
      return 'other';
  }
}

/** Mirrors teams-js's own test: no parent, no opener and no native bridge means no host. */
function looksHosted(win: Window): boolean {
  try {
    if (win.self !== win.top) return true;
  } catch {
    return true; // a cross-origin parent cannot be read, so there is one
  }
  if (win.opener) return true;
  return (win as unknown as { nativeInterface?: unknown }).nativeInterface !== undefined;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Teams did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function localPlace(reason: string): HostPlace {
  const query = new URLSearchParams(window.location.search);
  const dark = window.matchMedia?.('(prefers-color-scheme: dark)').matches === true;
  const contrast = window.matchMedia?.('(forced-colors: active)').matches === true;
  return {
    kind: 'local',
    frame: frameFrom(query.get('frame') ?? 'content'),
    theme: themeFrom(query.get('theme') ?? (contrast ? 'contrast' : dark ? 'dark' : 'default')),
    ...(query.get('chat') ? { chatId: query.get('chat') as string } : {}),
    ...(query.get('meeting') ? { meetingId: query.get('meeting') as string } : {}),
    locale: navigator.language || 'en-GB',
    localReason: reason,
  };
}

async function connect(): Promise<HostPlace> {
  if (!looksHosted(window)) return localPlace('no Teams host around this page');
  try {
    await withTimeout(app.initialize(), INITIALIZE_TIMEOUT_MS);
  } catch (error) {
    return localPlace(error instanceof Error ? error.message : 'Teams did not start');
  }
  inTeams = true;
  const context = await app.getContext();
  // Tell Teams we drew something, so it removes its loading indicator.
  app.notifySuccess().catch(() => undefined);
  return {
    kind: 'teams',
    frame: frameFrom(context.page.frameContext),
    theme: themeFrom(context.app.theme),
    ...(context.chat?.id ? { chatId: context.chat.id } : context.channel?.id ? { chatId: context.channel.id } : {}),
    ...(context.meeting?.id ? { meetingId: context.meeting.id } : {}),
    ...(context.user?.tenant?.id ? { tenantId: context.user.tenant.id } : {}),
    locale: context.app.locale || 'en-GB',
  };
}

/** Connects to Teams once; every later call gets the same answer. */
export function connectToHost(): Promise<HostPlace> {
  connecting ??= connect();
  return connecting;
}

/** Calls back with the new theme whenever the person changes it in Teams. */
export function onThemeChange(listener: (theme: ThemeName) => void): void {
  if (!inTeams) return;
  app.registerOnThemeChangeHandler((name) => listener(themeFrom(name)));
}

export type TokenAnswer =
  | { readonly ok: true; readonly token: string }
  | { readonly ok: false; readonly needsConsent: boolean; readonly reason: string };

/** Words Teams uses when the person has not yet agreed to let the app sign them in. */
const CONSENT_NEEDED = /consent|invalid_grant|interaction_required/i;

/** The Teams SSO token for our API. Never throws. */
export async function teamsToken(): Promise<TokenAnswer> {
  if (!inTeams) return { ok: false, needsConsent: false, reason: 'not in Teams' };
  try {
    return { ok: true, token: await authentication.getAuthToken() };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, needsConsent: CONSENT_NEEDED.test(reason), reason };
  }
}

/**
 * Opens Teams' sign-in window on our consent page (only after Teams said consent is needed).
 * Resolves true when the window reported success.
 */
export async function askForConsent(pageUrl: string): Promise<boolean> {
  if (!inTeams) return false;
  try {
    await authentication.authenticate({ url: pageUrl, width: 600, height: 535 });
    return true;
  } catch {
    return false;
  }
}

/** Whether this person may share the app to the meeting stage from here. */
export function canShareToStage(): Promise<boolean> {
  if (!inTeams) return Promise.resolve(false);
  return new Promise((resolve) => {
    try {
      meeting.getAppContentStageSharingCapabilities((error, result) => resolve(!error && result?.doesAppHaveSharePermission === true));
    } catch {
      resolve(false);
    }
  });
}

/** Shares a page of ours to the meeting stage. Resolves with a plain-English problem, or undefined. */
export function shareToStage(url: string): Promise<string | undefined> {
  if (!inTeams) return Promise.resolve('Sharing to the stage works only inside a Teams meeting.');
  return new Promise((resolve) => {
    try {
      meeting.shareAppContentToStage((error) => resolve(error ? 'Teams could not share the stage view. Please try again.' : undefined), url);
    } catch {
      resolve('Teams could not share the stage view. Please try again.');
    }
  });
}

/**
 * On the configuration page (adding the tab to a meeting or chat): let Teams save it, pointing
 * at this same page. Nothing needs choosing, so it is valid at once.
 */
export function allowSavingTab(): void {
  if (!inTeams) return;
  const contentUrl = `${window.location.origin}/tab/`;
  pages.config.registerOnSaveHandler((saveEvent) => {
    pages.config
      .setConfig({ contentUrl, websiteUrl: contentUrl, entityId: 'coproduce-session', suggestedDisplayName: 'Coproduce' })
      .then(() => saveEvent.notifySuccess())
      .catch(() => saveEvent.notifyFailure('Teams could not save the tab. Please try again.'));
  });
  pages.config.setValidityState(true);
}
