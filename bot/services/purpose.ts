/** The purpose card (being built). */
import type { Capability } from './capability';
import type { Session } from '../core/session';
import type { ServiceDeps } from './deps';

export const purposeCapability: Capability = {};
/**
 * Posts "did we do what we came for?" in the session's chat once; true when it was posted now,
 * false when it had already been asked. (Stub until the purpose card lands.)
 */
export async function askPurposeQuestion(_deps: ServiceDeps, _session: Session, _now: Date): Promise<boolean> {
  return false;
}
