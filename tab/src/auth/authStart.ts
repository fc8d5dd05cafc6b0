/**
 * First page of Teams' sign-in window, opened only when Teams said the person has not yet agreed
 * to let Coproduce sign them in. It sends them to Entra to agree to the tab's one scope; Entra
 * comes back to auth-end.html. The code Entra returns is never used: agreeing is the point, and
 * the tab then asks Teams for its usual SSO token again.
 */
import { app } from '@microsoft/teams-js';

function say(message: string): void {
  const status = document.getElementById('status');
  if (status) status.textContent = message;
}

function base64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

async function start(): Promise<void> {
  const clientId = new URLSearchParams(window.location.search).get('clientId') ?? '';
  if (!/^[0-9a-f-]{36}$/i.test(clientId)) {
    say('Coproduce is not set up for signing in here. Please tell whoever manages Coproduce for your organisation.');
    return;
  }
  await app.initialize();
  const context = await app.getContext();
  const tenant = context.user?.tenant?.id ?? 'organizations';
  const verifier = base64Url(crypto.getRandomValues(new Uint8Array(32)));
  const challenge = base64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  const state = base64Url(crypto.getRandomValues(new Uint8Array(16)));
  sessionStorage.setItem('coproduce-consent-state', state);
  const query = new URLSearchParams({
    client_id: clientId,
    response_type: 'code',
    response_mode: 'fragment',
    redirect_uri: `${window.location.origin}/tab/auth-end.html`,
    scope: `openid api://${window.location.host}/${clientId}/access_as_user`,
    prompt: 'consent',
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...(context.user?.loginHint ? { login_hint: context.user.loginHint } : {}),
  });
  window.location.assign(`https://login.microsoftonline.com/${encodeURIComponent(tenant)}/oauth2/v2.0/authorize?${query.toString()}`);
}

start().catch(() => say('Signing in could not start. Please close this window and try again.'));
