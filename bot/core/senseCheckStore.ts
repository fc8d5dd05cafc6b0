/**
 * Sense checks in the Store. The check itself is a facilitator-edited row in the session's
 * partition (written with its ETag); each answer is a row of its own in a partition per check
 * (senseCheck.ts), so a hundred people answering at once never fight over one row.
 *
 * Table 'senseChecks', partition = session key:
 *   'check|<id>'  the sense check (statements, status, where its card was posted)
 *   'draft|<id>'  which check a submitted form became, so pressing "post" twice posts once
 */
import { keyPart } from './keys';
import type { Entity, Store } from './ports';
import {
  answerFromEntity,
  answerPartition,
  answerRowKey,
  answerToEntity,
  closeSenseCheck,
  SENSE_ANSWERS_TABLE,
  type Answer,
  type SenseCheck,
} from './senseCheck';
import { queryAll } from './storeQueries';

export const SENSE_CHECKS_TABLE = 'senseChecks';
const MAX_TRIES = 4;

export interface StoredSenseCheck {
  readonly check: SenseCheck;
  /** The chat its public card was posted in. */
  readonly conversationId: string;
  readonly etag: string;
}

function checkRowKey(id: string): string {
  return `check|${keyPart(id)}`;
}

function draftRowKey(draftId: string): string {
  return `draft|${keyPart(draftId)}`;
}

function toProps(check: SenseCheck, conversationId: string): Record<string, string> {
  return {
    checkId: check.id,
    statements: JSON.stringify(check.statements),
    status: check.status,
    openedBy: check.openedBy,
    openedAt: check.openedAt.toISOString(),
    conversationId,
    ...(check.closedAt ? { closedAt: check.closedAt.toISOString() } : {}),
  };
}

/** Undefined for a row that is not a well-formed sense check. */
function fromEntity(sessionKey: string, entity: Entity): StoredSenseCheck | undefined {
  const p = entity.props;
  if (typeof p.checkId !== 'string' || typeof p.statements !== 'string' || typeof p.conversationId !== 'string') return undefined;
  if (p.status !== 'open' && p.status !== 'closed') return undefined;
  const statements = parseJson(p.statements);
  if (!Array.isArray(statements) || !statements.every((s): s is string => typeof s === 'string')) return undefined;
  const check: SenseCheck = {
    id: p.checkId,
    sessionKey,
    statements,
    status: p.status,
    openedBy: String(p.openedBy ?? ''),
    openedAt: new Date(String(p.openedAt)),
    ...(typeof p.closedAt === 'string' ? { closedAt: new Date(p.closedAt) } : {}),
  };
  return { check, conversationId: p.conversationId, etag: entity.etag };
}

export async function loadSenseCheck(store: Store, sessionKey: string, id: string): Promise<StoredSenseCheck | undefined> {
  const entity = await store.get(SENSE_CHECKS_TABLE, sessionKey, checkRowKey(id));
  return entity ? fromEntity(sessionKey, entity) : undefined;
}

/** Insert-if-absent: false when a check with this id is already there. */
export async function createSenseCheck(store: Store, check: SenseCheck, conversationId: string): Promise<boolean> {
  const written = await store.insert(SENSE_CHECKS_TABLE, {
    partitionKey: check.sessionKey,
    rowKey: checkRowKey(check.id),
    props: toProps(check, conversationId),
  });
  return written.ok;
}

/**
 * The check id a submitted form stands for: the one given here the first time, the one
 * remembered from then on. A second press of the same form therefore names the same check.
 */
export async function claimDraft(store: Store, sessionKey: string, draftId: string, newCheckId: string): Promise<{ checkId: string; first: boolean }> {
  const rowKey = draftRowKey(draftId);
  const written = await store.insert(SENSE_CHECKS_TABLE, { partitionKey: sessionKey, rowKey, props: { checkId: newCheckId } });
  if (written.ok) return { checkId: newCheckId, first: true };
  const existing = await store.get(SENSE_CHECKS_TABLE, sessionKey, rowKey);
  return { checkId: String(existing?.props.checkId ?? newCheckId), first: false };
}

export type CloseOutcome =
  | { readonly kind: 'closed'; readonly stored: StoredSenseCheck }
  | { readonly kind: 'alreadyClosed'; readonly stored: StoredSenseCheck }
  | { readonly kind: 'gone' };

/**
 * Closes the check with a conditional write. Two facilitators closing at once: one closes, the
 * other is told it was already closed.
 */
export async function closeStoredSenseCheck(store: Store, sessionKey: string, id: string, now: Date): Promise<CloseOutcome> {
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    const stored = await loadSenseCheck(store, sessionKey, id);
    if (!stored) return { kind: 'gone' };
    if (stored.check.status === 'closed') return { kind: 'alreadyClosed', stored };
    const closed = closeSenseCheck(stored.check, now);
    const entity = { partitionKey: sessionKey, rowKey: checkRowKey(id), props: toProps(closed, stored.conversationId) };
    const written = await store.replace(SENSE_CHECKS_TABLE, entity, stored.etag);
    if (written.ok) return { kind: 'closed', stored: { check: closed, conversationId: stored.conversationId, etag: written.entity.etag } };
  }
  const latest = await loadSenseCheck(store, sessionKey, id);
  return latest ? { kind: 'alreadyClosed', stored: latest } : { kind: 'gone' };
}

export async function loadAnswer(store: Store, sessionKey: string, checkId: string, respondent: string, statementIndex: number): Promise<Answer | undefined> {
  const entity = await store.get(SENSE_ANSWERS_TABLE, answerPartition(sessionKey, checkId), answerRowKey(respondent, statementIndex));
  return entity ? answerFromEntity(entity) : undefined;
}

/** One writer per row (the person, or the facilitator recording for a named person): upsert. */
export async function saveAnswer(store: Store, sessionKey: string, answer: Answer): Promise<void> {
  await store.upsert(SENSE_ANSWERS_TABLE, answerToEntity(sessionKey, answer));
}

/** Every answer to the check. */
export async function loadAnswers(store: Store, sessionKey: string, checkId: string): Promise<Answer[]> {
  const rows = await queryAll(store, SENSE_ANSWERS_TABLE, answerPartition(sessionKey, checkId));
  return rows.map(answerFromEntity).filter((a): a is Answer => a !== undefined && a.senseCheckId === checkId);
}

/** The check rows of a session (drafts excluded), for everything that walks every check. */
export function senseCheckRows(store: Store, sessionKey: string): Promise<Entity[]> {
  return queryAll(store, SENSE_CHECKS_TABLE, sessionKey, { rowKeyPrefix: 'check|' });
}

/** Ids of the session's sense checks. */
export async function senseCheckIdsOf(store: Store, sessionKey: string): Promise<string[]> {
  return (await senseCheckRows(store, sessionKey)).flatMap((e) => (typeof e.props.checkId === 'string' ? [e.props.checkId] : []));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
