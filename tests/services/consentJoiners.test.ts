/**
 * Late joiners: never a card per join, at most one short batched message per two-minute window,
 * and none when everyone who joined in the window has already answered.
 */
import { WELCOME_WINDOW_MS } from '../../bot/services/consentJoiners';
import { CHAT, cardOf, startMeeting, textOf, type MeetingHarness } from '../support/meetingHarness';
import { answer, everything, expectMeetingChatShowsNoWhoOrWhat, postedConsentCard, setUpSession } from './consentKit';

let m: MeetingHarness;

beforeEach(async () => {
  m = await startMeeting();
  await setUpSession(m);
});
afterEach(() => m.stop());

const welcomes = () => m.sent(CHAT).filter((c) => textOf(c.body).includes('If you have just joined'));
const consentCards = () => m.sent(CHAT).filter((c) => c.method === 'POST' && textOf(cardOf(c)).includes('Recording and notes: you choose'));

test('joins before the card is posted send nothing', async () => {
  await m.meetingEvent('join', { who: ['gabi'] });
  m.clock.advance(WELCOME_WINDOW_MS);
  await m.settle();
  expect(m.sent(CHAT)).toHaveLength(0);
});

test('one batched message per window for people who have not answered; none when every joiner already answered', async () => {
  await m.say('fola', 'consent');
  await m.settle();
  const card = postedConsentCard(m);
  await answer(m, 'ash', everything('agree'), card);

  // Window 1: only Ash joins, and Ash has answered.
  await m.meetingEvent('join', { who: ['ash'] });
  m.clock.advance(WELCOME_WINDOW_MS);
  await m.settle();
  expect(welcomes()).toHaveLength(0);

  // Window 2: three joins over a minute and a half, two of them not answered yet.
  await m.meetingEvent('join', { who: ['gabi'] });
  m.clock.advance(30_000);
  await m.meetingEvent('join', { who: ['cal', 'ash'] });
  m.clock.advance(60_000);
  await m.meetingEvent('join', { who: ['pria'] });
  await m.settle();
  expect(welcomes()).toHaveLength(0); // not before the window ends
  m.clock.advance(WELCOME_WINDOW_MS);
  await m.settle();
  expect(welcomes()).toHaveLength(1);
  expect(textOf(welcomes()[0].body)).toBe('If you have just joined: the consent card is above. You can answer it at any time.');

  // Window 3: Gabi answers, then rejoins; Cal rejoins without answering: one more message.
  await answer(m, 'gabi', {}, card);
  await m.meetingEvent('join', { who: ['gabi'] });
  await m.meetingEvent('join', { who: ['cal'] });
  m.clock.advance(WELCOME_WINDOW_MS);
  await m.settle();
  expect(welcomes()).toHaveLength(2);

  expect(consentCards()).toHaveLength(1); // never a card per join
  expectMeetingChatShowsNoWhoOrWhat(m);
});
