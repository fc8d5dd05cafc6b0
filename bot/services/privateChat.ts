/**
 * Private surfaces: facilitator-only details go to each facilitator's 1:1 chat through the outbox,
 * never into the meeting chat (DESIGN.md "Who uses it"). Callers may post a neutral "sent you
 * the details privately" in the shared chat when at least one person was reached.
 */
import type { PersonKey } from '../core/facilitators';
import { personalChatOf, personId } from '../core/personalChats';
import type { CardJson } from '../core/ports';
import type { Session } from '../core/session';
import type { ServiceDeps } from './deps';

export interface PrivateMessage {
  readonly card?: CardJson;
  readonly text?: string;
}

export interface Delivery {
  readonly reached: readonly PersonKey[];
  readonly unreachable: readonly PersonKey[];
}

/** Queues the message for each person's 1:1 chat; `key` makes a retried call send once. */
export async function tellPrivately(deps: ServiceDeps, people: readonly PersonKey[], message: PrivateMessage, key: string): Promise<Delivery> {
  const reached: PersonKey[] = [];
  const unreachable: PersonKey[] = [];
  for (const person of people) {
    const conversationId = await personalChatOf(deps.store, person);
    if (!conversationId) {
      unreachable.push(person);
      continue;
    }
    await deps.outbox.enqueue({ conversationId, message: { kind: 'send', ...message }, idempotencyKey: `${key}|${personId(person)}` });
    reached.push(person);
  }
  return { reached, unreachable };
}

/** Every facilitator and notetaker of the session. */
export function facilitatorsOf(session: Session): PersonKey[] {
  return [...session.facilitators, ...session.notetakers];
}

export function tellFacilitators(deps: ServiceDeps, session: Session, message: PrivateMessage, key: string): Promise<Delivery> {
  return tellPrivately(deps, facilitatorsOf(session), message, `${session.sessionKey}|${key}`);
}
