/** Last page of Teams' sign-in window: tells the tab whether the person agreed. */
import { app, authentication } from '@microsoft/teams-js';

async function finish(): Promise<void> {
  await app.initialize();
  const answer = new URLSearchParams(window.location.hash.slice(1) || window.location.search.slice(1));
  const expected = sessionStorage.getItem('coproduce-consent-state');
  sessionStorage.removeItem('coproduce-consent-state');
  if (answer.get('error')) authentication.notifyFailure(answer.get('error') ?? 'failed');
  else if (!expected || answer.get('state') !== expected) authentication.notifyFailure('state');
  else authentication.notifySuccess();
}

void finish();
