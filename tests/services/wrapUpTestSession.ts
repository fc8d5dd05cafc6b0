/**
 * A session for the notes, wrap-up and plain-English tests: Fola creates it (so Fola is a
 * facilitator), names Pria as a facilitator; Ash, Gabi and Cal attend.
 */
import { occurrenceKey } from '../../bot/core/session';
import { saveSetup } from '../../bot/core/sessionStore';
import { CHAT, MEETING_ID, MEETING_START, PEOPLE, TENANT, cardOf, textOf, type MeetingHarness } from '../support/meetingHarness';

export const sessionKey = occurrenceKey(MEETING_ID, MEETING_START.toISOString()) as string;

export async function setUpSession(m: MeetingHarness): Promise<void> {
  const saved = await saveSetup(
    m.running.app.store,
    {
      meetingId: MEETING_ID,
      conversationId: CHAT,
      occurrenceStart: MEETING_START.toISOString(),
      purpose: { outcome: 'Agree three changes to transport booking', openToUnexpected: true },
      facilitators: [{ tenantId: TENANT, aadObjectId: PEOPLE.pria.aadObjectId }],
      timeZone: 'Europe/London',
    },
    { tenantId: TENANT, aadObjectId: PEOPLE.fola.aadObjectId },
    m.clock.now(),
  );
  if (!saved.ok || saved.value.sessionKey !== sessionKey) throw new Error('test session was not set up');
}

/** Everything visible in the meeting chat (posts and edits), as text. */
export function meetingChatText(m: MeetingHarness): string {
  return m.sent(CHAT).map((call) => `${textOf(call.body)} ${textOf(cardOf(call))}`).join('\n');
}

/** Words that only ever belong in a facilitator's private view. */
export const PRIVATE_MARKERS = [/suggestion about wording/i, /Suggestion:/, /flag this again/i, /name hidden/i];

export function expectNothingPrivateIn(text: string): void {
  for (const marker of PRIVATE_MARKERS) expect(text).not.toMatch(marker);
}
