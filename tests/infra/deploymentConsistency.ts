/**
 * Do the deployment files agree with each other and with the app? Returns every disagreement in
 * plain words (an empty list means they agree). Sources, each read separately:
 *   - the production configuration: bot/config.ts itself (loadConfig, CONFIG_VARIABLES);
 *   - the web app's settings and the template's parameters and outputs (infra/*.bicep);
 *   - the toolkit's actions, in order, and the env file templates (m365agents.yml, env/);
 *   - the Teams and Entra manifests and the runbook.
 */
import { CONFIG_VARIABLES, ConfigError, loadConfig } from '../../bot/config';
import { SSO_SCOPE } from '../../bot/core/ssoClaims';
import { appSettingsOf, envEntries, outputsOf, paramsOf, placeholdersIn, toolkitActions, type DeploymentFiles } from './deploymentFiles';

/** App settings the platform or an Azure SDK reads, not bot/config.ts, and why each is there. */
export const PLATFORM_SETTINGS: Readonly<Record<string, string>> = {
  APPLICATIONINSIGHTS_CONNECTION_STRING: 'where the App Service Application Insights agent sends telemetry',
  ApplicationInsightsAgent_EXTENSION_VERSION: 'turns the App Service Application Insights agent on',
  APPLICATIONINSIGHTS_CONFIGURATION_CONTENT: 'keeps request and dependency telemetry (URLs with ids) off',
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'App Service installs runtime dependencies after the upload',
  CUSTOM_BUILD_COMMAND: 'what that install runs: production dependencies only',
};

/** Not required by loadConfig (they have defaults), but production cannot do without them. */
export const NEEDED_IN_PRODUCTION: Readonly<Record<string, string>> = {
  STORAGE: 'several instances need Table Storage, not SQLite',
  BOT_TYPE: 'the bot signs in as the managed identity',
  TAB_CLIENT_ID: 'the tab cannot sign anyone in without it',
  ALLOWED_TENANTS: 'the tab accepts sign-ins from these tenants only',
  PUBLIC_URL: 'links in cards and messages point here',
  APPLICATIONINSIGHTS_CONNECTION_STRING: 'operators need the app\'s logs and failures',
};

/** Values for settings whose Bicep value is an expression (known only in Azure). */
const SAMPLES: Readonly<Record<string, string>> = {
  AZURE_TABLES_ENDPOINT: 'https://stcoproducedevabc123.table.core.windows.net/',
  AZURE_CLIENT_ID: '8a0c6ad7-1111-4c5e-9e0b-0000000000b0',
  BOT_ID: '8a0c6ad7-1111-4c5e-9e0b-0000000000b0',
  BOT_TENANT_ID: '11111111-1111-1111-1111-111111111111',
  ALLOWED_TENANTS: '11111111-1111-1111-1111-111111111111',
  TAB_CLIENT_ID: '0b1c2d3e-2222-4c5e-9e0b-0000000000c0',
  PUBLIC_URL: 'https://coproducedev-abc123.azurewebsites.net',
  // What the Key Vault reference resolves to.
  PSEUDONYM_KEY: 'kv-secret-0123456789-0123456789-0123456789',
  RETENTION_DAYS: '365',
  APPLICATIONINSIGHTS_CONNECTION_STRING: 'InstrumentationKey=00000000-0000-0000-0000-000000000000',
  APPLICATIONINSIGHTS_CONFIGURATION_CONTENT: '{}',
};

/** Set by the toolkit itself or asked for when empty; never in an output or a writeToEnvironmentFile. */
const TOOLKIT_BUILT_INS = new Set(['TEAMSFX_ENV', 'AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP_NAME']);
/** aadApp/update makes this scope id itself the first time a manifest uses it. */
const MADE_BY_AAD_UPDATE = 'AAD_APP_ACCESS_AS_USER_PERMISSION_ID';

const TEAMS_CLIENTS = ['1fec8e78-bce4-4aaf-ab1b-5451cc387264', '5e3ce6c0-2b1f-4285-8d4b-75ee78787346'];

function configProblems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
}

/** The environment the web app would start with, from the Bicep settings. */
export function productionEnvFromBicep(files: DeploymentFiles): { env: Record<string, string>; problems: string[] } {
  const env: Record<string, string> = {};
  const problems: string[] = [];
  for (const setting of appSettingsOf(files.webAppBicep)) {
    const value = setting.literal ?? SAMPLES[setting.name];
    if (value === undefined) problems.push(`The test has no sample value for the Bicep setting ${setting.name}: add one to SAMPLES.`);
    else env[setting.name] = value;
  }
  return { env, problems };
}

/** Variables whose absence makes the production configuration refuse to start. */
export function requiredInProduction(env: Record<string, string>): string[] {
  return Object.keys(env).filter((name) => {
    const without = { ...env };
    delete without[name];
    return configProblems(without).length > 0;
  });
}

export function checkDeployment(files: DeploymentFiles): string[] {
  const problems: string[] = [];
  const settings = appSettingsOf(files.webAppBicep);
  const settingNames = new Set(settings.map((s) => s.name));

  // 1. The web app's settings start the production configuration, as production.
  const { env, problems: sampleProblems } = productionEnvFromBicep(files);
  problems.push(...sampleProblems);
  const refused = configProblems(env);
  for (const reason of refused) problems.push(`With the Bicep app settings, production would refuse to start: ${reason}`);
  if (refused.length === 0) {
    const config = loadConfig(env);
    if (config.mode !== 'production') problems.push('The Bicep app settings do not start the app in production mode.');
    if (config.storage !== 'azure-tables') problems.push('The Bicep app settings do not choose STORAGE=azure-tables.');
    if (config.bot.type !== 'UserAssignedMSI') problems.push('The Bicep app settings do not sign the bot in as the managed identity (BOT_TYPE=UserAssignedMSI).');
  }
  for (const [name, why] of Object.entries(NEEDED_IN_PRODUCTION)) {
    if (!settingNames.has(name)) problems.push(`The Bicep app settings lack ${name}: ${why}.`);
  }

  // 2. Every setting is one the app or the platform reads (a typo would be silently ignored).
  for (const name of settingNames) {
    if (!CONFIG_VARIABLES.includes(name) && !(name in PLATFORM_SETTINGS)) {
      problems.push(`The Bicep app setting ${name} is read by nothing: not by bot/config.ts, not by the platform.`);
    }
  }
  for (const setting of settings) {
    if (/AccountKey|listKeys\(/.test(setting.literal ?? '')) problems.push(`The app setting ${setting.name} holds a storage account key.`);
  }

  // 3. The parameters file and the template's parameters match.
  const params = paramsOf(files.mainBicep);
  const given = Object.keys((JSON.parse(files.parametersJson) as { parameters: Record<string, unknown> }).parameters);
  for (const param of params) if (param.required && !given.includes(param.name)) problems.push(`infra/main.parameters.json gives no value for the required parameter ${param.name}.`);
  for (const name of given) if (!params.some((p) => p.name === name)) problems.push(`infra/main.parameters.json sets ${name}, which infra/main.bicep does not have.`);

  // 4. The toolkit's actions, in order: everything an action reads exists by then.
  const outputs = outputsOf(files.mainBicep);
  const envDev = envEntries(files.envDev);
  const fileText: Record<string, string> = {
    './appPackage/manifest.json': files.teamsManifest,
    './aad.manifest.json': files.aadManifest,
    './infra/main.parameters.json': files.parametersJson,
  };
  const known = new Set<string>([...TOOLKIT_BUILT_INS, ...[...envDev].filter(([, value]) => value !== '').map(([name]) => name)]);
  const actions = toolkitActions(files.toolkitYml);
  for (const action of actions) {
    const made = [...action.writes, ...(action.uses === 'arm/deploy' ? outputs : []), ...(action.uses === 'aadApp/update' ? [MADE_BY_AAD_UPDATE] : [])];
    const reads = new Set([...placeholdersIn(action.text), ...action.files.flatMap((file) => placeholdersIn(fileText[file] ?? ''))]);
    for (const name of reads) {
      const secretDocumented = name.startsWith('SECRET_') && files.envDev.includes(name);
      if (!known.has(name) && !made.includes(name) && !secretDocumented) {
        problems.push(`${action.stage}: ${action.uses} reads ${name}, which nothing before it writes and env/.env.dev does not set.`);
      }
    }
    for (const name of made) known.add(name);
  }
  const written = new Set(actions.flatMap((a) => [...a.writes, ...(a.uses === 'arm/deploy' ? outputs : []), ...(a.uses === 'aadApp/update' ? [MADE_BY_AAD_UPDATE] : [])]));
  for (const name of written) {
    if (!envDev.has(name)) problems.push(`The toolkit writes ${name}, but env/.env.dev does not list it.`);
    else if (envDev.get(name) !== '') problems.push(`env/.env.dev gives ${name} a value, but the toolkit writes it: leave it empty.`);
  }
  if (!actions.some((a) => a.uses === 'arm/deploy' && a.files.includes('./infra/main.bicep'))) problems.push('m365agents.yml does not deploy infra/main.bicep.');

  // 5. Every output the toolkit writes is used: by the toolkit's files or by operators (the runbook).
  const users = [files.toolkitYml, files.teamsManifest, files.aadManifest, files.parametersJson, files.runbook].join('\n');
  for (const output of outputs) {
    if (!new RegExp(`\\$\\{\\{\\s*${output}\\s*\\}\\}|\\b${output}\\b`).test(users)) problems.push(`The Bicep output ${output} is written to the env file but used by nothing.`);
  }

  // 6. scripts/package-app.js can package from both env templates.
  for (const [file, text] of [['env/.env.dev', files.envDev], ['env/.env.local', files.envLocal]] as const) {
    const keys = envEntries(text);
    for (const name of placeholdersIn(files.teamsManifest)) if (!keys.has(name)) problems.push(`${file} lacks ${name}, which appPackage/manifest.json uses.`);
  }

  problems.push(...checkSingleSignOn(files));
  return problems;
}

/** The tab's Entra app matches what the Teams manifest announces and what the server accepts. */
function checkSingleSignOn(files: DeploymentFiles): string[] {
  const problems: string[] = [];
  const aad = JSON.parse(files.aadManifest) as {
    appId?: string;
    identifierUris?: string[];
    api?: { requestedAccessTokenVersion?: number; oauth2PermissionScopes?: { id: string; value: string }[]; preAuthorizedApplications?: { appId: string; delegatedPermissionIds: string[] }[] };
  };
  const teams = JSON.parse(files.teamsManifest) as { webApplicationInfo?: { id?: string; resource?: string } };
  if (aad.appId !== teams.webApplicationInfo?.id) problems.push('aad.manifest.json appId and the Teams manifest webApplicationInfo.id differ.');
  if (!aad.identifierUris?.includes(teams.webApplicationInfo?.resource ?? '')) problems.push('The Teams manifest webApplicationInfo.resource is not an identifier URI of the tab app.');
  if (aad.api?.requestedAccessTokenVersion !== 2) problems.push('The tab app must ask for v2 access tokens (the server accepts v2 only).');
  // The scope the server insists on (bot/core/ssoClaims.ts) is the one the tab app exposes.
  const scope = aad.api?.oauth2PermissionScopes?.find((s) => s.value === SSO_SCOPE);
  if (!scope) problems.push(`The tab app does not expose the ${SSO_SCOPE} scope the server requires.`);
  for (const client of TEAMS_CLIENTS) {
    const entry = aad.api?.preAuthorizedApplications?.find((p) => p.appId === client);
    if (!entry || !scope || !entry.delegatedPermissionIds.includes(scope.id)) problems.push(`The Teams client ${client} is not pre-authorised for ${SSO_SCOPE}.`);
  }
  return problems;
}
