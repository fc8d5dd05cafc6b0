/**
 * Shared steps for the follow-up tests: a session for the scripted meeting (Fola creates it and
 * names Pria; Ash, Gabi and Cal attend), a saved wrap-up, the facilitators' private review, and
 * readers for what reached each chat, including the check that nothing from the organiser view
 * ever did.
 */
import { FacilitatorCheck } from '../../bot/core/facilitators';
import { occurrenceKey } from '../../bot/core/session';
import type { ServiceDeps } from '../../bot/services/deps';
import { saveSetup } from '../../bot/core/sessionStore';
import { FOLLOW_UP_INPUT, stepInputIds } from '../../bot/cards/wrapUpFormCard';
import type { ConnectorCall } from '../support/fakeConnector';
import { CHAT, MEETING_ID, MEETING_START, PEOPLE, TENANT, cardOf, personalChatOf, textOf, type InvokeResult, type MeetingHarness, type PersonName } from '../support/meetingHarness';

export const SESSION_KEY = occurrenceKey(MEETING_ID, MEETING_START.toISOString()) as string;
export const DIGEST_TITLE = 'What we heard: the summary of our session';
export const ROUND_TITLE = 'Here is what we heard (draft)';
export const READY_TITLE = 'A draft summary is ready';
export const MINUTE = 60_000;

export async function setUpSession(m: MeetingHarness, options: { programmeId?: string; occurrenceStart?: string; meetingId?: string } = {}): Promise<string> {
  const saved = await saveSetup(
    m.running.app.store,
    {
      meetingId: options.meetingId ?? MEETING_ID,
      conversationId: CHAT,
      occurrenceStart: options.occurrenceStart ?? MEETING_START.toISOString(),
      purpose: { outcome: 'Agree three changes to how transport is booked', openToUnexpected: true },
      facilitators: [{ tenantId: TENANT, aadObjectId: PEOPLE.pria.aadObjectId }],
      timeZone: 'Europe/London',
      ...(options.programmeId ? { programmeId: options.programmeId } : {}),
    },
    { tenantId: TENANT, aadObjectId: PEOPLE.fola.aadObjectId },
    m.clock.now(),
  );
  if (!saved.ok) throw new Error(saved.problems.join(' '));
  return saved.value.sessionKey;
}

/** Fola saves two next steps and a follow-up date, as the wrap-up form does. */
export function saveWrapUp(m: MeetingHarness, sessionKey = SESSION_KEY, formVersion = 0): Promise<InvokeResult> {
  return m.press('fola', 'wrapUp.save', {
    sessionKey,
    formVersion,
    [stepInputIds(1).what]: 'Write to the council about Sunday buses',
    [stepInputIds(1).owner]: 'Fola',
    [stepInputIds(1).due]: '2026-12-04',
    [stepInputIds(2).what]: 'Book the next session',
    [FOLLOW_UP_INPUT]: '2026-12-11',
  });
}

export function chatText(call: ConnectorCall): string {
  return `${textOf(call.body)} ${textOf(cardOf(call))}`.replace(/\s+/g, ' ');
}

/** New messages (not edits) in a conversation whose text includes `marker`. */
export function posts(m: MeetingHarness, conversationId: string, marker: string): ConnectorCall[] {
  return m.sent(conversationId).filter((c) => c.method === 'POST' && chatText(c).includes(marker));
}

/** The summary's cards in a chat: the first, and any "continued" parts after it. */
export function digestPosts(m: MeetingHarness, conversationId = CHAT): ConnectorCall[] {
  return m.sent(conversationId).filter((c) => c.method === 'POST' && /What we heard: the summary of our session|Summary continued \(part/.test(chatText(c)));
}

export function personal(m: MeetingHarness, who: PersonName): ConnectorCall[] {
  return m.sent(personalChatOf(who));
}

export function invokeCard(result: InvokeResult): Record<string, unknown> {
  if (result.body?.type !== 'application/vnd.microsoft.card.adaptive') throw new Error(`expected a card, got ${JSON.stringify(result.body)}`);
  return result.body.value as Record<string, unknown>;
}

export function invokeText(result: InvokeResult): string {
  return String(result.body?.value ?? '');
}

function walk(node: unknown, visit: (record: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) node.forEach((item) => walk(item, visit));
  else if (typeof node === 'object' && node !== null) {
    visit(node as Record<string, unknown>);
    Object.values(node).forEach((value) => walk(value, visit));
  }
}

export function buttonData(card: unknown, verb: string): Record<string, unknown> {
  let found: Record<string, unknown> | undefined;
  walk(card, (r) => {
    if (!found && r.type === 'Action.Execute' && r.verb === verb) found = (r.data ?? {}) as Record<string, unknown>;
  });
  if (!found) throw new Error(`no ${verb} button`);
  return found;
}

/** The facilitator's private review card (pressed in their 1:1 chat). */
export async function openReview(m: MeetingHarness, who: PersonName = 'fola', sessionKey = SESSION_KEY): Promise<Record<string, unknown>> {
  return invokeCard(await m.press(who, 'digest.show', { sessionKey }, { personal: true }));
}

/** Presses Approve on a review card, with its toggles as they stand (and any changes). */
export async function approve(m: MeetingHarness, review: Record<string, unknown>, who: PersonName = 'fola', inputs: Record<string, unknown> = {}): Promise<InvokeResult> {
  return m.press(who, 'digest.approve', { ...buttonData(review, 'digest.approve'), ...inputs }, { personal: true });
}

/** What the bot wrote in every message and edit it sent anywhere (text and cards, as JSON). */
export function everyOutbound(m: MeetingHarness): string[] {
  return m.fake.calls
    .filter((c) => c.method === 'POST' || c.method === 'PUT')
    .map((c) => {
      const body = (c.body ?? {}) as { text?: unknown; attachments?: unknown; summary?: unknown };
      // The envelope (recipient, conversation) is Teams addressing, not something anyone reads.
      return JSON.stringify({ text: body.text, summary: body.summary, attachments: body.attachments });
    });
}

export function expectNoneOf(m: MeetingHarness, secrets: readonly string[]): void {
  const all = everyOutbound(m);
  expect(all.length).toBeGreaterThan(0);
  for (const secret of secrets) expect(all.filter((body) => body.includes(secret))).toEqual([]);
}

export { CHAT, PEOPLE, TENANT, MEETING_START };

/** The app's own store, outbox and job store, as the tab's API would hand them to the services. */
export function servicesOf(m: MeetingHarness, publicUrl?: string): ServiceDeps {
  let n = 0;
  return {
    store: m.running.app.store,
    clock: m.clock,
    ids: { random: () => `test-id-${++n}-${Math.random().toString(36).slice(2)}` },
    outbox: m.running.app.sender.outbox,
    jobs: m.running.app.jobs.jobs,
    directory: m.directory,
    facilitators: new FacilitatorCheck(m.directory, m.clock),
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    pseudonymize: (id) => (id ? 'p_test' : undefined),
    random: () => 0.5,
    ...(publicUrl ? { publicUrl } : {}),
  };
}
