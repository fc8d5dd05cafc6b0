/**
 * What to do when Teams refuses a message, decided from the HTTP status and Teams' error code
 * (msteams-docs "Status codes from bot conversational APIs"; reliability.md §4).
 *
 * botbuilder has already retried some failures by the time we see them: 500/502/503/504 and
 * network errors three more times, 429 with Retry-After three more times (reliability.md §0.2).
 * We add our own retries for what it does not retry (412, 429 without Retry-After) and for
 * gateway errors that outlast its retries, spread out with backoff so a chat is not hammered.
 */
import { parseRetryAfter, retryDelayMs, DEFAULT_BACKOFF, type BackoffSettings } from './pacing';

/** A failed send or edit, as the adapter saw it. Codes are Teams' error codes, never message text. */
export interface SendFailure {
  readonly kind: 'send' | 'update';
  /** HTTP status; undefined when no response arrived (network error, timeout). */
  readonly status?: number;
  /** Teams' `error.code`, e.g. BotNotInConversationRoster. */
  readonly code?: string;
  /** Teams' `error.subCode` (or an inner code), e.g. MessageWritesBlocked. */
  readonly subCode?: string;
  /** The raw Retry-After header, if any. */
  readonly retryAfter?: string;
}

/** Short, fixed reasons: safe for logs and send records (no text from Teams is kept). */
export type FailureReason =
  | 'throttled'
  | 'concurrentOperation'
  | 'gatewayError'
  | 'serviceUnavailable'
  | 'requestTimeout'
  | 'network'
  | 'serverErrorAfterSdkRetries'
  | 'serverError'
  | 'botNotInConversation'
  | 'blockedByUser'
  | 'writesBlocked'
  | 'botDisabledByAdmin'
  | 'forbidden'
  | 'conversationNotFound'
  | 'editTargetMissing'
  | 'notFound'
  | 'tooLarge'
  | 'badRequest'
  | 'notAuthorised'
  | 'rejected'
  | 'retriesExhausted'
  | 'unexpected';

export type SendVerdict =
  /** Try the same message again at `retryAt`; later messages to the chat wait behind it. */
  | { readonly action: 'retry'; readonly reason: FailureReason; readonly retryAt: Date }
  /** Drop this message (recorded); the conversation stays usable. */
  | { readonly action: 'giveUp'; readonly reason: FailureReason }
  /** The bot cannot write here until Teams tells us otherwise (e.g. it is added back). */
  | { readonly action: 'markInactive'; readonly reason: FailureReason }
  /** The conversation no longer exists: delete its reference. */
  | { readonly action: 'forget'; readonly reason: FailureReason };

export interface RetryContext {
  /** Attempts made so far, including the one that just failed (1 after the first failure). */
  readonly attempts: number;
  readonly maxAttempts: number;
  readonly now: Date;
  /** Returns [0, 1); injected so tests are repeatable. */
  readonly random: () => number;
  readonly backoff?: BackoffSettings;
}

export const DEFAULT_MAX_ATTEMPTS = 8;

const INACTIVE_CODES: Readonly<Record<string, FailureReason>> = {
  botnotinconversationroster: 'botNotInConversation',
  conversationblockedbyuser: 'blockedByUser',
  messagewritesblocked: 'writesBlocked',
  botdisabledbyadmin: 'botDisabledByAdmin',
};

export interface Classification {
  readonly action: SendVerdict['action'];
  readonly reason: FailureReason;
}

/** Classifies a failure without deciding when to retry. */
export function classifyFailure(failure: SendFailure): Classification {
  const { status } = failure;
  const codes = [failure.code, failure.subCode].filter((c): c is string => !!c).map((c) => c.toLowerCase());
  if (status === undefined) return { action: 'retry', reason: 'network' };
  switch (status) {
    case 429:
      return { action: 'retry', reason: 'throttled' };
    case 412:
      // Teams: "multiple concurrent operations on the same conversation" — retry with backoff.
      return { action: 'retry', reason: 'concurrentOperation' };
    case 408:
      return { action: 'retry', reason: 'requestTimeout' };
    case 502:
    case 504:
      return { action: 'retry', reason: 'gatewayError' };
    case 503:
      return { action: 'retry', reason: 'serviceUnavailable' };
    case 500:
      // Decision: no retry of our own. Teams documents 500 as "do not retry", botbuilder has
      // already made four attempts, and each attempt may have posted the message.
      return { action: 'giveUp', reason: 'serverErrorAfterSdkRetries' };
    case 403: {
      for (const code of codes) if (INACTIVE_CODES[code]) return { action: 'markInactive', reason: INACTIVE_CODES[code] };
      return { action: 'giveUp', reason: 'forbidden' };
    }
    case 404:
      if (codes.includes('conversationnotfound')) return { action: 'forget', reason: 'conversationNotFound' };
      // An edit of a message that was deleted: drop the edit, the chat itself is fine.
      if (failure.kind === 'update' && codes.includes('activitynotfoundinconversation')) return { action: 'giveUp', reason: 'editTargetMissing' };
      return { action: 'giveUp', reason: 'notFound' };
    case 400:
      return { action: 'giveUp', reason: 'badRequest' };
    case 401:
      return { action: 'giveUp', reason: 'notAuthorised' };
    case 413:
      return { action: 'giveUp', reason: 'tooLarge' };
  }
  if (status >= 500) return { action: 'giveUp', reason: 'serverError' };
  if (status >= 400) return { action: 'giveUp', reason: 'rejected' };
  return { action: 'giveUp', reason: 'unexpected' };
}

/** The full decision: classification, plus when to retry, and when to stop retrying. */
export function decideAfterFailure(failure: SendFailure, context: RetryContext): SendVerdict {
  const { action, reason } = classifyFailure(failure);
  if (action !== 'retry') return { action, reason };
  if (context.attempts >= context.maxAttempts) return { action: 'giveUp', reason: 'retriesExhausted' };
  const retryAfterMs = parseRetryAfter(failure.retryAfter, context.now);
  const delay = retryDelayMs(context.attempts, retryAfterMs, context.random, context.backoff ?? DEFAULT_BACKOFF);
  return { action: 'retry', reason, retryAt: new Date(context.now.getTime() + delay) };
}
