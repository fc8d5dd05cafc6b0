/**
 * Shared steps for the consent tests: a session for the scripted meeting (Fola creates it and
 * names Pria), the consent card as posted, answering it as Teams would send the press, reading
 * the ledger back, and the check that nothing about who or what reached the meeting chat.
 */
import { CONSENT_TABLE, EVENT_PREFIX, eventFromEntity, type ConsentEvent } from '../../bot/core/consentLedger';
import { personRowKey, personFromEntity, type ConsentPerson } from '../../bot/core/consentPeople';
import { CONSENT_SCOPES, type ConsentChoice, type ConsentScope } from '../../bot/core/consentScopes';
import { occurrenceKey } from '../../bot/core/session';
import { saveSetup } from '../../bot/core/sessionStore';
import { personId } from '../../bot/core/personalChats';
import { CONSENT_INPUT_IDS } from '../../bot/cards/consentCard';
import { CHAT, MEETING_ID, MEETING_START, PEOPLE, TENANT, cardOf, textOf, type MeetingHarness, type PersonName, type TestPerson } from '../support/meetingHarness';

export const SESSION_KEY = occurrenceKey(MEETING_ID, MEETING_START.toISOString()) as string;
export const CONTACT = 'Sam Lee, 0161 496 0000';

export async function setUpSession(m: MeetingHarness, options: { meetingId?: string; conversationId?: string } = {}): Promise<string> {
  const saved = await saveSetup(
    m.running.app.store,
    {
      meetingId: options.meetingId ?? MEETING_ID,
      conversationId: options.conversationId ?? CHAT,
      occurrenceStart: MEETING_START.toISOString(),
      purpose: { outcome: 'Agree three changes to how transport is booked', openToUnexpected: true },
      facilitators: [{ tenantId: TENANT, aadObjectId: PEOPLE.pria.aadObjectId }],
      safeguardingContact: CONTACT,
    },
    { tenantId: TENANT, aadObjectId: PEOPLE.fola.aadObjectId },
    m.clock.now(),
  );
  if (!saved.ok) throw new Error(saved.problems.join(' '));
  return saved.value.sessionKey;
}

type Button = { verb: string; title: string; data: Record<string, unknown> };

function walk(node: unknown, visit: (record: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) node.forEach((item) => walk(item, visit));
  else if (typeof node === 'object' && node !== null) {
    visit(node as Record<string, unknown>);
    Object.values(node).forEach((value) => walk(value, visit));
  }
}

export function buttonsOf(card: unknown): Button[] {
  const found: Button[] = [];
  walk(card, (r) => {
    if (r.type === 'Action.Execute') found.push({ verb: String(r.verb), title: String(r.title), data: (r.data ?? {}) as Record<string, unknown> });
  });
  return found;
}

export function button(card: unknown, verb: string, step?: string): Button {
  const found = buttonsOf(card).find((b) => b.verb === verb && (step === undefined || b.data.step === step));
  if (!found) throw new Error(`no ${verb} button`);
  return found;
}

/** The standing consent card as posted in the meeting chat (the first POST that is one). */
export function postedConsentCard(m: MeetingHarness): Record<string, unknown> {
  const post = m.sent(CHAT).find((c) => c.method === 'POST' && textOf(cardOf(c)).includes('Recording and notes: you choose'));
  const card = post && cardOf(post);
  if (!card) throw new Error('no consent card in the meeting chat');
  return card;
}

export type Answers = Partial<Record<ConsentScope, ConsentChoice>>;

/** The five inputs as Teams merges them into the Save button's data; unset ones at "Not now". */
export function choiceData(answers: Answers): Record<string, string> {
  return Object.fromEntries(CONSENT_SCOPES.map((s) => [CONSENT_INPUT_IDS[s], answers[s] ?? 'notNow']));
}

/** Presses Save on a card (the posted one by default) with these answers. */
export function answer(m: MeetingHarness, who: PersonName | TestPerson, answers: Answers, card?: unknown, options: { personal?: boolean } = {}) {
  const save = button(card ?? postedConsentCard(m), 'consent.give');
  return m.press(who, 'consent.give', { ...save.data, ...choiceData(answers) }, options);
}

export const everything = (choice: ConsentChoice): Answers => Object.fromEntries(CONSENT_SCOPES.map((s) => [s, choice]));

export function whoOfPerson(p: TestPerson): string {
  return personId({ tenantId: TENANT, aadObjectId: p.aadObjectId });
}

export async function personRow(m: MeetingHarness, p: TestPerson, sessionKey = SESSION_KEY): Promise<ConsentPerson | undefined> {
  const entity = await m.running.app.store.get(CONSENT_TABLE, sessionKey, personRowKey(whoOfPerson(p)));
  return entity ? personFromEntity(entity) : undefined;
}

export async function storedEvents(m: MeetingHarness, sessionKey = SESSION_KEY): Promise<ConsentEvent[]> {
  const page = await m.running.app.store.query(CONSENT_TABLE, sessionKey, { rowKeyPrefix: EVENT_PREFIX });
  return page.entities.map(eventFromEntity).filter((e): e is NonNullable<typeof e> => e !== undefined);
}

export async function eventsOf(m: MeetingHarness, p: TestPerson, sessionKey = SESSION_KEY): Promise<ConsentEvent[]> {
  const person = await personRow(m, p, sessionKey);
  if (!person) return [];
  return (await storedEvents(m, sessionKey)).filter((e) => e.subjectId === person.subjectId).sort((a, b) => a.seq - b.seq);
}

const NAMES = /\b(Fola|Pria|Ash|Gabi|Cal|Tester|Guest \d+)\b/;
const WHAT = /said no|said not now|not clear|clear to record|changed their mind|no longer agree/i;

/** Every POST and PUT to the meeting chat: never a name, an id, a code or who said what. */
export function expectMeetingChatShowsNoWhoOrWhat(m: MeetingHarness, secrets: readonly string[] = []): void {
  const calls = m.sent(CHAT);
  expect(calls.length).toBeGreaterThan(0);
  for (const call of calls) {
    const shown = textOf(call.body);
    expect(shown).not.toMatch(NAMES);
    expect(shown).not.toMatch(WHAT);
    for (const secret of secrets) expect(shown).not.toContain(secret);
    // What people read: the text and the card (the reply's addressing names the sender, as Teams does).
    const body = (call.body ?? {}) as { text?: unknown; attachments?: unknown };
    const raw = JSON.stringify([body.text, body.attachments]);
    for (const p of Object.values(PEOPLE)) {
      expect(raw).not.toContain(p.aadObjectId);
      expect(raw).not.toContain(p.id);
    }
  }
}
