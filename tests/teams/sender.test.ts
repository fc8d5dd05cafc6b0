/**
 * The outbox sender against a real CloudAdapter (auth off) posting to a fake Bot Connector on
 * loopback, with the SQLite store on a temp file. Decisions run on a controllable clock (drainOnce
 * with a fixed time); the HTTP is real, so botbuilder's own retries happen as in production.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { ConversationBook } from '../../bot/core/conversations';
import type { Store } from '../../bot/core/ports';
import type { ServiceUrlPolicy } from '../../bot/core/serviceUrl';
import { openSqliteStore } from '../../bot/storage/sqliteStore';
import { referenceFromActivity } from '../../bot/teams/conversationReferences';
import { OutboxSender } from '../../bot/teams/sender';
import type { SenderSettings } from '../../bot/teams/senderSettings';
import { startFakeConnector, teamsError, type ConnectorCall, type FakeConnector } from '../support/fakeConnector';

const LOCAL: ServiceUrlPolicy = { hosts: [], allowLoopback: true };
const T0 = Date.parse('2025-03-01T10:00:00.000Z');
const CHAT = '19:meeting_abc@thread.v2';
const OTHER_CHAT = 'a:1on1/with+slash';

let fake: FakeConnector;
let dir: string;
let store: Store;
let now: Date;
const clock = { now: () => now };
const adapter = new CloudAdapter(
  new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant', MicrosoftAppTenantId: '' }),
);

beforeAll(async () => {
  fake = await startFakeConnector();
  dir = mkdtempSync(path.join(tmpdir(), 'coproduce-sender-'));
});
afterAll(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  fake.reset();
  now = new Date(T0);
  store = openSqliteStore({ file: path.join(dir, `${expect.getState().currentTestName?.replace(/\W+/g, '-')}.sqlite`) });
  await remember(CHAT);
  await remember(OTHER_CHAT);
});
afterEach(async () => {
  await store.close();
});

function newSender(overrides: { policy?: ServiceUrlPolicy; settings?: Partial<SenderSettings> } = {}): OutboxSender {
  return new OutboxSender({ store, adapter, botAppId: '', clock, policy: overrides.policy ?? LOCAL, random: () => 0.5, settings: overrides.settings });
}

/** As the bot does on every inbound turn. */
async function remember(conversationId: string, serviceUrl = fake.url): Promise<string> {
  const reference = referenceFromActivity({
    type: 'message',
    channelId: 'msteams',
    serviceUrl,
    conversation: { id: conversationId, conversationType: 'groupChat', tenantId: 'tenant-1', isGroup: true, name: '' },
    recipient: { id: '28:bot', name: 'Coproduce' },
  });
  return new ConversationBook(store, LOCAL).remember(reference!, 'active', clock.now());
}

const card = (label: string) => ({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: label }] });
const enqueue = (sender: OutboxSender, conversationId: string, label: string) =>
  sender.outbox.enqueue({ conversationId, idempotencyKey: `key-${label}`, message: { kind: 'send', card: card(label) } });
const at = (ms: number) => new Date(T0 + ms);

/** The card label a call carried, or undefined for calls without one. */
function labelOf(call: ConnectorCall): string | undefined {
  const body = call.body as { attachments?: { content?: { body?: { text?: string }[] } }[] } | null;
  return body?.attachments?.[0]?.content?.body?.[0]?.text;
}
const posts = () => fake.calls.filter((c) => c.method === 'POST');

test('a card is posted once to its conversation and its Teams id is kept for later edits', async () => {
  const sender = newSender();
  expect(await enqueue(sender, CHAT, 'hello')).toEqual({ queued: true });
  expect(await enqueue(sender, CHAT, 'hello')).toEqual({ queued: false }); // same idempotency key
  const report = await sender.drainOnce(now);
  expect(report.delivered).toBe(1);
  expect(fake.calls).toHaveLength(1);
  expect(fake.calls[0]).toMatchObject({ method: 'POST', conversationId: CHAT });
  expect(labelOf(fake.calls[0])).toBe('hello');
  expect(await sender.activityIdFor(CHAT, 'key-hello')).toBe('act-1');
  expect(await sender.outbox.attempts(CHAT, 'key-hello')).toEqual([expect.objectContaining({ attempt: 1, outcome: 'delivered', activityId: 'act-1' })]);
  await sender.drainOnce(at(60_000));
  expect(fake.calls).toHaveLength(1); // nothing is sent twice
});

test('a long idempotency key (real Teams ids are long) still sends once, records its send and names the card for edits', async () => {
  const sender = newSender();
  const longKey = `private|session|${'MCMxOTptZWV0aW5nX2FiYy9kZWY/'.repeat(8)}|aad|${'0'.repeat(36)}`;
  const item = { conversationId: CHAT, idempotencyKey: longKey, message: { kind: 'send' as const, card: card('long') } };
  expect(await sender.outbox.enqueue(item)).toEqual({ queued: true });
  expect(await sender.outbox.enqueue(item)).toEqual({ queued: false });
  await sender.outbox.enqueue({ conversationId: CHAT, idempotencyKey: 'after', message: { kind: 'update', ofKey: longKey, card: card('edited') } });
  expect((await sender.drainOnce(now)).delivered).toBe(2);
  expect(await sender.activityIdFor(CHAT, longKey)).toBe('act-1');
  expect(await sender.outbox.attempts(CHAT, longKey)).toEqual([expect.objectContaining({ outcome: 'delivered' })]);
  expect(fake.calls.map((c) => c.method)).toEqual(['POST', 'PUT']);
});

test('429 with Retry-After: 2 — no request comes sooner than 2 s after the previous one', async () => {
  const sender = newSender();
  // botbuilder honours Retry-After three times itself; the fourth 429 reaches our layer.
  fake.script(Array.from({ length: 4 }, () => ({ status: 429, headers: { 'Retry-After': '2' }, body: teamsError('Throttled') })));
  await enqueue(sender, CHAT, 'throttled');
  expect((await sender.drainOnce(now)).retryScheduled).toBe(1);
  expect(fake.calls).toHaveLength(4);
  await sender.drainOnce(at(1_999));
  expect(fake.calls).toHaveLength(4);
  expect((await sender.drainOnce(at(2_250))).delivered).toBe(1);
  expect(fake.calls).toHaveLength(5);
  const gaps = fake.calls.slice(1, 4).map((c, i) => c.at - fake.calls[i].at);
  for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(1_990);
  const outcomes = (await sender.outbox.attempts(CHAT, 'key-throttled')).map((a) => [a.outcome, a.reason, a.retryAt]);
  expect(outcomes).toEqual([
    ['retryScheduled', 'throttled', at(2_250).toISOString()],
    ['delivered', undefined, undefined],
  ]);
}, 20_000);

test('429 without Retry-After is retried with growing waits and delivered', async () => {
  const sender = newSender();
  fake.script([{ status: 429 }, { status: 429 }]);
  await enqueue(sender, CHAT, 'busy');
  await sender.drainOnce(now); // fails: retry after 0.5–1 s
  await sender.drainOnce(at(700));
  expect(fake.calls).toHaveLength(1);
  await sender.drainOnce(at(750)); // fails again: retry after 1–2 s
  await sender.drainOnce(at(750 + 1_499));
  expect(fake.calls).toHaveLength(2);
  await sender.drainOnce(at(750 + 1_500));
  expect(fake.calls).toHaveLength(3);
  const attempts = await sender.outbox.attempts(CHAT, 'key-busy');
  expect(attempts.map((a) => [a.attempt, a.outcome])).toEqual([
    [1, 'retryScheduled'],
    [2, 'retryScheduled'],
    [3, 'delivered'],
  ]);
});

test('500 then 201: delivered; the second POST is botbuilder\u2019s own retry (a possible duplicate in Teams)', async () => {
  const sender = newSender();
  fake.script([{ status: 500, body: teamsError('ServiceError') }]);
  await enqueue(sender, CHAT, 'flaky');
  expect((await sender.drainOnce(now)).delivered).toBe(1);
  expect(posts().map(labelOf)).toEqual(['flaky', 'flaky']);
  expect(await sender.outbox.attempts(CHAT, 'key-flaky')).toEqual([expect.objectContaining({ attempt: 1, outcome: 'delivered' })]);
  expect(await sender.activityIdFor(CHAT, 'key-flaky')).toBe('act-1');
}, 15_000);

test('500 on every try: given up after botbuilder\u2019s four attempts, never retried by us', async () => {
  const sender = newSender();
  fake.script(Array.from({ length: 4 }, () => ({ status: 500, body: teamsError('ServiceError') })));
  await enqueue(sender, CHAT, 'doomed');
  expect((await sender.drainOnce(now)).failed).toBe(1);
  await sender.drainOnce(at(10 * 60_000));
  expect(fake.calls).toHaveLength(4);
  expect(await sender.outbox.statusOf(CHAT, 'key-doomed')).toEqual({ status: 'failed', reason: 'serverErrorAfterSdkRetries' });
}, 20_000);

test('412 is retried and delivered', async () => {
  const sender = newSender();
  fake.script([{ status: 412, body: teamsError('PreconditionFailed') }]);
  await enqueue(sender, CHAT, 'concurrent');
  expect((await sender.drainOnce(now)).retryScheduled).toBe(1);
  expect((await sender.drainOnce(at(5_000))).delivered).toBe(1);
  expect(posts().map(labelOf)).toEqual(['concurrent', 'concurrent']);
});

test('403 BotNotInConversationRoster: the chat is marked inactive and nothing more is sent to it', async () => {
  const sender = newSender();
  const book = new ConversationBook(store, LOCAL);
  fake.script([{ status: 403, body: teamsError('BotNotInConversationRoster') }]);
  for (const label of ['one', 'two', 'three']) await enqueue(sender, CHAT, label);
  const report = await sender.drainOnce(now);
  expect(report).toMatchObject({ failed: 1, dropped: 2 });
  expect((await book.get(CHAT))?.status).toBe('inactive');
  await enqueue(sender, CHAT, 'four');
  await sender.drainOnce(at(60_000));
  expect(fake.calls).toHaveLength(1);
  expect(await sender.outbox.statusOf(CHAT, 'key-four')).toEqual({ status: 'failed', reason: 'conversationInactive' });
  // The bot is added back: the next inbound activity makes the chat usable again.
  await remember(CHAT);
  await enqueue(sender, CHAT, 'five');
  await sender.drainOnce(at(120_000));
  expect(posts().map(labelOf)).toEqual(['one', 'five']);
});

test('404 ConversationNotFound: the conversation is forgotten', async () => {
  const sender = newSender();
  fake.script([{ status: 404, body: teamsError('ConversationNotFound') }]);
  await enqueue(sender, CHAT, 'gone');
  await enqueue(sender, CHAT, 'after');
  await sender.drainOnce(now);
  expect(await new ConversationBook(store, LOCAL).get(CHAT)).toBeUndefined();
  expect(fake.calls).toHaveLength(1);
  expect(await sender.outbox.statusOf(CHAT, 'key-after')).toEqual({ status: 'failed', reason: 'noConversation' });
});

test('an edit of a deleted card (404 ActivityNotFoundInConversation) is dropped and the chat stays active', async () => {
  const sender = newSender();
  fake.script([{ status: 404, method: 'PUT', body: teamsError('ActivityNotFoundInConversation') }]);
  await sender.outbox.enqueue({ conversationId: CHAT, idempotencyKey: 'edit-1', message: { kind: 'update', activityId: 'deleted-card', card: card('edited') } });
  await enqueue(sender, CHAT, 'next');
  await sender.drainOnce(now);
  expect(fake.calls.map((c) => [c.method, c.activityId === 'deleted-card'])).toEqual([
    ['PUT', true],
    ['POST', false],
  ]);
  expect(await sender.outbox.statusOf(CHAT, 'edit-1')).toEqual({ status: 'failed', reason: 'editTargetMissing' });
  expect((await new ConversationBook(store, LOCAL).get(CHAT))?.status).toBe('active');
});

test('order per conversation holds under retries, and other chats are not held up', async () => {
  const sender = newSender();
  fake.script([{ status: 412, body: teamsError('PreconditionFailed') }]);
  for (const label of ['A1', 'A2', 'A3']) await enqueue(sender, CHAT, label);
  await enqueue(sender, OTHER_CHAT, 'B1');
  await sender.drainOnce(now);
  const first = fake.calls.map((c) => `${c.conversationId === CHAT ? 'A' : 'B'}:${labelOf(c)}`);
  expect(first.filter((c) => c.startsWith('A'))).toEqual(['A:A1']); // A1 failed, A2 and A3 wait behind it
  expect(first).toContain('B:B1');
  await sender.drainOnce(at(5_000));
  expect(posts().filter((c) => c.conversationId === CHAT).map(labelOf)).toEqual(['A1', 'A1', 'A2', 'A3']);
});

test('20 messages to one chat never exceed 7 in any second (or 8 in any two) at the connector', async () => {
  const realClock = { now: () => new Date() };
  const sender = new OutboxSender({ store, adapter, botAppId: '', clock: realClock, policy: LOCAL, random: Math.random, settings: { pollMs: 20 } });
  for (let i = 1; i <= 20; i++) await enqueue(sender, CHAT, `m${i}`);
  sender.start();
  try {
    await fake.waitForCalls(20, 20_000);
  } finally {
    await sender.stop();
  }
  const arrivals = fake.calls.map((c) => c.at);
  const busiest = (windowMs: number) => Math.max(...arrivals.map((start) => arrivals.filter((t) => t >= start && t < start + windowMs).length));
  expect(busiest(1_000)).toBeLessThanOrEqual(7);
  expect(busiest(2_000)).toBeLessThanOrEqual(8);
  expect(fake.calls.map(labelOf)).toEqual(Array.from({ length: 20 }, (_, i) => `m${i + 1}`));
}, 30_000);

test('a stored serviceUrl that is not a Teams address gets no request at all', async () => {
  const strict: ServiceUrlPolicy = { hosts: ['smba.trafficmanager.net'], allowLoopback: false };
  const sender = newSender({ policy: strict });
  await enqueue(sender, CHAT, 'secret');
  expect((await sender.drainOnce(now)).dropped).toBe(1);
  expect(fake.calls).toHaveLength(0);
  expect(await sender.outbox.statusOf(CHAT, 'key-secret')).toEqual({ status: 'failed', reason: 'serviceUrlRefused' });
  // Nor is such a reference stored in the first place.
  expect(await remember('19:poisoned', 'https://smba.trafficmanager.net.evil.example/teams/')).toBe('refusedServiceUrl');
  expect(await new ConversationBook(store, LOCAL).get('19:poisoned')).toBeUndefined();
});

test('two instances draining at once send each message once and in order', async () => {
  const a = newSender();
  const b = newSender();
  for (const label of ['x1', 'x2', 'x3', 'x4', 'x5']) await enqueue(a, CHAT, label);
  await Promise.all([a.drainOnce(now), b.drainOnce(now), a.drainOnce(now), b.drainOnce(now)]);
  await Promise.all([a.drainOnce(at(5_000)), b.drainOnce(at(5_000))]);
  expect(posts().map(labelOf)).toEqual(['x1', 'x2', 'x3', 'x4', 'x5']);
});

test('an attempt cut short by a crash is retried and recorded as a possible duplicate', async () => {
  const crashed = newSender();
  await enqueue(crashed, CHAT, 'maybe-twice');
  // The crashed instance had started the attempt (and Teams may have shown it) but recorded nothing.
  const head = await crashed.outbox.head(CHAT);
  await crashed.outbox.markInFlight(head!, now);
  const survivor = newSender();
  await survivor.drainOnce(at(1_000));
  expect(fake.calls).toHaveLength(1);
  expect(await survivor.outbox.attempts(CHAT, 'key-maybe-twice')).toEqual([
    expect.objectContaining({ attempt: 2, outcome: 'delivered', possibleDuplicate: true }),
  ]);
});
