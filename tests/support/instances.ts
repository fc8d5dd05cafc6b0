/**
 * Several real server processes (`node -r ./tests/support/registerTs.js bot/main.ts`) sharing one
 * Azure Tables account (Azurite), as App Service runs them when scaled out: local mode, distinct
 * loopback ports, STORAGE=azure-tables. Started in parallel, ready once /healthz answers 200;
 * stopped with SIGTERM or killed with SIGKILL; always cleaned up, even if the test process dies.
 *
 * Two test-only instruments are preloaded into each child (never part of the app):
 * - a movable clock: Date in the child runs `offset` ms ahead of real time, and advanceClocks()
 *   moves every living instance forward together. The app's leases (60 s for jobs, 5 min per chat
 *   in the outbox) and its job due times are not settings, so this is how a test lets them pass
 *   in seconds, as the in-process tests do with a ManualClock. Timers run in real time.
 * - a name tag: every outgoing HTTP request carries `x-test-instance: <name>`, so a relay in front
 *   of Azurite or the Bot Connector can tell which instance sent it (tests/scale/relay.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './freePort';

const ROOT = path.resolve(__dirname, '../..');
const START_TIMEOUT_MS = 40_000;
const STOP_TIMEOUT_MS = 12_000;
export const INSTANCE_HEADER = 'x-test-instance';

/** Plain CommonJS, written to the run's temp folder and loaded with -r after registerTs.js. */
const PRELOAD = `'use strict';
// Test instrumentation for a server child process (tests/support/instances.ts). Not app code.
const fs = require('node:fs');
const http = require('node:http');
const RealDate = Date;
let offsetMs = 0;
const shiftedNow = () => RealDate.now() + offsetMs;
globalThis.Date = new Proxy(RealDate, {
  construct: (target, args, newTarget) => Reflect.construct(target, args.length === 0 ? [shiftedNow()] : args, newTarget),
  apply: () => new RealDate(shiftedNow()).toString(),
  get: (target, key, receiver) => (key === 'now' ? shiftedNow : Reflect.get(target, key, receiver)),
});
process.on('SIGUSR2', () => {
  offsetMs = Number(fs.readFileSync(process.env.COPRODUCE_TEST_CLOCK_FILE, 'utf8')) || 0;
  process.stderr.write('test-clock ' + offsetMs + '\\n');
});
const tag = process.env.COPRODUCE_TEST_INSTANCE;
const originalRequest = http.request;
http.request = function request(...args) {
  const req = originalRequest.apply(this, args);
  try { req.setHeader('${INSTANCE_HEADER}', tag); } catch { /* headers already sent */ }
  return req;
};
`;

export interface ServerInstance {
  /** 'a', 'b', … as given to the process (and on its requests). */
  readonly name: string;
  readonly url: string;
  readonly pid: number;
  /** stdout lines: the app's JSON log. */
  readonly logs: readonly string[];
  running(): boolean;
  /** kill -9: no shutdown code runs, leases stay held until they expire. */
  kill9(): Promise<void>;
  /** SIGTERM and wait; resolves with the exit code. */
  terminate(): Promise<number | null>;
}

export interface Instances {
  readonly all: readonly ServerInstance[];
  byName(name: string | undefined): ServerInstance;
  /** Moves every living instance's clock forward by `ms` and waits until each has done so. */
  advanceClocks(ms: number): Promise<void>;
  /** Stops whatever still runs (SIGTERM, then SIGKILL) and removes the temp folder. */
  stop(): Promise<void>;
}

export interface InstanceSettings {
  /** AZURE_TABLES_CONNECTION_STRING for every instance (Azurite's, or a relay in front of it). */
  readonly connectionString?: string;
  /** Default azure-tables; sqlite is for a single-instance comparison (benchmarks). */
  readonly storage?: 'azure-tables' | 'sqlite';
  readonly count?: number;
  /** Default 'warn'. */
  readonly logLevel?: string;
  /** Keep stdout lines for logEntries(). Default true; benchmarks turn it off. */
  readonly keepLogs?: boolean;
  /** Preload the movable clock and the name tag. Default true; benchmarks turn it off. */
  readonly instrumented?: boolean;
  /** Extra environment, e.g. DATA_DIR for a SQLite file seeded beforehand. */
  readonly env?: Readonly<Record<string, string>>;
}

interface Child {
  readonly instance: ServerInstance;
  readonly process: ChildProcess;
  readonly stderr: string[];
  readonly exited: Promise<void>;
}

function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

function lines(into: string[], keep = Infinity) {
  let partial = '';
  return (chunk: Buffer) => {
    const parts = (partial + chunk.toString('utf8')).split('\n');
    partial = parts.pop() ?? '';
    into.push(...parts);
    if (into.length > keep) into.splice(0, into.length - keep);
  };
}

/** Polls `check` until it returns something other than undefined/false. */
export async function waitUntil<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 20_000, everyMs = 100): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

async function healthy(url: string): Promise<boolean> {
  return fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) }).then((r) => r.status === 200, () => false);
}

export async function startInstances(settings: InstanceSettings): Promise<Instances> {
  const dir = mkdtempSync(path.join(tmpdir(), 'coproduce-instances-'));
  const preload = path.join(dir, 'testInstrumentation.js');
  const clockFile = path.join(dir, 'clockOffsetMs');
  writeFileSync(preload, PRELOAD);
  writeFileSync(clockFile, '0');
  let offsetMs = 0;
  const children: Child[] = [];
  const killAll = () => children.forEach((c) => isRunning(c.process) && c.process.kill('SIGKILL'));
  // A test process that dies without afterAll must not leave servers behind.
  process.once('exit', killAll);

  async function startOne(name: string): Promise<Child> {
    const port = await freePort();
    const storage = settings.storage ?? 'azure-tables';
    const preloads = settings.instrumented === false ? [] : ['-r', preload];
    const proc = spawn(process.execPath, ['-r', './tests/support/registerTs.js', ...preloads, 'bot/main.ts'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        PATH: process.env.PATH ?? '',
        COPRODUCE_MODE: 'local',
        PORT: String(port),
        STORAGE: storage,
        ...(storage === 'azure-tables' ? { AZURE_TABLES_CONNECTION_STRING: settings.connectionString } : {}),
        DATA_DIR: path.join(dir, `data-${name}`),
        LOG_LEVEL: settings.logLevel ?? 'warn',
        COPRODUCE_TEST_INSTANCE: name,
        COPRODUCE_TEST_CLOCK_FILE: clockFile,
        ...settings.env,
      },
    });
    const logs: string[] = [];
    const stderr: string[] = [];
    // Always read stdout (a full pipe would stall the child); keep it only when asked.
    proc.stdout?.on('data', settings.keepLogs === false ? () => undefined : lines(logs));
    proc.stderr?.on('data', lines(stderr, 200));
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    const url = `http://127.0.0.1:${port}`;
    const instance: ServerInstance = {
      name,
      url,
      pid: proc.pid ?? -1,
      logs,
      running: () => isRunning(proc),
      kill9: async () => {
        if (isRunning(proc)) proc.kill('SIGKILL');
        await exited;
      },
      terminate: async () => {
        if (isRunning(proc)) proc.kill('SIGTERM');
        const timer = setTimeout(() => isRunning(proc) && proc.kill('SIGKILL'), STOP_TIMEOUT_MS);
        await exited;
        clearTimeout(timer);
        return proc.exitCode;
      },
    };
    const child = { instance, process: proc, stderr, exited };
    children.push(child);
    await waitUntil(`instance ${name} to answer /healthz`, async () => {
      if (!isRunning(proc)) throw new Error(`instance ${name} exited during start-up: ${stderr.join('\n')}`);
      return healthy(url);
    }, START_TIMEOUT_MS, 150);
    return child;
  }

  const stop = async () => {
    await Promise.all(children.map((c) => c.instance.terminate()));
    process.removeListener('exit', killAll);
    rmSync(dir, { recursive: true, force: true });
  };

  const names = Array.from({ length: settings.count ?? 2 }, (_, i) => String.fromCharCode(97 + i));
  try {
    await Promise.all(names.map(startOne));
  } catch (error) {
    await stop();
    throw error;
  }
  const all = names.map((name) => children.find((c) => c.instance.name === name)!.instance);

  return {
    all,
    byName(name) {
      const found = all.find((i) => i.name === name);
      if (!found) throw new Error(`no instance named ${String(name)}`);
      return found;
    },
    async advanceClocks(ms) {
      if (settings.instrumented === false) throw new Error('These instances were started without the movable clock.');
      offsetMs += ms;
      writeFileSync(clockFile, String(offsetMs));
      const living = children.filter((c) => isRunning(c.process));
      for (const c of living) c.process.kill('SIGUSR2');
      await waitUntil('every instance to move its clock', () => living.every((c) => c.stderr.includes(`test-clock ${offsetMs}`)), 5000, 20);
    },
    stop,
  };
}

/** The app's JSON log lines with this message. */
export function logEntries(instance: ServerInstance, msg: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const line of instance.logs) {
    if (!line.includes(msg)) continue;
    try {
      const entry = JSON.parse(line) as Record<string, unknown>;
      if (entry.msg === msg) out.push(entry);
    } catch {
      // not a log line
    }
  }
  return out;
}
