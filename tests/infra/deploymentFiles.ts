/**
 * Reads the deployment files as plain text (no Bicep CLI, no YAML library) into the few facts
 * the consistency check compares: the web app's settings, the template's parameters and outputs,
 * the toolkit's actions with what each reads from and writes to the env file, and the env files.
 * Parsing is line-based on purpose: these files are ours and keep one item per line.
 */
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');

/** Every file the check reads, as text, so a test can change one in memory and check again. */
export interface DeploymentFiles {
  readonly mainBicep: string;
  readonly webAppBicep: string;
  readonly parametersJson: string;
  readonly toolkitYml: string;
  readonly envDev: string;
  readonly envLocal: string;
  readonly teamsManifest: string;
  readonly aadManifest: string;
  readonly runbook: string;
}

export const FILES: Readonly<Record<keyof DeploymentFiles, string>> = {
  mainBicep: 'infra/main.bicep',
  webAppBicep: 'infra/modules/webApp.bicep',
  parametersJson: 'infra/main.parameters.json',
  toolkitYml: 'm365agents.yml',
  envDev: 'env/.env.dev',
  envLocal: 'env/.env.local',
  teamsManifest: 'appPackage/manifest.json',
  aadManifest: 'aad.manifest.json',
  runbook: 'docs/runbook.md',
};

export function readDeploymentFiles(): DeploymentFiles {
  const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
  return Object.fromEntries(Object.entries(FILES).map(([key, file]) => [key, read(file)])) as unknown as DeploymentFiles;
}

export interface AppSetting {
  readonly name: string;
  /** The value when it is a plain string literal; undefined for an expression. */
  readonly literal?: string;
}

/** The `appSettings: [ … ]` entries: a `name: '…'` line followed by its `value: …` line. */
export function appSettingsOf(bicep: string): AppSetting[] {
  const start = bicep.indexOf('appSettings: [');
  if (start < 0) return [];
  const lines = bicep.slice(start).split('\n');
  const settings: AppSetting[] = [];
  let depth = 0;
  let pending: string | undefined;
  for (const line of lines) {
    depth += (line.match(/\[/g) ?? []).length - (line.match(/\]/g) ?? []).length;
    const name = /^\s*name:\s*'([^']+)'\s*$/.exec(line);
    const value = /^\s*value:\s*(.+?)\s*$/.exec(line);
    if (name) pending = name[1];
    else if (value && pending) {
      const literal = /^'([^'$]*)'$/.exec(value[1]);
      settings.push({ name: pending, ...(literal ? { literal: literal[1] } : {}) });
      pending = undefined;
    }
    if (depth <= 0) break;
  }
  return settings;
}

export function outputsOf(bicep: string): string[] {
  return [...bicep.matchAll(/^output\s+([A-Za-z_][A-Za-z0-9_]*)\s+\w+\s*=/gm)].map((m) => m[1]);
}

export function paramsOf(bicep: string): { readonly name: string; readonly required: boolean }[] {
  return [...bicep.matchAll(/^param\s+([A-Za-z_][A-Za-z0-9_]*)\s+\w+(\s*=.*)?$/gm)].map((m) => ({ name: m[1], required: !m[2] }));
}

/** `${{NAME}}` placeholders the toolkit (and scripts/package-app.js) fill from the env file. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(/\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g)].map((m) => m[1]))];
}

/** KEY=VALUE lines of an env file; comments and blank lines skipped. */
export function envEntries(text: string): Map<string, string> {
  const entries = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (match && !line.trim().startsWith('#')) entries.set(match[1], match[2]);
  }
  return entries;
}

export interface ToolkitAction {
  readonly stage: string;
  readonly uses: string;
  /** The action's own lines, as written. */
  readonly text: string;
  /** Env variables the action writes (writeToEnvironmentFile). */
  readonly writes: readonly string[];
  /** Files the action reads that may hold placeholders. */
  readonly files: readonly string[];
}

/** The lifecycle stages in order, each a list of `- uses:` actions. */
export function toolkitActions(yml: string): ToolkitAction[] {
  const actions: ToolkitAction[] = [];
  let stage = '';
  let current: string[] | undefined;
  const flush = () => {
    if (!current) return;
    const text = current.join('\n');
    const uses = /-\s+uses:\s*(\S+)/.exec(text)?.[1] ?? '';
    actions.push({ stage, uses, text, writes: writesOf(current), files: filesOf(text) });
    current = undefined;
  };
  for (const line of yml.split('\n')) {
    if (/^\s*#/.test(line)) continue;
    const top = /^([a-zA-Z]+):/.exec(line);
    if (top) {
      flush();
      stage = top[1];
      continue;
    }
    if (/^\s{2}-\s+uses:/.test(line)) {
      flush();
      current = [line];
    } else if (current) {
      current.push(line);
    }
  }
  flush();
  return actions;
}

function writesOf(lines: readonly string[]): string[] {
  const out: string[] = [];
  const at = lines.findIndex((l) => /^\s*writeToEnvironmentFile:\s*$/.test(l));
  if (at < 0) return out;
  const indent = lines[at].search(/\S/);
  for (const line of lines.slice(at + 1)) {
    if (line.trim() === '') continue;
    if (line.search(/\S/) <= indent) break;
    const entry = /^\s*\w+:\s*([A-Z][A-Z0-9_]*)\s*$/.exec(line);
    if (entry) out.push(entry[1]);
  }
  return out;
}

function filesOf(text: string): string[] {
  return [...text.matchAll(/^\s*-?\s*(?:manifestPath|parameters|path):\s*(\S+)\s*$/gm)].map((m) => m[1]);
}
