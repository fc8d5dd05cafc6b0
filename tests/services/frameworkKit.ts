/**
 * Shared steps for the framework and break tests: a session for the scripted meeting (Fola sets
 * it up; Ash attends), finding the cards the bot posted in the meeting chat, and the check that
 * nothing meant for facilitators only ever reached it.
 */
import { occurrenceKey } from '../../bot/core/session';
import { saveSetup } from '../../bot/core/sessionStore';
import type { LiveState } from '../../bot/core/liveAgenda';
import type { Agenda } from '../../bot/core/agenda';
import { FRAMEWORK_TABLE } from '../../bot/services/liveFrameworkStore';
import type { Store } from '../../bot/core/ports';
import type { ConnectorCall } from '../support/fakeConnector';
import { CHAT, MEETING_ID, MEETING_START, PEOPLE, TENANT, cardOf, textOf, type InvokeResult, type MeetingHarness } from '../support/meetingHarness';

export const SESSION_KEY = occurrenceKey(MEETING_ID, MEETING_START.toISOString()) as string;
export const MINUTE = 60_000;

export async function setUpSession(m: MeetingHarness, options: { needsMoreBreaks?: boolean } = {}): Promise<void> {
  const saved = await saveSetup(
    m.running.app.store,
    {
      meetingId: MEETING_ID,
      conversationId: CHAT,
      occurrenceStart: MEETING_START.toISOString(),
      purpose: { outcome: 'Agree three changes to how transport is booked', openToUnexpected: true },
      ...(options.needsMoreBreaks ? { needsMoreBreaks: true } : {}),
    },
    { tenantId: TENANT, aadObjectId: PEOPLE.fola.aadObjectId },
    m.clock.now(),
  );
  if (!saved.ok || saved.value.sessionKey !== SESSION_KEY) throw new Error('test session was not set up');
}

/** Moves the clock to a moment of the meeting, in minutes after its start. */
export function at(m: MeetingHarness, minutesAfterStart: number): void {
  m.clock.set(new Date(MEETING_START.getTime() + minutesAfterStart * MINUTE));
}

/** The UTC time macro a card shows for a moment of the meeting. */
export function timeMacro(minutesAfterStart: number): string {
  return `{{TIME(${new Date(MEETING_START.getTime() + minutesAfterStart * MINUTE).toISOString().replace('.000Z', 'Z')})}}`;
}

/** Text with runs of white space made single, so "Now: " and a title run read as one line. */
export function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}

export function cardText(card: unknown): string {
  return flat(textOf(card));
}

export function chatText(call: ConnectorCall): string {
  return flat(`${textOf(call.body)} ${textOf(cardOf(call))}`);
}

/** New messages (not edits) in the meeting chat whose text includes `marker`. */
export function posted(m: MeetingHarness, marker: string): ConnectorCall[] {
  return m.sent(CHAT).filter((c) => c.method === 'POST' && chatText(c).includes(marker));
}

export function edits(m: MeetingHarness): ConnectorCall[] {
  return m.sent(CHAT).filter((c) => c.method === 'PUT');
}

export function frameworkPosts(m: MeetingHarness): ConnectorCall[] {
  return posted(m, "Today's plan");
}

function walk(node: unknown, visit: (record: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) node.forEach((item) => walk(item, visit));
  else if (typeof node === 'object' && node !== null) {
    visit(node as Record<string, unknown>);
    Object.values(node).forEach((value) => walk(value, visit));
  }
}

export function buttonsOf(card: unknown): { verb: string; title: string; data: Record<string, unknown> }[] {
  const found: { verb: string; title: string; data: Record<string, unknown> }[] = [];
  walk(card, (r) => {
    if (r.type === 'Action.Execute') found.push({ verb: String(r.verb), title: String(r.title), data: (r.data ?? {}) as Record<string, unknown> });
  });
  return found;
}

export function buttonData(card: unknown, verb: string): Record<string, unknown> {
  const button = buttonsOf(card).find((b) => b.verb === verb);
  if (!button) throw new Error(`no ${verb} button on the card`);
  return button.data;
}

/** The framework card as it stands now: the last edit, or the post if never edited. */
export function latestFrameworkCard(m: MeetingHarness): Record<string, unknown> {
  const calls = [...frameworkPosts(m), ...edits(m).filter((c) => chatText(c).includes("Today's plan"))];
  const card = cardOf(calls[calls.length - 1]);
  if (!card) throw new Error('no framework card in the chat');
  return card;
}

export function invokeCard(result: InvokeResult): Record<string, unknown> {
  expect(result.status).toBe(200);
  expect(result.body?.statusCode).toBe(200);
  expect(result.body?.type).toBe('application/vnd.microsoft.card.adaptive');
  return result.body?.value as Record<string, unknown>;
}

export function invokeMessage(result: InvokeResult): string {
  expect(result.status).toBe(200);
  expect(result.body?.statusCode).toBe(200);
  expect(result.body?.type).toBe('application/vnd.microsoft.activity.message');
  return String(result.body?.value);
}

export async function storedPlan(store: Store): Promise<{ agenda?: Agenda; live?: LiveState }> {
  const page = await store.query(FRAMEWORK_TABLE, SESSION_KEY);
  const row = (key: string) => page.entities.find((e) => e.rowKey === key)?.props.data;
  const agenda = row('agenda');
  const live = row('live');
  return { ...(agenda ? { agenda: JSON.parse(String(agenda)) as Agenda } : {}), ...(live ? { live: JSON.parse(String(live)) as LiveState } : {}) };
}

/** Words only a facilitator's private view ever holds (the time budget check, the skip confirmation). */
const FACILITATOR_ONLY = ['Time check', 'only you can see', 'Change the agenda?', 'Skip this break?', 'Yes, skip the break', 'The plan adds up to', 'left spare', 'without a break', 'of breaks', 'Tester'];

/** Every message and edit in the meeting chat: none of the facilitator-only words, nor the given ones. */
export function expectNothingFacilitatorOnlyInChat(m: MeetingHarness, extra: readonly string[] = []): void {
  const calls = m.sent(CHAT);
  expect(calls.length).toBeGreaterThan(0);
  for (const call of calls) {
    const text = chatText(call).toLowerCase();
    for (const secret of [...FACILITATOR_ONLY, ...extra]) expect(text).not.toContain(secret.toLowerCase());
  }
}
