/**
 * Which session a turn is about. A typed command means "this chat's session for this occurrence";
 * a card press means "the session named on the card", which must belong to the chat the press
 * came from (forged or pasted card data changes nothing).
 */
import { loadRecentSession, loadSession, sessionsOfConversation, type StoredSession } from '../core/sessionStore';
import { occurrenceKey, occurrenceOf } from '../core/session';
import type { MeetingRef } from '../core/ports';
import type { Turn } from '../core/turn';
import type { ServiceDeps } from './deps';

export function meetingRefOf(turn: Turn): MeetingRef | undefined {
  return turn.meetingId ? { meetingId: turn.meetingId, conversationId: turn.conversationId, tenantId: turn.tenantId } : undefined;
}

/** The occurrence's scheduled start when Teams tells us, else now (a "Meet now" or an unknown meeting). */
export async function occurrenceStartOf(turn: Turn, deps: ServiceDeps): Promise<string> {
  const meeting = meetingRefOf(turn);
  const info = meeting ? await deps.directory.meetingInfo(meeting).catch(() => undefined) : undefined;
  return info?.scheduledStart && occurrenceOf(info.scheduledStart) ? info.scheduledStart : turn.now.toISOString();
}

const DAY_MS = 86_400_000;

/**
 * This occurrence's session, or the newest one of the chat begun no earlier than yesterday (an
 * occurrence that crossed UTC midnight). Last week's session of a recurring meeting is not today's.
 */
export async function currentSession(turn: Turn, deps: ServiceDeps): Promise<StoredSession | undefined> {
  if (turn.meetingId) {
    const key = occurrenceKey(turn.meetingId, await occurrenceStartOf(turn, deps));
    const exact = key ? await loadSession(deps.store, key) : undefined;
    if (exact && exact.session.conversationId === turn.conversationId) return exact;
  }
  const sessions = await sessionsOfConversation(deps.store, turn.conversationId);
  const yesterday = new Date(turn.now.getTime() - DAY_MS).toISOString().slice(0, 10);
  const recent = sessions.find((s) => s.occurrence >= yesterday);
  return recent ? loadSession(deps.store, recent.sessionKey) : undefined;
}

export type CardSession =
  | { readonly ok: true; readonly session: StoredSession }
  | { readonly ok: false; readonly status: 400 | 403 | 404; readonly message: string };

/** The session named by a card, if it belongs to this conversation. */
export async function sessionOfCard(turn: Turn, data: Readonly<Record<string, unknown>>, deps: ServiceDeps): Promise<CardSession> {
  const key = data.sessionKey;
  if (typeof key !== 'string' || key === '' || key.length > 512) {
    return { ok: false, status: 400, message: 'This card is missing some details. Ask a facilitator to post it again.' };
  }
  const stored = await loadRecentSession(deps.store, key, turn.now);
  if (!stored) return { ok: false, status: 404, message: 'This card belongs to a session Coproduce no longer has.' };
  // A card seen in a 1:1 chat was sent there privately, to a facilitator; the dispatcher checks the rule.
  if (turn.surface !== 'personal' && stored.session.conversationId !== turn.conversationId) {
    return { ok: false, status: 403, message: 'This card belongs to a different meeting, so nothing was changed.' };
  }
  return { ok: true, session: stored };
}
