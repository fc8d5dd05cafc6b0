// What the Bicep files promise, read as text (the Bicep CLI cannot run here): the modules fit
// together, the resource types use API versions checked against published templates, and the
// security and hosting choices the design asks for are actually written down.
import fs from 'node:fs';
import path from 'node:path';
import { paramsOf, ROOT } from './deploymentFiles';

const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const main = read('infra/main.bicep');
const modules = Object.fromEntries(
  fs.readdirSync(path.join(ROOT, 'infra', 'modules')).filter((f) => f.endsWith('.bicep')).map((f) => [`modules/${f}`, read(`infra/modules/${f}`)]),
);
const allBicep = [main, ...Object.values(modules)].join('\n');

/** Resource types and the API versions we checked against published templates and docs. */
const CHECKED_API_VERSIONS: Readonly<Record<string, string>> = {
  'Microsoft.ManagedIdentity/userAssignedIdentities': '2023-01-31',
  'Microsoft.Storage/storageAccounts': '2023-05-01',
  'Microsoft.Storage/storageAccounts/tableServices': '2023-05-01',
  'Microsoft.Authorization/roleAssignments': '2022-04-01',
  'Microsoft.KeyVault/vaults': '2023-07-01',
  'Microsoft.KeyVault/vaults/secrets': '2023-07-01',
  'Microsoft.OperationalInsights/workspaces': '2023-09-01',
  'Microsoft.Insights/components': '2020-02-02',
  'Microsoft.Insights/diagnosticSettings': '2021-05-01-preview',
  'Microsoft.Web/serverfarms': '2023-12-01',
  'Microsoft.Web/sites': '2023-12-01',
  'Microsoft.BotService/botServices': '2022-09-15',
  'Microsoft.BotService/botServices/channels': '2022-09-15',
};

/** The text between the `{` that opens at `from` and its matching `}`. */
function block(text: string, from: number): string {
  const open = text.indexOf('{', from);
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    if (text[i] === '}' && --depth === 0) return text.slice(open + 1, i);
  }
  throw new Error('unbalanced braces');
}

/** Keys written directly inside a block (one level deep). */
function topLevelKeys(body: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  for (const line of body.split('\n')) {
    const key = /^\s*([A-Za-z_][A-Za-z0-9_]*):/.exec(line);
    if (key && depth === 0) keys.push(key[1]);
    depth += (line.match(/[{[]/g) ?? []).length - (line.match(/[}\]]/g) ?? []).length;
  }
  return keys;
}

test('every resource uses an API version we checked', () => {
  const used = [...allBicep.matchAll(/^resource\s+\w+\s+'([^@']+)@([^']+)'/gm)].map((m) => [m[1], m[2]]);
  expect(used.length).toBeGreaterThanOrEqual(13);
  for (const [type, version] of used) expect({ type, version }).toEqual({ type, version: CHECKED_API_VERSIONS[type] });
});

test('each module is given exactly the parameters it declares, and only outputs it has are read', () => {
  const calls = [...main.matchAll(/^module\s+(\w+)\s+'([^']+)'\s*=/gm)];
  expect(calls.length).toBe(6);
  for (const call of calls) {
    const [, symbol, file] = call;
    const moduleText = modules[file];
    expect({ file, exists: moduleText !== undefined }).toEqual({ file, exists: true });
    const body = block(main, call.index ?? 0);
    const given = topLevelKeys(block(body, body.indexOf('params:')));
    const declared = paramsOf(moduleText);
    expect({ file, unknown: given.filter((g) => !declared.some((d) => d.name === g)) }).toEqual({ file, unknown: [] });
    expect({ file, missing: declared.filter((d) => d.required && !given.includes(d.name)).map((d) => d.name) }).toEqual({ file, missing: [] });
    const outputs = [...moduleText.matchAll(/^output\s+(\w+)\s/gm)].map((m) => m[1]);
    const read = [...main.matchAll(new RegExp(`\\b${symbol}\\.outputs\\.(\\w+)`, 'g'))].map((m) => m[1]);
    expect({ file, unknownOutputs: read.filter((o) => !outputs.includes(o)) }).toEqual({ file, unknownOutputs: [] });
  }
});

test('the web app: Linux, Node 20 LTS, HTTPS only, always on, health check on the route the server answers', () => {
  const web = modules['modules/webApp.bicep'];
  expect(web).toMatch(/linuxFxVersion: 'NODE\|20-lts'/);
  expect(web).toMatch(/httpsOnly: true/);
  expect(web).toMatch(/alwaysOn: true/);
  expect(web).toMatch(/minTlsVersion: '1\.2'/);
  expect(web).toMatch(/ftpsState: 'Disabled'/);
  expect(web).toMatch(/reserved: true/); // a Linux plan
  expect(web).toMatch(/clientAffinityEnabled: false/);
  expect(web).toMatch(/healthCheckPath: '\/healthz'/);
  expect(read('bot/http/server.ts')).toContain("server.get('/healthz'");
  expect(web).toMatch(/type: 'UserAssigned'/);
  expect(web).toMatch(/keyVaultReferenceIdentity: identityId/);
});

test('the web app starts what the build makes', () => {
  const command = /appCommandLine: 'node ([^']+)'/.exec(modules['modules/webApp.bicep'])?.[1];
  const build = JSON.parse(read('tsconfig.build.json')) as { compilerOptions: { rootDir: string; outDir: string } };
  expect(command).toBe(`${build.compilerOptions.outDir}/main.js`);
  expect(fs.existsSync(path.join(ROOT, build.compilerOptions.rootDir, 'main.ts'))).toBe(true);
  const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
  expect(pkg.scripts.serve).toBe(`node ${command}`);
});

test('no storage account keys: shared keys off, the identity gets a data role, no key is read anywhere', () => {
  const storage = modules['modules/storage.bicep'];
  expect(storage).toMatch(/allowSharedKeyAccess: false/);
  expect(storage).toMatch(/'0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'/); // Storage Table Data Contributor
  expect(storage).toMatch(/principalType: 'ServicePrincipal'/);
  expect(allBicep).not.toMatch(/listKeys\(|AccountKey|DefaultEndpointsProtocol|AZURE_TABLES_CONNECTION_STRING/);
});

test('the bot signs in as the user-assigned identity and the Teams channel is on', () => {
  const bot = modules['modules/bot.bicep'];
  expect(bot).toMatch(/msaAppType: 'UserAssignedMSI'/);
  expect(bot).toMatch(/msaAppMSIResourceId: identityId/);
  expect(bot).toMatch(/msaAppId: identityClientId/);
  expect(bot).toMatch(/channelName: 'MsTeamsChannel'/);
  expect(main).toMatch(/endpoint: '\$\{publicUrl\}\/api\/messages'/);
});

test('the pseudonym key is a secure parameter kept in Key Vault and read by reference', () => {
  expect(main).toMatch(/@secure\(\)\n@minLength\(32\)\n@description\([^\n]*\)\nparam pseudonymKey string/);
  const vault = modules['modules/keyVault.bicep'];
  expect(vault).toMatch(/enableRbacAuthorization: true/);
  expect(vault).toMatch(/'4633458b-17de-408a-b874-0445c86b69e6'/); // Key Vault Secrets User
  expect(modules['modules/webApp.bicep']).toMatch(/value: '@Microsoft\.KeyVault\(SecretUri=\$\{pseudonymKeyUri\}\)'/);
  expect(read('infra/main.parameters.json')).toContain('"${{SECRET_PSEUDONYM_KEY}}"');
});

test('Application Insights keeps request and dependency telemetry (URLs with ids) off', () => {
  const web = modules['modules/webApp.bicep'];
  const settings = block(web, web.indexOf('var insightsAgentSettings'));
  expect(settings).toMatch(/http: \{\s*enabled: false\s*\}/);
  expect(settings).toMatch(/azureSdk: \{\s*enabled: false\s*\}/);
  expect(settings).toMatch(/enableAutoCollectRequests: false/);
  expect(settings).toMatch(/enableAutoCollectDependencies: false/);
  expect(web).toMatch(/value: string\(insightsAgentSettings\)/);
  // HTTP access logs would record URLs too: only console and platform logs are kept.
  expect([...web.matchAll(/category: '(\w+)'/g)].map((m) => m[1]).sort()).toEqual(['AppServiceConsoleLogs', 'AppServicePlatformLogs']);
  expect(modules['modules/monitoring.bicep']).toMatch(/DisableIpMasking: false/);
});
