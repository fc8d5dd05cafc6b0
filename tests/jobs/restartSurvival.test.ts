import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openSqliteStore } from '../../bot/storage/sqliteStore';
import { createJobStore } from '../../bot/jobs/jobStore';

const ROOT = resolve(__dirname, '../..');
const CHILD = join(__dirname, 'fixtures', 'jobChild.ts');

interface Child {
  readonly pid: number;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
  kill(signal: NodeJS.Signals): void;
}

const started: Child[] = [];

function startChild(args: readonly string[]): Child {
  const child = spawn(process.execPath, ['-r', './tests/support/registerTs.js', CHILD, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((done) =>
    child.on('exit', (code, signal) => done({ code, signal, stderr })),
  );
  const handle: Child = { pid: child.pid ?? -1, exited, kill: (signal) => child.kill(signal) };
  exited.then(() => started.splice(started.indexOf(handle), 1));
  started.push(handle);
  return handle;
}

async function waitForFile(file: string, timeoutMs: number): Promise<void> {
  const giveUpAt = Date.now() + timeoutMs;
  while (!existsSync(file)) {
    if (Date.now() > giveUpAt) throw new Error(`${file} never appeared`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function readJob(dbFile: string, key: string) {
  const store = openSqliteStore({ file: dbFile });
  try {
    return await createJobStore({ store, clock: { now: () => new Date() } }).find(key);
  } finally {
    await store.close();
  }
}

describe('jobs survive a restart', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'coproduce-jobs-restart-'));
  });
  afterEach(async () => {
    // A failed test must not leave a child hanging on to the database.
    for (const child of [...started]) {
      child.kill('SIGKILL');
      await child.exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs a job scheduled by a process that has since exited', async () => {
    const dbFile = join(dir, 'bot.db');
    const scheduler = await startChild(['schedule', dbFile, 'after-restart']).exited;
    expect(scheduler).toMatchObject({ code: 0 });
    expect(existsSync(join(dir, 'after-restart.json'))).toBe(false);
    expect(await readJob(dbFile, 'after-restart')).toMatchObject({ status: 'pending' });

    const worker = await startChild(['run', dbFile, 'after-restart', dir]).exited;
    expect(worker).toMatchObject({ code: 0, stderr: '' });
    const marker = JSON.parse(readFileSync(join(dir, 'after-restart.json'), 'utf8')) as { ranAt: string };
    const job = await readJob(dbFile, 'after-restart');
    expect(job).toMatchObject({ status: 'done', attempts: 0 });
    expect(Date.parse(marker.ranAt)).toBeGreaterThanOrEqual(job?.dueAt.getTime() ?? Infinity);
  });

  it('runs a job again after its runner was killed mid-run, once the lease has run out', async () => {
    const dbFile = join(dir, 'bot.db');
    const holder = startChild(['hold', dbFile, 'killed-mid-run', dir]);
    await waitForFile(join(dir, 'claimed.json'), 15_000);
    holder.kill('SIGKILL');
    expect(await holder.exited).toMatchObject({ signal: 'SIGKILL' });
    const claimed = JSON.parse(readFileSync(join(dir, 'claimed.json'), 'utf8')) as { leaseUntil: string };
    expect(await readJob(dbFile, 'killed-mid-run')).toMatchObject({ status: 'running' });

    const worker = await startChild(['run', dbFile, 'killed-mid-run', dir]).exited;
    expect(worker).toMatchObject({ code: 0, stderr: '' });
    const marker = JSON.parse(readFileSync(join(dir, 'killed-mid-run.json'), 'utf8')) as { ranAt: string };
    expect(Date.parse(marker.ranAt)).toBeGreaterThanOrEqual(Date.parse(claimed.leaseUntil));
    expect(await readJob(dbFile, 'killed-mid-run')).toMatchObject({ status: 'done', attempts: 1, lastError: 'leaseExpired' });
  });
});
