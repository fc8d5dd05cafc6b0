/** What a handler asks the bot to say back in the same turn (the types live in the core). */
export { NO_REPLY, type CommandReply, type InvokeReply } from '../core/turn';
