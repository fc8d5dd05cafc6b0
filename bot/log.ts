/**
 * Structured JSON logs with pino. Nothing here may print a name, free text or a raw id:
 * ids become keyed pseudonyms, and libraries' own console output (botbuilder prints whole
 * errors, tokens' key lists and request details) is replaced by a fixed line.
 */
import { createHmac } from 'node:crypto';
import pino from 'pino';
import type { Logger, LogFields } from './core/logger';

export type Pseudonymize = (id: string | undefined) => string | undefined;

/** A stable, keyed, one-way stand-in for an id, so logs can be correlated without naming anyone. */
export function pseudonymizer(key: string): Pseudonymize {
  return (id) => (id ? 'p_' + createHmac('sha256', key).update(id).digest('hex').slice(0, 16) : undefined);
}

export interface AppLogger extends Logger {
  child(fields: LogFields): AppLogger;
}

export function createLogger(options: { level: string; destination?: pino.DestinationStream }): AppLogger {
  const base = pino(
    {
      level: options.level,
      base: { app: 'coproduce' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    options.destination ?? pino.destination(1),
  );
  return wrap(base);
}

function wrap(p: pino.Logger): AppLogger {
  return {
    info: (fields, message) => p.info(fields, message),
    warn: (fields, message) => p.warn(fields, message),
    error: (fields, message) => p.error(fields, message),
    child: (fields) => wrap(p.child(fields)),
  };
}

/**
 * Routes console.* through the logger as a fixed line with only the error's class name.
 * botbuilder logs raw errors (with ids, URLs and key material) to console.error; we keep the
 * fact that something happened and drop its content.
 */
export function captureConsole(logger: Logger): () => void {
  const original = { log: console.log, info: console.info, warn: console.warn, error: console.error, debug: console.debug };
  const replacement = (level: 'info' | 'warn' | 'error') => (...args: unknown[]) => {
    const first = args.find((a) => a instanceof Error) as Error | undefined;
    logger[level]({ source: 'library', errorName: first?.name }, 'library output withheld');
  };
  // Node's own warnings (restify triggers DEP0111 at load) become one line naming the code.
  process.removeAllListeners('warning');
  process.on('warning', (warning: Error & { code?: string }) => {
    logger.warn({ warning: warning.name, code: warning.code }, 'node warning');
  });
  console.log = replacement('info');
  console.info = replacement('info');
  console.debug = replacement('info');
  console.warn = replacement('warn');
  console.error = replacement('error');
  return () => Object.assign(console, original);
}
