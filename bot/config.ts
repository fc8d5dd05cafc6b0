/**
 * The only reader of process.env under bot/. Validates everything once at start-up and returns a
 * frozen Config, or throws ConfigError listing every problem in plain words.
 *
 * Two modes and no third (DESIGN.md "Modes"): production by default; local only when asked for
 * AND no bot identity is set, because an empty bot id silently turns off Bot Framework auth.
 */
import path from 'node:path';
import { z } from 'zod';

export type Mode = 'local' | 'production';
export type StorageKind = 'sqlite' | 'azure-tables';
export type BotType = 'SingleTenant' | 'UserAssignedMSI';

export interface Config {
  readonly mode: Mode;
  readonly version: string;
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  readonly storage: StorageKind;
  readonly azureTables: { readonly connectionString?: string; readonly endpoint?: string };
  readonly bot: {
    readonly id: string;
    readonly password: string;
    readonly tenantId: string;
    readonly type: BotType;
    /** Only for tests and sovereign clouds: where Bot Framework signing keys are published. */
    readonly openIdMetadataUrl?: string;
  };
  readonly tabClientId: string;
  readonly allowedTenants: readonly string[];
  readonly publicUrl?: string;
  /** Secret for keyed pseudonyms (logs, index partitions). */
  readonly pseudonymKey: string;
  readonly logLevel: string;
  /** Sessions whose meeting day is older than this many days are purged (retention purge job). */
  readonly retentionDays: number;
  /** Exact hosts the bot may send to. Loopback is added only in local mode. */
  readonly serviceUrlHosts: readonly string[];
  readonly allowLoopbackServiceUrl: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Coproduce cannot start:\n- ${problems.join('\n- ')}`);
    this.name = 'ConfigError';
  }
}

/** Teams' Bot Connector hosts: public cloud and the government clouds (https only). */
export const TEAMS_SERVICE_HOSTS: readonly string[] = Object.freeze([
  'smba.trafficmanager.net',
  'smba.infra.gcc.teams.microsoft.com',
  'smba.infra.gov.teams.microsoft.us',
  'smba.infra.dod.teams.microsoft.us',
]);

const LOCAL_PSEUDONYM_KEY = 'local-only-pseudonym-key-not-secret';

const csv = z
  .string()
  .optional()
  .transform((v) => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean));

const schema = z.object({
  COPRODUCE_MODE: z.enum(['local', 'production']).default('production'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().optional(),
  DATA_DIR: z.string().default('data'),
  STORAGE: z.enum(['sqlite', 'azure-tables']).default('sqlite'),
  ALLOW_SQLITE_SINGLE_INSTANCE: z.enum(['0', '1', '']).default(''),
  AZURE_TABLES_CONNECTION_STRING: z.string().optional(),
  AZURE_TABLES_ENDPOINT: z.url().optional(),
  BOT_ID: z.string().default(''),
  BOT_PASSWORD: z.string().default(''),
  BOT_TENANT_ID: z.string().default(''),
  BOT_TYPE: z.enum(['SingleTenant', 'UserAssignedMSI']).default('SingleTenant'),
  BOT_OPENID_METADATA_URL: z.url().optional(),
  TAB_CLIENT_ID: z.string().default(''),
  ALLOWED_TENANTS: csv,
  PUBLIC_URL: z.url().optional(),
  PSEUDONYM_KEY: z.string().default(''),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  RETENTION_DAYS: z.coerce.number().int().min(7).max(3650).default(365),
  // Read by @azure/identity itself (DefaultAzureCredential) to pick the user-assigned identity;
  // declared here so a missing or malformed value stops start-up instead of the first storage call.
  AZURE_CLIENT_ID: z.string().optional(),
});

/** Every environment variable the app reads (the deployment consistency test checks Bicep against it). */
export const CONFIG_VARIABLES: readonly string[] = Object.freeze(Object.keys(schema.shape));

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads and checks the environment. Pass an object in tests; defaults to process.env. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, version = '0.0.0'): Config {
  const parsed = schema.safeParse(stripEmpty(env));
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  const local = e.COPRODUCE_MODE === 'local';

  if (local && e.BOT_ID) problems.push('COPRODUCE_MODE=local needs an empty BOT_ID (local mode turns bot sign-in off).');
  if (!local) {
    if (!e.BOT_ID) problems.push('BOT_ID is required in production: without it anyone could post to /api/messages.');
    if (!e.BOT_TENANT_ID) problems.push('BOT_TENANT_ID is required in production.');
    if (e.BOT_TYPE === 'SingleTenant' && !e.BOT_PASSWORD) problems.push('BOT_PASSWORD is required when BOT_TYPE=SingleTenant.');
    if (e.PSEUDONYM_KEY.length < 32) problems.push('PSEUDONYM_KEY must be a secret of at least 32 characters in production.');
    // App Service passes an unresolved Key Vault reference through as text: never use that as the key.
    if (e.PSEUDONYM_KEY.startsWith('@Microsoft.KeyVault(')) {
      problems.push('PSEUDONYM_KEY is still a Key Vault reference: App Service could not read the secret (check the identity\'s access to the vault).');
    }
    if (e.STORAGE === 'sqlite' && e.ALLOW_SQLITE_SINGLE_INSTANCE !== '1') {
      problems.push('STORAGE=sqlite is for one instance on a local disk: set ALLOW_SQLITE_SINGLE_INSTANCE=1 to accept that, or use STORAGE=azure-tables.');
    }
  }
  if (e.STORAGE === 'azure-tables' && !e.AZURE_TABLES_CONNECTION_STRING && !e.AZURE_TABLES_ENDPOINT) {
    problems.push('STORAGE=azure-tables needs AZURE_TABLES_CONNECTION_STRING or AZURE_TABLES_ENDPOINT.');
  }
  const signsInWithUserIdentity = !local && e.BOT_TYPE === 'UserAssignedMSI' && e.STORAGE === 'azure-tables' && !e.AZURE_TABLES_CONNECTION_STRING;
  if (signsInWithUserIdentity && !e.AZURE_CLIENT_ID) {
    problems.push('AZURE_CLIENT_ID is required with BOT_TYPE=UserAssignedMSI and AZURE_TABLES_ENDPOINT: set it to the managed identity\'s client id so storage signs in with it.');
  }
  if (e.AZURE_CLIENT_ID && !GUID.test(e.AZURE_CLIENT_ID)) problems.push('AZURE_CLIENT_ID must be a client id (a GUID).');
  for (const t of e.ALLOWED_TENANTS) if (!GUID.test(t)) problems.push(`ALLOWED_TENANTS: "${t}" is not a tenant id (a GUID).`);
  if (problems.length) throw new ConfigError(problems);

  return Object.freeze({
    mode: e.COPRODUCE_MODE,
    version,
    // Local mode never listens beyond this machine, whatever HOST says.
    host: local ? '127.0.0.1' : (e.HOST ?? '0.0.0.0'),
    port: e.PORT,
    dataDir: path.resolve(e.DATA_DIR),
    storage: e.STORAGE,
    azureTables: Object.freeze({ connectionString: e.AZURE_TABLES_CONNECTION_STRING, endpoint: e.AZURE_TABLES_ENDPOINT }),
    bot: Object.freeze({
      id: e.BOT_ID,
      password: e.BOT_PASSWORD,
      tenantId: e.BOT_TENANT_ID,
      type: e.BOT_TYPE,
      openIdMetadataUrl: e.BOT_OPENID_METADATA_URL,
    }),
    tabClientId: e.TAB_CLIENT_ID,
    allowedTenants: Object.freeze([...e.ALLOWED_TENANTS]),
    publicUrl: e.PUBLIC_URL,
    pseudonymKey: e.PSEUDONYM_KEY || LOCAL_PSEUDONYM_KEY,
    logLevel: e.LOG_LEVEL,
    retentionDays: e.RETENTION_DAYS,
    serviceUrlHosts: TEAMS_SERVICE_HOSTS,
    allowLoopbackServiceUrl: local,
  });
}

/** Treats `FOO=` like an unset variable, as .env files and shells often leave them. */
function stripEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v !== '') out[k] = v;
  return out;
}
