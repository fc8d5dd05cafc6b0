/**
 * Builds the real app in-process (real restify, real botbuilder, real SQLite) on a free
 * loopback port, with a temp data folder. Logs go to a buffer the test can read.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig, type Config } from '../../bot/config';
import { createLogger } from '../../bot/log';
import { createApp, type App, type AppOptions } from '../../bot/app';

export interface RunningApp {
  readonly url: string;
  readonly app: App;
  readonly config: Config;
  readonly logs: string[];
  readonly dataDir: string;
  stop(): Promise<void>;
}

export type StartOptions = Pick<AppOptions, 'background' | 'clock' | 'directory' | 'random' | 'tabDir' | 'tabSignIn'> & {
  /** Reuse the data folder of an app already stopped (a restart); stop() then leaves it in place. */
  readonly dataDir?: string;
};

export async function startApp(env: Record<string, string> = {}, startOptions: StartOptions = {}): Promise<RunningApp> {
  const { dataDir: reusedDir, ...options } = startOptions;
  const dataDir = reusedDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'coproduce-test-'));
  const config = loadConfig({ COPRODUCE_MODE: 'local', PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'debug', ...env }, '9.9.9-test');
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      logs.push(String(chunk));
      callback();
    },
  });
  const logger = createLogger({ level: config.logLevel, destination });
  const app = createApp({ config, logger, ...options, background: options.background ?? false, tabDir: options.tabDir ?? path.resolve(__dirname, '../../tab') });
  const url = await app.listen();
  return {
    url,
    app,
    config,
    logs,
    dataDir,
    stop: async () => {
      await app.stop();
      if (!reusedDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A Teams-shaped activity, with the parts every test would otherwise repeat. */
export function teamsActivity(serviceUrl: string, overrides: Record<string, unknown>): Record<string, unknown> {
  return {
    type: 'message',
    id: `act-${Math.random().toString(36).slice(2)}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: '29:user-alex', name: 'Alex Example', aadObjectId: '00000000-0000-0000-0000-0000000000a1' },
    recipient: { id: '28:coproduce-bot', name: 'Coproduce' },
    conversation: { id: 'a:personal-alex', conversationType: 'personal', tenantId: '11111111-1111-1111-1111-111111111111' },
    channelData: { tenant: { id: '11111111-1111-1111-1111-111111111111' } },
    ...overrides,
  };
}

export async function postActivity(url: string, activity: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof activity === 'string' ? activity : JSON.stringify(activity),
  });
}
