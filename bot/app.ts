/**
 * Wires config → store → services → adapters → HTTP server. main.ts runs it as a process; tests
 * build it in-process on port 0 with their own config.
 */
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { ConfigError, type Config } from './config';
import type { Clock, Store } from './core/ports';
import type { AppLogger } from './log';
import { pseudonymizer } from './log';
import { openSqliteStore } from './storage/sqliteStore';
import { openAzureTablesStore } from './storage/azureTablesStore';
import { createHttpServer } from './http/server';
import { createTabSignIn, type TabSignInOptions } from './http/tabApiSignIn';
import { createActivityEndpoint, createBotAdapter } from './teams/activityEndpoint';
import { CoproduceBot } from './teams/coproduceBot';
import { createTurnHandlers } from './teams/turnHandlers';
import { createJobRunner, type JobRunner } from './jobs/jobRunner';
import { createRetentionPurge, scheduleRetentionPurge } from './jobs/retentionPurge';
import { beforeDeadline, trackInFlight, trackWork } from './shutdown';
import { OutboxSender } from './teams/sender';
import { createMeetingDirectory } from './teams/meetingDirectoryFor';
import { ConversationBook } from './core/conversations';
import { FacilitatorCheck } from './core/facilitators';
import type { MeetingDirectory } from './core/ports';
import { createDispatcher } from './services/dispatcher';
import { CAPABILITIES } from './services/capabilities';
import type { ServiceDeps } from './services/deps';

export interface App {
  /** Starts listening; resolves with the base URL. */
  listen(): Promise<string>;
  /**
   * Stops gracefully: no new connections, requests already begun (turns) finish, the outbox
   * sender and job runner finish their current pass and release their leases, then the store
   * closes. Anything still running at the deadline is cut off; `graceful` then says false.
   */
  stop(options?: { readonly graceMs?: number }): Promise<{ readonly graceful: boolean }>;
  readonly store: Store;
  readonly sender: OutboxSender;
  readonly jobs: JobRunner;
}

export interface AppOptions {
  readonly config: Config;
  readonly logger: AppLogger;
  readonly clock?: Clock;
  /** Where the built tab lives. Default: dist/tab beside the running code. */
  readonly tabDir?: string;
  /** Run background loops (outbox, jobs). Tests that drive them by hand turn this off. */
  readonly background?: boolean;
  /** Tests script the meeting (roles, scheduled start) instead of the mode's directory. */
  readonly directory?: MeetingDirectory;
  /** Seeded randomness for shuffles in tests. */
  readonly random?: () => number;
  /** Tests: the tab's signing keys (production) and the development sign-in's roster (local). */
  readonly tabSignIn?: TabSignInOptions;
}

export function openStore(config: Config): Store {
  if (config.storage === 'sqlite') return openSqliteStore({ file: path.join(config.dataDir, 'coproduce.sqlite') });
  const { connectionString, endpoint } = config.azureTables;
  if (!connectionString && !endpoint) {
    throw new ConfigError(['STORAGE=azure-tables needs AZURE_TABLES_CONNECTION_STRING or AZURE_TABLES_ENDPOINT.']);
  }
  // A connection string wins; an endpoint alone signs in with the managed identity (DefaultAzureCredential).
  try {
    return openAzureTablesStore({ connectionString, endpoint });
  } catch (error) {
    // The SDK's and our messages name what is wrong without repeating the setting's value.
    throw new ConfigError([`The Azure Tables settings cannot be used: ${error instanceof Error ? error.message : 'unknown problem'}`]);
  }
}

/** How long stop() waits for work in progress unless told otherwise. */
const DEFAULT_GRACE_MS = 10_000;

export function createApp(options: AppOptions): App {
  const { config, logger } = options;
  const clock = options.clock ?? { now: () => new Date() };
  const store = openStore(config);
  const pseudonymize = pseudonymizer(config.pseudonymKey);
  const policy = { hosts: config.serviceUrlHosts, allowLoopback: config.allowLoopbackServiceUrl };

  const adapter = createBotAdapter(config);
  adapter.onTurnError = async (context, error) => {
    logger.error({ errorName: error instanceof Error ? error.name : 'unknown', activityType: context.activity.type }, 'turn failed');
    if (context.activity.type === 'message') await context.sendActivity('Sorry, something went wrong. Please try again.');
  };

  const sender = new OutboxSender({ store, adapter, botAppId: config.bot.id, clock, policy, random: Math.random, logger });
  const directory = options.directory ?? createMeetingDirectory(config, adapter, new ConversationBook(store, policy));
  const services: ServiceDeps = {
    store,
    clock,
    ids: { random: randomUUID },
    outbox: sender.outbox,
    // The runner needs the handlers and the handlers need a scheduler: bound late, used only after start.
    jobs: { schedule: (job) => runner.jobs.schedule(job) },
    directory,
    facilitators: new FacilitatorCheck(directory, clock),
    logger,
    pseudonymize,
    random: options.random ?? Math.random,
    ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
  };
  const dispatcher = createDispatcher(services, CAPABILITIES);
  const retention = createRetentionPurge({ services, retentionDays: config.retentionDays });
  const runner: JobRunner = createJobRunner({
    store,
    clock,
    owner: `instance-${randomUUID()}`,
    handlers: {
      ...Object.fromEntries(
        Object.entries(dispatcher.jobHandlers).map(([kind, handler]) => [kind, (job: Parameters<typeof handler>[0], context: { now: Date }) => handler(job, context.now, services)]),
      ),
      [retention.kind]: retention.handler,
    },
    leaseMs: 60_000,
    pollMs: 1_000,
    logger,
  });

  const handlers = createTurnHandlers({ store, clock, logger, pseudonymize, policy, dispatcher });
  const bot = new CoproduceBot({ logger, ...handlers });

  const endpoint = createActivityEndpoint({ adapter, bot, policy, logger });
  const turns = trackWork();
  const server = createHttpServer({
    mode: config.mode,
    version: config.version,
    logger,
    tabDir: options.tabDir ?? path.resolve(__dirname, '..', 'tab'),
    handleActivity: (activity, authorization) => turns.run(endpoint(activity, authorization)),
    health: async () => ({ storage: await store.ping().catch(() => false) }),
    personalPages: services,
    tabApi: { services, dispatcher, ...createTabSignIn(config, clock, logger, options.tabSignIn), stageSecret: config.pseudonymKey },
  });
  const requests = trackInFlight(server.server);

  return {
    store,
    sender,
    jobs: runner,
    listen: () =>
      new Promise((resolve) => {
        server.listen(config.port, config.host, () => {
          const { port } = server.address() as AddressInfo;
          if (options.background !== false) {
            runner.start();
            sender.start();
            scheduleRetentionPurge(runner.jobs, clock.now()).catch((error: unknown) => {
              logger.error({ errorName: error instanceof Error ? error.name : 'unknown' }, 'could not schedule the retention purge');
            });
          }
          resolve(`http://${config.host}:${port}`);
        });
      }),
    stop: async (stopOptions = {}) => {
      // Real time, not the app's clock: tests drive that clock by hand.
      const deadline = Date.now() + (stopOptions.graceMs ?? DEFAULT_GRACE_MS);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.server.closeIdleConnections();
      const graceful = await beforeDeadline(Promise.all([requests.idle(), turns.idle(), runner.stop(), sender.stop()]), deadline);
      server.server.closeAllConnections();
      await closed;
      await store.close();
      return { graceful };
    },
  };
}
