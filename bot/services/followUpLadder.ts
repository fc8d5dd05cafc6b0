/**
 * The ladder: `ladder` in the meeting chat posts a neutral prompt; its button gives a facilitator
 * the form privately; saving places the session (and may ask everyone). Each person's own view is
 * a row of its own, counted and never shown by name. A programme's trend comes from an index the
 * placement writes (programme → placements), because sessions are not otherwise grouped.
 */
import { lookupIndex, putIndexEntry } from '../core/indexes';
import { commonestRung, isRung, LADDER_TABLE, ladderTrend, placementFromJson, PLACEMENT_ROW, tallyVotes, trendDirection, VOTE_PREFIX, type LadderPlacement, type Rung } from '../core/ladder';
import type { LadderView } from '../core/digestView';
import type { Session } from '../core/session';
import { refuseInvoke, tellPresser } from '../core/turn';
import { LADDER_INPUTS, ladderFormCard, ladderPromptCard, ladderVoteCard } from '../cards/ladderCard';
import { followUpStrings } from '../cards/strings/followUp.en-GB';
import { recordSignal } from './attendance';
import type { CommandHandler, VerbHandler } from './capability';
import { whoOf } from './consentSessions';
import type { ServiceDeps } from './deps';
import { allRows } from './digestSources';
import { postTrackedCard } from './trackedCards';

const text = followUpStrings.ladder;
export const LADDER_BY_PROGRAMME = 'ladderByProgramme';

export async function loadPlacement(deps: ServiceDeps, sessionKey: string): Promise<LadderPlacement | undefined> {
  const entity = await deps.store.get(LADDER_TABLE, sessionKey, PLACEMENT_ROW);
  return entity ? placementFromJson(entity.props.data) : undefined;
}

/** Facilitators' choice; the last save wins (one small row, written by facilitators only). */
export async function placeSession(deps: ServiceDeps, session: Session, rung: Rung, now: Date): Promise<void> {
  const placement: LadderPlacement = { rung, placedAt: now.toISOString(), occurrence: session.occurrence, ...(session.programmeId ? { programmeId: session.programmeId } : {}) };
  await deps.store.upsert(LADDER_TABLE, { partitionKey: session.sessionKey, rowKey: PLACEMENT_ROW, props: { data: JSON.stringify(placement) } });
  if (session.programmeId) {
    await putIndexEntry(deps.store, { index: LADDER_BY_PROGRAMME, key: session.programmeId, target: { table: LADDER_TABLE, partitionKey: session.sessionKey, rowKey: PLACEMENT_ROW } });
  }
  deps.logger.info({ rung }, 'session placed on the ladder');
}

export async function votesOf(deps: ServiceDeps, sessionKey: string): Promise<Rung[]> {
  return (await allRows(deps.store, LADDER_TABLE, sessionKey, VOTE_PREFIX)).flatMap((e) => (isRung(e.props.rung) ? [e.props.rung] : []));
}

/** What the digest shows: the rung, everyone's views if asked, and the programme's trend. */
export async function ladderView(deps: ServiceDeps, session: Session): Promise<LadderView> {
  const [placement, votes] = await Promise.all([loadPlacement(deps, session.sessionKey), votesOf(deps, session.sessionKey)]);
  const points: { sessionKey: string; placement: LadderPlacement }[] = [];
  if (session.programmeId) {
    for (const hit of await lookupIndex(deps.store, LADDER_BY_PROGRAMME, session.programmeId)) {
      const found = placementFromJson(hit.entity.props.data);
      if (found && found.programmeId === session.programmeId) points.push({ sessionKey: hit.partitionKey, placement: found });
    }
  } else if (placement) {
    points.push({ sessionKey: session.sessionKey, placement });
  }
  const trend = ladderTrend(points, session.sessionKey);
  const tally = tallyVotes(votes);
  const rung = placement?.rung;
  return { ...(rung ? { rung } : {}), ...(votes.length > 0 && commonestRung(tally) ? { votes: tally } : {}), trend, direction: trendDirection(trend) };
}

export const ladderCommand: CommandHandler = {
  run: async ({ session }) => ({ card: ladderPromptCard(session.session.sessionKey) }),
};

export const ladderOpenVerb: VerbHandler = {
  run: async ({ session, deps }) => {
    const placement = await loadPlacement(deps, session.session.sessionKey);
    return { kind: 'card', card: ladderFormCard({ sessionKey: session.session.sessionKey, ...(placement ? { rung: placement.rung } : {}) }) };
  },
};

export const ladderPlaceVerb: VerbHandler = {
  run: async ({ turn, data, session: { session }, deps }) => {
    const rung = data[LADDER_INPUTS.rung];
    if (!isRung(rung)) return { kind: 'card', card: ladderFormCard({ sessionKey: session.sessionKey, problem: text.choose }) };
    await placeSession(deps, session, rung, turn.now);
    if (data[LADDER_INPUTS.askEveryone] === 'true' && turn.surface !== 'personal') {
      await postTrackedCard(deps, session.conversationId, `ladderVote|${session.sessionKey}`, ladderVoteCard(session.sessionKey));
    }
    return tellPresser(text.saved);
  },
};

export const ladderVoteVerb: VerbHandler = {
  run: async ({ turn, data, session: { session }, deps }) => {
    const who = whoOf(turn.actor);
    if (!who) return tellPresser(text.notIdentified);
    const rung = data[LADDER_INPUTS.rung];
    if (!isRung(rung)) return refuseInvoke(400, text.choose);
    await deps.store.upsert(LADDER_TABLE, { partitionKey: session.sessionKey, rowKey: `${VOTE_PREFIX}${who}`, props: { rung, at: turn.now.toISOString() } });
    await recordSignal(deps, session, turn.actor, 'cardAnswer', turn.now);
    return tellPresser(text.voted);
  },
};
