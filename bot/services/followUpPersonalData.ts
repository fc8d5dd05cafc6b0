/**
 * What follow-up keeps about one person in one session, for "my data" (see it) and erasure
 * (delete it): their access needs, their own ladder view, the organiser's "who is this" link, and
 * their words linked to actions. Erasing unlinks them from actions but keeps the action (it
 * belongs to the group). Payment lines are finance records and stay; the organiser view shows
 * them without a name once the "who is this" link is gone. The my-data area calls these.
 */
import { ACCESS_NEEDS_TABLE, accessNeedsFromJson, type AccessNeeds } from '../core/accessNeeds';
import { isRung, LADDER_TABLE, VOTE_PREFIX, type Rung } from '../core/ladder';
import { CONTACT_PREFIX, PAYMENTS_TABLE, statusForPerson } from '../core/payments';
import { ok } from '../core/result';
import type { ServiceDeps } from './deps';
import { changeAction, loadActions } from './followUpActionsStore';
import { loadLine } from './paymentsStore';

export interface FollowUpPersonalData {
  readonly accessNeeds?: AccessNeeds;
  readonly ladderView?: Rung;
  /** What the person may know about their payment: due or paid. */
  readonly payment?: 'due' | 'paid';
  /** Actions their words were linked to, with those words. */
  readonly linkedTo: readonly { readonly action: string; readonly words: readonly string[] }[];
}

export async function followUpDataOf(deps: ServiceDeps, sessionKey: string, who: string): Promise<FollowUpPersonalData> {
  const [needsRow, voteRow, line, actions] = await Promise.all([
    deps.store.get(ACCESS_NEEDS_TABLE, sessionKey, who),
    deps.store.get(LADDER_TABLE, sessionKey, `${VOTE_PREFIX}${who}`),
    loadLine(deps.store, sessionKey, who),
    loadActions(deps.store, sessionKey),
  ]);
  const accessNeeds = accessNeedsFromJson(needsRow?.props.data);
  const vote = voteRow?.props.rung;
  const payment = statusForPerson(line);
  const linkedTo = actions.flatMap((a) => {
    const mine = a.sources.filter((s) => s.who === who);
    return mine.length > 0 ? [{ action: a.what, words: mine.flatMap((s) => (s.text ? [s.text] : [])) }] : [];
  });
  return { ...(accessNeeds ? { accessNeeds } : {}), ...(isRung(vote) ? { ladderView: vote } : {}), ...(payment ? { payment } : {}), linkedTo };
}

export async function eraseFollowUpPerson(deps: ServiceDeps, sessionKey: string, who: string, now: Date): Promise<number> {
  let removed = 0;
  for (const [table, rowKey] of [
    [ACCESS_NEEDS_TABLE, who],
    [LADDER_TABLE, `${VOTE_PREFIX}${who}`],
    [PAYMENTS_TABLE, `${CONTACT_PREFIX}${who}`],
  ] as const) {
    if ((await deps.store.delete(table, sessionKey, rowKey, '*')).ok) removed += 1;
  }
  for (const action of await loadActions(deps.store, sessionKey)) {
    if (!action.sources.some((s) => s.who === who)) continue;
    const changed = await changeAction(deps.store, sessionKey, action.id, (current) => {
      const sources = current.sources.filter((s) => s.who !== who);
      return ok({ action: { ...current, sources, updatedAt: now.toISOString(), version: current.version + 1 }, outcome: current.sources.length - sources.length });
    });
    if (changed.ok) removed += changed.value.outcome;
  }
  deps.logger.info({ removed }, 'follow-up data erased for one person');
  return removed;
}
