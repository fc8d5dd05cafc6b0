/**
 * Actions in the Store: one row each, written conditionally on the ETag read, so two facilitators
 * changing one action at once cannot both win silently (the loser decides again on the newer row).
 */
import { actionFromJson, actionRowKey, ACTION_PREFIX, ACTIONS_TABLE, type FollowAction } from '../core/actions';
import type { Store } from '../core/ports';
import { refused, type Result } from '../core/result';
import { allRows } from './digestSources';

export interface StoredAction {
  readonly action: FollowAction;
  readonly etag: string;
}

const ACTION_ID = /^[A-Za-z0-9-]{1,64}$/;

/** Ids come from card data: only ours (random ids and step-N) are looked up. */
export function isActionId(value: unknown): value is string {
  return typeof value === 'string' && ACTION_ID.test(value);
}

export async function loadAction(store: Store, sessionKey: string, id: string): Promise<StoredAction | undefined> {
  if (!isActionId(id)) return undefined;
  const entity = await store.get(ACTIONS_TABLE, sessionKey, actionRowKey(id));
  const action = entity ? actionFromJson(entity.props.data) : undefined;
  return entity && action ? { action, etag: entity.etag } : undefined;
}

export async function loadActions(store: Store, sessionKey: string): Promise<FollowAction[]> {
  return (await allRows(store, ACTIONS_TABLE, sessionKey, ACTION_PREFIX))
    .flatMap((e) => {
      const action = actionFromJson(e.props.data);
      return action ? [action] : [];
    })
    .sort((a, b) => (a.fromStep ?? 999) - (b.fromStep ?? 999) || a.createdAt.localeCompare(b.createdAt));
}

/** Insert-if-absent: false when an action with this id exists (a wrap-up step already added). */
export async function insertAction(store: Store, action: FollowAction): Promise<boolean> {
  const written = await store.insert(ACTIONS_TABLE, { partitionKey: action.sessionKey, rowKey: actionRowKey(action.id), props: { data: JSON.stringify(action) } });
  return written.ok;
}

const MAX_TRIES = 4;

/**
 * Reads, decides (pure) and writes conditionally; decides again when someone else wrote first.
 * `decide` answers the new action, or undefined when nothing changes.
 */
export async function changeAction<T>(
  store: Store,
  sessionKey: string,
  id: string,
  decide: (action: FollowAction) => Result<{ readonly action?: FollowAction; readonly outcome: T }>,
): Promise<Result<{ readonly before: FollowAction; readonly after: FollowAction; readonly outcome: T }>> {
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    const stored = await loadAction(store, sessionKey, id);
    if (!stored) return refused('That action was not found. It may have been removed.');
    const decided = decide(stored.action);
    if (!decided.ok) return decided;
    const next = decided.value.action;
    if (!next) return { ok: true, value: { before: stored.action, after: stored.action, outcome: decided.value.outcome } };
    const written = await store.replace(ACTIONS_TABLE, { partitionKey: sessionKey, rowKey: actionRowKey(id), props: { data: JSON.stringify(next) } }, stored.etag);
    if (written.ok) return { ok: true, value: { before: stored.action, after: next, outcome: decided.value.outcome } };
  }
  return refused('Someone else is changing this action right now. Please try again.');
}
