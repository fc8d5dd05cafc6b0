/**
 * The sense checks as the facilitators' side panel shows them: the latest few, with the same
 * tallies the public card shows (how many answered while open; the split only once closed).
 */
import { tallies, type SenseCheckStatus, type Tally } from '../core/senseCheck';
import { loadAnswers, loadSenseCheck, senseCheckRows } from '../core/senseCheckStore';
import type { Session } from '../core/session';
import type { ServiceDeps } from './deps';
import { expectedCount } from './senseCheckViews';

/** The panel has room for a few; older ones are in the chat. */
const SHOWN = 3;

export interface SenseCheckSummary {
  readonly id: string;
  readonly statements: readonly string[];
  readonly status: SenseCheckStatus;
  readonly openedAt: string;
  readonly tallies: readonly Tally[];
}

export async function recentSenseChecks(deps: ServiceDeps, session: Session): Promise<SenseCheckSummary[]> {
  const ids = (await senseCheckRows(deps.store, session.sessionKey)).flatMap((entity) => {
    const { checkId, openedAt } = entity.props;
    return typeof checkId === 'string' && typeof openedAt === 'string' ? [{ id: checkId, openedAt }] : [];
  });
  const newest = ids.sort((a, b) => b.openedAt.localeCompare(a.openedAt) || (a.id < b.id ? -1 : 1)).slice(0, SHOWN);
  if (newest.length === 0) return [];
  const expected = await expectedCount(deps, session);
  const summaries = await Promise.all(
    newest.map(async ({ id }): Promise<SenseCheckSummary | undefined> => {
      const stored = await loadSenseCheck(deps.store, session.sessionKey, id);
      if (!stored) return undefined;
      const answers = await loadAnswers(deps.store, session.sessionKey, id);
      const { check } = stored;
      return { id: check.id, statements: check.statements, status: check.status, openedAt: check.openedAt.toISOString(), tallies: tallies(check, answers, expected) };
    }),
  );
  return summaries.filter((s): s is SenseCheckSummary => s !== undefined);
}
