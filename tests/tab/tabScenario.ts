/**
 * A running session for the tab's browser tests, set up the way the chat would: Fola (organiser)
 * sets it up naming no one else, the bot is in the meeting, Ash and Gabi have joined, the session
 * has started and a sense-check is open. Not a test file.
 */
import { saveSetup } from '../../bot/core/sessionStore';
import { CHAT, MEETING_ID, MEETING_START, PEOPLE, TENANT, type MeetingHarness } from '../support/meetingHarness';

export const OUTCOME = 'Agree three changes to how transport is booked';
export const CONTACT = 'Sam Safe on 0100 000 0000';
export const STATEMENT = 'Booking transport takes too many phone calls';

export async function runningSession(m: MeetingHarness): Promise<void> {
  const saved = await saveSetup(
    m.running.app.store,
    {
      meetingId: MEETING_ID,
      conversationId: CHAT,
      occurrenceStart: MEETING_START.toISOString(),
      purpose: { outcome: OUTCOME, openToUnexpected: true, responsible: 'The transport team', capture: 'A notetaker, no recording' },
      safeguardingContact: CONTACT,
    },
    { tenantId: TENANT, aadObjectId: PEOPLE.fola.aadObjectId },
    m.clock.now(),
  );
  if (!saved.ok) throw new Error(saved.problems.join(' '));
  await m.meetingEvent('join', { casing: 'camel', who: ['ash', 'gabi'] });
  const steps = [await m.say('fola', 'next'), await m.say('fola', `sense check ${STATEMENT}`)];
  if (steps.some((r) => r.status !== 200)) throw new Error('setting up the running session failed');
  await m.settle();
}
