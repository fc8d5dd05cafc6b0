// The toolkit's files as a Teams developer uses them: the deploy upload holds what runs and
// nothing private (read with the same `ignore` package the toolkit uses), the yml files name the
// schema version they are written for, and F5 starts what `npm start` starts.
import fs from 'node:fs';
import path from 'node:path';
import ignore from 'ignore';
import { ROOT } from './deploymentFiles';

const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

/** VS Code's JSON allows comments. */
function readJsonc(file: string): unknown {
  return JSON.parse(read(file).replace(/^\s*\/\/.*$/gm, ''));
}

test('the deploy upload holds the built server and tab and the lockfile, and no sources, env files or local data', () => {
  const rules = ignore().add(read('infra/webapp.ignore'));
  for (const kept of ['package.json', 'package-lock.json', 'dist/bot/main.js', 'dist/bot/core/keys.js', 'dist/tab/index.html', 'dist/tab/assets/index.js']) {
    expect({ kept, ignored: rules.ignores(kept) }).toEqual({ kept, ignored: false });
  }
  for (const left of ['.env', 'env/.env.dev', 'env/.env.dev.user', 'data/local/coproduce.sqlite', 'node_modules/jose/package.json', 'bot/main.ts', 'tab/src/main.tsx', 'tests/shutdown.test.ts', 'local/meetingRoles.json', '.m365agentsplayground.yml', 'appPackage/build/appPackage.dev.zip', 'README.md', 'devTools/playground.log']) {
    expect({ left, ignored: rules.ignores(left) }).toEqual({ left, ignored: true });
  }
});

test('both toolkit files declare the schema version they are written for', () => {
  for (const file of ['m365agents.yml', 'm365agents.local.yml']) {
    const text = read(file);
    const version = /^version:\s*(v[\d.]+)\s*$/m.exec(text)?.[1];
    expect({ file, version }).toEqual({ file, version: 'v1.11' });
    expect(text).toContain(`yaml-language-server: $schema=https://aka.ms/m365-agents-toolkits/${version}/yaml.schema.json`);
  }
});

test('F5 runs the built server in local mode and the Agents Playground against it, as npm start does', () => {
  const launch = readJsonc('.vscode/launch.json') as { configurations: Record<string, unknown>[]; compounds: { name: string; configurations: string[] }[] };
  const byName = new Map(launch.configurations.map((c) => [c.name as string, c]));
  const compound = launch.compounds.find((c) => c.name === 'Debug in Microsoft 365 Agents Playground');
  expect(compound?.configurations.every((name) => byName.has(name))).toBe(true);
  const [server, playground] = (compound?.configurations ?? []).map((name) => byName.get(name) as { program: string; env: Record<string, string>; args?: string[]; preLaunchTask?: string });
  expect(server.program).toBe('${workspaceFolder}/dist/bot/main.js');
  expect(server.env).toMatchObject({ COPRODUCE_MODE: 'local', BOT_ID: '' });
  const tasks = readJsonc('.vscode/tasks.json') as { tasks: { label: string; script?: string }[] };
  expect(tasks.tasks.find((t) => t.label === server.preLaunchTask)?.script).toBe('build');
  expect(fs.existsSync(path.join(ROOT, playground.program.replace('${workspaceFolder}/', '')))).toBe(true);
  expect(playground.args).toEqual(expect.arrayContaining(['-e', `http://127.0.0.1:${server.env.PORT}/api/messages`, '-c', 'msteams']));
  // The same playground configuration npm start uses.
  expect(read('scripts/playground.js')).toContain("'.m365agentsplayground.yml'");
  expect(JSON.stringify(playground)).toContain('.m365agentsplayground.yml');
});

test('the local toolkit environment makes nothing in a tenant or in Azure', () => {
  const local = read('m365agents.local.yml');
  const uses = [...local.matchAll(/-\s+uses:\s*(\S+)/g)].map((m) => m[1]);
  expect(uses).toEqual(['teamsApp/validateManifest', 'teamsApp/zipAppPackage', 'cli/runNpmCommand', 'cli/runNpmCommand']);
});
