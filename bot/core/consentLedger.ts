/**
 * The consent ledger's events (DESIGN.md "State and storage"). Events are append-only and never
 * edited: each is inserted if absent at the next sequence number for its subject, so two writers
 * cannot both take one number ("later" means the higher number). An event names its subject by a
 * random subject id; who that is lives in a separate, erasable person row (consentPeople.ts), so
 * erasure leaves every event — and so the hash chain — intact.
 */
import { createHash } from 'node:crypto';
import type { Entity, EntityInput } from './ports';
import type { ConsentChoice, ConsentEventKind, ConsentMethod, ConsentScope, WordingVariant } from './consentScopes';
import { isChoice, isMethod, isScope } from './consentScopes';

export const CONSENT_TABLE = 'consent';
export const EVENT_PREFIX = 'event|';
const SEQ_DIGITS = 8;

export interface Wording {
  readonly variant: WordingVariant;
  /** SHA-256 of the exact text the person was shown. */
  readonly hash: string;
}

/** The fields the hash chain commits to. No names, no Teams ids. */
export interface ConsentEvent {
  readonly sessionKey: string;
  readonly subjectId: string;
  readonly seq: number;
  readonly scope: ConsentScope;
  readonly kind: ConsentEventKind;
  readonly choice: ConsentChoice;
  readonly method: ConsentMethod;
  /** The subject id of whoever pressed or recorded it: the subject, or a facilitator for them. */
  readonly actorSubjectId: string;
  readonly wording: Wording;
  readonly at: string;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A stable text for hashing: fixed key order, no whitespace. */
export function canonicalEvent(event: ConsentEvent): string {
  return JSON.stringify([
    event.sessionKey, event.subjectId, event.seq, event.scope, event.kind, event.choice, event.method,
    event.actorSubjectId, event.wording.variant, event.wording.hash, event.at,
  ]);
}

export function eventHash(event: ConsentEvent): string {
  return sha256(canonicalEvent(event));
}

export function eventRowKey(subjectId: string, seq: number): string {
  return `${EVENT_PREFIX}${subjectId}|${String(seq).padStart(SEQ_DIGITS, '0')}`;
}

export function subjectEventPrefix(subjectId: string): string {
  return `${EVENT_PREFIX}${subjectId}|`;
}

export function eventToEntity(event: ConsentEvent): EntityInput {
  return {
    partitionKey: event.sessionKey,
    rowKey: eventRowKey(event.subjectId, event.seq),
    props: {
      subjectId: event.subjectId,
      seq: event.seq,
      scope: event.scope,
      kind: event.kind,
      choice: event.choice,
      method: event.method,
      actorSubjectId: event.actorSubjectId,
      wordingVariant: event.wording.variant,
      wordingHash: event.wording.hash,
      at: event.at,
      hash: eventHash(event),
    },
  };
}

/** Reads an event row as stored (even if tampered: verification compares its hash). */
export function eventFromEntity(entity: Entity): (ConsentEvent & { readonly storedHash: string }) | undefined {
  const p = entity.props;
  if (!isScope(p.scope) || !isChoice(p.choice) || !isMethod(p.method)) return undefined;
  if (p.kind !== 'agree' && p.kind !== 'decline' && p.kind !== 'withdraw') return undefined;
  if (typeof p.subjectId !== 'string' || typeof p.seq !== 'number' || typeof p.actorSubjectId !== 'string') return undefined;
  if ((p.wordingVariant !== 'standard' && p.wordingVariant !== 'easyRead') || typeof p.wordingHash !== 'string') return undefined;
  if (typeof p.at !== 'string' || typeof p.hash !== 'string') return undefined;
  return {
    sessionKey: entity.partitionKey,
    subjectId: p.subjectId,
    seq: p.seq,
    scope: p.scope,
    kind: p.kind,
    choice: p.choice,
    method: p.method,
    actorSubjectId: p.actorSubjectId,
    wording: { variant: p.wordingVariant, hash: p.wordingHash },
    at: p.at,
    storedHash: p.hash,
  };
}

/** Latest choice per scope for one subject, from their events (highest seq wins). */
export function latestChoices(events: readonly ConsentEvent[]): Partial<Record<ConsentScope, ConsentEvent>> {
  const latest: Partial<Record<ConsentScope, ConsentEvent>> = {};
  for (const event of events) {
    const current = latest[event.scope];
    if (!current || event.seq > current.seq) latest[event.scope] = event;
  }
  return latest;
}

export interface ChoiceRequest {
  readonly sessionKey: string;
  readonly subjectId: string;
  readonly actorSubjectId: string;
  readonly method: ConsentMethod;
  readonly wording: Wording;
  /** Only the scopes the person answered; others stay as they were. */
  readonly choices: Partial<Record<ConsentScope, ConsentChoice>>;
  readonly now: Date;
}

/**
 * The new events a request makes, given the subject's existing events. Repeating the current
 * choice is a no-op (so a replayed press adds nothing); "not now" with no earlier answer is still
 * recorded once, as a decline, because "asked and said no" differs from "never asked".
 */
export function decideChoices(existing: readonly ConsentEvent[], request: ChoiceRequest): ConsentEvent[] {
  const latest = latestChoices(existing);
  let seq = existing.reduce((max, e) => Math.max(max, e.seq), 0);
  const out: ConsentEvent[] = [];
  for (const [scope, choice] of Object.entries(request.choices) as [ConsentScope, ConsentChoice][]) {
    const before = latest[scope];
    if (before && before.choice === choice) continue;
    const kind: ConsentEventKind = choice === 'agree' ? 'agree' : before?.choice === 'agree' ? 'withdraw' : 'decline';
    seq += 1;
    out.push({
      sessionKey: request.sessionKey,
      subjectId: request.subjectId,
      seq,
      scope,
      kind,
      choice,
      method: request.method,
      actorSubjectId: request.actorSubjectId,
      wording: request.wording,
      at: request.now.toISOString(),
    });
  }
  return out;
}
