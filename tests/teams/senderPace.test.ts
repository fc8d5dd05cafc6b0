/**
 * The sender's pace as Teams would count it: by when each request arrives. A connector on
 * loopback notes every arrival on the test's manual clock and can hold a request "on the wire"
 * by moving that clock on before noting it, so a slow or uneven network is simulated in manual
 * time and nothing here depends on how fast the machine is. Real CloudAdapter, real HTTP, SQLite.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { ConversationBook } from '../../bot/core/conversations';
import { CONVERSATION_LIMITS, DEFAULT_MARGIN_MS, type RateLimit } from '../../bot/core/pacing';
import type { Store } from '../../bot/core/ports';
import type { ServiceUrlPolicy } from '../../bot/core/serviceUrl';
import { openSqliteStore } from '../../bot/storage/sqliteStore';
import { referenceFromActivity } from '../../bot/teams/conversationReferences';
import { OutboxSender } from '../../bot/teams/sender';
import type { DrainReport } from '../../bot/teams/senderSettings';

const LOCAL: ServiceUrlPolicy = { hosts: [], allowLoopback: true };
const T0 = Date.parse('2025-03-01T10:00:00.000Z');
/** As the background loop: it polls every 250 ms, or wakes when pacing says a message may go (5 ms at the soonest). */
const POLL_MS = 250;
const MIN_WAKE_MS = 5;

interface Arrival {
  readonly conversationId: string;
  readonly text: string;
  /** Manual-clock milliseconds since T0. */
  readonly at: number;
}

let nowMs = T0;
const clock = { now: () => new Date(nowMs) };
/** How long request number n (0-based, in order of arrival) spends on the wire. */
let latencyOf: (n: number) => number = () => 0;
const arrivals: Arrival[] = [];
let server: http.Server;
let serviceUrl: string;
let dir: string;
let store: Store;
const adapter = new CloudAdapter(
  new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant', MicrosoftAppTenantId: '' }),
);

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      // The request was on the wire until now: time passes before it is counted as arrived.
      nowMs += latencyOf(arrivals.length);
      const conversationId = decodeURIComponent(/^\/v3\/conversations\/([^/?]+)/.exec(req.url ?? '')?.[1] ?? '');
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { text?: string };
      arrivals.push({ conversationId, text: body.text ?? '', at: nowMs - T0 });
      // Two statements, not a chain: restify, once loaded in this test process, replaces writeHead with one that returns nothing.
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `act-${arrivals.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  serviceUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  dir = mkdtempSync(path.join(tmpdir(), 'coproduce-pace-'));
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  nowMs = T0;
  arrivals.length = 0;
  latencyOf = () => 0;
  store = openSqliteStore({ file: path.join(dir, `${expect.getState().currentTestName?.replace(/\W+/g, '-')}.sqlite`) });
});
afterEach(async () => {
  await store.close();
});

function newSender(appLimits: readonly RateLimit[], concurrency: number): OutboxSender {
  return new OutboxSender({
    store,
    adapter,
    botAppId: '',
    clock,
    policy: LOCAL,
    random: () => 0.5,
    settings: { concurrency, pacing: { conversationLimits: CONVERSATION_LIMITS, appLimits, marginMs: DEFAULT_MARGIN_MS } },
  });
}

/** Remembers each chat (as an inbound turn would) and queues its messages, texts `<chat>#1`, `<chat>#2`, … */
async function queue(sender: OutboxSender, chats: readonly string[], perChat: number): Promise<void> {
  const book = new ConversationBook(store, LOCAL);
  for (const chat of chats) {
    const reference = referenceFromActivity({
      type: 'message',
      channelId: 'msteams',
      serviceUrl,
      conversation: { id: chat, conversationType: 'personal', tenantId: 'tenant-1', isGroup: false, name: '' },
      recipient: { id: '28:bot', name: 'Coproduce' },
    });
    await book.remember(reference!, 'active', clock.now());
  }
  for (let n = 1; n <= perChat; n++) {
    for (const chat of chats) await sender.outbox.enqueue({ conversationId: chat, idempotencyKey: `${chat}#${n}`, message: { kind: 'send', text: `${chat}#${n}` } });
  }
}

/**
 * Drains with every sender side by side, as instances would, until `total` messages have arrived.
 * When a pass sends nothing, the clock moves on as the background loop would wait.
 */
async function drainAll(senders: readonly OutboxSender[], total: number): Promise<void> {
  for (let pass = 0; arrivals.length < total; pass++) {
    if (pass > 20_000) throw new Error(`Only ${arrivals.length} of ${total} messages arrived`);
    const before = arrivals.length;
    const reports: DrainReport[] = await Promise.all(senders.map((s) => s.drainOnce()));
    if (arrivals.length > before) continue;
    const wake = Math.min(...reports.map((r) => r.nextPacedAt?.getTime() ?? Infinity));
    nowMs += wake === Infinity ? POLL_MS : Math.min(POLL_MS, Math.max(MIN_WAKE_MS, wake - nowMs));
  }
}

/** The most arrivals in any window of `windowMs` starting at an arrival. */
function busiest(times: readonly number[], windowMs: number): number {
  return Math.max(0, ...times.map((start) => times.filter((t) => t >= start && t < start + windowMs).length));
}

const chatsNamed = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `a:${prefix}-${String(i).padStart(3, '0')}`);

test('a request slow on the wire does not let the next ones bunch up behind it at Teams', async () => {
  // App limit 3 a second; the third request takes 900 ms to arrive, the rest none.
  const sender = newSender([{ limit: 3, windowMs: 1_000 }], 1);
  latencyOf = (n) => (n % 6 === 2 ? 900 : 0);
  const chats = chatsNamed('slow', 12);
  await queue(sender, chats, 1);
  await drainAll([sender], chats.length);
  expect(arrivals.map((a) => a.text).sort()).toEqual(chats.map((c) => `${c}#1`));
  expect(busiest(arrivals.map((a) => a.at), 1_000)).toBeLessThanOrEqual(3);
}, 60_000);

test('two instances on an uneven network never exceed the app\u2019s or any chat\u2019s limits at Teams, and keep each chat in order', async () => {
  const appLimit = 10;
  const a = newSender([{ limit: appLimit, windowMs: 1_000 }], 4);
  const b = newSender([{ limit: appLimit, windowMs: 1_000 }], 4);
  const random = seeded(7);
  latencyOf = () => Math.floor(random() ** 2 * 600);
  const chats = chatsNamed('uneven', 8);
  await queue(a, chats, 6);
  await drainAll([a, b], chats.length * 6);

  const times = arrivals.map((x) => x.at);
  expect(busiest(times, 1_000)).toBeLessThanOrEqual(appLimit);
  for (const chat of chats) {
    const toChat = arrivals.filter((x) => x.conversationId === chat);
    expect(toChat.map((x) => x.text)).toEqual([1, 2, 3, 4, 5, 6].map((n) => `${chat}#${n}`));
    expect(busiest(toChat.map((x) => x.at), 1_000)).toBeLessThanOrEqual(7);
    expect(busiest(toChat.map((x) => x.at), 2_000)).toBeLessThanOrEqual(8);
  }
}, 60_000);

test('with a quick network, two instances together keep up the configured pace of 20 a second', async () => {
  const a = newSender([{ limit: 20, windowMs: 1_000 }], 4);
  const b = newSender([{ limit: 20, windowMs: 1_000 }], 4);
  const chats = chatsNamed('quick', 100);
  await queue(a, chats, 1);
  await drainAll([a, b], chats.length);

  const times = arrivals.map((x) => x.at).sort((x, y) => x - y);
  expect(busiest(times, 1_000)).toBeLessThanOrEqual(20);
  // 100 at 20 a second: five windows, the last starting four windows after the first. Each window
  // is 1 s plus the clock allowance; a little slack for writes that collided and were tried again.
  const lastWindowStarts = times[times.length - 1] - times[0];
  expect(lastWindowStarts).toBeLessThanOrEqual(4 * (1_000 + DEFAULT_MARGIN_MS) + 50);
}, 60_000);

/** A small repeatable random source (mulberry32). */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
