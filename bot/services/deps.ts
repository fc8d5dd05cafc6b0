/**
 * What every use case is handed. Services load, ask the pure core to decide, save, and queue
 * messages; they never touch a framework, so the Teams adapter and the tab API share them.
 */
import type { FacilitatorCheck } from '../core/facilitators';
import type { Logger } from '../core/logger';
import type { Clock, Ids, JobScheduler, MeetingDirectory, Outbox, Store } from '../core/ports';

export interface ServiceDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly ids: Ids;
  /** Messages the bot sends on its own initiative (tracked cards, edits, private notes). */
  readonly outbox: Outbox;
  readonly jobs: JobScheduler;
  readonly directory: MeetingDirectory;
  readonly facilitators: FacilitatorCheck;
  readonly logger: Logger;
  /** Turns a raw id into a log-safe pseudonym. */
  readonly pseudonymize: (id: string | undefined) => string | undefined;
  /** For shuffling anonymous items; Math.random in production, seeded in tests. */
  readonly random: () => number;
  /** The server's public address (PUBLIC_URL), for links people open outside Teams; absent locally. */
  readonly publicUrl?: string;
}
