// The Bicep template, the toolkit's files and the production configuration in bot/config.ts are
// written separately; this checks they agree (the Bicep CLI cannot run here), and then shows the
// check fails when one of them is broken in a copy.
import { loadConfig } from '../../bot/config';
import { checkDeployment, productionEnvFromBicep, requiredInProduction } from './deploymentConsistency';
import { appSettingsOf, outputsOf, readDeploymentFiles, toolkitActions, type DeploymentFiles } from './deploymentFiles';

const files = readDeploymentFiles();

/** A copy of the files with one of them changed. */
function withChange(key: keyof DeploymentFiles, change: (text: string) => string): DeploymentFiles {
  const changed = change(files[key]);
  if (changed === files[key]) throw new Error(`the change to ${key} changed nothing: the test is out of date`);
  return { ...files, [key]: changed };
}

/** Removes one `{ name: 'X' … value: … }` entry from the web app's settings. */
function withoutSetting(text: string, name: string): string {
  return text.replace(new RegExp(`\\n\\s*\\{\\n(\\s*//[^\\n]*\\n)?\\s*name: '${name}'\\n\\s*value: [^\\n]*\\n\\s*\\}`), '');
}

test('the deployment files agree with each other and with the production configuration', () => {
  expect(checkDeployment(files)).toEqual([]);
});

test('the parsers see the files they check', () => {
  expect(appSettingsOf(files.webAppBicep).length).toBeGreaterThanOrEqual(15);
  expect(outputsOf(files.mainBicep)).toEqual(expect.arrayContaining(['BOT_ID', 'BOT_DOMAIN', 'PUBLIC_URL', 'AZURE_TABLES_ENDPOINT', 'BOT_AZURE_APP_SERVICE_RESOURCE_ID']));
  expect(toolkitActions(files.toolkitYml).map((a) => `${a.stage}:${a.uses}`)).toEqual(
    expect.arrayContaining(['provision:aadApp/create', 'provision:arm/deploy', 'provision:aadApp/update', 'provision:teamsApp/zipAppPackage', 'deploy:azureAppService/zipDeploy', 'publish:teamsApp/publishAppPackage']),
  );
});

test('the web app starts in production on Table Storage, signed in as its managed identity', () => {
  const config = loadConfig(productionEnvFromBicep(files).env);
  expect(config).toMatchObject({ mode: 'production', storage: 'azure-tables', bot: { type: 'UserAssignedMSI' }, retentionDays: 365 });
  expect(config.azureTables.endpoint).toMatch(/^https:\/\//);
  expect(config.azureTables.connectionString).toBeUndefined();
});

test('what production cannot start without is found by asking the configuration, one setting at a time', () => {
  const required = requiredInProduction(productionEnvFromBicep(files).env);
  expect(required).toEqual(expect.arrayContaining(['STORAGE', 'AZURE_TABLES_ENDPOINT', 'AZURE_CLIENT_ID', 'BOT_ID', 'BOT_TENANT_ID', 'BOT_TYPE', 'PSEUDONYM_KEY']));
  expect(required).not.toContain('LOG_LEVEL');
});

test('a Key Vault reference that App Service could not resolve is never used as the pseudonym key', () => {
  const env = { ...productionEnvFromBicep(files).env, PSEUDONYM_KEY: '@Microsoft.KeyVault(SecretUri=https://kv-coproduce.vault.azure.net/secrets/pseudonym-key)' };
  expect(() => loadConfig(env)).toThrow(/Key Vault reference/);
});

describe('the check fails when a copy is broken', () => {
  test.each(['BOT_TENANT_ID', 'AZURE_CLIENT_ID', 'AZURE_TABLES_ENDPOINT', 'PSEUDONYM_KEY', 'BOT_TYPE'])('a required setting deleted from the web app: %s', (name) => {
    const problems = checkDeployment(withChange('webAppBicep', (t) => withoutSetting(t, name)));
    expect(problems.join('\n')).toMatch(new RegExp(`production would refuse to start|lack ${name}`));
  });

  test('a setting production needs but does not strictly require: TAB_CLIENT_ID', () => {
    expect(checkDeployment(withChange('webAppBicep', (t) => withoutSetting(t, 'TAB_CLIENT_ID')))).toEqual([expect.stringContaining('lack TAB_CLIENT_ID')]);
  });

  test('a misspelt setting name', () => {
    const problems = checkDeployment(withChange('webAppBicep', (t) => t.replace("name: 'PUBLIC_URL'", "name: 'PUBLIC_URI'")));
    expect(problems).toEqual(expect.arrayContaining([expect.stringContaining('PUBLIC_URI is read by nothing'), expect.stringContaining('lack PUBLIC_URL')]));
  });

  test('development mode or SQLite in the template', () => {
    expect(checkDeployment(withChange('webAppBicep', (t) => t.replace("value: 'azure-tables'", "value: 'sqlite'"))).join('\n')).toMatch(/STORAGE=sqlite/);
    expect(checkDeployment(withChange('webAppBicep', (t) => t.replace("value: 'production'", "value: 'local'"))).join('\n')).toMatch(/empty BOT_ID/);
  });

  test('an output the Teams manifest needs, deleted', () => {
    const problems = checkDeployment(withChange('mainBicep', (t) => t.replace(/^output BOT_DOMAIN .*$/m, '')));
    expect(problems.join('\n')).toMatch(/reads BOT_DOMAIN, which nothing before it writes/);
  });

  test('an output nothing uses', () => {
    const problems = checkDeployment(withChange('mainBicep', (t) => `${t}output STORAGE_ACCOUNT_KEY_HINT string = 'unused'\n`));
    expect(problems).toEqual(expect.arrayContaining([expect.stringContaining('STORAGE_ACCOUNT_KEY_HINT is written to the env file but used by nothing')]));
  });

  test('the tab app finished before the web app has an address (actions in the wrong order)', () => {
    const yml = files.toolkitYml;
    const update = /\n {2}# Now that the web app's address[\s\S]*?outputFilePath:[^\n]*\n/.exec(yml)?.[0] ?? '';
    const moved = yml.replace(update, '\n').replace('\n  # The Teams app in Teams Developer Portal', `${update}  # The Teams app in Teams Developer Portal`);
    const problems = checkDeployment(withChange('toolkitYml', () => moved));
    expect(problems.join('\n')).toMatch(/aadApp\/update reads BOT_DOMAIN/);
  });

  test('a required template parameter the parameters file does not give', () => {
    const problems = checkDeployment(withChange('parametersJson', (t) => {
      const parsed = JSON.parse(t) as { parameters: Record<string, unknown> };
      delete parsed.parameters.tabClientId;
      return JSON.stringify(parsed, null, 2);
    }));
    expect(problems).toEqual([expect.stringContaining('required parameter tabClientId')]);
  });

  test('a value the toolkit writes left filled in the env template', () => {
    const problems = checkDeployment(withChange('envDev', (t) => t.replace(/^BOT_ID=$/m, 'BOT_ID=8a0c6ad7-1111-4c5e-9e0b-0000000000b0')));
    expect(problems).toEqual([expect.stringContaining('env/.env.dev gives BOT_ID a value')]);
  });

  test('the tab app not exposing the scope the server requires, or a Teams client not pre-authorised', () => {
    expect(checkDeployment(withChange('aadManifest', (t) => t.replace('"value": "access_as_user"', '"value": "user_impersonation"'))).join('\n')).toMatch(/access_as_user scope the server requires/);
    expect(checkDeployment(withChange('aadManifest', (t) => t.replace('"appId": "5e3ce6c0-2b1f-4285-8d4b-75ee78787346"', '"appId": "00000000-0000-0000-0000-000000000000"'))).join('\n')).toMatch(/5e3ce6c0.* is not pre-authorised/);
  });
});
