/**
 * The recap: the parts of the plan covered so far and, for topics, their questions, posted in
 * the meeting chat. A typed `recap` gets it as the reply; the button posts it through the outbox
 * (its answer is private), once per plan step even if pressed twice.
 */
import type { Session } from '../core/session';
import { coveredItems } from '../core/sessionPlan';
import { recapCard } from '../cards/recapCard';
import type { AdaptiveCard } from '../cards/types';
import type { ServiceDeps } from './deps';
import { sessionTag } from './liveFrameworkAnnounce';
import { readPlan } from './liveFrameworkStore';

export async function buildRecap(deps: ServiceDeps, session: Session): Promise<{ readonly card: AdaptiveCard; readonly planVersion: number }> {
  const plan = await readPlan(deps, session);
  const live = plan.live;
  const current = live && !live.ended ? plan.agenda[live.currentIndex] : undefined;
  const card = recapCard({ covered: coveredItems(plan), ...(current ? { current } : {}), ended: live?.ended !== undefined });
  return { card, planVersion: live?.planVersion ?? 0 };
}

export async function postRecap(deps: ServiceDeps, session: Session, now: Date): Promise<void> {
  const { card, planVersion } = await buildRecap(deps, session);
  const minute = Math.floor(now.getTime() / 60_000);
  await deps.outbox.enqueue({
    conversationId: session.conversationId,
    message: { kind: 'send', card },
    idempotencyKey: `recap|${sessionTag(session)}|v${planVersion}|${minute}`,
  });
}
