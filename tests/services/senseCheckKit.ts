/**
 * Shared steps for the sense-check tests: a session set up for the scripted meeting, reading the
 * sense-check card the bot posted, and the "nothing private reached the meeting chat" check.
 */
import { occurrenceKey } from '../../bot/core/session';
import { saveSetup } from '../../bot/core/sessionStore';
import { loadAnswers } from '../../bot/core/senseCheckStore';
import type { Answer } from '../../bot/core/senseCheck';
import { CHAT, MEETING_ID, MEETING_START, PEOPLE, TENANT, cardOf, textOf, type MeetingHarness } from '../support/meetingHarness';
import type { ConnectorCall } from '../support/fakeConnector';

export const SESSION_KEY = occurrenceKey(MEETING_ID, MEETING_START.toISOString()) as string;

/** Fola (the organiser) sets up the session; `facilitators` are other people she names. */
export async function setUpSession(m: MeetingHarness, options: { meetingId?: string; conversationId?: string } = {}): Promise<string> {
  const saved = await saveSetup(
    m.running.app.store,
    {
      meetingId: options.meetingId ?? MEETING_ID,
      conversationId: options.conversationId ?? CHAT,
      occurrenceStart: MEETING_START.toISOString(),
      purpose: { outcome: 'Agree three changes to how transport is booked', openToUnexpected: true },
    },
    { tenantId: TENANT, aadObjectId: PEOPLE.fola.aadObjectId },
    m.clock.now(),
  );
  if (!saved.ok) throw new Error(saved.problems.join(' '));
  return saved.value.sessionKey;
}

function walk(node: unknown, visit: (record: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) node.forEach((item) => walk(item, visit));
  else if (typeof node === 'object' && node !== null) {
    visit(node as Record<string, unknown>);
    Object.values(node).forEach((value) => walk(value, visit));
  }
}

/** Every Action.Execute in a card, with its verb and data. */
export function buttonsOf(card: unknown): { verb: string; title: string; data: Record<string, unknown> }[] {
  const found: { verb: string; title: string; data: Record<string, unknown> }[] = [];
  walk(card, (r) => {
    if (r.type === 'Action.Execute') found.push({ verb: String(r.verb), title: String(r.title), data: (r.data ?? {}) as Record<string, unknown> });
  });
  return found;
}

/** The sense-check cards posted (POST) in the meeting chat, oldest first. */
export function postedSenseChecks(m: MeetingHarness): { call: ConnectorCall; card: Record<string, unknown>; senseCheckId: string }[] {
  return m
    .sent(CHAT)
    .filter((c) => c.method === 'POST')
    .map((call) => ({ call, card: cardOf(call) }))
    .filter((x): x is { call: ConnectorCall; card: Record<string, unknown> } => x.card !== undefined && textOf(x.card).includes('Here is what we heard'))
    .map(({ call, card }) => ({ call, card, senseCheckId: String(buttonsOf(card).find((b) => b.verb === 'senseCheck.answer')?.data.senseCheckId) }));
}

/** The data an answer button on the card carries, with what the person typed merged in as Teams does. */
export function answerData(card: unknown, statementIndex: number, level: string, missed?: string): Record<string, unknown> {
  const button = buttonsOf(card).find((b) => b.verb === 'senseCheck.answer' && b.data.statementIndex === statementIndex && b.data.level === level);
  if (!button) throw new Error(`no ${level} button for point ${statementIndex + 1}`);
  return { ...button.data, ...(missed !== undefined ? { missed } : {}) };
}

export function edits(m: MeetingHarness): ConnectorCall[] {
  return m.sent(CHAT).filter((c) => c.method === 'PUT');
}

export function storedAnswers(m: MeetingHarness, sessionKey: string, senseCheckId: string): Promise<Answer[]> {
  return loadAnswers(m.running.app.store, sessionKey, senseCheckId);
}

/** Words that only facilitators (or the person themselves) may ever see. */
const ALWAYS_PRIVATE = ['Sense check results', 'Answers fewer people gave', 'What people said we missed', 'recorded by a facilitator', 'Tester'];

/** Every message and edit in the meeting chat: no names, no ids, none of the given private words. */
export function expectNothingPrivateInMeetingChat(m: MeetingHarness, secrets: readonly string[]): void {
  const calls = m.sent(CHAT);
  expect(calls.length).toBeGreaterThan(0);
  for (const call of calls) {
    const text = textOf(call.body);
    for (const secret of [...ALWAYS_PRIVATE, ...secrets]) expect(text).not.toContain(secret);
    const card = JSON.stringify(cardOf(call) ?? {});
    expect(card).not.toMatch(/29:|respondent|recordedBy|openedBy|person:|named:/);
    for (const p of Object.values(PEOPLE)) expect(card).not.toContain(p.aadObjectId);
  }
}
