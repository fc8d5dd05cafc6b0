/**
 * Drains the outbox into Teams through botbuilder's CloudAdapter. Per conversation: one instance
 * at a time (a lease), oldest message first, a failed message blocks the ones behind it until it
 * is delivered or given up, and every attempt is recorded in 'sends'.
 *
 * Delivery is at-least-once. A message can appear twice in Teams when (a) the process dies or
 * loses its lease after Teams accepted a post but before `finish` is stored — the next attempt is
 * then recorded with possibleDuplicate: true; or (b) botbuilder's own retry of a 5xx re-posts a
 * message Teams had in fact accepted (invisible to us; see reliability.md §0.2). Edits are PUTs,
 * so repeating one is harmless.
 */
import { randomUUID } from 'node:crypto';
import { ConversationBook } from '../core/conversations';
import { noopLogger, type Logger } from '../core/logger';
import { OutboxLeases, type Lease } from '../core/outboxLease';
import { StoreOutbox, type PendingConversation, type QueuedMessage } from '../core/outbox';
import { requestsMadeFor } from '../core/pacing';
import { decideAfterFailure, type SendVerdict } from '../core/sendErrors';
import { isAllowedServiceUrl } from '../core/serviceUrl';
import { SharedPacing, type Reservation } from '../core/sharedPacing';
import { describeConnectorError } from './connectorErrors';
import { DEFAULT_SENDER_SETTINGS, type DrainReport, type SenderDeps, type SenderSettings } from './senderSettings';
import { postToConversation, type PostResult } from './proactivePost';

/**
 * A pass takes only as many messages as the app-wide windows have room for (read once per pass),
 * and stops taking new chats once they are full: every one would be refused.
 */
interface Pass {
  readonly report: DrainReport;
  appRoom?: Promise<{ left: number; readonly nextAt: Date }>;
  appFull: boolean;
}

/** The background loop never polls faster than this, even when pacing frees a place sooner. */
const MIN_WAKE_MS = 5;

export class OutboxSender {
  readonly outbox: StoreOutbox;
  private readonly book: ConversationBook;
  private readonly leases: OutboxLeases;
  private readonly pacing: SharedPacing;
  private readonly settings: SenderSettings;
  private readonly logger: Logger;
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopped = true;
  /** True while stop() waits: the pass under way takes no new message. */
  private stopping = false;

  constructor(private readonly deps: SenderDeps) {
    this.settings = { ...DEFAULT_SENDER_SETTINGS, ...deps.settings };
    this.logger = deps.logger ?? noopLogger;
    this.outbox = new StoreOutbox({ store: deps.store, clock: deps.clock, ids: { random: randomUUID } });
    this.book = new ConversationBook(deps.store, deps.policy);
    this.leases = new OutboxLeases(deps.store, `sender-${randomUUID()}`, this.settings.leaseMs);
    this.pacing = new SharedPacing({ store: deps.store, ids: { random: randomUUID }, settings: this.settings.pacing, openForMs: this.settings.leaseMs });
  }

  /** The Teams id of a delivered message, to edit it later; undefined until delivered. */
  activityIdFor(conversationId: string, idempotencyKey: string): Promise<string | undefined> {
    return this.outbox.activityIdFor(conversationId, idempotencyKey);
  }

  /**
   * One pass over every conversation with queued messages. `now` fixes the time for all pacing
   * and retry decisions (tests); without it the clock is read before each decision.
   */
  async drainOnce(now?: Date): Promise<DrainReport> {
    const time = (): Date => now ?? this.deps.clock.now();
    const pass: Pass = { report: { delivered: 0, retryScheduled: 0, failed: 0, dropped: 0, paced: 0 }, appFull: false };
    let continuation: string | undefined;
    do {
      const page = await this.outbox.pendingConversations(continuation);
      await inParallel(page.conversations, this.settings.concurrency, () => pass.appFull, (pending) =>
        this.drainConversation(pending, time, pass).catch((error: unknown) => {
          this.logger.error({ errorName: error instanceof Error ? error.name : 'unknown' }, 'outbox: a conversation could not be drained');
        }),
      );
      continuation = page.continuation;
    } while (continuation && !pass.appFull);
    return pass.report;
  }

  /** Drains every pollMs until stop(). Handlers only enqueue; they never wait for this. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const tick = (): void => {
      this.running = this.drainOnce()
        .catch((error: unknown) => {
          this.logger.error({ errorName: error instanceof Error ? error.name : 'unknown' }, 'outbox: drain failed');
          return undefined;
        })
        .then((report) => {
          if (!this.stopped) this.timer = setTimeout(tick, this.delayBeforeNextPass(report));
        });
    };
    this.timer = setTimeout(tick, 0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.stopping = true;
    clearTimeout(this.timer);
    await this.running;
    this.stopping = false;
  }

  /** Soon after the earliest paced message may go (so the configured pace is kept), else pollMs. */
  private delayBeforeNextPass(report: DrainReport | undefined): number {
    if (!report?.nextPacedAt) return this.settings.pollMs;
    const untilPaced = report.nextPacedAt.getTime() - this.deps.clock.now().getTime();
    return Math.min(this.settings.pollMs, Math.max(MIN_WAKE_MS, untilPaced));
  }

  private async drainConversation(pending: PendingConversation, time: () => Date, pass: Pass): Promise<void> {
    const first = await this.outbox.head(pending.conversationId);
    if (!first) return this.outbox.dropFromIndex(pending);
    if (first.notBefore && first.notBefore > time()) return;
    if (this.stopping || !(await this.takeAppRoom(pass, time()))) return;
    let lease: Lease | undefined = await this.leases.acquire(pending.conversationId, time());
    if (!lease) return; // another instance is sending to this chat
    try {
      // On stop, the message in hand finishes; the rest wait for the next instance (the lease is released below).
      for (let i = 0; i < this.settings.perConversationPerPass && lease && !this.stopping; i++) {
        const head = await this.outbox.head(pending.conversationId); // re-read now that we hold the lease
        if (!head) {
          await this.outbox.dropFromIndex(pending); // fails harmlessly if something was queued since
          break;
        }
        if (head.notBefore && head.notBefore > time()) break;
        if (i > 0 && !(await this.takeAppRoom(pass, time()))) break;
        if ((await this.deliver(head, time, pass)) === 'stop') break;
        lease = await this.leases.renew(lease, time());
      }
    } finally {
      if (lease) await this.leases.release(lease);
    }
  }

  /** One place in the app's windows for this pass, or false (and the pass stops) when there is none left. */
  private async takeAppRoom(pass: Pass, now: Date): Promise<boolean> {
    if (pass.appFull) return false;
    pass.appRoom ??= this.pacing.appRoom(now).then(({ room, nextAt }) => ({ left: room, nextAt }));
    const appRoom = await pass.appRoom;
    if (appRoom.left > 0) {
      appRoom.left--;
      return true;
    }
    this.heldBack(pass, { ok: false, retryAt: appRoom.nextAt, scope: 'app' });
    return false;
  }

  private heldBack(pass: Pass, refusal: Extract<Reservation, { ok: false }>): void {
    const { report } = pass;
    report.paced++;
    if (!report.nextPacedAt || refusal.retryAt < report.nextPacedAt) report.nextPacedAt = refusal.retryAt;
    if (refusal.scope === 'app') pass.appFull = true;
  }

  /** Sends or drops the head message. 'stop' leaves the rest of the chat's queue for a later pass. */
  private async deliver(head: QueuedMessage, time: () => Date, pass: Pass): Promise<'next' | 'stop'> {
    const { report } = pass;
    const { conversationId } = head;
    const conversation = await this.book.get(conversationId);
    if (!conversation || conversation.status === 'inactive') {
      await this.drop(head, conversation ? 'conversationInactive' : 'noConversation', time(), report);
      return 'next';
    }
    if (!isAllowedServiceUrl(conversation.reference.serviceUrl, this.deps.policy)) {
      this.logger.warn({ kind: head.message.kind }, 'outbox: message dropped, its service address is not a Teams address');
      await this.drop(head, 'serviceUrlRefused', time(), report);
      return 'next';
    }
    const message = await this.resolveEdit(head);
    if (!message) {
      await this.drop(head, 'originalNotDelivered', time(), report);
      return 'next';
    }
    const reservation = await this.pacing.reserve(conversationId, time());
    if (!reservation.ok) {
      this.heldBack(pass, reservation);
      return 'stop';
    }
    // A previous attempt that started but never recorded an outcome may have reached Teams.
    const possibleDuplicate = head.inFlightSince !== undefined && head.message.kind === 'send';
    let inFlight: QueuedMessage | undefined;
    let result: PostResult | undefined;
    let endedAt: Date | undefined;
    try {
      inFlight = await this.outbox.markInFlight(head, time());
      if (!inFlight) return 'stop';
      result = await postToConversation(this.deps.adapter, this.deps.botAppId, conversation.reference, message);
      endedAt = time(); // after Teams answered: the request reached it by now
    } finally {
      // Before the outcome's own writes, so the place frees on time. Counted from the end if the
      // request went out, given back if it never did; if this fails the place expires instead.
      const requests = result && !result.ok ? requestsMadeFor(describeConnectorError(result.error, head.message.kind)) : 1;
      const ended = await this.pacing.end(reservation.ticket, inFlight ? (endedAt ?? time()) : undefined, requests);
      if (!ended) this.logger.warn({}, 'outbox: a send could not be noted for pacing; its place frees when it expires');
    }
    const base = { idempotencyKey: head.idempotencyKey, kind: head.message.kind, attempt: inFlight.attempts, ...(possibleDuplicate ? { possibleDuplicate } : {}) };
    if (result.ok) {
      await this.outbox.finish(inFlight, { status: 'delivered', activityId: result.activityId }, time());
      await this.outbox.recordAttempt(conversationId, { ...base, at: time().toISOString(), outcome: 'delivered', activityId: result.activityId });
      report.delivered++;
      return 'next';
    }
    const failure = describeConnectorError(result.error, head.message.kind);
    const verdict = decideAfterFailure(failure, {
      attempts: inFlight.attempts,
      maxAttempts: this.settings.maxAttempts,
      now: time(),
      random: this.deps.random,
      backoff: this.settings.backoff,
    });
    const record = { ...base, at: time().toISOString(), reason: verdict.reason, ...(failure.status ? { status: failure.status } : {}) };
    this.logger.warn({ kind: head.message.kind, status: failure.status, reason: verdict.reason, action: verdict.action, attempt: inFlight.attempts }, 'outbox: send failed');
    if (verdict.action === 'retry') {
      await this.outbox.reschedule(inFlight, verdict.retryAt, verdict.reason);
      await this.outbox.recordAttempt(conversationId, { ...record, outcome: 'retryScheduled', retryAt: verdict.retryAt.toISOString() });
      report.retryScheduled++;
      return 'stop'; // strict order: nothing behind it goes first
    }
    await this.applyToConversation(conversationId, verdict, time());
    await this.outbox.finish(inFlight, { status: 'failed', reason: verdict.reason }, time());
    await this.outbox.recordAttempt(conversationId, { ...record, outcome: OUTCOME_BY_ACTION[verdict.action] });
    report.failed++;
    return 'next';
  }

  /** An edit named by its original's key gets the original's Teams id; undefined if it never arrived. */
  private async resolveEdit(head: QueuedMessage): Promise<QueuedMessage['message'] | undefined> {
    const { message } = head;
    if (message.kind !== 'update' || message.activityId) return message;
    const activityId = message.ofKey ? await this.outbox.activityIdFor(head.conversationId, message.ofKey) : undefined;
    return activityId ? { ...message, activityId } : undefined;
  }

  private async applyToConversation(conversationId: string, verdict: SendVerdict, now: Date): Promise<void> {
    if (verdict.action === 'markInactive') await this.book.markInactive(conversationId, verdict.reason, now);
    if (verdict.action === 'forget') await this.book.forget(conversationId);
  }

  private async drop(head: QueuedMessage, reason: string, now: Date, report: DrainReport): Promise<void> {
    await this.outbox.finish(head, { status: 'failed', reason }, now);
    await this.outbox.recordAttempt(head.conversationId, {
      idempotencyKey: head.idempotencyKey,
      kind: head.message.kind,
      attempt: head.attempts,
      at: now.toISOString(),
      outcome: 'dropped',
      reason,
    });
    report.dropped++;
  }
}

const OUTCOME_BY_ACTION: Readonly<Record<Exclude<SendVerdict['action'], 'retry'>, string>> = {
  giveUp: 'failed',
  markInactive: 'conversationInactive',
  forget: 'conversationForgotten',
};

/** Runs `work` over items with at most `limit` in flight, taking no new item once `stop()` is true. */
async function inParallel<T>(items: readonly T[], limit: number, stop: () => boolean, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length && !stop()) await work(items[next++]);
  });
  await Promise.all(workers);
}
