/**
 * Everything follow-up keeps about a session goes with the session: the digest and its draft
 * rows, actions, the ladder, access needs, payments (lines and "who is this" links) and the
 * session's channel choice, and the row behind the published summary's link. For the retention
 * job; index entries that pointed here are dropped by the indexes themselves on their next
 * look-up. A programme's rate and channel belong to the programme and stay.
 */
import { ACCESS_NEEDS_TABLE } from '../core/accessNeeds';
import { ACTIONS_TABLE } from '../core/actions';
import { DIGESTS_TABLE } from '../core/digest';
import { compositeKey } from '../core/keys';
import { LADDER_TABLE } from '../core/ladder';
import { PAYMENT_RATES_TABLE, PAYMENTS_TABLE } from '../core/payments';
import type { Store } from '../core/ports';
import type { ServiceDeps } from './deps';
import { allRows } from './digestSources';
import { loadDigestState } from './digestStore';
import { DIGEST_LINKS_TABLE, tokenKey } from './digestViews';
import { CHANNELS_TABLE } from './followUpChannels';

async function clearPartition(store: Store, table: string, partitionKey: string): Promise<number> {
  let removed = 0;
  for (const entity of await allRows(store, table, partitionKey)) {
    const result = await store.delete(table, partitionKey, entity.rowKey, '*');
    if (result.ok) removed += 1;
  }
  return removed;
}

export async function purgeFollowUp(deps: ServiceDeps, sessionKey: string): Promise<number> {
  let removed = 0;
  // The link row is found by its token, which only the digest's state row knows: read it first.
  const token = (await loadDigestState(deps.store, sessionKey))?.state.linkToken;
  if (token && (await deps.store.delete(DIGEST_LINKS_TABLE, tokenKey(token), 'digest', '*')).ok) removed += 1;
  for (const table of [DIGESTS_TABLE, ACTIONS_TABLE, LADDER_TABLE, ACCESS_NEEDS_TABLE, PAYMENTS_TABLE]) removed += await clearPartition(deps.store, table, sessionKey);
  // A session without a programme keeps its rate in its own partition.
  removed += await clearPartition(deps.store, PAYMENT_RATES_TABLE, sessionKey);
  removed += await clearPartition(deps.store, CHANNELS_TABLE, compositeKey('session', sessionKey));
  deps.logger.info({ removed }, 'follow-up data purged with its session');
  return removed;
}
