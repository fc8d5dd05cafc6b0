/**
 * Session notes: what a facilitator or notetaker writes down during the session, one row each
 * (many people may write at once, so no shared row). A note may credit a person by name and may
 * belong to an agenda topic. The credited name is kept but shown nowhere public until consent to
 * being named exists (issue "consent"), so the decision here only records it.
 *
 * Table 'notes': partition = session key, row = time then a random id, so notes read back in
 * the order they were written.
 */
import { compositeKey, timeKey } from './keys';
import type { Entity, EntityInput, Properties } from './ports';

export const NOTES_TABLE = 'notes';
export const NOTE_LIMITS = { text: 2000, credit: 100, topicId: 64 } as const;

export interface Note {
  readonly id: string;
  readonly sessionKey: string;
  readonly text: string;
  /** Who wrote it: a stable reference the caller derives from the authenticated actor. */
  readonly author: string;
  /** The name of the person the note credits, as the writer typed it. Never shown publicly yet. */
  readonly credit?: string;
  /** The agenda item the note belongs to. */
  readonly topicId?: string;
  readonly createdAt: Date;
}

export interface NoteInput {
  readonly text?: string;
  readonly credit?: string;
  readonly topicId?: string;
}

export interface NoteContext {
  readonly id: string;
  readonly sessionKey: string;
  readonly author: string;
  readonly now: Date;
  /** The agenda's item ids, when the agenda is known; a topic not in it is refused. */
  readonly topicIds?: readonly string[];
}

export type NoteRefusal = 'empty' | 'tooLong' | 'creditTooLong' | 'unknownTopic';
export type NoteDecision = { readonly ok: true; readonly note: Note } | { readonly ok: false; readonly reason: NoteRefusal; readonly length?: number };

/** Characters as people count them, not UTF-16 units. */
export function characters(text: string): number {
  return [...text].length;
}

export function decideNote(input: NoteInput, context: NoteContext): NoteDecision {
  const text = input.text?.trim() ?? '';
  if (text === '') return { ok: false, reason: 'empty' };
  const length = characters(text);
  if (length > NOTE_LIMITS.text) return { ok: false, reason: 'tooLong', length };
  const credit = input.credit?.trim() || undefined;
  if (credit && characters(credit) > NOTE_LIMITS.credit) return { ok: false, reason: 'creditTooLong' };
  const topicId = input.topicId?.trim() || undefined;
  if (topicId && (topicId.length > NOTE_LIMITS.topicId || !(context.topicIds ?? []).includes(topicId))) {
    return { ok: false, reason: 'unknownTopic' };
  }
  return {
    ok: true,
    note: {
      id: context.id,
      sessionKey: context.sessionKey,
      text,
      author: context.author,
      createdAt: context.now,
      ...(credit ? { credit } : {}),
      ...(topicId ? { topicId } : {}),
    },
  };
}

export function noteRowKey(note: Pick<Note, 'createdAt' | 'id'>): string {
  return compositeKey(timeKey(note.createdAt), note.id);
}

export function noteToEntity(note: Note): EntityInput {
  // 'id' is a reserved property name in Azure Tables.
  const props: Record<string, string> = { noteId: note.id, text: note.text, author: note.author, createdAt: note.createdAt.toISOString() };
  if (note.credit !== undefined) props.credit = note.credit;
  if (note.topicId !== undefined) props.topicId = note.topicId;
  return { partitionKey: note.sessionKey, rowKey: noteRowKey(note), props };
}

/** Undefined for a row that is not a well-formed note. */
export function noteFromEntity(entity: Entity | EntityInput): Note | undefined {
  const p: Properties = entity.props;
  const createdAt = typeof p.createdAt === 'string' ? new Date(p.createdAt) : undefined;
  if (typeof p.noteId !== 'string' || typeof p.text !== 'string' || typeof p.author !== 'string') return undefined;
  if (!createdAt || Number.isNaN(createdAt.getTime())) return undefined;
  return {
    id: p.noteId,
    sessionKey: entity.partitionKey,
    text: p.text,
    author: p.author,
    createdAt,
    ...(typeof p.credit === 'string' ? { credit: p.credit } : {}),
    ...(typeof p.topicId === 'string' ? { topicId: p.topicId } : {}),
  };
}
