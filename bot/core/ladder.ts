/**
 * The co-production ladder (Think Local Act Personal): seven rungs from doing things to people up
 * to doing things with them. The guide asks teams to be honest about where they are, so at wrap-up
 * the facilitators place the session on a rung and may ask everyone for their view too; the
 * digest shows the rung and how a programme's sessions have moved over time.
 *
 * Table 'ladder', partition = session key: 'placement' (the facilitators' choice, one writer at
 * a time, conditional) and 'vote|<who>' (each person's own view, one row each).
 */
export const LADDER_TABLE = 'ladder';
export const PLACEMENT_ROW = 'placement';
export const VOTE_PREFIX = 'vote|';

/** Bottom to top. The plain words for each live in the card strings. */
export const LADDER_RUNGS = ['coercion', 'educating', 'informing', 'consultation', 'engagement', 'coDesign', 'coProduction'] as const;
export type Rung = (typeof LADDER_RUNGS)[number];

export function isRung(value: unknown): value is Rung {
  return typeof value === 'string' && (LADDER_RUNGS as readonly string[]).includes(value);
}

/** 1 for coercion up to 7 for co-production. */
export function rungNumber(rung: Rung): number {
  return LADDER_RUNGS.indexOf(rung) + 1;
}

export interface LadderPlacement {
  readonly rung: Rung;
  readonly placedAt: string;
  /** The session's date, so a programme's trend can be ordered without loading each session. */
  readonly occurrence: string;
  readonly programmeId?: string;
}

export type VoteTally = Readonly<Record<Rung, number>>;

export function tallyVotes(votes: readonly Rung[]): VoteTally {
  const tally = Object.fromEntries(LADDER_RUNGS.map((r) => [r, 0])) as Record<Rung, number>;
  for (const vote of votes) tally[vote] += 1;
  return tally;
}

/** The rung most people chose; ties go to the lower rung, so the group view never flatters. */
export function commonestRung(tally: VoteTally): Rung | undefined {
  let best: Rung | undefined;
  for (const rung of LADDER_RUNGS) if (tally[rung] > 0 && (best === undefined || tally[rung] > tally[best])) best = rung;
  return best;
}

export interface TrendPoint {
  readonly occurrence: string;
  readonly rung: Rung;
  /** This session, as opposed to an earlier or later one of the programme. */
  readonly current: boolean;
}

export const MAX_TREND_POINTS = 8;

/**
 * The programme's sessions in date order, ending with the latest ones (at most eight, so a long
 * programme still fits on a card). Only sessions that were placed on the ladder appear.
 */
export function ladderTrend(points: readonly { readonly sessionKey: string; readonly placement: LadderPlacement }[], currentSessionKey: string): TrendPoint[] {
  const sorted = [...points].sort((a, b) => a.placement.occurrence.localeCompare(b.placement.occurrence) || a.sessionKey.localeCompare(b.sessionKey));
  return sorted.slice(-MAX_TREND_POINTS).map((p) => ({ occurrence: p.placement.occurrence, rung: p.placement.rung, current: p.sessionKey === currentSessionKey }));
}

export type TrendDirection = 'first' | 'up' | 'down' | 'same';

/** How this session compares with the one before it in the programme. */
export function trendDirection(trend: readonly TrendPoint[]): TrendDirection {
  const index = trend.findIndex((p) => p.current);
  if (index <= 0) return 'first';
  const now = rungNumber(trend[index].rung);
  const before = rungNumber(trend[index - 1].rung);
  return now > before ? 'up' : now < before ? 'down' : 'same';
}

export function placementFromJson(json: unknown): LadderPlacement | undefined {
  if (typeof json !== 'string') return undefined;
  try {
    const value = JSON.parse(json) as Partial<LadderPlacement>;
    if (!isRung(value.rung) || typeof value.placedAt !== 'string' || typeof value.occurrence !== 'string') return undefined;
    return { rung: value.rung, placedAt: value.placedAt, occurrence: value.occurrence, ...(typeof value.programmeId === 'string' ? { programmeId: value.programmeId } : {}) };
  } catch {
    return undefined;
  }
}
