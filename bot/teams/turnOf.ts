/**
 * Reads a Teams activity into the core's Turn. Identity comes only from the authenticated
 * activity (`from`), never from card data or message text.
 */
import type { Activity } from 'botbuilder';
import type { Turn } from '../core/turn';
import { surfaceOf } from './inboundMessage';

export function turnOf(activity: Partial<Activity>, now: Date): Turn {
  const channelData = (activity.channelData ?? {}) as { tenant?: { id?: unknown }; meeting?: { id?: unknown } };
  const tenantId = text(activity.conversation?.tenantId) ?? text(channelData.tenant?.id);
  const from = activity.from;
  return {
    actor: {
      ...(text(from?.id) ? { userId: from?.id } : {}),
      ...(text(from?.aadObjectId) ? { aadObjectId: from?.aadObjectId } : {}),
      ...(tenantId ? { tenantId } : {}),
      ...(text(from?.name) ? { name: from?.name } : {}),
    },
    conversationId: activity.conversation?.id ?? '',
    ...(text(channelData.meeting?.id) ? { meetingId: channelData.meeting?.id as string } : {}),
    ...(tenantId ? { tenantId } : {}),
    surface: surfaceOf(activity),
    ...(text(activity.localTimezone) ? { timeZone: activity.localTimezone } : {}),
    now,
  };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
