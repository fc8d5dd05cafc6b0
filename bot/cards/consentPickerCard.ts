/**
 * `consent` in a person's 1:1 chat: the sessions they have answered in, newest first, each with a
 * button that opens their own choices for that session. Outcomes are the facilitator's words, so
 * they are plain text; dates use Teams' own formatting in the reader's time zone.
 */
import { consentStrings } from './strings/consent.en-GB';
import { cardDate, plainText } from './text';
import type { AdaptiveCard, CardElement } from './types';

const text = consentStrings.personal;
/** Enough for a long-running group; older sessions stay reachable through the personal code. */
export const MAX_SESSIONS_LISTED = 10;

export interface PickableSession {
  readonly sessionKey: string;
  /** UTC date of the occurrence, `YYYY-MM-DD`. */
  readonly occurrence: string;
  readonly outcome?: string;
}

export function consentPickerCard(sessions: readonly PickableSession[]): AdaptiveCard {
  const body: CardElement[] = [{ type: 'TextBlock', text: text.title, style: 'heading', size: 'Medium', weight: 'Bolder', wrap: true }];
  if (sessions.length === 0) {
    body.push({ type: 'TextBlock', text: text.none, wrap: true });
    return { type: 'AdaptiveCard', version: '1.5', fallbackText: text.none, body };
  }
  body.push({ type: 'TextBlock', text: text.intro, wrap: true });
  for (const session of sessions.slice(0, MAX_SESSIONS_LISTED)) {
    const day = new Date(`${session.occurrence}T12:00:00Z`);
    body.push({
      type: 'Container',
      separator: true,
      spacing: 'Medium',
      items: [
        { type: 'TextBlock', text: `${text.sessionOn} ${cardDate(day, 'LONG')}`, weight: 'Bolder', wrap: true },
        ...(session.outcome ? [plainText(session.outcome, { isSubtle: true })] : []),
        {
          type: 'ActionSet',
          actions: [{ type: 'Action.Execute', verb: 'consent.give', title: text.openButton, data: { sessionKey: session.sessionKey, step: 'open' } }],
        },
      ],
    });
  }
  if (sessions.length > MAX_SESSIONS_LISTED) body.push({ type: 'TextBlock', text: text.more, wrap: true, isSubtle: true, size: 'Small' });
  return { type: 'AdaptiveCard', version: '1.5', fallbackText: text.title, body };
}
