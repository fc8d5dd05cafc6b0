/**
 * Which sessions fall due for the retention purge. The Store cannot list partitions, so every
 * session is also indexed under the month of its meeting day (`2026-11`): the purge job reads a
 * few month partitions instead of scanning tables. Written on every save (idempotent), so a lost
 * write comes back with the next edit; an entry whose session is gone is dropped on look-up.
 */
import { lookupIndex, putIndexEntry, removeIndexEntry, type IndexHit, type IndexTarget } from './indexes';
import type { Store } from './ports';

export const SESSIONS_BY_MONTH = 'sessionsByMonth';

/** `2026-11-25` → `2026-11`. */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}

/** The months from `from` to `to` inclusive, oldest first (both `YYYY-MM`). */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [year, month] = from.split('-').map(Number);
  const [endYear, endMonth] = to.split('-').map(Number);
  while (year < endYear || (year === endYear && month <= endMonth)) {
    out.push(`${year}-${String(month).padStart(2, '0')}`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return out;
}

export async function indexSessionMonth(store: Store, session: IndexTarget, occurrence: string): Promise<void> {
  await putIndexEntry(store, { index: SESSIONS_BY_MONTH, key: monthOf(occurrence), target: session });
}

export async function unindexSessionMonth(store: Store, session: IndexTarget, occurrence: string): Promise<void> {
  await removeIndexEntry(store, { index: SESSIONS_BY_MONTH, key: monthOf(occurrence), target: session });
}

/** The sessions whose meeting day falls in this month and still exist. */
export function sessionsOfMonth(store: Store, month: string): Promise<IndexHit[]> {
  return lookupIndex(store, SESSIONS_BY_MONTH, month);
}
