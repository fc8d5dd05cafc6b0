/**
 * One thing a person did, as the core sees it: who (from the authenticated activity, never from
 * card data), where, and when. The Teams adapter builds it; services decide on it.
 */
import type { CardJson, Person } from './ports';
import type { Surface } from './permissions';

export interface Actor extends Person {
  /** Display name from the activity. Shown back to facilitators only; never logged. */
  readonly name?: string;
}

export interface Turn {
  readonly actor: Actor;
  readonly conversationId: string;
  /** The Teams meeting the conversation belongs to, when it belongs to one. */
  readonly meetingId?: string;
  readonly tenantId?: string;
  readonly surface: Surface;
  /** IANA time zone the person's Teams client reported. */
  readonly timeZone?: string;
  readonly now: Date;
}

/** Reply to a message or event in the same conversation: a card, a short text, or nothing. */
export interface CommandReply {
  readonly card?: CardJson;
  readonly text?: string;
}

/** Answer to a card button press: seen only by the person who pressed it. */
export type InvokeReply =
  | { readonly kind: 'card'; readonly card: CardJson }
  | { readonly kind: 'message'; readonly text: string }
  | { readonly kind: 'error'; readonly status: 400 | 403 | 404 | 500; readonly code: string; readonly message: string };

export const NO_REPLY: CommandReply = Object.freeze({});

export function say(text: string): CommandReply {
  return { text };
}

export function tellPresser(text: string): InvokeReply {
  return { kind: 'message', text };
}

export function refuseInvoke(status: 400 | 403 | 404, message: string): InvokeReply {
  const code = status === 400 ? 'BadRequest' : status === 403 ? 'Forbidden' : 'NotFound';
  return { kind: 'error', status, code, message };
}
