/**
 * The ladder and the organisers' channel through the real endpoint. `ladder` posts a neutral
 * prompt; only facilitators get the form (privately); everyone may give their own view; the
 * summary shows the rung, the views and the programme's trend. `connect` typed in a channel makes
 * that channel available; the summary goes there only when a facilitator ticks it, and the next
 * session of the programme offers it again.
 */
import { loadSession } from '../../bot/core/sessionStore';
import { chooseChannelForSession } from '../../bot/services/followUpChannels';
import { ladderView, placeSession } from '../../bot/services/followUpLadder';
import { postActivity, teamsActivity } from '../support/appHarness';
import { expectValidTeamsCard } from '../support/cardChecks';
import { BOT, CHAT, PEOPLE, TENANT, cardOf, startMeeting, textOf, type MeetingHarness } from '../support/meetingHarness';
import { approve, buttonData, chatText, digestPosts, invokeCard, invokeText, openReview, posts, saveWrapUp, servicesOf, SESSION_KEY, setUpSession } from './followUpKit';

const CHANNEL = '19:organisers-channel@thread.tacv2';
let m: MeetingHarness;

beforeEach(async () => {
  m = await startMeeting();
  await setUpSession(m, { programmeId: 'Transport 2026' });
  await m.openPersonalChats('fola', 'pria');
});
afterEach(() => m.stop());

function typeInChannel(who: 'fola' | 'ash', text: string): Promise<Response> {
  const person = PEOPLE[who];
  return postActivity(m.running.url, {
    ...teamsActivity(m.fake.url, {}),
    from: { id: person.id, name: person.name, aadObjectId: person.aadObjectId },
    recipient: BOT,
    conversation: { id: CHANNEL, conversationType: 'channel', isGroup: true, tenantId: TENANT },
    channelData: { tenant: { id: TENANT }, team: { id: '19:team@thread.tacv2' }, channel: { id: CHANNEL } },
    text: `<at>Coproduce</at> ${text}`,
    entities: [{ type: 'mention', text: '<at>Coproduce</at>', mentioned: BOT }],
  });
}

test('the ladder: a neutral prompt, the facilitators’ private form, everyone’s own view, and the summary shows it', async () => {
  await m.say('fola', 'ladder');
  await m.settle();
  const prompt = cardOf(posts(m, CHAT, 'Where are we on the co-production ladder?')[0]);
  expectValidTeamsCard(prompt);
  expect((await m.press('ash', 'ladder.open', buttonData(prompt, 'ladder.open'))).body).toMatchObject({ statusCode: 403 });
  const form = invokeCard(await m.press('fola', 'ladder.open', buttonData(prompt, 'ladder.open')));
  expect(textOf(form)).toContain('equal partners');
  expect(invokeText(await m.press('fola', 'ladder.place', { ...buttonData(form, 'ladder.place'), ladderRung: 'consultation', askEveryone: 'true' }))).toContain('Saved');
  await m.settle();
  const vote = cardOf(posts(m, CHAT, 'Where do you think today was?')[0]);
  expectValidTeamsCard(vote);
  for (const [who, rung] of [['ash', 'coDesign'], ['gabi', 'consultation'], ['cal', 'coDesign']] as const) {
    expect(invokeText(await m.press(who, 'ladder.vote', { ...buttonData(vote, 'ladder.vote'), ladderRung: rung }))).toContain('Your view is counted');
  }
  expect(invokeText(await m.press('cal', 'ladder.vote', { ...buttonData(vote, 'ladder.vote'), ladderRung: 'coDesign' }))).toContain('counted'); // a change, not a second vote

  await saveWrapUp(m);
  await approve(m, await openReview(m));
  await m.settle();
  const summary = chatText(digestPosts(m)[0]);
  expect(summary).toContain('Consultation (step 4 of 7)');
  expect(summary).toContain('What people taking part chose: Consultation: 1. Co-design: 2.');
  expect(summary).toContain('This is the first session of the programme on the ladder.');
  // Nobody's view is shown by name anywhere in the chat.
  expect(m.sent(CHAT).map(chatText).join(' ')).not.toMatch(/Ash Tester|Gabi Tester|Cal Tester/);
});

test('a programme’s trend follows its sessions in date order', async () => {
  const deps = servicesOf(m);
  const first = (await loadSession(m.running.app.store, SESSION_KEY))!.session;
  const laterKey = await setUpSession(m, { programmeId: 'Transport 2026', occurrenceStart: '2026-12-03T10:00:00Z' });
  const later = (await loadSession(m.running.app.store, laterKey))!.session;
  await placeSession(deps, later, 'coDesign', m.clock.now());
  await placeSession(deps, first, 'informing', m.clock.now());
  const view = await ladderView(deps, later);
  expect(view.trend.map((p) => [p.occurrence, p.rung, p.current])).toEqual([['2026-11-26', 'informing', false], ['2026-12-03', 'coDesign', true]]);
  expect(view.direction).toBe('up');
});

test('`connect` in a channel makes it available; the summary goes there only when ticked', async () => {
  await m.say('fola', 'connect');
  await m.settle();
  expect(chatText(m.sent(CHAT).at(-1)!)).toContain('You can connect a channel for session summaries in a Teams channel.');

  expect((await typeInChannel('fola', 'connect')).status).toBe(200);
  await m.settle();
  expect(chatText(m.sent(CHANNEL).at(-1)!)).toContain('This channel can now get session summaries');

  await saveWrapUp(m);
  const review = await openReview(m);
  expect(textOf(review)).toContain('Also post it in the organisers channel you connected');
  await approve(m, review, 'fola', { postToChannel: 'true' });
  await m.settle();
  expect(digestPosts(m, CHANNEL)).toHaveLength(1);
  expect(digestPosts(m, CHAT)).toHaveLength(1);
  expect(chatText(digestPosts(m, CHANNEL)[0])).toBe(chatText(digestPosts(m, CHAT)[0]));

  // The next session of the programme offers the channel again; the tab's picker refuses unknown chats.
  const deps = servicesOf(m);
  const laterKey = await setUpSession(m, { programmeId: 'Transport 2026', occurrenceStart: '2026-12-03T10:00:00Z' });
  const later = (await loadSession(m.running.app.store, laterKey))!.session;
  expect(textOf(await openReview(m, 'pria', laterKey))).toContain('Also post it in the organisers channel you connected');
  expect(await chooseChannelForSession(deps, later, '19:never-heard-of@thread.tacv2', m.clock.now())).toBe(false);
  expect(await chooseChannelForSession(deps, later, CHANNEL, m.clock.now())).toBe(true);
});

test('without a tick, nothing goes to the channel', async () => {
  await typeInChannel('fola', 'connect');
  await saveWrapUp(m);
  await approve(m, await openReview(m), 'fola', { postToChannel: 'false' });
  await m.settle();
  expect(digestPosts(m, CHANNEL)).toHaveLength(0);
  expect(digestPosts(m, CHAT)).toHaveLength(1);
});
