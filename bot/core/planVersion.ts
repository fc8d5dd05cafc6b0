/**
 * Plan versions: when a session's agenda moves (an overrun, an early `next`, +5 minutes), the
 * facilitator's new plan gets a higher version, and jobs planned against an older version are
 * dropped instead of firing at the wrong moment. One row per scope in table 'plans'.
 */
import { keyPart } from './keys';
import type { Store } from './ports';

export const PLANS_TABLE = 'plans';
const PLAN_ROW = 'plan';
/** Conflicts only come from two bumps of the same scope at once; a few re-reads settle them. */
const MAX_TRIES = 8;

export type BumpResult =
  | { readonly ok: true; readonly version: number }
  | { readonly ok: false; readonly reason: 'contended' };

function planPartition(scope: string): string {
  return keyPart(scope);
}

/** The scope's current plan version; 0 when no plan has been written yet. */
export async function currentPlanVersion(store: Store, scope: string): Promise<number> {
  const row = await store.get(PLANS_TABLE, planPartition(scope), PLAN_ROW);
  const version = row?.props.version;
  return typeof version === 'number' ? version : 0;
}

/** Writes the next plan version for a scope and returns it (1 for a scope never planned before). */
export async function bumpPlanVersion(store: Store, scope: string): Promise<BumpResult> {
  const partitionKey = planPartition(scope);
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    const row = await store.get(PLANS_TABLE, partitionKey, PLAN_ROW);
    if (!row) {
      const inserted = await store.insert(PLANS_TABLE, { partitionKey, rowKey: PLAN_ROW, props: { version: 1 } });
      if (inserted.ok) return { ok: true, version: 1 };
      continue;
    }
    const current = typeof row.props.version === 'number' ? row.props.version : 0;
    const next = current + 1;
    const merged = await store.merge(PLANS_TABLE, { partitionKey, rowKey: PLAN_ROW, props: { version: next } }, row.etag);
    if (merged.ok) return { ok: true, version: next };
  }
  return { ok: false, reason: 'contended' };
}

/**
 * True when a job planned against `jobVersion` belongs to a plan that has since moved on.
 * Jobs without a scope are never stale.
 */
export function isStalePlan(jobVersion: number, currentVersion: number): boolean {
  return jobVersion < currentVersion;
}
