// End to end through the real Microsoft 365 Agents Playground (a local Teams): a newcomer's first
// minutes. `help` works in a personal chat, in a group chat with an @mention and in a channel;
// an un-mentioned group message gets nothing; the meeting simulator's start event reaches the bot.
import { startApp, type RunningApp } from '../support/appHarness';
import { openPlayground, type Playground } from '../support/playgroundDriver';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { sendMeetingEvent, LOCAL_MEETING_ID } = require('../../scripts/meeting.js') as typeof import('../../scripts/meeting');

let running: RunningApp;
let playground: Playground;

beforeAll(async () => {
  running = await startApp({}, { background: true });
  playground = await openPlayground(`${running.url}/api/messages`);
}, 60000);
afterAll(async () => {
  await playground?.close();
  await running?.stop();
});

const cardText = (card: unknown) => JSON.stringify(card);

test('help in the personal chat returns the help card', async () => {
  const chat = playground.config.personalChat.id;
  const before = playground.botMessages(chat).length;
  await playground.say(chat, 'help');
  const reply = await playground.waitForBotMessage(chat, before);
  expect(reply.cards).toHaveLength(1);
  expect(cardText(reply.cards[0])).toContain('What you can ask Coproduce');
  expect(cardText(reply.cards[0])).toContain('sense check <statement>');
});

test('in the group chat, an un-mentioned message gets nothing and an @mention gets the help card', async () => {
  const chat = playground.config.groupChats[0].id;
  const before = playground.botMessages(chat).length;
  await playground.say(chat, 'help');
  await new Promise((r) => setTimeout(r, 1500));
  expect(playground.botMessages(chat)).toHaveLength(before);

  await playground.say(chat, 'help', { mentionBot: true });
  const reply = await playground.waitForBotMessage(chat, before);
  expect(cardText(reply.cards[0])).toContain('What you can ask Coproduce');
  expect(playground.botMessages(chat)).toHaveLength(before + 1);
});

test('in a team channel, an @mention gets the help card in the thread', async () => {
  const channel = playground.config.teams[0].channels[0].id;
  const before = playground.botMessages(channel).length;
  await playground.say(channel, 'help', { mentionBot: true });
  const reply = await playground.waitForBotMessage(channel, before);
  expect(cardText(reply.cards[0])).toContain('What you can ask Coproduce');
});

test('the local meeting simulator starts a meeting and the bot posts the neutral set-up card', async () => {
  const chat = playground.config.groupChats[0].id;
  const before = playground.botMessages(chat).length;
  const sent = await sendMeetingEvent('start', { base: playground.url });
  expect(sent.meetingId).toBe(LOCAL_MEETING_ID);
  const reply = await playground.waitForBotMessage(chat, before);
  expect(cardText(reply.cards[0])).toContain('No co-production session has been set up for this meeting yet');
});
