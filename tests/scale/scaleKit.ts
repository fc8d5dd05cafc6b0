/**
 * Shared steps for the multi-instance tests: a store client of the test's own on the same Azure
 * Tables account, a session set up as the organiser would, consent presses shaped as Teams sends
 * them, and where the bot may write (a conversation reference). Not a test file.
 */
import { CONSENT_SCOPES, type ConsentChoice } from '../../bot/core/consentScopes';
import { ConversationBook } from '../../bot/core/conversations';
import type { Store } from '../../bot/core/ports';
import { saveSetup } from '../../bot/core/sessionStore';
import { referenceFromActivity } from '../../bot/teams/conversationReferences';
import { teamsActivity } from '../support/appHarness';
import { choiceData } from '../services/consentKit';

/** The local tenant (.m365agentsplayground.yml). */
export const TENANT = 'c0de0000-0000-4000-8000-000000000001';
export const ORGANISER_AAD = 'c0de0000-0000-4000-8000-0000000000f1';

export interface TeamsPerson {
  readonly id: string;
  readonly aadObjectId: string;
  readonly name: string;
}

/** Test person i (made-up ids, never a real person). */
export function person(i: number): TeamsPerson {
  return { id: `29:scale-${i}`, aadObjectId: `00000000-0000-4000-b000-${String(i).padStart(12, '0')}`, name: `Person ${i}` };
}

/** The organiser sets up a session for this meeting and chat; returns its session key. */
export async function setUpSession(store: Store, place: { meetingId: string; conversationId: string }, occurrenceStart = new Date()): Promise<string> {
  const saved = await saveSetup(
    store,
    { ...place, occurrenceStart: occurrenceStart.toISOString(), purpose: { outcome: 'Scale-out test session', openToUnexpected: true } },
    { tenantId: TENANT, aadObjectId: ORGANISER_AAD },
    new Date(),
  );
  if (!saved.ok) throw new Error(saved.problems.join(' '));
  return saved.value.sessionKey;
}

/** Lets the bot write to this chat through `serviceUrl`, as any inbound activity would. */
export async function rememberChat(store: Store, conversationId: string, serviceUrl: string): Promise<void> {
  const reference = referenceFromActivity({
    type: 'message',
    channelId: 'msteams',
    serviceUrl,
    conversation: { id: conversationId, conversationType: 'groupChat', tenantId: TENANT, isGroup: true, name: '' },
    recipient: { id: '28:coproduce-bot', name: 'Coproduce' },
  });
  if (!reference) throw new Error('no reference');
  await new ConversationBook(store, { hosts: [], allowLoopback: true }).remember(reference, 'active', new Date());
}

export interface Place {
  readonly conversationId: string;
  readonly meetingId: string;
  readonly sessionKey: string;
  /** Where the bot answers (the fake connector). */
  readonly serviceUrl: string;
}

/** Save pressed on the consent card with the same choice for all five scopes. */
export function consentPress(place: Place, who: TeamsPerson, choice: ConsentChoice): Record<string, unknown> {
  const answers = Object.fromEntries(CONSENT_SCOPES.map((scope) => [scope, choice]));
  return {
    ...teamsActivity(place.serviceUrl, {}),
    type: 'invoke',
    name: 'adaptiveCard/action',
    from: who,
    recipient: { id: '28:coproduce-bot', name: 'Coproduce' },
    conversation: { id: place.conversationId, conversationType: 'groupChat', isGroup: true, tenantId: TENANT },
    channelData: { tenant: { id: TENANT }, meeting: { id: place.meetingId } },
    value: { action: { type: 'Action.Execute', verb: 'consent.give', data: { sessionKey: place.sessionKey, variant: 'standard', ...choiceData(answers) } }, trigger: 'manual' },
  };
}

/** Posts an activity; the HTTP status and the invoke's own status code. */
export async function send(baseUrl: string, activity: unknown): Promise<{ status: number; statusCode?: number }> {
  const response = await fetch(`${baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  const text = await response.text();
  const body = text ? (JSON.parse(text) as { statusCode?: number }) : {};
  return { status: response.status, statusCode: body.statusCode };
}
