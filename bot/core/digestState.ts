/**
 * Where a session's digest is: a draft the facilitators review (hiding items, placing the
 * session on the ladder, maybe first sharing it as a "here is what we heard" round), then
 * published once. Nothing is published unless a facilitator approved the version they saw: the
 * Approve button names the draft version, and a draft rebuilt since then must be looked at again.
 *
 * One row per session ('digests', partition = session key, row 'state'), written conditionally
 * on its ETag, so two facilitators approving at once publish once. The draft itself is stored in
 * 'chunk|<version>|<n>' rows beside it (a large session's draft is bigger than one property).
 */
import { ok, refused, type Result } from './result';

export const STATE_ROW = 'state';
export type DigestStatus = 'draft' | 'published';
export type DraftReason = 'wrapUp' | 'schedule' | 'facilitator';

export interface DigestState {
  readonly sessionKey: string;
  readonly status: DigestStatus;
  /** The draft's version; each rebuild adds one. Chunks are stored per version. */
  readonly version: number;
  readonly chunks: number;
  readonly builtAt: string;
  readonly builtBy: DraftReason;
  /** Item ids the facilitators chose not to share. Kept across rebuilds. */
  readonly hidden: readonly string[];
  /**
   * Items a facilitator reworded (say, an anonymous note that names someone), by item id. The
   * draft keeps the words as said; the group sees these. Kept across rebuilds, as `hidden` is.
   */
  readonly edited?: Readonly<Record<string, string>>;
  /** The draft version shared as a "here is what we heard" round, if any. */
  readonly roundVersion?: number;
  readonly publishedAt?: string;
  /** A pseudonym of the facilitator who approved, for the record (never a name). */
  readonly approvedBy?: string;
  /** Also post to this organisers' channel. */
  readonly channelId?: string;
  /** Random token naming the published digest in its links (the full view and the Markdown). */
  readonly linkToken?: string;
}

export const MAX_HIDDEN = 5_000;
/** Longer than any note or comment a card lets people write, so a rewording never has to cut. */
export const MAX_EDIT_CHARACTERS = 2_000;

/** New words for one item; empty words put back the words as they were said. */
export interface ItemEdit {
  readonly itemId: string;
  readonly text: string;
}

/** A new draft (or a rebuilt one) with `chunks` rows. A published digest is never rebuilt. */
export function draftBuilt(existing: DigestState | undefined, sessionKey: string, chunks: number, reason: DraftReason, now: Date): Result<DigestState> {
  if (existing?.status === 'published') return refused('This digest has been shared already, so it was not rebuilt.');
  return ok({
    sessionKey,
    status: 'draft',
    version: (existing?.version ?? 0) + 1,
    chunks,
    builtAt: now.toISOString(),
    builtBy: reason,
    hidden: existing?.hidden ?? [],
    ...(existing?.edited ? { edited: existing.edited } : {}),
    ...(existing?.roundVersion !== undefined ? { roundVersion: existing.roundVersion } : {}),
    ...(existing?.channelId ? { channelId: existing.channelId } : {}),
  });
}

/** Hides, shows and rewords items, from a review form opened on `formVersion`. */
export function reviewed(state: DigestState, formVersion: number, show: readonly string[], hide: readonly string[], edits: readonly ItemEdit[] = []): Result<DigestState> {
  if (state.status === 'published') return refused('This digest has been shared already, so nothing was changed.');
  if (formVersion !== state.version) return refused('The draft changed since you opened it. Here is the new one: please check it again.');
  const hidden = new Set(state.hidden);
  for (const id of show) hidden.delete(id);
  for (const id of hide) hidden.add(id);
  if (hidden.size > MAX_HIDDEN) return refused('Too many items are hidden to keep track of. Please share some.');
  const edited = new Map(Object.entries(state.edited ?? {}));
  for (const edit of edits) {
    const words = edit.text.replace(/\s+/g, ' ').trim();
    if ([...words].length > MAX_EDIT_CHARACTERS) return refused(`Please keep each item to ${MAX_EDIT_CHARACTERS} characters or fewer.`);
    if (words === '') edited.delete(edit.itemId);
    else edited.set(edit.itemId, words);
  }
  if (edited.size > MAX_HIDDEN) return refused('Too many items are reworded to keep track of. Please put some back as they were said.');
  const { edited: _old, ...rest } = state;
  return ok({ ...rest, hidden: [...hidden].sort(), ...(edited.size > 0 ? { edited: Object.fromEntries([...edited].sort(([a], [b]) => a.localeCompare(b))) } : {}) });
}

export type Approval = { readonly kind: 'published'; readonly state: DigestState } | { readonly kind: 'alreadyPublished'; readonly state: DigestState };

export function approved(state: DigestState, formVersion: number, options: { readonly approvedBy?: string; readonly channelId?: string; readonly linkToken: string }, now: Date): Result<Approval> {
  if (state.status === 'published') return ok({ kind: 'alreadyPublished', state });
  if (formVersion !== state.version) return refused('The draft changed since you opened it. Here is the new one: please check it again before you approve it.');
  const { channelId: _previous, ...rest } = state;
  return ok({
    kind: 'published',
    state: {
      ...rest,
      status: 'published',
      publishedAt: now.toISOString(),
      linkToken: options.linkToken,
      ...(options.approvedBy ? { approvedBy: options.approvedBy } : {}),
      ...(options.channelId ? { channelId: options.channelId } : {}),
    },
  });
}

export function chunkRowKey(version: number, index: number): string {
  return `chunk|${String(version).padStart(6, '0')}|${String(index).padStart(4, '0')}`;
}

/** Property values hold at most 32,768 UTF-16 units; stay well under. */
export const CHUNK_CHARACTERS = 30_000;

/** Cut into pieces of at most `size` UTF-16 units, never between the two halves of an emoji. */
export function splitIntoChunks(json: string, size = CHUNK_CHARACTERS): string[] {
  const out: string[] = [];
  let start = 0;
  while (start < json.length) {
    let end = Math.min(start + size, json.length);
    const code = json.charCodeAt(end);
    if (end < json.length && code >= 0xdc00 && code <= 0xdfff) end -= 1; // a low surrogate: keep the pair together
    out.push(json.slice(start, end));
    start = end;
  }
  return out.length > 0 ? out : [''];
}

export function stateFromJson(json: unknown): DigestState | undefined {
  if (typeof json !== 'string') return undefined;
  try {
    const value = JSON.parse(json) as Partial<DigestState>;
    if (typeof value.sessionKey !== 'string' || (value.status !== 'draft' && value.status !== 'published')) return undefined;
    if (typeof value.version !== 'number' || typeof value.chunks !== 'number' || !Array.isArray(value.hidden)) return undefined;
    return value as DigestState;
  } catch {
    return undefined;
  }
}
