/**
 * The framework as the side panel and the stage read it: the agenda, the current item, the
 * seconds left on it and the next break. The running timer lives there, never on a chat card.
 */
import type { Agenda } from '../core/agenda';
import type { Session } from '../core/session';
import { liveSummary, type LiveSummary } from '../core/sessionPlan';
import type { ServiceDeps } from './deps';
import { readPlan } from './liveFrameworkStore';

export interface LiveFrameworkView extends LiveSummary {
  readonly agenda: Agenda;
}

export async function readLiveFramework(deps: ServiceDeps, session: Session, now: Date): Promise<LiveFrameworkView> {
  const plan = await readPlan(deps, session);
  return { agenda: plan.agenda, ...liveSummary(plan, now) };
}
