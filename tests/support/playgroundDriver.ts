/**
 * Drives the real Microsoft 365 Agents Playground without a browser: REST to send as a user,
 * its WebSocket stream to read what the bot posted (local-testing.md section 2).
 */
import path from 'node:path';
import os from 'node:os';
import WebSocket from 'ws';
import { freePort } from './freePort';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startPlayground, waitFor } = require('../../scripts/playground.js') as typeof import('../../scripts/playground');

export interface PlaygroundMessage {
  readonly conversationId: string;
  readonly fromId: string;
  readonly text?: string;
  readonly cards: readonly Record<string, unknown>[];
}

export interface PlaygroundConfig {
  readonly tenantId: string;
  readonly bot: { readonly id: string; readonly name: string };
  readonly currentUser: { readonly id: string; readonly name: string };
  readonly personalChat: { readonly id: string };
  readonly groupChats: readonly { readonly id: string }[];
  readonly teams: readonly { readonly id: string; readonly channels: readonly { readonly id: string }[] }[];
}

export interface Playground {
  readonly url: string;
  readonly config: PlaygroundConfig;
  readonly messages: PlaygroundMessage[];
  say(conversationId: string, text: string, options?: { mentionBot?: boolean }): Promise<void>;
  waitForBotMessage(conversationId: string, afterCount: number, timeoutMs?: number): Promise<PlaygroundMessage>;
  botMessages(conversationId: string): PlaygroundMessage[];
  close(): Promise<void>;
}

export async function openPlayground(botEndpoint: string): Promise<Playground> {
  const port = await freePort();
  const { child, url } = startPlayground({ botEndpoint, port, logFile: path.join(os.tmpdir(), `playground-${port}.log`) });
  if (!(await waitFor(`${url}/_debug/ping`, { timeoutMs: 30000 }))) {
    child.kill();
    throw new Error('the Agents Playground did not start');
  }
  const config = ((await (await fetch(`${url}/_internal/v1/testConfig`)).json()) as { config: PlaygroundConfig }).config;
  const messages: PlaygroundMessage[] = [];
  const socket = new WebSocket(`${url.replace('http', 'ws')}/_ws_conversation/v1/conversations/stream`);
  socket.on('message', (raw) => {
    const event = JSON.parse(String(raw)) as {
      action: string;
      actionConversationId: string;
      message?: { from?: { id: string }; text?: string; attachments?: { contentType: string; content: Record<string, unknown> }[] };
    };
    if (event.action !== 'createMessage' || !event.message) return;
    messages.push({
      conversationId: event.actionConversationId,
      fromId: event.message.from?.id ?? '',
      text: event.message.text,
      cards: (event.message.attachments ?? []).filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive').map((a) => a.content),
    });
  });
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));

  const botMessages = (conversationId: string) =>
    messages.filter((m) => m.fromId === config.bot.id && (m.conversationId === conversationId || m.conversationId.startsWith(`${conversationId};`)));

  return {
    url,
    config,
    messages,
    botMessages,
    say: async (conversationId, text, options = {}) => {
      const mention = `<at>${config.bot.name}</at>`;
      const body = options.mentionBot
        ? { from: { id: config.currentUser.id }, text: `${mention} ${text}`, textFormat: 'plain', mentions: [{ mentioned: { id: config.bot.id, name: config.bot.name }, text: mention }] }
        : { from: { id: config.currentUser.id }, text, textFormat: 'plain' };
      const response = await fetch(`${url}/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`the Playground refused the message (HTTP ${response.status})`);
    },
    waitForBotMessage: async (conversationId, afterCount, timeoutMs = 10000) => {
      const until = Date.now() + timeoutMs;
      while (Date.now() < until) {
        const found = botMessages(conversationId)[afterCount];
        if (found) return found;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('the bot did not answer in the Playground in time');
    },
    close: async () => {
      socket.close();
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(undefined) : child.once('exit', r)));
    },
  };
}
