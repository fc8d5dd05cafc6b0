/**
 * The organisers' channel: where a summary goes besides the meeting chat, if a facilitator
 * chooses. `connect` typed in a channel remembers that channel for the person who typed it (the
 * bot learns the channel's address from that very message); the tab's picker (channels of teams
 * where the app is installed) calls chooseChannelForSession. Nothing is posted to a channel
 * until a facilitator ticks it when approving a summary, and the choice is then kept for the
 * session and for its programme, so the next session of the programme offers it first.
 *
 * Table 'followUpChannels': partition = the person's `who`, 'session|…' or 'programme|…'; row 'latest'.
 */
import { ConversationBook } from '../core/conversations';
import { compositeKey } from '../core/keys';
import type { Session } from '../core/session';
import { say } from '../core/turn';
import { followUpStrings } from '../cards/strings/followUp.en-GB';
import type { CommandHandler } from './capability';
import { whoOf } from './consentSessions';
import type { ServiceDeps } from './deps';

export const CHANNELS_TABLE = 'followUpChannels';
const ROW = 'latest';
const text = followUpStrings.connect;

const sessionPartition = (sessionKey: string) => compositeKey('session', sessionKey);
const programmePartition = (programmeId: string) => compositeKey('programme', programmeId);

async function remember(deps: ServiceDeps, partitionKey: string, conversationId: string, now: Date): Promise<void> {
  await deps.store.upsert(CHANNELS_TABLE, { partitionKey, rowKey: ROW, props: { conversationId, at: now.toISOString() } });
}

async function recalled(deps: ServiceDeps, partitionKey: string): Promise<string | undefined> {
  const entity = await deps.store.get(CHANNELS_TABLE, partitionKey, ROW);
  return typeof entity?.props.conversationId === 'string' ? entity.props.conversationId : undefined;
}

/** A channel the bot can post in: it has heard from it, and has not been removed. */
async function isUsableChannel(deps: ServiceDeps, conversationId: string): Promise<boolean> {
  // Reading needs no service-address policy; the sender checks it again before every send.
  const record = await new ConversationBook(deps.store, { hosts: [], allowLoopback: false }).get(conversationId);
  return record !== undefined && record.status === 'active' && record.reference.conversation.conversationType === 'channel';
}

export const connectCommand: CommandHandler = {
  withoutSession: async ({ turn, deps }) => {
    if (turn.surface !== 'channel') return say(text.notChannel);
    const who = whoOf(turn.actor);
    if (!who) return say(text.noIdentity);
    await remember(deps, who, turn.conversationId, turn.now);
    deps.logger.info({ surface: turn.surface }, 'organisers channel connected');
    return say(text.stored);
  },
};

/** The channel a review offers: this session's choice, else its programme's, else the reviewer's own. */
export async function offeredChannel(deps: ServiceDeps, session: Session, reviewerWho: string | undefined): Promise<string | undefined> {
  const candidates = [
    await recalled(deps, sessionPartition(session.sessionKey)),
    session.programmeId ? await recalled(deps, programmePartition(session.programmeId)) : undefined,
    reviewerWho ? await recalled(deps, reviewerWho) : undefined,
  ];
  for (const candidate of candidates) if (candidate && (await isUsableChannel(deps, candidate))) return candidate;
  return undefined;
}

/** For the tab's picker. False when the bot cannot post in that channel. */
export async function chooseChannelForSession(deps: ServiceDeps, session: Session, conversationId: string, now: Date): Promise<boolean> {
  if (!(await isUsableChannel(deps, conversationId))) return false;
  await remember(deps, sessionPartition(session.sessionKey), conversationId, now);
  return true;
}

/** After an approval that used the channel: keep it for the session and its programme. */
export async function keepChannelChoice(deps: ServiceDeps, session: Session, conversationId: string, now: Date): Promise<void> {
  await remember(deps, sessionPartition(session.sessionKey), conversationId, now);
  if (session.programmeId) await remember(deps, programmePartition(session.programmeId), conversationId, now);
}
