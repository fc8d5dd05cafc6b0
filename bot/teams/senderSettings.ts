/**
 * The sender's settings, what it needs and what one pass reports (bot/teams/sender.ts).
 */
import type { CloudAdapter } from 'botbuilder';
import type { Logger } from '../core/logger';
import { DEFAULT_BACKOFF, type BackoffSettings } from '../core/pacing';
import type { Clock, Store } from '../core/ports';
import { DEFAULT_MAX_ATTEMPTS } from '../core/sendErrors';
import type { ServiceUrlPolicy } from '../core/serviceUrl';
import { DEFAULT_PACING, type PacingSettings } from '../core/sharedPacing';

export interface SenderSettings {
  readonly pacing: PacingSettings;
  readonly backoff: BackoffSettings;
  readonly maxAttempts: number;
  /** Longer than the slowest single send, botbuilder's internal retries included. */
  readonly leaseMs: number;
  readonly pollMs: number;
  /** Conversations drained side by side in one pass. */
  readonly concurrency: number;
  /** Messages handled per conversation per pass, so one busy chat cannot starve the others. */
  readonly perConversationPerPass: number;
}

export const DEFAULT_SENDER_SETTINGS: SenderSettings = Object.freeze({
  pacing: DEFAULT_PACING,
  backoff: DEFAULT_BACKOFF,
  maxAttempts: DEFAULT_MAX_ATTEMPTS,
  leaseMs: 5 * 60_000,
  pollMs: 250,
  concurrency: 4,
  perConversationPerPass: 25,
});

export interface SenderDeps {
  readonly store: Store;
  readonly adapter: CloudAdapter;
  /** The bot's app id ('' in local mode). */
  readonly botAppId: string;
  readonly clock: Clock;
  readonly policy: ServiceUrlPolicy;
  /** Returns [0, 1); jitter for retries. */
  readonly random: () => number;
  readonly logger?: Logger;
  readonly settings?: Partial<SenderSettings>;
}

export interface DrainReport {
  delivered: number;
  retryScheduled: number;
  failed: number;
  /** Dropped unsent: no reference, conversation inactive, or serviceUrl refused. */
  dropped: number;
  /** Held back by pacing. */
  paced: number;
  /** The earliest moment a message held back by pacing may go; the background loop wakes then. */
  nextPacedAt?: Date;
}
