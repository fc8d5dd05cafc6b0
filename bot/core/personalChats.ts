/**
 * Where each person's 1:1 chat with the bot is, so facilitators' private details (warnings, quiet
 * voices, alerts) go there and never into a shared chat. Learned from any message in a personal
 * chat; a person who never opened one cannot be reached, and setup tells them so.
 *
 * Table 'personalChats': partition = the person's key, row 'chat'.
 */
import type { PersonKey } from './facilitators';
import { personKeyOf } from './facilitators';
import { compositeKey } from './keys';
import type { Person, Store } from './ports';

export const PERSONAL_CHATS_TABLE = 'personalChats';
const ROW = 'chat';

/** A stable key for a person: also the row key of their own rows in a session (answers, attendance). */
export function personId(person: PersonKey): string {
  return 'aadObjectId' in person
    ? compositeKey('aad', person.tenantId.toLowerCase(), person.aadObjectId.toLowerCase())
    : compositeKey('user', person.userId);
}

export async function rememberPersonalChat(store: Store, person: Person, conversationId: string, now: Date): Promise<void> {
  const key = personKeyOf(person);
  if (!key) return;
  const partitionKey = personId(key);
  const existing = await store.get(PERSONAL_CHATS_TABLE, partitionKey, ROW);
  if (existing?.props.conversationId === conversationId) return; // most turns: nothing to write
  await store.upsert(PERSONAL_CHATS_TABLE, { partitionKey, rowKey: ROW, props: { conversationId, at: now.toISOString() } });
}

export async function personalChatOf(store: Store, person: PersonKey): Promise<string | undefined> {
  const entity = await store.get(PERSONAL_CHATS_TABLE, personId(person), ROW);
  return typeof entity?.props.conversationId === 'string' ? entity.props.conversationId : undefined;
}
