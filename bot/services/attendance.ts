/**
 * Who took part: attendance and "has had a say" signals, from every source, because join events
 * may not arrive. (Stub: the voices work fills this in; other areas call these two functions.)
 */
import type { Person } from '../core/ports';
import type { Session } from '../core/session';
import type { ServiceDeps } from './deps';

/** What a person did that shows they were there (and, except `seen`, that they had a say). */
export type SignalKind = 'joined' | 'left' | 'seen' | 'cardAnswer' | 'chatMessage' | 'markedHere' | 'markedLeft';

/** Records that this (identified, never anonymous) person did something in the session. */
export async function recordSignal(_deps: ServiceDeps, _session: Session, _person: Person, _kind: SignalKind, _now: Date): Promise<void> {
  // Filled in by the voices work.
}

/** How many people are known to be here now; undefined when we cannot tell. */
export async function countPresent(_deps: ServiceDeps, _session: Session): Promise<number | undefined> {
  return undefined;
}
