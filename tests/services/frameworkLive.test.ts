/**
 * The framework run live, through the real endpoint: the card posted once at the meeting start
 * (either casing), the facilitator's controls by button and by typed command, edits only when
 * the item, the pause or the end changes, and attendees refused without anything changing.
 */
import { cardOf, startMeeting, type MeetingHarness } from '../support/meetingHarness';
import {
  buttonData,
  buttonsOf,
  cardText,
  chatText,
  edits,
  expectNothingFacilitatorOnlyInChat,
  frameworkPosts,
  invokeMessage,
  latestFrameworkCard,
  posted,
  SESSION_KEY,
  setUpSession,
  storedPlan,
  timeMacro,
} from './frameworkKit';

let m: MeetingHarness;

beforeEach(async () => {
  m = await startMeeting();
  await setUpSession(m);
});

afterEach(async () => {
  await m.stop();
});

async function started(): Promise<Record<string, unknown>> {
  await m.meetingEvent('start');
  await m.settle();
  return latestFrameworkCard(m);
}

describe('meeting start', () => {
  test.each(['pascal', 'camel'] as const)('posts the framework card once (%s case)', async (casing) => {
    expect((await m.meetingEvent('start', { casing })).status).toBe(200);
    await m.settle();
    await m.meetingEvent('start', { casing });
    await m.settle();

    expect(frameworkPosts(m)).toHaveLength(1);
    const card = cardOf(frameworkPosts(m)[0]);
    const text = cardText(card);
    expect(text).toContain('Now: Welcome and introductions');
    // The first item is 5 minutes: "until 10:05" in each reader's own time.
    expect(text).toContain(`Until ${timeMacro(5)}`);
    expect(text).toContain('Topic 1');
    const next = buttonData(card, 'agenda.next');
    expect(next).toEqual({ sessionKey: SESSION_KEY, fromItemId: 'item-1' });
    for (const button of buttonsOf(card)) expect(button.data.sessionKey).toBe(SESSION_KEY);
    expect(edits(m)).toHaveLength(0);
  });

  test('with no session set up, posts no framework card', async () => {
    await m.stop();
    m = await startMeeting();
    await m.meetingEvent('start', { casing: 'camel' });
    await m.settle();
    expect(frameworkPosts(m)).toHaveLength(0);
  });
});

describe('live controls', () => {
  test('a double press of Next on the same card moves on once and edits the card once', async () => {
    const card = await started();
    m.clock.advance(60_000);
    const first = await m.press('fola', 'agenda.next', buttonData(card, 'agenda.next'));
    const second = await m.press('fola', 'agenda.next', buttonData(card, 'agenda.next'));
    await m.settle();

    expect(invokeMessage(first)).toBe('Moved on to: Getting to know each other');
    expect(invokeMessage(second)).toMatch(/already moved on/);
    expect((await storedPlan(m.running.app.store)).live?.currentItemId).toBe('item-2');
    expect(edits(m)).toHaveLength(1);
    expect(cardText(cardOf(edits(m)[0]))).toContain('Now: Getting to know each other');
    // The edited card's buttons name the new item, so they work once more.
    expect(buttonData(cardOf(edits(m)[0]), 'agenda.next').fromItemId).toBe('item-2');
  });

  test('typed commands do what the buttons do, with a short public confirmation; +5 does not edit the card', async () => {
    await started();

    await m.say('fola', 'extend');
    await m.settle();
    expect(edits(m)).toHaveLength(0);
    expect(posted(m, 'Added 5 minutes.')).toHaveLength(1);
    expect(chatText(posted(m, 'Added 5 minutes.')[0])).toContain(timeMacro(10));

    await m.say('fola', 'next');
    await m.settle();
    expect(edits(m)).toHaveLength(1);
    expect(posted(m, 'Moved on to: Getting to know each other')).toHaveLength(1);

    await m.say('fola', 'pause');
    await m.say('fola', 'pause');
    await m.settle();
    expect(edits(m)).toHaveLength(2);
    expect(cardText(latestFrameworkCard(m))).toContain('Paused');
    expect(buttonsOf(latestFrameworkCard(m)).map((b) => b.verb)).toContain('agenda.resume');
    expect(posted(m, 'already paused')).toHaveLength(1);

    await m.say('fola', 'resume');
    await m.say('fola', 'extend 10');
    await m.say('fola', 'back');
    await m.settle();
    expect(edits(m)).toHaveLength(4);
    expect(posted(m, 'Went back to: Welcome and introductions')).toHaveLength(1);
    expect(cardText(latestFrameworkCard(m))).toContain('Now: Welcome and introductions');

    await m.say('fola', 'end early');
    await m.settle();
    expect(edits(m)).toHaveLength(5);
    expect(cardText(latestFrameworkCard(m))).toContain('The session ended early');
    expect(buttonsOf(latestFrameworkCard(m)).map((b) => b.verb)).not.toContain('agenda.next');
    expectNothingFacilitatorOnlyInChat(m);
  });

  test('a bad number of minutes gets a short help reply and changes nothing', async () => {
    await started();
    const before = await storedPlan(m.running.app.store);
    await m.say('fola', 'extend 500');
    await m.settle();
    expect(posted(m, 'for example: extend 10')).toHaveLength(1);
    expect(await storedPlan(m.running.app.store)).toEqual(before);
  });

  test('the first `next` starts the session when the meeting start event never came', async () => {
    await m.say('fola', 'next');
    await m.settle();
    expect(frameworkPosts(m)).toHaveLength(1);
    expect(posted(m, 'The session has started. Now: Welcome and introductions')).toHaveLength(1);
    expect((await storedPlan(m.running.app.store)).live?.currentItemId).toBe('item-1');
  });

  test('an attendee typing or pressing the controls is refused politely and nothing changes', async () => {
    const card = await started();
    const before = await storedPlan(m.running.app.store);
    const sentBefore = m.sent().length;

    await m.say('ash', 'next');
    await m.say('ash', 'end early');
    const pressed = await m.press('ash', 'agenda.next', buttonData(card, 'agenda.next'));
    const skipped = await m.press('ash', 'break.start', buttonData(card, 'break.start'));
    await m.settle();

    expect(pressed.body).toMatchObject({ statusCode: 403 });
    expect(skipped.body).toMatchObject({ statusCode: 403 });
    expect(posted(m, "Only the session's facilitators can move to the next item")).toHaveLength(1);
    expect(await storedPlan(m.running.app.store)).toEqual(before);
    expect(edits(m)).toHaveLength(0);
    // Only the two refusals were sent.
    expect(m.sent().length).toBe(sentBefore + 2);
  });
});

describe('recap', () => {
  test('lists the items covered so far, with the question for a topic, and says it is not a record', async () => {
    await started();
    for (let i = 0; i < 5; i++) await m.say('fola', 'next');
    await m.say('fola', 'recap');
    await m.settle();

    const recap = posted(m, 'What we have covered so far');
    expect(recap).toHaveLength(1);
    const text = chatText(recap[0]);
    expect(text).toContain('Welcome and introductions');
    expect(text).toContain('Topic 1');
    expect(text).toContain('What works well for you now, and what would you change?');
    expect(text).toContain('not a record of what people said');
    expect(text).toContain('We are now on: Break');
    expect(text).not.toContain('Topic 2');
  });

  test('the recap button posts once for a double press, and answers the presser privately', async () => {
    const card = await started();
    const first = await m.press('fola', 'recap.show', buttonData(card, 'recap.show'));
    await m.press('fola', 'recap.show', buttonData(card, 'recap.show'));
    await m.settle();
    expect(invokeMessage(first)).toBe('The recap is in the chat now.');
    expect(posted(m, 'nothing to recap yet')).toHaveLength(1);
  });
});
