import type { Activity, TurnContext } from 'botbuilder';
import { CONVERSATIONS_TABLE, ConversationBook } from '../../bot/core/conversations';
import { keyPart } from '../../bot/core/keys';
import { noopLogger } from '../../bot/core/logger';
import type { Store } from '../../bot/core/ports';
import { openSqliteStore } from '../../bot/storage/sqliteStore';
import {
  createConversationRememberer,
  referenceFromActivity,
  statusFromActivity,
  toConversationReference,
} from '../../bot/teams/conversationReferences';

const TEAMS = 'https://smba.trafficmanager.net/emea/';
const policy = { hosts: ['smba.trafficmanager.net'], allowLoopback: false };

const inbound = (extra: Partial<Activity> = {}): Partial<Activity> => ({
  type: 'message',
  channelId: 'msteams',
  serviceUrl: TEAMS,
  locale: 'en-GB',
  from: { id: '29:user', name: 'Alice Example', aadObjectId: 'aad-1' },
  conversation: { id: '19:meeting_x@thread.v2', name: 'Secret project sync', conversationType: 'groupChat', tenantId: 't-1', isGroup: true },
  recipient: { id: '28:bot', name: 'Coproduce' },
  text: 'hello',
  ...extra,
});

let store: Store;
beforeEach(() => {
  store = openSqliteStore({ file: ':memory:' });
});
afterEach(() => store.close());

test('the stored reference keeps what a proactive send needs and no names', () => {
  const reference = referenceFromActivity(inbound());
  expect(reference).toEqual({
    channelId: 'msteams',
    serviceUrl: TEAMS,
    conversation: { id: '19:meeting_x@thread.v2', conversationType: 'groupChat', tenantId: 't-1', isGroup: true },
    bot: { id: '28:bot' },
    locale: 'en-GB',
  });
  expect(JSON.stringify(reference)).not.toMatch(/Alice|Secret|29:user|hello/);
  expect(toConversationReference(reference!)).toMatchObject({ serviceUrl: TEAMS, conversation: { id: '19:meeting_x@thread.v2' }, bot: { id: '28:bot' } });
  expect(referenceFromActivity(inbound({ serviceUrl: undefined }))).toBeUndefined();
});

test.each<[string, string, Partial<Activity>]>([
  ['a message', 'active', {}],
  ['the app being installed', 'active', { type: 'installationUpdate', action: 'add' }],
  ['the app being removed', 'inactive', { type: 'installationUpdate', action: 'remove' }],
  ['the bot being removed from the chat', 'inactive', { type: 'conversationUpdate', membersRemoved: [{ id: '28:bot', name: '' }] }],
  ['someone else leaving the chat', 'active', { type: 'conversationUpdate', membersRemoved: [{ id: '29:other', name: '' }] }],
])('%s leaves the conversation %s', (_label, status, extra) => {
  expect(statusFromActivity(inbound(extra))).toBe(status);
});

test('every turn refreshes the reference; an unchanged one is not rewritten', async () => {
  const book = new ConversationBook(store, policy);
  let now = new Date('2025-03-01T10:00:00Z');
  const remember = createConversationRememberer({ book, clock: { now: () => now }, logger: noopLogger });
  const turn = (activity: Partial<Activity>) => remember({ activity } as unknown as TurnContext);

  await turn(inbound());
  now = new Date('2025-03-01T10:05:00Z');
  await turn(inbound());
  expect(await book.get('19:meeting_x@thread.v2')).toMatchObject({ status: 'active', updatedAt: '2025-03-01T10:00:00.000Z' });

  await turn(inbound({ serviceUrl: 'https://smba.trafficmanager.net/amer/' }));
  expect((await book.get('19:meeting_x@thread.v2'))?.reference.serviceUrl).toBe('https://smba.trafficmanager.net/amer/');

  await book.markInactive('19:meeting_x@thread.v2', 'botNotInConversation', now);
  await turn(inbound());
  expect((await book.get('19:meeting_x@thread.v2'))?.status).toBe('active');
});

test('a reference with a serviceUrl off the allow-list is not stored, nor does it replace a good one', async () => {
  const book = new ConversationBook(store, policy);
  const warnings: string[] = [];
  const logger = { ...noopLogger, warn: (_f: unknown, message: string) => void warnings.push(message) };
  const remember = createConversationRememberer({ book, clock: { now: () => new Date() }, logger });
  await remember({ activity: inbound() } as unknown as TurnContext);
  await remember({ activity: inbound({ serviceUrl: 'https://attacker.example/' }) } as unknown as TurnContext);
  expect((await book.get('19:meeting_x@thread.v2'))?.reference.serviceUrl).toBe(TEAMS);
  expect(warnings).toHaveLength(1);
  expect(warnings[0]).not.toMatch(/attacker|19:/);
});

test('a chat the sender marked inactive is re-activated by the next turn, and a change by another instance within seconds', async () => {
  let now = new Date('2025-03-01T10:00:00Z');
  const remember = createConversationRememberer({ book: new ConversationBook(store, policy), clock: { now: () => now }, logger: noopLogger });
  const turn = () => remember({ activity: inbound() } as unknown as TurnContext);
  await turn();
  await turn(); // now known unchanged in memory

  // The sender has a book of its own on the same store.
  await new ConversationBook(store, policy).markInactive('19:meeting_x@thread.v2', 'botNotInConversation', now);
  await turn();
  expect((await new ConversationBook(store, policy).get('19:meeting_x@thread.v2'))?.status).toBe('active');

  // Another instance's write is not seen in this memory; it is noticed once the memo is 10 s old.
  await store.merge(CONVERSATIONS_TABLE, { partitionKey: keyPart('19:meeting_x@thread.v2'), rowKey: 'ref', props: { status: 'inactive' } }, '*');
  expect((await new ConversationBook(store, policy).get('19:meeting_x@thread.v2'))?.status).toBe('inactive');
  now = new Date('2025-03-01T10:00:11Z');
  await turn();
  expect((await new ConversationBook(store, policy).get('19:meeting_x@thread.v2'))?.status).toBe('active');
});
