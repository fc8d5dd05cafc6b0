/**
 * What the server's agenda editor answer says, read from its card: the agenda version the next
 * save must name, and the problems it found (our own sentences, never someone's words).
 */
import type { CardJson } from '../api/viewTypes';
import { actionData } from './readCard';

export interface EditorFacts {
  readonly agendaVersion?: number;
  /** The meeting's length, as the card's time check states it. */
  readonly meetingMinutes?: number;
  readonly problems: readonly string[];
}

/** The card's totals line (bot/cards/strings/framework.en-GB.ts editor.totals). */
const MEETING_LENGTH = /The meeting is (\d+) minutes long/;

const BULLET = '• ';

export function editorFacts(card: CardJson | undefined): EditorFacts {
  if (!card) return { problems: [] };
  const version = actionData(card, 'agenda.save')?.agendaVersion;
  const body = Array.isArray(card.body) ? (card.body as readonly Readonly<Record<string, unknown>>[]) : [];
  // Problems are the plain bullets; time-check warnings are the bullets coloured "Warning".
  const problems = body
    .filter((element) => element.type === 'TextBlock' && typeof element.text === 'string' && element.text.startsWith(BULLET) && element.color === undefined)
    .map((element) => (element.text as string).slice(BULLET.length));
  const totals = body.find((element) => element.type === 'TextBlock' && typeof element.text === 'string' && MEETING_LENGTH.test(element.text));
  const meeting = totals ? Number(MEETING_LENGTH.exec(totals.text as string)?.[1]) : undefined;
  return { ...(typeof version === 'number' ? { agendaVersion: version } : {}), ...(meeting ? { meetingMinutes: meeting } : {}), problems };
}
