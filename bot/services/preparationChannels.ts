/**
 * The tab's picker for the organisers' channel (where a summary may also go). It offers only a
 * channel the chooser connected themselves by typing `connect` in it: the bot heard that message
 * from them, so they were a member of that team's channel, and the app is installed there. The
 * bot must still be able to post there (followUpChannels decides that, here and again before any
 * summary is sent).
 *
 * What this cannot do without Teams: list every channel of every team the chooser belongs to, or
 * check that they are still a member today. docs/verify-on-tenant.md says how to check that on a
 * tenant. Channel ids never reach the tab: options are named by a keyed pseudonym of the id.
 */
import { ConversationBook } from '../core/conversations';
import type { Session } from '../core/session';
import type { Person } from '../core/ports';
import { whoOf } from './consentSessions';
import type { ServiceDeps } from './deps';
import { chooseChannelForSession, CHANNELS_TABLE, offeredChannel } from './followUpChannels';

/** followUpChannels keeps each person's latest `connect` in their own partition, in this row. */
const CONNECTED_ROW = 'latest';

export interface ChannelOption {
  /** Opaque: a pseudonym of the channel, never its Teams id. */
  readonly id: string;
  /** When the chooser typed `connect` there. */
  readonly connectedAt: string;
  /** The session's summaries are offered there now. */
  readonly chosen: boolean;
}

export interface ChannelChoices {
  readonly options: readonly ChannelOption[];
  /** A channel is chosen for this session (or its programme) that this person did not connect. */
  readonly otherChosen: boolean;
}

async function connectedBy(deps: ServiceDeps, person: Person): Promise<{ readonly conversationId: string; readonly at: string } | undefined> {
  const who = whoOf(person);
  if (!who) return undefined;
  const entity = await deps.store.get(CHANNELS_TABLE, who, CONNECTED_ROW);
  const conversationId = entity?.props.conversationId;
  return typeof conversationId === 'string' ? { conversationId, at: String(entity?.props.at ?? '') } : undefined;
}

export async function channelChoicesFor(deps: ServiceDeps, session: Session, chooser: Person): Promise<ChannelChoices> {
  const [own, current] = await Promise.all([connectedBy(deps, chooser), offeredChannel(deps, session, undefined)]);
  const id = own ? deps.pseudonymize(own.conversationId) : undefined;
  const usable = own ? await botCanPostIn(deps, own.conversationId) : false;
  const options = own && usable && id ? [{ id, connectedAt: own.at, chosen: current === own.conversationId }] : [];
  return { options, otherChosen: current !== undefined && current !== own?.conversationId };
}

/** The same test followUpChannels applies before remembering a choice: a channel the bot is still in. */
async function botCanPostIn(deps: ServiceDeps, conversationId: string): Promise<boolean> {
  // Reading needs no service-address policy; the sender checks that before every send.
  const record = await new ConversationBook(deps.store, { hosts: [], allowLoopback: false }).get(conversationId);
  return record !== undefined && record.status === 'active' && record.reference.conversation.conversationType === 'channel';
}

export type ChannelChoice = { readonly kind: 'chosen' } | { readonly kind: 'unknown' } | { readonly kind: 'unusable' };

/** Chooses the option named by `optionId` for the session, if it is one this person may choose. */
export async function chooseChannel(deps: ServiceDeps, session: Session, chooser: Person, optionId: string, now: Date): Promise<ChannelChoice> {
  const own = await connectedBy(deps, chooser);
  if (!own || deps.pseudonymize(own.conversationId) !== optionId) return { kind: 'unknown' };
  if (!(await chooseChannelForSession(deps, session, own.conversationId, now))) return { kind: 'unusable' };
  deps.logger.info({ chosen: true }, 'organisers channel chosen from the tab');
  return { kind: 'chosen' };
}
