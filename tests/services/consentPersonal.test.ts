/**
 * Changing consent from a 1:1 chat: `consent` lists the sessions a person answered in, their own
 * form opens with their current choices, and saving there is recorded with method personalChat.
 * Someone with no answers in a session cannot use its consent card in their 1:1 chat.
 */
import { withdrawalLink } from '../../bot/services/consentAnswering';
import { sessionsOfPerson } from '../../bot/services/consentSessions';
import { expectValidTeamsCard } from '../support/cardChecks';
import { CHAT, PEOPLE, cardOf, personalChatOf, startMeeting, textOf, type MeetingHarness } from '../support/meetingHarness';
import { SESSION_KEY, answer, button, choiceData, eventsOf, everything, expectMeetingChatShowsNoWhoOrWhat, postedConsentCard, setUpSession, storedEvents, whoOfPerson } from './consentKit';

let m: MeetingHarness;

beforeEach(async () => {
  m = await startMeeting();
  await setUpSession(m);
  await m.openPersonalChats('fola', 'ash', 'gabi');
  await m.say('fola', 'consent');
  await m.settle();
});
afterEach(() => m.stop());

function lastCardIn(chat: string): Record<string, unknown> {
  const calls = m.sent(chat).filter((c) => cardOf(c));
  const card = cardOf(calls[calls.length - 1]);
  if (!card) throw new Error('no card');
  return card;
}

test('after the meeting, a person changes their mind from their 1:1 chat', async () => {
  await answer(m, 'ash', everything('agree'), postedConsentCard(m));
  m.clock.advance(3 * 60 * 60_000); // the meeting is over

  await m.say('ash', 'consent', { personal: true });
  await m.settle();
  const picker = lastCardIn(personalChatOf('ash'));
  expectValidTeamsCard(picker);
  expect(textOf(picker)).toContain('Agree three changes to how transport is booked');
  const open = button(picker, 'consent.give', 'open');
  expect(open.data.sessionKey).toBe(SESSION_KEY);

  const form = await m.press('ash', 'consent.give', open.data, { personal: true });
  expect(form.body?.statusCode).toBe(200);
  expectValidTeamsCard(form.body?.value);
  const inputs = JSON.stringify(form.body?.value);
  expect(inputs).toContain('"id":"consentRecording"');
  expect((form.body?.value as { body: { id?: string; value?: string }[] }).body.find((e) => e.id === 'consentRecording')?.value).toBe('agree');

  const saved = await answer(m, 'ash', { ...everything('agree'), recording: 'notNow' }, form.body?.value, { personal: true });
  expect(textOf(saved.body?.value)).toContain('Your choices are saved.');
  const events = await eventsOf(m, PEOPLE.ash);
  expect(events[events.length - 1]).toMatchObject({ scope: 'recording', kind: 'withdraw', method: 'personalChat' });

  await m.settle();
  expect(m.sent(personalChatOf('fola')).some((c) => textOf(c.body).includes('Someone has changed their mind'))).toBe(true);
  expectMeetingChatShowsNoWhoOrWhat(m);
  expect(m.sent(CHAT).some((c) => textOf(c.body).includes('Your choices are saved'))).toBe(false);
});

test('someone who never answered in a session cannot use its consent card in a 1:1 chat, and sees no sessions', async () => {
  const card = postedConsentCard(m);
  const pressed = await m.press('gabi', 'consent.give', { ...button(card, 'consent.give').data, ...choiceData(everything('agree')) }, { personal: true });
  expect(pressed.body).toMatchObject({ statusCode: 403 });
  expect(await storedEvents(m)).toHaveLength(0);

  await m.say('gabi', 'consent', { personal: true });
  await m.settle();
  expect(textOf(lastCardIn(personalChatOf('gabi')))).toContain('You have not answered about consent in any session yet');
});

test('sessionsOfPerson lists the sessions a person answered in, for `my data` too', async () => {
  await answer(m, 'ash', {}, postedConsentCard(m));
  const deps = { store: m.running.app.store } as Parameters<typeof sessionsOfPerson>[0];
  const sessions = await sessionsOfPerson(deps, whoOfPerson(PEOPLE.ash));
  expect(sessions.map((s) => s.sessionKey)).toEqual([SESSION_KEY]);
  expect(sessions[0].person.name).toBe('Ash Tester');
  expect(await sessionsOfPerson(deps, whoOfPerson(PEOPLE.cal))).toEqual([]);
});

test('the personal link is built from the public address when there is one', () => {
  expect(withdrawalLink('https://coproduce.example.org/', 'abc-_1')).toBe('https://coproduce.example.org/withdraw?code=abc-_1');
  expect(withdrawalLink(undefined, 'abc')).toBeUndefined();
});
