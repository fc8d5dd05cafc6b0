// Two modes and no third: production by default and strict; local only on request and only
// with no bot identity. A bad configuration stops the app with every problem listed.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ConfigError, loadConfig } from '../bot/config';

const PRODUCTION = {
  BOT_ID: '8a0c6ad7-1111-4c5e-9e0b-0000000000b0',
  BOT_PASSWORD: 'secret',
  BOT_TENANT_ID: '11111111-1111-1111-1111-111111111111',
  PSEUDONYM_KEY: 'x'.repeat(32),
  ALLOW_SQLITE_SINGLE_INSTANCE: '1',
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
}

test('production is the default mode, with sign-in on and port 3978', () => {
  const config = loadConfig(PRODUCTION);
  expect(config.mode).toBe('production');
  expect(config.port).toBe(3978);
  expect(config.allowLoopbackServiceUrl).toBe(false);
  expect(Object.isFrozen(config)).toBe(true);
});

test('production without a bot identity refuses to start, saying why', () => {
  const problems = problemsOf({});
  expect(problems.join('\n')).toMatch(/BOT_ID is required/);
  expect(problems.join('\n')).toMatch(/PSEUDONYM_KEY/);
});

test('production refuses SQLite unless a single instance is accepted', () => {
  const { ALLOW_SQLITE_SINGLE_INSTANCE: _, ...rest } = PRODUCTION;
  expect(problemsOf(rest).join('\n')).toMatch(/ALLOW_SQLITE_SINGLE_INSTANCE=1/);
});

test('local mode needs the flag and an empty BOT_ID', () => {
  expect(problemsOf({ COPRODUCE_MODE: 'local', BOT_ID: 'abc' }).join('\n')).toMatch(/empty BOT_ID/);
  const local = loadConfig({ COPRODUCE_MODE: 'local', HOST: '0.0.0.0' });
  expect(local.mode).toBe('local');
  expect(local.host).toBe('127.0.0.1');
  expect(local.allowLoopbackServiceUrl).toBe(true);
});

test('unknown modes, storage kinds and bot types are refused', () => {
  expect(problemsOf({ COPRODUCE_MODE: 'demo' }).length).toBeGreaterThan(0);
  expect(problemsOf({ ...PRODUCTION, STORAGE: 'postgres' }).length).toBeGreaterThan(0);
  expect(problemsOf({ ...PRODUCTION, BOT_TYPE: 'MultiTenant' }).length).toBeGreaterThan(0);
});

test('azure tables storage needs a connection string or an endpoint', () => {
  expect(problemsOf({ ...PRODUCTION, STORAGE: 'azure-tables' }).join('\n')).toMatch(/AZURE_TABLES/);
});

test('allowed tenants must be tenant ids', () => {
  expect(problemsOf({ ...PRODUCTION, ALLOWED_TENANTS: 'contoso.com' }).join('\n')).toMatch(/not a tenant id/);
  expect(loadConfig({ ...PRODUCTION, ALLOWED_TENANTS: `${PRODUCTION.BOT_TENANT_ID}, ` }).allowedTenants).toEqual([PRODUCTION.BOT_TENANT_ID]);
});

test('every variable the config reads is documented in .env.example', () => {
  const fs = jest.requireActual<typeof import('node:fs')>('node:fs');
  const example = fs.readFileSync(path.join(__dirname, '..', '.env.example'), 'utf8');
  const source = fs.readFileSync(path.join(__dirname, '..', 'bot', 'config.ts'), 'utf8');
  const read = [...source.matchAll(/^\s+([A-Z][A-Z0-9_]+): z\./gm)].map((m) => m[1]);
  expect(read.length).toBeGreaterThan(10);
  for (const name of read) expect(example).toMatch(new RegExp(`^${name}=`, 'm'));
});

test('the server process refuses to start in production without a bot identity', () => {
  const result = spawnSync(process.execPath, ['-r', './tests/support/registerTs.js', 'bot/main.ts'], {
    cwd: path.join(__dirname, '..'),
    env: { PATH: process.env.PATH ?? '', PORT: '0' },
    encoding: 'utf8',
    timeout: 20000,
  });
  expect(result.status).toBe(2);
  expect(result.stderr).toContain('Coproduce cannot start');
  expect(result.stderr).toContain('BOT_ID is required in production');
});
