export const LOCAL_MEETING_ID: string;
export function sendMeetingEvent(kind: 'start' | 'end' | 'join' | 'leave', options?: { base?: string; who?: string }): Promise<{ kind: string; meetingId: string }>;
export function meetingActivity(kind: string, config: unknown, user: unknown, base: string, now?: Date): Record<string, unknown>;
