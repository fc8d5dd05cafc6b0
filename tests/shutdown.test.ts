// Graceful shutdown of the real server process (bot/main.ts): SIGTERM while a turn is waiting on
// Teams and the outbox is half-way through a chat's queue. The process stops taking requests,
// lets the turn finish, lets the message in hand be delivered and recorded, releases the chat's
// lease and exits 0. Nothing queued is lost: a second process delivers the rest, each once.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { TEAMS_SERVICE_HOSTS } from '../bot/config';
import { ConversationBook } from '../bot/core/conversations';
import { keyPart } from '../bot/core/keys';
import { OUTBOX_TABLE, StoreOutbox } from '../bot/core/outbox';
import type { Store } from '../bot/core/ports';
import { openSqliteStore } from '../bot/storage/sqliteStore';
import { teamsActivity } from './support/appHarness';

const ROOT = path.resolve(__dirname, '..');
const QUEUED_CHAT = 'a:queued-chat';
const KEYS = ['notice-1', 'notice-2', 'notice-3'];

/** A Bot Connector that can hold every answer until the test lets go, to catch work mid-flight. */
interface SlowConnector {
  readonly url: string;
  readonly posts: { conversationId: string; text: string }[];
  hold(): void;
  release(): void;
  waitForPosts(test: (posts: SlowConnector['posts']) => boolean): Promise<void>;
  close(): Promise<void>;
}

async function startSlowConnector(): Promise<SlowConnector> {
  const posts: SlowConnector['posts'] = [];
  let holding = false;
  let held: (() => void)[] = [];
  let wake: (() => void)[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const answer = () => {
        res.writeHead(req.method === 'POST' ? 201 : 200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `act-${posts.length}` }));
      };
      const match = /^\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '');
      if (req.method === 'POST' && match) {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { text?: string };
        posts.push({ conversationId: decodeURIComponent(match[1]), text: body.text ?? '' });
        for (const w of wake) w();
      }
      if (holding) held.push(answer);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    posts,
    hold: () => {
      holding = true;
    },
    release: () => {
      holding = false;
      const waiting = held;
      held = [];
      for (const answer of waiting) answer();
    },
    waitForPosts: (test) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`connector saw ${JSON.stringify(posts)}`)), 20_000);
        const check = () => {
          if (!test(posts)) return;
          clearTimeout(timer);
          wake = wake.filter((w) => w !== check);
          resolve();
        };
        wake.push(check);
        check();
      }),
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

interface ServerProcess {
  readonly url: string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal: NodeJS.Signals): void;
}

const children: ServerProcess[] = [];

/** The real entry point, in local mode, on a data folder the test can open afterwards. */
async function startServer(dataDir: string): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['-r', './tests/support/registerTs.js', 'bot/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', COPRODUCE_MODE: 'local', PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const url = await new Promise<string>((resolve, reject) => {
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const found = /Listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
      if (found) resolve(found[1]);
    });
    exited.then(() => reject(new Error(`the server exited before listening: ${stderr}`)));
  });
  const handle = { url, exited, kill: (signal: NodeJS.Signals) => child.kill(signal) };
  children.push(handle);
  return handle;
}

/** A request on a fresh connection: `refused` once the server no longer accepts connections. */
function probe(url: string): Promise<'answered' | 'refused'> {
  return new Promise((resolve) => {
    const request = http.get(`${url}/healthz`, { agent: false }, (response) => {
      response.resume();
      resolve('answered');
    });
    request.on('error', () => resolve('refused'));
  });
}

async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  const giveUpAt = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > giveUpAt) throw new Error(`never happened: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function openStore(dataDir: string): Store {
  return openSqliteStore({ file: path.join(dataDir, 'coproduce.sqlite') });
}

const clock = { now: () => new Date() };
let dataDir: string;
let connector: SlowConnector;

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coproduce-shutdown-'));
  connector = await startSlowConnector();
  // Three messages waiting for one chat, as a previous process left them.
  const store = openStore(dataDir);
  const book = new ConversationBook(store, { hosts: TEAMS_SERVICE_HOSTS, allowLoopback: true });
  await book.remember({ channelId: 'msteams', serviceUrl: connector.url, conversation: { id: QUEUED_CHAT, conversationType: 'personal' }, bot: { id: '28:coproduce-bot' } }, 'active', clock.now());
  const outbox = new StoreOutbox({ store, clock, ids: { random: () => Math.random().toString(36).slice(2) } });
  for (const key of KEYS) await outbox.enqueue({ conversationId: QUEUED_CHAT, idempotencyKey: key, message: { kind: 'send', text: `Notice ${key}` } });
  await store.close();
});

afterEach(async () => {
  connector.release();
  for (const child of children.splice(0)) {
    child.kill('SIGKILL');
    await child.exited;
  }
  await connector.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('SIGTERM mid-work: the turn finishes, the message in hand is recorded, the lease is released, exit 0, nothing queued is lost', async () => {
  connector.hold();
  const server = await startServer(dataDir);
  await connector.waitForPosts((posts) => posts.some((p) => p.conversationId === QUEUED_CHAT));
  // A person's turn that is waiting on Teams when the signal comes.
  const turn = fetch(`${server.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(teamsActivity(connector.url, { text: 'help', recipient: { id: '28:coproduce-bot', name: 'Coproduce' } })),
  });
  await connector.waitForPosts((posts) => posts.some((p) => p.conversationId !== QUEUED_CHAT));

  server.kill('SIGTERM');
  await eventually(async () => (await probe(server.url)) === 'refused', 'the server stops taking new connections');
  connector.release();

  expect((await turn).status).toBe(200);
  expect(await server.exited).toEqual({ code: 0, signal: null });

  const store = openStore(dataDir);
  try {
    const outbox = new StoreOutbox({ store, clock, ids: { random: () => 'unused' } });
    const statuses = await Promise.all(KEYS.map(async (key) => (await outbox.statusOf(QUEUED_CHAT, key))?.status));
    expect(statuses[0]).toBe('delivered'); // the one in hand when the signal came
    expect(statuses.filter((s) => s === 'delivered' || s === 'queued')).toHaveLength(KEYS.length);
    expect(await outbox.attempts(QUEUED_CHAT, KEYS[0])).toEqual([expect.objectContaining({ outcome: 'delivered' })]);
    expect(await store.get(OUTBOX_TABLE, keyPart(QUEUED_CHAT), 'lease')).toBeUndefined();
  } finally {
    await store.close();
  }

  // The next process picks up exactly where this one stopped: every message once, none twice.
  const next = await startServer(dataDir);
  await connector.waitForPosts((posts) => posts.filter((p) => p.conversationId === QUEUED_CHAT).length >= KEYS.length);
  next.kill('SIGTERM');
  expect(await next.exited).toEqual({ code: 0, signal: null });
  expect(connector.posts.filter((p) => p.conversationId === QUEUED_CHAT).map((p) => p.text)).toEqual(KEYS.map((key) => `Notice ${key}`));
}, 60_000);
