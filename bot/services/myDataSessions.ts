/**
 * Which sessions to look in for a person's data: the consent area's index of the sessions they
 * were seen in (a person's records by who they are), plus any session the caller already knows
 * (the chat the question came from, the session a withdrawal link belongs to).
 */
import { sessionsOfPerson } from './consentSessions';
import type { ServiceDeps } from './deps';

export async function sessionsToSearch(deps: ServiceDeps, who: string, alsoSessions: readonly string[]): Promise<string[]> {
  const indexed = (await sessionsOfPerson(deps, who)).map((s) => s.sessionKey);
  return [...new Set([...indexed, ...alsoSessions])];
}
