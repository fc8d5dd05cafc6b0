/**
 * What the server's answer to an agenda save says, read from its card: the agenda version the
 * next save must name, and the problems it found (our own sentences, never someone's words).
 * Everything else the editor needs comes with the session view.
 */
import type { CardJson } from '../api/viewTypes';
import { actionData } from './readCard';

export interface EditorFacts {
  readonly agendaVersion?: number;
  readonly problems: readonly string[];
}

const BULLET = '• ';

export function editorFacts(card: CardJson | undefined): EditorFacts {
  if (!card) return { problems: [] };
  const version = actionData(card, 'agenda.save')?.agendaVersion;
  const body = Array.isArray(card.body) ? (card.body as readonly Readonly<Record<string, unknown>>[]) : [];
  // Problems are the plain bullets; time-check warnings are the bullets coloured "Warning".
  const problems = body
    .filter((element) => element.type === 'TextBlock' && typeof element.text === 'string' && element.text.startsWith(BULLET) && element.color === undefined)
    .map((element) => (element.text as string).slice(BULLET.length));
  return { ...(typeof version === 'number' ? { agendaVersion: version } : {}), problems };
}
