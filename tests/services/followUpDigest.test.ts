/**
 * The digest through the real endpoint: a draft at wrap-up (and refreshed 30 minutes after the
 * planned end), private to the facilitators, never in the meeting chat until a facilitator
 * approves the version they saw; then one summary in the chat however Teams stumbles (429 with
 * Retry-After, 500), thank-yous to people the bot can reach, and nothing more on a second press.
 */
import { startApp, type RunningApp } from '../support/appHarness';
import { expectValidTeamsCard } from '../support/cardChecks';
import { CHAT, cardOf, personalChatOf, startMeeting, textOf, type MeetingHarness } from '../support/meetingHarness';
import { answer as answerConsent } from './consentKit';
import {
  approve,
  buttonData,
  chatText,
  digestPosts,
  invokeCard,
  invokeText,
  MEETING_START,
  MINUTE,
  openReview,
  personal,
  posts,
  READY_TITLE,
  ROUND_TITLE,
  saveWrapUp,
  SESSION_KEY,
  setUpSession,
} from './followUpKit';

let m: MeetingHarness;

beforeEach(async () => {
  m = await startMeeting({ env: { PUBLIC_URL: 'https://coproduce.example' } });
  await setUpSession(m);
  await m.openPersonalChats('fola', 'pria', 'ash', 'gabi');
  await m.meetingEvent('start', { casing: 'camel' });
  await m.settle();
});
afterEach(() => m.stop());

/** The review item showing these words, from its "Share this" switch. */
function itemIdOf(card: unknown, words: string): string {
  const containers = (JSON.parse(JSON.stringify(card)) as { body: { type: string; items?: { id?: string }[] }[] }).body.filter((e) => e.type === 'Container');
  const found = containers.find((c) => textOf(c).includes(words));
  const toggle = found?.items?.find((i) => i.id?.startsWith('show.'));
  if (!toggle?.id) throw new Error('no such item');
  return toggle.id.slice('show.'.length);
}

async function noteAndWrapUp(): Promise<void> {
  await m.say('pria', 'note Drivers need more training');
  expect(invokeText(await saveWrapUp(m))).toContain('saved');
  await m.settle();
}

test('a draft is made at wrap-up and refreshed after the planned end, but nothing reaches the chat unapproved', async () => {
  await noteAndWrapUp();
  expect(posts(m, personalChatOf('fola'), READY_TITLE)).toHaveLength(1);
  expect(posts(m, personalChatOf('pria'), READY_TITLE)).toHaveLength(1);
  expect(posts(m, personalChatOf('ash'), READY_TITLE)).toHaveLength(0);

  m.clock.set(new Date(MEETING_START.getTime() + 151 * MINUTE)); // two hours, then 31 minutes
  await m.settle();
  const review = await openReview(m, 'pria');
  expect(JSON.stringify(buttonData(review, 'digest.approve'))).toContain('"version":2');
  expect(posts(m, personalChatOf('fola'), READY_TITLE)).toHaveLength(1); // no second nudge

  // Nobody else can approve, anywhere.
  const data = buttonData(review, 'digest.approve');
  expect((await m.press('ash', 'digest.approve', data, { personal: true })).body).toMatchObject({ statusCode: 403 });
  expect((await m.press('ash', 'digest.approve', data)).body).toMatchObject({ statusCode: 403 });
  expect((await m.press('fola', 'digest.approve', data)).body).toMatchObject({ statusCode: 403 }); // not in a shared chat
  await m.say('ash', 'digest', { personal: true });
  await m.settle();
  expect(chatText(personal(m, 'ash').at(-1)!)).toContain('There is no draft summary yet');
  expect(digestPosts(m)).toHaveLength(0);
  expect(posts(m, CHAT, ROUND_TITLE)).toHaveLength(0);
});

test('`digest` in a 1:1 chat opens the draft privately; hiding an item keeps it out of the summary', async () => {
  await m.say('pria', 'note Something that needs care before it is shared');
  await noteAndWrapUp();
  await m.say('fola', 'digest', { personal: true });
  await m.settle();
  const reply = cardOf(personal(m, 'fola').at(-1)!);
  expectValidTeamsCard(reply);
  expect(textOf(reply)).toContain('Check the summary before it is shared');
  expect(textOf(reply)).toContain('Something that needs care');

  const review = await openReview(m);
  const hiding = { ...buttonData(review, 'digest.review') };
  const careId = itemIdOf(review, 'Something that needs care');
  const saved = invokeCard(await m.press('fola', 'digest.review', { ...hiding, [`show.${careId}`]: 'false', ladderRung: 'consultation' }, { personal: true }));
  expect(textOf(saved)).toContain('Your choices are saved.');
  expect(textOf(saved)).toContain('1 items are hidden.');

  expect(invokeText(await approve(m, saved))).toContain('being shared now');
  await m.settle();
  const [summary] = digestPosts(m);
  expectValidTeamsCard(cardOf(summary));
  expect(chatText(summary)).not.toContain('Something that needs care');
  expect(chatText(summary)).toContain('Consultation (step 4 of 7)');
  expect(JSON.stringify(cardOf(summary))).toContain('https://coproduce.example/digest/');

  // The Markdown link serves the published summary, and nothing else answers.
  const link = JSON.stringify(cardOf(summary)).match(/https:\/\/coproduce\.example(\/digest\/[A-Za-z0-9_-]+\.md)/);
  expect(link).not.toBeNull();
  const markdown = await fetch(`${m.running.url}${link![1]}`);
  expect(markdown.status).toBe(200);
  expect(markdown.headers.get('content-type')).toContain('text/markdown');
  const body = await markdown.text();
  expect(body).toContain('Consultation');
  expect(body).not.toContain('Something that needs care');
  expect((await fetch(`${m.running.url}/digest/${'x'.repeat(43)}.md`)).status).toBe(404);
});

test('approval sends the summary once, through a 429 with Retry-After and a 500, and a second press sends nothing', async () => {
  await noteAndWrapUp();
  const review = await openReview(m, 'pria');
  m.fake.script([
    { status: 429, headers: { 'Retry-After': '1' }, body: { error: { code: 'Throttled' } }, method: 'POST', conversationId: CHAT },
    { status: 500, body: { error: { code: 'ServiceError' } }, method: 'POST', conversationId: CHAT },
  ]);
  const [first, second] = await Promise.all([approve(m, review, 'pria'), approve(m, review, 'fola')]);
  expect([invokeText(first), invokeText(second)].sort()).toEqual([
    'Thank you. The summary is being shared now, and people who took part will get a thank-you.',
    'This summary has been shared already.',
  ]);
  await m.settle();
  await m.settle();
  // Three attempts reached Teams: refused, failed, accepted. One summary in the chat.
  expect(digestPosts(m)).toHaveLength(3);
  expect(await m.running.app.sender.outbox.statusOf(CHAT, `digest|${SESSION_KEY}|part1`)).toMatchObject({ status: 'delivered' });

  expect(invokeText(await approve(m, review, 'fola'))).toBe('This summary has been shared already.');
  m.clock.advance(10 * MINUTE);
  await m.settle();
  expect(digestPosts(m)).toHaveLength(3);
  expect(posts(m, personalChatOf('pria'), 'The session summary has been shared')).toHaveLength(1);
});

test('people the bot can reach are thanked for their own answers, once, with no one else’s', async () => {
  await answerConsent(m, 'ash', { named: 'agree' });
  await answerConsent(m, 'cal', { named: 'agree' });
  await m.press('ash', 'purpose.answer', { sessionKey: SESSION_KEY, answer: 'partly', purposeReason: 'We ran out of time' });
  await m.press('gabi', 'purpose.answer', { sessionKey: SESSION_KEY, answer: 'yes' });
  await noteAndWrapUp();
  const review = await openReview(m);
  await approve(m, review);
  await approve(m, review);
  await m.settle();
  const thanks = (who: 'ash' | 'gabi') => posts(m, personalChatOf(who), 'Thank you for taking part');
  expect(thanks('ash')).toHaveLength(1);
  expect(thanks('gabi')).toHaveLength(1);
  expect(chatText(thanks('ash')[0])).toContain('We ran out of time');
  expect(chatText(thanks('gabi')[0])).not.toContain('We ran out of time');
  expectValidTeamsCard(cardOf(thanks('ash')[0]));
  // Cal has no 1:1 chat: nothing can reach them, and no facilitator is thanked as a participant.
  expect(personal(m, 'cal')).toHaveLength(0);
  expect(posts(m, personalChatOf('fola'), 'Thank you for taking part')).toHaveLength(0);
});

test('a "here is what we heard" round goes to the group as a draft first, once, and approval still follows', async () => {
  await noteAndWrapUp();
  const review = await openReview(m);
  expect(invokeText(await m.press('fola', 'digest.round', buttonData(review, 'digest.round'), { personal: true }))).toContain('The draft is in the meeting chat');
  expect(invokeText(await m.press('fola', 'digest.round', buttonData(review, 'digest.round'), { personal: true }))).toContain('already');
  await m.settle();
  expect(posts(m, CHAT, ROUND_TITLE)).toHaveLength(1);
  expect(digestPosts(m)).toHaveLength(0);
  await approve(m, await openReview(m));
  await m.settle();
  expect(digestPosts(m)).toHaveLength(1);
});

describe('a restart between the start and the planned end', () => {
  let second: RunningApp | undefined;
  afterEach(async () => {
    await second?.stop();
    second = undefined;
  });

  test('the timed draft is still made, once, and the facilitators are told', async () => {
    m.clock.set(new Date(MEETING_START.getTime() + 60 * MINUTE));
    await m.running.app.stop();
    second = await startApp({ PUBLIC_URL: 'https://coproduce.example' }, { dataDir: m.running.dataDir, clock: m.clock, directory: m.directory, background: false });
    const settleSecond = async () => {
      for (let round = 0; round < 10; round++) {
        const jobs = await second!.app.jobs.runDueOnce();
        const sends = await second!.app.sender.drainOnce();
        if (jobs.done + jobs.dropped + jobs.retried + jobs.failed + sends.delivered + sends.dropped + sends.failed === 0) return;
      }
    };
    m.clock.set(new Date(MEETING_START.getTime() + 149 * MINUTE));
    await settleSecond();
    expect(posts(m, personalChatOf('fola'), READY_TITLE)).toHaveLength(0);
    m.clock.set(new Date(MEETING_START.getTime() + 151 * MINUTE));
    await settleSecond();
    await settleSecond();
    expect(posts(m, personalChatOf('fola'), READY_TITLE)).toHaveLength(1);
    expect(posts(m, personalChatOf('pria'), READY_TITLE)).toHaveLength(1);
    expect(await second.app.jobs.jobs.find(`digestDraft|${SESSION_KEY}`)).toMatchObject({ status: 'done' });
    expect(digestPosts(m)).toHaveLength(0);
  });
});
