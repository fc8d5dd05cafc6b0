/**
 * The stage link a facilitator's side panel shares to the meeting stage. Every facilitator gets
 * the same link until one of them rotates it (say, because it was shown somewhere it should not
 * have been); it stops working two hours after the meeting's scheduled end.
 */
import type { Session } from '../core/session';
import { stageLinkFor, stageTokenExpiry } from '../core/stageTokens';
import type { ServiceDeps } from './deps';

export interface StageLinkView {
  /** Path of the stage page on this server, token included; resolve against the tab's origin. */
  readonly path: string;
  readonly expiresAt: string;
}

/** The tab page that shows the stage view; the token goes in the query, never in a log line. */
export function stagePagePath(token: string): string {
  return `/tab/?view=stage&stage=${encodeURIComponent(token)}`;
}

export async function stageLinkOf(deps: ServiceDeps, session: Session, secret: string, now: Date, rotate: boolean): Promise<StageLinkView> {
  const info = await deps.directory.meetingInfo({ meetingId: session.meetingId, conversationId: session.conversationId }).catch(() => undefined);
  const scheduledEnd = info?.scheduledEnd ? new Date(info.scheduledEnd) : undefined;
  const link = await stageLinkFor(deps.store, {
    sessionKey: session.sessionKey,
    secret,
    expiresAt: stageTokenExpiry(scheduledEnd, now),
    now,
    rotate,
  });
  deps.logger.info({ rotated: rotate }, 'stage link given to a facilitator');
  return { path: stagePagePath(link.token), expiresAt: link.expiresAt.toISOString() };
}
