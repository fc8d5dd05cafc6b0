/**
 * Composition root: read config, build the app, listen, stop cleanly on a signal. A config
 * problem stops the process with a plain list of what to fix (exit code 2).
 *
 * On SIGTERM (App Service restarting or scaling in) or SIGINT (Ctrl-C): stop accepting requests,
 * let turns already begun finish, let the sender and job runner finish what they hold and release
 * their leases, close the store, exit 0. Work not finished by the deadline is cut off (exit 1);
 * its leases expire and another instance takes the work over.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from './config';
import { captureConsole, createLogger } from './log';
import { createApp } from './app';

/** Inside the few seconds a container host allows between SIGTERM and a hard kill. */
const SHUTDOWN_GRACE_MS = 8_000;

function packageVersion(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
  }
  return '0.0.0';
}

async function main(): Promise<void> {
  const config = loadConfig(undefined, packageVersion());
  const logger = createLogger({ level: config.logLevel });
  captureConsole(logger);
  const app = createApp({ config, logger });
  const url = await app.listen();
  logger.info({ mode: config.mode, storage: config.storage, version: config.version }, 'coproduce listening');
  if (config.mode === 'local') {
    process.stderr.write(
      `\nLOCAL MODE: Bot Framework sign-in is OFF. Listening on ${url} for this machine only. Use test data only.\n\n`,
    );
  }
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    // A second signal while stopping (Ctrl-C twice) means "now".
    if (stopping) process.exit(1);
    stopping = true;
    logger.info({ signal }, 'stopping: finishing work in progress');
    const { graceful } = await app.stop({ graceMs: SHUTDOWN_GRACE_MS }).catch(() => ({ graceful: false }));
    logger.info({ graceful }, graceful ? 'stopped' : 'stopped before all work in progress had finished');
    process.exit(graceful ? 0 : 1);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  const code = (error as { code?: unknown } | undefined)?.code;
  process.stderr.write(`Coproduce stopped: ${error instanceof Error ? error.name : 'unknown error'}${typeof code === 'string' ? ` (${code})` : ''}\n`);
  process.exit(1);
});
