/**
 * Azurite's Table service for tests: started in memory on a free loopback port, stopped with its
 * whole process group. Nothing needs to be running beforehand and nothing is written to disk.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freePort } from './freePort';

/** Azurite's well-known development account (public, documented; not a secret). */
const ACCOUNT = 'devstoreaccount1';
const ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const START_TIMEOUT_MS = 20_000;

export interface Azurite {
  /** The Table endpoint, e.g. http://127.0.0.1:41234/devstoreaccount1 */
  readonly endpoint: string;
  readonly connectionString: string;
  stop(): Promise<void>;
}

/** The azurite-table entry point from node_modules, run with this Node: no global install, no shell. */
function tableServiceScript(): string {
  const packageJson = require.resolve('azurite/package.json');
  return path.join(path.dirname(packageJson), 'dist', 'src', 'table', 'main.js');
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal); // the child leads its own group (detached)
  } catch {
    // already gone
  }
}

async function answers(endpoint: string): Promise<boolean> {
  try {
    // Any HTTP answer (an unauthenticated request gets 403) means the service is listening.
    await fetch(`${endpoint}/Tables`, { signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
}

async function startOnce(): Promise<Azurite | { failed: string }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [tableServiceScript(), '--inMemoryPersistence', '--disableTelemetry', '--silent', '--tableHost', '127.0.0.1', '--tablePort', String(port)],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-2000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // If the test process ends without afterAll (a crash), do not leave Azurite behind.
  const onExit = () => killGroup(child, 'SIGKILL');
  process.once('exit', onExit);

  const endpoint = `http://127.0.0.1:${port}/${ACCOUNT}`;
  const stop = async () => {
    process.removeListener('exit', onExit);
    killGroup(child, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  };

  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop();
      return { failed: `Azurite exited early: ${output.trim()}` };
    }
    if (await answers(endpoint)) {
      const connectionString =
        `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${ACCOUNT_KEY};TableEndpoint=${endpoint};`;
      return { endpoint, connectionString, stop };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  return { failed: `Azurite did not answer within ${START_TIMEOUT_MS} ms: ${output.trim()}` };
}

/** Starts Azurite; tries another port if the chosen one was taken in the meantime. */
export async function startAzurite(): Promise<Azurite> {
  let last = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    const started = await startOnce();
    if (!('failed' in started)) return started;
    last = started.failed;
  }
  throw new Error(last);
}

/**
 * Starts Azurite in beforeAll and stops it in afterAll of the enclosing describe (or file).
 * Call the returned function inside tests or later hooks.
 */
export function useAzurite(): () => Azurite {
  let azurite: Azurite | undefined;
  beforeAll(async () => {
    azurite = await startAzurite();
  }, START_TIMEOUT_MS * 3 + 5000);
  afterAll(async () => {
    await azurite?.stop();
  });
  return () => {
    if (!azurite) throw new Error('Azurite is not running (useAzurite starts it in beforeAll).');
    return azurite;
  };
}
