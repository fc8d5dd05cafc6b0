// End to end through the real Microsoft 365 Agents Playground (a local Teams), in its group chat
// that stands in for the local meeting (local-meeting-1): the organiser, the Playground's own user,
// has a session; she posts a sense check, answers it by pressing the card's button through the
// Playground, sees her own answer, closes it, and the chat's card shows the split and nothing private.
import WebSocket from 'ws';
import { saveSetup } from '../../bot/core/sessionStore';
import { startApp, type RunningApp } from '../support/appHarness';
import { openPlayground, type Playground } from '../support/playgroundDriver';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { LOCAL_MEETING_ID } = require('../../scripts/meeting.js') as typeof import('../../scripts/meeting');

/** A message or an edit the Playground shows in a chat, with the id a button press replies to. */
interface ChatEvent {
  readonly action: 'createMessage' | 'updateMessage';
  readonly conversationId: string;
  readonly messageId: string;
  readonly fromId: string;
  readonly cards: readonly Record<string, unknown>[];
}

let running: RunningApp;
let playground: Playground;
let socket: WebSocket;
const events: ChatEvent[] = [];

beforeAll(async () => {
  running = await startApp({}, { background: true });
  playground = await openPlayground(`${running.url}/api/messages`);
  // Our own view of the Playground's stream: the driver keeps new messages only, and we need
  // message ids (to press a card's button) and edits (to see the tally change).
  socket = new WebSocket(`${playground.url.replace('http', 'ws')}/_ws_conversation/v1/conversations/stream`);
  socket.on('message', (raw) => {
    const event = JSON.parse(String(raw)) as {
      action: string;
      actionConversationId: string;
      message?: { messageId?: string; id?: string; from?: { id: string }; attachments?: { contentType: string; content: Record<string, unknown> }[] };
    };
    if ((event.action !== 'createMessage' && event.action !== 'updateMessage') || !event.message) return;
    events.push({
      action: event.action,
      conversationId: event.actionConversationId,
      messageId: String(event.message.messageId ?? event.message.id ?? ''),
      fromId: event.message.from?.id ?? '',
      cards: (event.message.attachments ?? []).filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive').map((a) => a.content),
    });
  });
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
}, 60000);

afterAll(async () => {
  socket?.close();
  await playground?.close();
  await running?.stop();
});

async function waitFor<T>(find: () => T | undefined, what: string, timeoutMs = 10000): Promise<T> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const found = find();
    if (found !== undefined) return found;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the Playground did not show ${what} in time`);
}

function buttons(card: unknown): { verb: string; data: Record<string, unknown> }[] {
  const found: { verb: string; data: Record<string, unknown> }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.type === 'Action.Execute') found.push({ verb: String(record.verb), data: (record.data ?? {}) as Record<string, unknown> });
      Object.values(record).forEach(walk);
    }
  };
  walk(card);
  return found;
}

/** Presses an Action.Execute button on a message, as the Playground's user, and returns the invoke response. */
async function press(conversationId: string, messageId: string, verb: string, data: Record<string, unknown>): Promise<{ type?: string; value?: unknown }> {
  const response = await fetch(`${playground.url}/_conversation/v1/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name: 'adaptiveCard/action',
      from: { id: playground.config.currentUser.id },
      conversation: { id: conversationId },
      replyToId: messageId,
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    }),
  });
  expect(response.ok).toBe(true);
  return (await response.json()) as { type?: string; value?: unknown };
}

test('a sense-check round in the local meeting: post, answer through the Playground, see the answer, close', async () => {
  const chat = playground.config.groupChats[0].id;
  const organiser = playground.config.currentUser as { id: string; aadObjectId?: string };
  expect(organiser.id).toBe('29:local-fola');
  const saved = await saveSetup(
    running.app.store,
    {
      meetingId: LOCAL_MEETING_ID,
      conversationId: chat,
      occurrenceStart: new Date().toISOString(),
      purpose: { outcome: 'Agree what the new booking letter should say', openToUnexpected: true },
    },
    { tenantId: playground.config.tenantId, aadObjectId: String(organiser.aadObjectId) },
    new Date(),
  );
  expect(saved.ok).toBe(true);

  await playground.say(chat, 'sense check The letter should say who to phone', { mentionBot: true });
  const posted = await waitFor(
    () => events.find((e) => e.action === 'createMessage' && e.conversationId === chat && JSON.stringify(e.cards).includes('Here is what we heard')),
    'the sense-check card',
  );
  expect(posted.fromId).toBe(playground.config.bot.id);
  expect(JSON.stringify(posted.cards[0])).toContain('The letter should say who to phone');
  const agree = buttons(posted.cards[0]).find((b) => b.verb === 'senseCheck.answer' && b.data.level === 'agree');
  expect(agree).toBeDefined();

  const answered = await press(chat, posted.messageId, 'senseCheck.answer', { ...agree?.data, missed: 'Opening hours' });
  expect(answered.type).toBe('application/vnd.microsoft.card.adaptive');
  expect(JSON.stringify(answered.value)).toContain('You said: Agree');
  expect(JSON.stringify(answered.value)).toContain('Opening hours');

  const close = buttons(posted.cards[0]).find((b) => b.verb === 'senseCheck.close');
  const results = await press(chat, posted.messageId, 'senseCheck.close', close?.data ?? {});
  expect(JSON.stringify(results.value)).toContain('Sense check results');
  expect(JSON.stringify(results.value)).toContain('Opening hours');

  const closedCard = await waitFor(
    () => events.find((e) => e.action === 'updateMessage' && e.conversationId === chat && JSON.stringify(e.cards).includes('This sense check is closed')),
    'the closed card',
  );
  expect(closedCard.messageId).toBe(posted.messageId);
  expect(JSON.stringify(closedCard.cards[0])).toMatch(/1 (of \d+ have|person has) answered\. Agree: 1, Partly: 0, Disagree: 0/);
  const inTheChat = JSON.stringify(events.filter((e) => e.conversationId === chat).map((e) => e.cards));
  expect(inTheChat).not.toContain('Opening hours');
  expect(inTheChat).not.toContain('Fola');
}, 60000);
