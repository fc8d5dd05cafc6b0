/**
 * One area of the product (setup, framework, sense-check…) registers what it handles here: typed
 * commands, card verbs, job kinds and tracked-card renderers. The dispatcher checks permissions
 * and the session before any handler runs, so handlers hold only their own rules.
 */
import type { MeetingEvent } from '../core/meetingEvent';
import type { CommandAction } from '../core/permissions';
import type { CardJson, PropertyValue } from '../core/ports';
import type { StoredSession } from '../core/sessionStore';
import type { CommandReply, InvokeReply, Turn } from '../core/turn';
import type { Verb } from '../cards/verbs';
import type { ServiceDeps } from './deps';

export interface CommandContext {
  readonly turn: Turn;
  /** Whatever followed the command word, trimmed. */
  readonly argument: string;
  /** The session of this conversation, when one is set up. */
  readonly session: StoredSession | undefined;
  /** True when the facilitator rule passed for this person (checked lazily for everyone-rows). */
  readonly isFacilitator: () => Promise<boolean>;
  readonly deps: ServiceDeps;
}

export interface VerbContext {
  readonly turn: Turn;
  /** The card's data, minus nothing: treat every field as untrusted input. */
  readonly data: Readonly<Record<string, unknown>>;
  /** The session named in the card data, checked to belong to this conversation. */
  readonly session: StoredSession | undefined;
  readonly isFacilitator: () => Promise<boolean>;
  readonly deps: ServiceDeps;
}

/** A job as its handler sees it (the runner's record satisfies this). */
export interface DueJob {
  readonly id: string;
  readonly kind: string;
  readonly payload: Readonly<Record<string, PropertyValue>>;
  readonly dueAt: Date;
  readonly planVersion: number;
  readonly planScope?: string;
}

export type JobOutcome = 'done' | { readonly drop: string } | { readonly retryAt: Date };
export type ServiceJobHandler = (job: DueJob, now: Date, deps: ServiceDeps) => Promise<JobOutcome>;

/** Builds the current version of a tracked card from the store, or undefined when it is gone. */
export type CardRenderer = (payload: Readonly<Record<string, PropertyValue>>, deps: ServiceDeps) => Promise<CardJson | undefined>;

/** With a session: the dispatcher has found it, so `session` is there. */
type WithSession<C> = C & { readonly session: StoredSession };

/**
 * A handler is `{ run }`, which the dispatcher calls only when the chat (or the card) has a
 * session, or `{ withoutSession }` for things that need none (help, setup, a person's own data).
 * Two property names rather than a flag, so TypeScript can type each handler's context.
 */
export type Handler<C, R> =
  | { readonly run: (context: WithSession<C>) => Promise<R> }
  | { readonly withoutSession: (context: C) => Promise<R> };

export type CommandHandler = Handler<CommandContext, CommandReply>;
export type VerbHandler = Handler<VerbContext, InvokeReply>;

export interface Capability {
  readonly commands?: Partial<Record<CommandAction, CommandHandler>>;
  readonly verbs?: Partial<Record<Verb, VerbHandler>>;
  readonly jobs?: Readonly<Record<string, ServiceJobHandler>>;
  readonly cardRenderers?: Readonly<Record<string, CardRenderer>>;
  /** Reacts to a meeting event by queueing what it posts; capabilities run in registration order. */
  readonly onMeetingEvent?: (context: MeetingEventContext) => Promise<void>;
  /**
   * A message in a shared chat that was not addressed to the bot. Only ever counted (if the
   * session turned chat counting on), never read or stored: handlers get no text.
   */
  readonly onChatMessage?: (context: { readonly turn: Turn; readonly session: StoredSession; readonly deps: ServiceDeps }) => Promise<void>;
}

export interface MeetingEventContext {
  readonly turn: Turn;
  readonly event: MeetingEvent;
  /** This occurrence's session, if one is set up. */
  readonly session: StoredSession | undefined;
  readonly deps: ServiceDeps;
}
