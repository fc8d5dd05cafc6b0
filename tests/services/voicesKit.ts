/**
 * Shared set-up for the voices tests: a meeting with a session (Fola created it and named Pria),
 * join events that carry display names as Teams sends them, and readers for what reached the
 * meeting chat and the facilitators' 1:1 chats.
 */
import { saveSetup } from '../../bot/core/sessionStore';
import { postActivity, teamsActivity } from '../support/appHarness';
import {
  BOT,
  cardOf,
  CHAT,
  MEETING_ID,
  MEETING_START,
  PEOPLE,
  personalChatOf,
  startMeeting,
  TENANT,
  textOf,
  type InvokeResult,
  type MeetingHarness,
  type PersonName,
} from '../support/meetingHarness';

export interface VoicesMeeting {
  readonly m: MeetingHarness;
  readonly sessionKey: string;
}

export async function meetingWithSession(options: { countChat?: boolean; safeguardingContact?: string } = {}): Promise<VoicesMeeting> {
  const m = await startMeeting();
  const saved = await saveSetup(
    m.running.app.store,
    {
      meetingId: MEETING_ID,
      conversationId: CHAT,
      occurrenceStart: MEETING_START.toISOString(),
      purpose: { outcome: 'Agree three changes to how people book transport', openToUnexpected: true },
      facilitators: [{ tenantId: TENANT, aadObjectId: PEOPLE.pria.aadObjectId }],
      ...(options.safeguardingContact ? { safeguardingContact: options.safeguardingContact } : {}),
      countChat: options.countChat ?? false,
    },
    { tenantId: TENANT, aadObjectId: PEOPLE.fola.aadObjectId },
    m.clock.now(),
  );
  if (!saved.ok) throw new Error(saved.problems.join(' '));
  return { m, sessionKey: saved.value.sessionKey };
}

/** A join or leave event whose members carry names, as real Teams payloads do (PascalCase or camelCase). */
export function namedMeetingEvent(m: MeetingHarness, kind: 'join' | 'leave', who: readonly PersonName[], casing: 'pascal' | 'camel'): Promise<Response> {
  const k = (name: string) => (casing === 'pascal' ? name[0].toUpperCase() + name.slice(1) : name);
  const members = who.map((n) => ({
    [k('user')]: { [k('id')]: PEOPLE[n].id, [k('aadObjectId')]: PEOPLE[n].aadObjectId, [k('name')]: PEOPLE[n].name },
    [k('meeting')]: { [k('role')]: PEOPLE[n].role, [k('inMeeting')]: kind === 'join' },
  }));
  return postActivity(m.running.url, {
    ...teamsActivity(m.fake.url, {}),
    type: 'event',
    name: `application/vnd.microsoft.meetingparticipant${kind}`,
    from: { id: PEOPLE.fola.id, aadObjectId: PEOPLE.fola.aadObjectId },
    recipient: BOT,
    timestamp: m.clock.now().toISOString(),
    conversation: { id: CHAT, conversationType: 'groupChat', isGroup: true, tenantId: TENANT },
    channelData: { tenant: { id: TENANT }, meeting: { id: MEETING_ID } },
    value: { [k('members')]: members },
  });
}

/** Everything the bot posted or edited in the meeting chat, as text. */
export function meetingChatText(m: MeetingHarness): string {
  return m.sent(CHAT).map((call) => textOf(call.body)).join('\n');
}

const openedAt = new WeakMap<MeetingHarness, Map<PersonName, number>>();

/** Opens people's 1:1 chats with the bot; what it says back there ("hello" gets help) is not counted later. */
export async function openChats(m: MeetingHarness, ...who: PersonName[]): Promise<void> {
  await m.openPersonalChats(...who);
  await m.settle();
  const marks = openedAt.get(m) ?? new Map<PersonName, number>();
  for (const n of who) marks.set(n, m.sent(personalChatOf(n)).length);
  openedAt.set(m, marks);
}

/** Cards that reached this person's 1:1 chat since it was opened. */
export function privateCards(m: MeetingHarness, who: PersonName): Record<string, unknown>[] {
  return m.sent(personalChatOf(who)).slice(openedAt.get(m)?.get(who) ?? 0).flatMap((call) => {
    const card = cardOf(call);
    return card ? [card] : [];
  });
}

/** The card an invoke answered with (seen only by the presser), or undefined. */
export function invokeCard(result: InvokeResult): Record<string, unknown> | undefined {
  return result.body?.type === 'application/vnd.microsoft.card.adaptive' ? (result.body.value as Record<string, unknown>) : undefined;
}

/** The message an invoke answered with, or undefined. */
export function invokeMessage(result: InvokeResult): string | undefined {
  return result.body?.type === 'application/vnd.microsoft.activity.message' ? String(result.body.value) : undefined;
}

/** The Action.Execute buttons on a card. */
export function buttonsOf(card: unknown): { verb: string; title: string; data: Record<string, unknown> }[] {
  const out: { verb: string; title: string; data: Record<string, unknown> }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.type === 'Action.Execute') out.push({ verb: String(record.verb), title: String(record.title), data: (record.data ?? {}) as Record<string, unknown> });
      Object.values(record).forEach(walk);
    }
  };
  walk(card);
  return out;
}

/** Every name and id of the test people: none may ever reach the meeting chat from these features. */
export function identitiesOf(...who: PersonName[]): string[] {
  return who.flatMap((n) => [PEOPLE[n].name, PEOPLE[n].id, PEOPLE[n].aadObjectId]);
}
