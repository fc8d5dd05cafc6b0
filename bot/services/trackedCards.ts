/**
 * Cards the bot posts and later edits (framework, sense-check tallies). Posts and edits go through
 * the outbox, named by a card key. Tallies are coalesced (DESIGN.md "Card budget"): an answer asks
 * for a refresh, and one job per card per window edits the card at most once in that window.
 */
import type { CardJson, PropertyValue } from '../core/ports';
import type { CardRenderer, Capability, ServiceJobHandler } from './capability';
import type { ServiceDeps } from './deps';

/** At most one coalesced edit per card in each window of this length. */
export const REFRESH_WINDOW_MS = 12_000;
export const CARD_REFRESH_JOB = 'card.refresh';

function postKey(cardKey: string): string {
  return `card|${cardKey}`;
}

export async function postTrackedCard(deps: ServiceDeps, conversationId: string, cardKey: string, card: CardJson): Promise<boolean> {
  return (await deps.outbox.enqueue({ conversationId, message: { kind: 'send', card }, idempotencyKey: postKey(cardKey) })).queued;
}

/** `editKey` names this edit, so a retried call edits once. */
export async function editTrackedCard(deps: ServiceDeps, conversationId: string, cardKey: string, card: CardJson, editKey: string): Promise<void> {
  await deps.outbox.enqueue({
    conversationId,
    message: { kind: 'update', ofKey: postKey(cardKey), card },
    idempotencyKey: `edit|${cardKey}|${editKey}`,
  });
}

export interface RefreshRequest {
  /** Which renderer rebuilds the card (a key of some capability's cardRenderers). */
  readonly renderer: string;
  readonly cardKey: string;
  readonly conversationId: string;
  readonly payload?: Readonly<Record<string, PropertyValue>>;
}

/** Asks for the card to be rebuilt at the end of the current window; many asks, one edit. */
export async function requestCardRefresh(deps: ServiceDeps, request: RefreshRequest, now: Date): Promise<void> {
  const window = Math.floor(now.getTime() / REFRESH_WINDOW_MS);
  await deps.jobs.schedule({
    kind: CARD_REFRESH_JOB,
    dueAt: new Date((window + 1) * REFRESH_WINDOW_MS),
    idempotencyKey: `refresh|${request.cardKey}|${window}`,
    payload: { ...request.payload, renderer: request.renderer, cardKey: request.cardKey, conversationId: request.conversationId },
  });
}

/** The job that edits coalesced cards, given every capability's renderers. */
export function cardRefreshCapability(renderers: Readonly<Record<string, CardRenderer>>): Capability {
  const refresh: ServiceJobHandler = async (job, _now, deps) => {
    const { renderer, cardKey, conversationId } = job.payload;
    const render = typeof renderer === 'string' ? renderers[renderer] : undefined;
    if (!render || typeof cardKey !== 'string' || typeof conversationId !== 'string') return { drop: 'unknownCard' };
    const card = await render(job.payload, deps);
    if (!card) return { drop: 'cardGone' };
    await editTrackedCard(deps, conversationId, cardKey, card, job.id);
    return 'done';
  };
  return { jobs: { [CARD_REFRESH_JOB]: refresh } };
}
