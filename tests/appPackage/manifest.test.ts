import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { parseCommand } from '../../bot/core/commandParser';
import {
  buildAppPackage,
  checkIcons,
  fillPlaceholders,
  validateAgainstBundledSchema,
  type ManifestObject,
} from '../../scripts/appManifest';


interface DecodedPng {
  width: number;
  height: number;
  data: Buffer;
}
// pngjs ships no types (and @types/pngjs is not installed): describe the two calls used here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { PNG } = require('pngjs') as {
  PNG: {
    new (options: { width: number; height: number }): DecodedPng;
    sync: { read(buffer: Buffer): DecodedPng; write(png: DecodedPng): Buffer };
  };
};

const projectRoot = path.join(__dirname, '..', '..');
const appDir = path.join(projectRoot, 'appPackage');

const testValues = {
  TEAMS_APP_ID: '3f2a9c1e-5b7d-4e8f-a1b2-c3d4e5f60718',
  BOT_ID: '9b8a7c6d-1e2f-4a3b-8c4d-5e6f7a8b9c0d',
  BOT_DOMAIN: 'coproduce.test.example.org',
  TAB_CLIENT_ID: '0a1b2c3d-4e5f-4061-8273-94a5b6c7d8e9',
  APP_NAME_SUFFIX: '',
};

/** The stable command words the bot understands (arguments such as minutes or text come after them). */
const commandVocabulary = [
  'setup', 'purpose', 'consent', 'break', 'next', 'recap', 'sense check',
  'note', 'unsaid', 'wrap up', 'digest', 'my data', 'help',
];

interface Command { title: string; description?: string }
interface CommandList { scopes: string[]; commands: Command[] }
interface Bot { botId: string; scopes: string[]; commandLists: CommandList[] }
interface Tab { configurationUrl: string; canUpdateConfiguration: boolean; scopes: string[]; context: string[] }
interface Permission { name: string; type: string }
interface FilledManifest {
  manifestVersion: string;
  id: string;
  accentColor: string;
  name: { short: string; full: string };
  bots: Bot[];
  configurableTabs: Tab[];
  meetingExtensionDefinition: { supportsAnonymousGuestUsers?: boolean };
  webApplicationInfo: { id: string; resource: string };
  validDomains: string[];
  authorization: { permissions: { resourceSpecific: Permission[] } };
}

function readTemplate(): ManifestObject {
  return JSON.parse(fs.readFileSync(path.join(appDir, 'manifest.json'), 'utf8')) as ManifestObject;
}

function filledManifest(values: Record<string, string> = testValues): ManifestObject {
  const { manifest, missing } = fillPlaceholders(readTemplate(), values);
  expect(missing).toEqual([]);
  return manifest;
}

function asManifest(manifest: ManifestObject): FilledManifest {
  return manifest as unknown as FilledManifest;
}

let tempDir: string;
let realFetch: typeof globalThis.fetch;
const fetchAttempts: string[] = [];

beforeAll(() => {
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coproduce-app-package-'));
  // Validation must work with no network at all: any attempt to download a schema fails the test.
  realFetch = globalThis.fetch;
  globalThis.fetch = ((input: unknown) => {
    fetchAttempts.push(String(input));
    throw new Error('network is not allowed in this test');
  }) as typeof globalThis.fetch;
});

afterAll(() => {
  globalThis.fetch = realFetch;
  fs.rmSync(tempDir, { recursive: true, force: true });
});

function writeEnvFile(name: string, values: Record<string, string>): string {
  const file = path.join(tempDir, `.env.${name}`);
  const lines = Object.entries(values).map(([key, value]) => `${key}=${value}`);
  fs.writeFileSync(file, `# test values\n${lines.join('\n')}\n`);
  return file;
}

describe('Teams app manifest', () => {
  test('is valid against the schema bundled in @microsoft/app-manifest, checked offline', async () => {
    const manifest = filledManifest();
    expect(await validateAgainstBundledSchema(manifest)).toEqual([]);
    expect(fetchAttempts).toEqual([]);
  });

  test('uses manifest version 1.25 or newer and leaves no placeholder unfilled', () => {
    const manifest = asManifest(filledManifest());
    const [major, minor] = manifest.manifestVersion.split('.').map(Number);
    expect(major).toBe(1);
    expect(minor).toBeGreaterThanOrEqual(25);
    expect(JSON.stringify(manifest)).not.toContain('${{');
    expect(manifest.id).toBe(testValues.TEAMS_APP_ID);
    expect(manifest.name.short).toBe('Coproduce');
  });

  test('offers the tab in every meeting surface, in channels and in group chats', () => {
    const tabs = asManifest(filledManifest()).configurableTabs;
    expect(tabs).toHaveLength(1);
    expect([...tabs[0].context].sort()).toEqual(
      ['channelTab', 'meetingChatTab', 'meetingDetailsTab', 'meetingSidePanel', 'meetingStage', 'privateChatTab'],
    );
    expect([...tabs[0].scopes].sort()).toEqual(['groupChat', 'team']);
    expect(tabs[0].canUpdateConfiguration).toBe(true);
    expect(tabs[0].configurationUrl).toMatch(/^https:\/\/coproduce\.test\.example\.org\/tab\//);
  });

  test('lets anonymous meeting guests use the meeting extension', () => {
    expect(asManifest(filledManifest()).meetingExtensionDefinition.supportsAnonymousGuestUsers).toBe(true);
  });

  test('installs the bot in 1:1 chats, teams and group chats', () => {
    const bots = asManifest(filledManifest()).bots;
    expect(bots).toHaveLength(1);
    expect(bots[0].botId).toBe(testValues.BOT_ID);
    expect([...bots[0].scopes].sort()).toEqual(['groupChat', 'personal', 'team']);
  });

  test('suggests only known commands, at most 12 per list, one list per scope', () => {
    const lists = asManifest(filledManifest()).bots[0].commandLists;
    expect(lists.map((list) => list.scopes).flat().sort()).toEqual(['groupChat', 'personal', 'team']);
    for (const list of lists) {
      expect(list.commands.length).toBeGreaterThan(0);
      expect(list.commands.length).toBeLessThanOrEqual(12);
      for (const command of list.commands) {
        expect(commandVocabulary).toContain(command.title);
        expect(command.description?.length ?? 0).toBeGreaterThan(10);
        // Picking a suggested command in Teams sends its title: the bot must understand it as that word.
        expect(parseCommand(command.title)).toEqual({ kind: 'command', word: command.title, argument: '' });
      }
    }
    // A reply in a group or meeting chat is seen by everyone, so "my data" is only offered in 1:1 chat.
    const personal = lists.find((list) => list.scopes.includes('personal'));
    expect(personal?.commands.map((c) => c.title)).toContain('my data');
    for (const list of lists.filter((l) => !l.scopes.includes('personal'))) {
      expect(list.commands.map((c) => c.title)).not.toContain('my data');
    }
  });

  test('asks only for the meeting permissions the features use, and none to read chat messages', () => {
    const permissions = asManifest(filledManifest()).authorization.permissions.resourceSpecific;
    const asText = permissions.map((p) => `${p.name} (${p.type})`).sort();
    expect(asText).toEqual([
      'ChannelMeeting.ReadBasic.Group (Application)',
      'ChannelMeetingParticipant.Read.Group (Application)',
      'ChannelMeetingStage.Write.Group (Delegated)',
      'MeetingStage.Write.Chat (Delegated)',
      'OnlineMeeting.ReadBasic.Chat (Application)',
      'OnlineMeetingParticipant.Read.Chat (Application)',
    ]);
    expect(permissions.some((p) => /Message/.test(p.name))).toBe(false);
  });

  test('ties tab sign-in to the tab app registration on the server domain', () => {
    const manifest = asManifest(filledManifest());
    expect(manifest.webApplicationInfo).toEqual({
      id: testValues.TAB_CLIENT_ID,
      resource: `api://coproduce.test.example.org/${testValues.TAB_CLIENT_ID}`,
    });
    expect(manifest.validDomains).toEqual(['coproduce.test.example.org']);
  });

  test('fails the schema check when the manifest is broken, so the check can catch mistakes', async () => {
    const broken = { ...filledManifest(), notARealProperty: true };
    const errors = await validateAgainstBundledSchema(broken);
    expect(errors.join('\n')).toContain('notARealProperty');

    const tooLongName = filledManifest({ ...testValues, APP_NAME_SUFFIX: ' for a very long test name' });
    expect((await validateAgainstBundledSchema(tooLongName)).join('\n')).toContain('/name/short');
  });
});

describe('app icons', () => {
  const colour = PNG.sync.read(fs.readFileSync(path.join(appDir, 'color.png')));
  const outline = PNG.sync.read(fs.readFileSync(path.join(appDir, 'outline.png')));
  const pixel = (png: DecodedPng, x: number, y: number) => [...png.data.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 4)];

  test('colour icon is 192 x 192 on a solid accent background with the mark in the central 96 x 96', () => {
    expect([colour.width, colour.height]).toEqual([192, 192]);
    const background = pixel(colour, 0, 0);
    const accent = asManifest(filledManifest()).accentColor;
    expect(`#${background.slice(0, 3).map((v) => v.toString(16).padStart(2, '0')).join('')}`.toUpperCase()).toBe(accent.toUpperCase());
    let markPixels = 0;
    const seeThrough: string[] = [];
    const outsideSafeArea: string[] = [];
    for (let y = 0; y < 192; y += 1) {
      for (let x = 0; x < 192; x += 1) {
        const value = pixel(colour, x, y);
        if (value[3] !== 255) seeThrough.push(`${x},${y}`);
        const differs = value.join() !== background.join();
        const inSafeArea = x >= 48 && x < 144 && y >= 48 && y < 144;
        if (differs && !inSafeArea) outsideSafeArea.push(`${x},${y}`);
        if (differs && inSafeArea) markPixels += 1;
      }
    }
    expect(seeThrough).toEqual([]);
    expect(outsideSafeArea).toEqual([]);
    expect(markPixels).toBeGreaterThan(1000);
  });

  test('outline icon is 32 x 32, white on transparent, with a visible mark', () => {
    expect([outline.width, outline.height]).toEqual([32, 32]);
    let visible = 0;
    let transparent = 0;
    const notWhite: string[] = [];
    for (let y = 0; y < 32; y += 1) {
      for (let x = 0; x < 32; x += 1) {
        const [r, g, b, a] = pixel(outline, x, y);
        if (a === 0) transparent += 1;
        else {
          visible += 1;
          if (r !== 255 || g !== 255 || b !== 255) notWhite.push(`${x},${y}`);
        }
      }
    }
    expect(notWhite).toEqual([]);
    expect(visible).toBeGreaterThan(100);
    expect(transparent).toBeGreaterThan(100);
  });

  test('the icon check rejects a wrong size and a coloured outline', () => {
    const badDir = path.join(tempDir, 'bad-icons');
    fs.mkdirSync(badDir, { recursive: true });
    fs.writeFileSync(path.join(badDir, 'color.png'), PNG.sync.write(new PNG({ width: 100, height: 100 })));
    const redOutline = new PNG({ width: 32, height: 32 });
    redOutline.data.fill(0);
    redOutline.data.set([255, 0, 0, 255], 0);
    fs.writeFileSync(path.join(badDir, 'outline.png'), PNG.sync.write(redOutline));
    const problems = checkIcons(badDir, filledManifest()).join('\n');
    expect(problems).toContain('192 x 192');
    expect(problems).toContain('only use white');
  });
});

describe('npm run package', () => {
  test('writes a zip holding exactly manifest.json and the two icons, with the values filled in', async () => {
    const envFile = writeEnvFile('test', testValues);
    const outDir = path.join(tempDir, 'out');
    const run = spawnSync(process.execPath, ['scripts/package-app.js', '--env', envFile, '--out', outDir], {
      cwd: projectRoot,
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const zipPath = path.join(outDir, 'appPackage.test.zip');
    expect(run.stdout).toContain('appPackage.test.zip');

    const zip = await JSZip.loadAsync(fs.readFileSync(zipPath));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as FilledManifest;
    expect(manifest.bots[0].botId).toBe(testValues.BOT_ID);
    expect(manifest.validDomains).toEqual([testValues.BOT_DOMAIN]);
    const zippedOutline = await zip.file('outline.png')!.async('nodebuffer');
    expect(zippedOutline.equals(fs.readFileSync(path.join(appDir, 'outline.png')))).toBe(true);
  });

  test('fails with a plain message naming each variable that has no value', () => {
    const withoutDomain = Object.fromEntries(Object.entries(testValues).filter(([name]) => name !== 'BOT_DOMAIN'));
    const envFile = writeEnvFile('missing', { ...withoutDomain, TAB_CLIENT_ID: '' });
    const outDir = path.join(tempDir, 'out-missing');
    const run = spawnSync(process.execPath, ['scripts/package-app.js', '--env', envFile, '--out', outDir], {
      cwd: projectRoot,
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('BOT_DOMAIN');
    expect(run.stderr).toContain('TAB_CLIENT_ID');
    expect(fs.existsSync(path.join(outDir, 'appPackage.missing.zip'))).toBe(false);
  });

  test('refuses a domain written as a URL', async () => {
    const envFile = writeEnvFile('url', { ...testValues, BOT_DOMAIN: 'https://coproduce.example.org/' });
    const result = await buildAppPackage({ appDir, envFile, outDir: path.join(tempDir, 'out-url') });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join('\n')).toContain('without https://');
  });

  test('refuses a manifest that breaks the schema', async () => {
    const envFile = writeEnvFile('long', { ...testValues, APP_NAME_SUFFIX: ' with a name far too long for Teams' });
    const result = await buildAppPackage({ appDir, envFile, outDir: path.join(tempDir, 'out-long') });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join('\n')).toContain('/name/short must NOT have more than 30 characters');
  });

  test('the committed env templates: local packages as it is, dev lists what to fill in', async () => {
    const local = await buildAppPackage({
      appDir,
      envFile: path.join(projectRoot, 'env', '.env.local'),
      outDir: path.join(tempDir, 'out-local'),
    });
    expect(local).toMatchObject({ ok: true, envName: 'local' });

    const dev = await buildAppPackage({
      appDir,
      envFile: path.join(projectRoot, 'env', '.env.dev'),
      outDir: path.join(tempDir, 'out-dev'),
    });
    expect(dev.ok).toBe(false);
    if (!dev.ok) {
      for (const name of ['TEAMS_APP_ID', 'BOT_ID', 'BOT_DOMAIN', 'TAB_CLIENT_ID']) {
        expect(dev.problems.join('\n')).toContain(name);
      }
    }
  });
});
