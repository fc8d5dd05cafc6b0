/** What a handler asks the bot to say back in the same turn. */
import type { CardJson } from '../core/ports';

/** Reply to a message or event: a card, a short text, or nothing. */
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
