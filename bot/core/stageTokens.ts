/**
 * Stage tokens: the secret in the meeting-stage URL that lets anyone in the meeting (anonymous
 * joiners included, who have no SSO) read the session's stage view. One per session, rotatable,
 * expiring two hours after the meeting's scheduled end.
 *
 * Only a hash of the token is used to find it. The token itself is not stored: it is an HMAC,
 * under the server's secret, of a random salt kept in the session's row, so every facilitator
 * (and every instance) who asks for the link gets the same URL until it is rotated, and a copy of
 * the table alone cannot open any stage.
 *
 * Table 'stageTokens': partition = session key, row 'stage' → { salt, hash, expiresAt };
 * partition 'token', row = hash → { sessionKey, expiresAt } for the public lookup.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { Store } from './ports';

export const STAGE_TOKENS_TABLE = 'stageTokens';
const LOOKUP = 'token';
const POINTER = 'stage';
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const MAX_TRIES = 4;
/** How long after the scheduled end the stage stays readable. */
export const STAGE_GRACE_MS = 2 * 60 * 60_000;
/** Assumed meeting length when Teams cannot tell us the scheduled end. */
const UNKNOWN_MEETING_MS = 60 * 60_000;

export interface StageLink {
  readonly token: string;
  readonly expiresAt: Date;
}

/** When a token issued now expires: the scheduled end plus the grace, and never in the past. */
export function stageTokenExpiry(scheduledEnd: Date | undefined, now: Date): Date {
  const end = scheduledEnd && !Number.isNaN(scheduledEnd.getTime()) ? scheduledEnd : new Date(now.getTime() + UNKNOWN_MEETING_MS);
  return new Date(Math.max(end.getTime(), now.getTime()) + STAGE_GRACE_MS);
}

export function isWellFormedStageToken(token: unknown): token is string {
  return typeof token === 'string' && TOKEN_PATTERN.test(token);
}

function tokenFrom(secret: string, salt: string): string {
  return createHmac('sha256', secret).update(`stage-token|${salt}`).digest('base64url');
}

function hashOf(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export interface StageLinkRequest {
  readonly sessionKey: string;
  /** The server's secret the tokens are derived with. */
  readonly secret: string;
  /** Expiry for a token made now (see stageTokenExpiry). */
  readonly expiresAt: Date;
  readonly now: Date;
  /** Make a new token even if the current one is still good; the old one stops working. */
  readonly rotate?: boolean;
}

/** The session's current stage token, made (or remade, when rotating or expired) if needed. */
export async function stageLinkFor(store: Store, request: StageLinkRequest): Promise<StageLink> {
  const { sessionKey, secret, now } = request;
  let rotate = request.rotate === true;
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    const pointer = await store.get(STAGE_TOKENS_TABLE, sessionKey, POINTER);
    const current = pointer ? pointerOf(pointer.props) : undefined;
    if (current && !rotate && current.expiresAt.getTime() > now.getTime()) {
      return { token: tokenFrom(secret, current.salt), expiresAt: current.expiresAt };
    }
    const salt = randomBytes(32).toString('base64url');
    const token = tokenFrom(secret, salt);
    const hash = hashOf(token);
    const expiresAt = request.expiresAt;
    // The lookup row first, so the link works the moment anyone can be given it.
    await store.upsert(STAGE_TOKENS_TABLE, { partitionKey: LOOKUP, rowKey: hash, props: { sessionKey, expiresAt: expiresAt.toISOString() } });
    const row = { partitionKey: sessionKey, rowKey: POINTER, props: { salt, hash, expiresAt: expiresAt.toISOString() } };
    const written = pointer ? await store.replace(STAGE_TOKENS_TABLE, row, pointer.etag) : await store.insert(STAGE_TOKENS_TABLE, row);
    if (!written.ok) {
      // Another facilitator made or rotated it at the same moment: theirs stands, ours goes.
      await store.delete(STAGE_TOKENS_TABLE, LOOKUP, hash, '*');
      rotate = false;
      continue;
    }
    if (current) await store.delete(STAGE_TOKENS_TABLE, LOOKUP, current.hash, '*');
    return { token, expiresAt };
  }
  throw new Error('The stage link kept changing while it was being made.');
}

/** The session a stage token opens, or undefined when it is unknown, replaced or expired. */
export async function sessionOfStageToken(store: Store, token: unknown, now: Date): Promise<string | undefined> {
  if (!isWellFormedStageToken(token)) return undefined;
  const hash = hashOf(token);
  const lookup = await store.get(STAGE_TOKENS_TABLE, LOOKUP, hash);
  const sessionKey = lookup?.props.sessionKey;
  const expiresAt = Date.parse(String(lookup?.props.expiresAt ?? ''));
  if (typeof sessionKey !== 'string' || !(expiresAt > now.getTime())) return undefined;
  // A rotation whose clean-up did not finish must still have retired the old token.
  const pointer = await store.get(STAGE_TOKENS_TABLE, sessionKey, POINTER);
  return pointer?.props.hash === hash ? sessionKey : undefined;
}

function pointerOf(props: Readonly<Record<string, unknown>>): { salt: string; hash: string; expiresAt: Date } | undefined {
  const { salt, hash, expiresAt } = props;
  const at = new Date(String(expiresAt));
  if (typeof salt !== 'string' || typeof hash !== 'string' || Number.isNaN(at.getTime())) return undefined;
  return { salt, hash, expiresAt: at };
}
