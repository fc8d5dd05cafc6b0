/**
 * How the Azure Tables store reaches its service: a connection string (Azurite, or an account key
 * during development) or an endpoint with a token credential (the managed identity in Azure).
 * The SDK is loaded when a store is opened, so instances on SQLite never pay for it.
 */
import type { TableClient, TableServiceClient } from '@azure/data-tables';
import type { TokenCredential } from '@azure/identity';
import { conditionalBatchDeletesPolicy } from './azureBatchDeletes';

export interface AzureTablesTarget {
  /** Wins over endpoint when both are given. */
  readonly connectionString?: string;
  /** e.g. https://<account>.table.core.windows.net, used with `credential`. */
  readonly endpoint?: string;
  /**
   * Defaults to DefaultAzureCredential, which finds the App Service managed identity (a
   * user-assigned identity is chosen by its AZURE_CLIENT_ID app setting) or a developer login.
   */
  readonly credential?: TokenCredential;
  /** How often the SDK retries a failed request (timeouts, 5xx, 429, no answer). SDK default: 3. */
  readonly maxRetries?: number;
}

export interface AzureTablesConnection {
  /** One client per table, reused. */
  table(name: string): TableClient;
  readonly service: TableServiceClient;
}

/** Plain HTTP is allowed only to this machine (Azurite, with its published development key). */
function isLoopbackHttp(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
  } catch {
    return false;
  }
}

function tableEndpointOf(connectionString: string): string | undefined {
  if (/UseDevelopmentStorage=true/i.test(connectionString)) return 'http://127.0.0.1:10002';
  return /(?:^|;)\s*TableEndpoint=([^;]+)/i.exec(connectionString)?.[1];
}

/*
 * Loaded with require, not import(): under Node's ESM loader import() would pick the SDKs' ESM
 * builds, a second copy of the Azure core packages beside the CommonJS ones the types describe.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const loadTablesSdk = () => require('@azure/data-tables') as typeof import('@azure/data-tables');
const loadIdentitySdk = () => require('@azure/identity') as typeof import('@azure/identity');
/* eslint-enable @typescript-eslint/no-require-imports */

export function connectAzureTables(target: AzureTablesTarget): AzureTablesConnection {
  const { TableClient, TableServiceClient } = loadTablesSdk();
  const clients = new Map<string, TableClient>();
  const cached = (name: string, create: () => TableClient): TableClient => {
    let client = clients.get(name);
    if (!client) {
      client = create();
      // Early, so whatever later policies compute from the body (its length) sees the final one.
      client.pipeline.addPolicy(conditionalBatchDeletesPolicy, { phase: 'Serialize' });
      clients.set(name, client);
    }
    return client;
  };

  const { connectionString, endpoint } = target;
  const retries = target.maxRetries === undefined ? {} : { retryOptions: { maxRetries: target.maxRetries } };
  if (connectionString) {
    const options = { ...retries, allowInsecureConnection: isLoopbackHttp(tableEndpointOf(connectionString)) };
    const service = TableServiceClient.fromConnectionString(connectionString, options);
    return { service, table: (name) => cached(name, () => TableClient.fromConnectionString(connectionString, name, options)) };
  }
  if (endpoint) {
    // The SDK never sends a bearer token over plain HTTP, so say so now rather than on every call.
    if (!endpoint.startsWith('https://')) throw new Error('The Azure Tables endpoint must be an https:// URL when signing in with an identity.');
    const credential = target.credential ?? new (loadIdentitySdk().DefaultAzureCredential)();
    const options = { ...retries };
    const service = new TableServiceClient(endpoint, credential, options);
    return { service, table: (name) => cached(name, () => new TableClient(endpoint, name, credential, options)) };
  }
  throw new Error('Azure Tables needs a connection string or an endpoint.');
}
