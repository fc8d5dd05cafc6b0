/**
 * Plain-English suggestions through the real endpoint: they reach only the facilitators' 1:1
 * chats, never the meeting chat; "don't flag this again" turns one suggestion off for the rest of
 * the session (others still come); attendees cannot turn suggestions off.
 */
import { FacilitatorCheck } from '../../bot/core/facilitators';
import { loadSession } from '../../bot/core/sessionStore';
import type { ServiceDeps } from '../../bot/services/deps';
import { warnAboutWording } from '../../bot/services/wrapUp';
import { expectValidTeamsCard } from '../support/cardChecks';
import { CHAT, cardOf, personalChatOf, startMeeting, textOf, type MeetingHarness, type PersonName } from '../support/meetingHarness';
import { expectNothingPrivateIn, meetingChatText, sessionKey, setUpSession } from './wrapUpTestSession';

let m: MeetingHarness;

beforeEach(async () => {
  m = await startMeeting();
  await setUpSession(m);
});
afterEach(() => m.stop());

/** The app's own store and outbox, as another area's service would be handed them. */
function servicesOf(h: MeetingHarness): ServiceDeps {
  const logs: unknown[] = [];
  const logger = { info: (f: unknown) => logs.push(f), warn: (f: unknown) => logs.push(f), error: (f: unknown) => logs.push(f) };
  return {
    store: h.running.app.store,
    clock: h.clock,
    ids: { random: () => 'test-id' },
    outbox: h.running.app.sender.outbox,
    jobs: { schedule: async () => ({ scheduled: false }) },
    directory: h.directory,
    facilitators: new FacilitatorCheck(h.directory, h.clock),
    logger,
    pseudonymize: (id) => (id ? 'p_test' : undefined),
    random: () => 0.5,
  };
}

/** Suggestion cards in a person's 1:1 chat (opening the chat also got them the help card). */
function privateCards(who: PersonName) {
  return m.sent(personalChatOf(who)).map((call) => cardOf(call)).filter((card) => textOf(card).includes('A suggestion about wording'));
}

function ignoreButtons(card: Record<string, unknown> | undefined): { rule: string }[] {
  const found: { rule: string }[] = [];
  JSON.stringify(card, (key, value: unknown) => {
    const action = value as { verb?: string; data?: { rule: string } };
    if (action && typeof action === 'object' && action.verb === 'plainEnglish.ignore' && action.data) found.push(action.data);
    return value;
  });
  return found;
}

test('a suggestion about a note reaches only the facilitators\' 1:1 chats, never the meeting chat', async () => {
  await m.openPersonalChats('fola', 'pria', 'ash');
  await m.say('fola', 'note The service users want earlier buses');
  await m.settle();

  for (const who of ['fola', 'pria'] as const) {
    const cards = privateCards(who);
    expect(cards).toHaveLength(1);
    expectValidTeamsCard(cards[0]);
    expect(textOf(cards[0])).toContain('service users');
    expect(textOf(cards[0])).toContain('people who draw on care and support');
    expect(ignoreButtons(cards[0])).toEqual([expect.objectContaining({ rule: 'label.serviceUsers', sessionKey })]);
  }
  const chat = meetingChatText(m);
  expect(m.sent(CHAT).map((c) => textOf(c.body))).toEqual(['Note saved.']);
  expectNothingPrivateIn(chat);
  expect(chat).not.toContain('people who draw on care');
  // An attendee's 1:1 chat gets nothing either (only the help card from saying hello).
  expect(privateCards('ash')).toHaveLength(0);
  expect(m.sent(personalChatOf('ash'))).toHaveLength(1);
});

test('after "don\'t flag this again", the same suggestion is not sent again in this session; others still are', async () => {
  await m.openPersonalChats('fola');
  await m.say('fola', 'note The service users want earlier buses');
  await m.settle();
  const [first] = privateCards('fola');
  const [button] = ignoreButtons(first);

  const ignored = await m.press('fola', 'plainEnglish.ignore', { ...button }, { personal: true });
  expect(ignored.body).toMatchObject({ statusCode: 200, value: 'Coproduce will not flag this again in this session.' });
  const again = await m.press('fola', 'plainEnglish.ignore', { ...button }, { personal: true });
  expect(again.body).toMatchObject({ statusCode: 200 });

  await m.say('fola', 'note Service users asked about the timetable');
  await m.settle();
  expect(privateCards('fola')).toHaveLength(1); // nothing new

  await m.say('fola', 'note Service users and the ICB will meet in January');
  await m.settle();
  const cards = privateCards('fola');
  expect(cards).toHaveLength(2);
  expect(ignoreButtons(cards[1]).map((b) => b.rule)).toEqual(['acronym.ICB']);
  expectNothingPrivateIn(meetingChatText(m));
});

test('an attendee cannot turn a suggestion off, and a made-up rule changes nothing', async () => {
  await m.openPersonalChats('fola');
  const attendee = await m.press('ash', 'plainEnglish.ignore', { sessionKey, rule: 'label.serviceUsers' });
  expect(attendee.body).toMatchObject({ statusCode: 403 });
  const inTheirOwnChat = await m.press('ash', 'plainEnglish.ignore', { sessionKey, rule: 'label.serviceUsers' }, { personal: true });
  expect(inTheirOwnChat.body).toMatchObject({ statusCode: 403 });
  const madeUp = await m.press('fola', 'plainEnglish.ignore', { sessionKey, rule: 'Fred said something rude' }, { personal: true });
  expect(madeUp.body).toMatchObject({ value: 'That suggestion was not recognised, so nothing changed.' });

  await m.say('fola', 'note The service users want earlier buses');
  await m.settle();
  expect(privateCards('fola')).toHaveLength(1); // still flagged
});

test('other areas can check their own texts: a facilitator who cannot be reached privately gets nothing in the meeting chat', async () => {
  const stored = await loadSession(m.running.app.store, sessionKey);
  if (!stored) throw new Error('no session');
  const outcome = await warnAboutWording(servicesOf(m), stored.session, [{ where: 'The purpose', text: 'Help the hard to reach groups and the PCN.' }], m.clock.now());
  expect(outcome.findings).toBe(2);
  expect(outcome.delivery?.reached).toEqual([]);
  expect(outcome.delivery?.unreachable).toHaveLength(2);
  await m.settle();
  expect(m.sent()).toHaveLength(0);

  await m.openPersonalChats('pria');
  const clean = await warnAboutWording(servicesOf(m), stored.session, [{ where: 'The purpose', text: 'Agree three changes to the bus times.' }], m.clock.now());
  expect(clean).toEqual({ findings: 0 });
  const flagged = await warnAboutWording(servicesOf(m), stored.session, [{ where: 'The purpose', text: 'Help the hard to reach groups.' }], m.clock.now());
  expect(flagged.delivery?.reached).toHaveLength(1);
  await m.settle();
  expect(textOf(privateCards('pria')[0])).toContain('The purpose');
  expect(m.sent(CHAT)).toHaveLength(0);
});
