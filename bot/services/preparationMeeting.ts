/**
 * The meeting's planned length for the framework editor's time check, kept beside the session so
 * the tab's two-second poll reads a row instead of asking Teams each time. Teams is asked again
 * once the kept answer is older than a few minutes (a meeting can be moved or made longer), and
 * sooner when Teams could not say last time, so a passing fault does not stick.
 */
import { meetingMinutesOf } from '../core/sessionPlan';
import type { Session } from '../core/session';
import type { ServiceDeps } from './deps';
import { putPreparation, readPreparation } from './preparationStore';

export const MEETING_LENGTH_FRESH_MS = 15 * 60_000;
export const MEETING_LENGTH_RETRY_MS = 60_000;

interface Kept {
  readonly minutes: number;
  /** False when Teams did not answer and the default length stands in. */
  readonly known: boolean;
  readonly checkedAt: string;
}

function keptFrom(json: string | undefined): Kept | undefined {
  if (!json) return undefined;
  try {
    const value = JSON.parse(json) as Partial<Kept>;
    return typeof value.minutes === 'number' && typeof value.checkedAt === 'string' ? { minutes: value.minutes, known: value.known === true, checkedAt: value.checkedAt } : undefined;
  } catch {
    return undefined;
  }
}

export async function meetingMinutesKept(deps: ServiceDeps, session: Session, now: Date): Promise<number> {
  const kept = keptFrom((await readPreparation(deps.store, session.sessionKey, 'meetingLength')).json);
  if (kept) {
    const age = now.getTime() - Date.parse(kept.checkedAt);
    // A clock that went backwards counts as stale too.
    if (age >= 0 && age < (kept.known ? MEETING_LENGTH_FRESH_MS : MEETING_LENGTH_RETRY_MS)) return kept.minutes;
  }
  const info = await deps.directory.meetingInfo({ meetingId: session.meetingId, conversationId: session.conversationId }).catch(() => undefined);
  const fresh: Kept = { minutes: meetingMinutesOf(info), known: info !== undefined, checkedAt: now.toISOString() };
  await putPreparation(deps.store, session.sessionKey, 'meetingLength', JSON.stringify(fresh), now);
  return fresh.minutes;
}
