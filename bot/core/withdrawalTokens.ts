/**
 * Personal withdrawal codes: shown only to their person (in their own invoke response or 1:1
 * chat), they open a page on our server that needs no Teams sign-in. The code is 32 random bytes;
 * only its SHA-256 is stored, so a copy of the table cannot be used to withdraw anyone. A code
 * can be revoked; issuing a new one for the same person and session revokes the old.
 *
 * Table 'withdrawalTokens': partition 'code', row = hash of the code. Partition = session key,
 * row = `current|<subjectId>` points at the live code's hash for revocation on re-issue.
 */
import { randomBytes } from 'node:crypto';
import { sha256 } from './consentLedger';
import type { Store } from './ports';

export const TOKENS_TABLE = 'withdrawalTokens';
const CODES = 'code';
const CODE_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface TokenTarget {
  readonly sessionKey: string;
  readonly subjectId: string;
}

export function isWellFormedCode(code: unknown): code is string {
  return typeof code === 'string' && CODE_PATTERN.test(code);
}

/**
 * Issues a fresh code for this person in this session, revoking any earlier one. `firstCode`: the
 * caller knows the person is new in this session, so there is no earlier code to look for.
 */
export async function issueWithdrawalCode(store: Store, target: TokenTarget, now: Date, firstCode = false): Promise<string> {
  const code = randomBytes(32).toString('base64url');
  const hash = sha256(code);
  await store.insert(TOKENS_TABLE, { partitionKey: CODES, rowKey: hash, props: { sessionKey: target.sessionKey, subjectId: target.subjectId, issuedAt: now.toISOString(), revoked: false } });
  const pointerKey = `current|${target.subjectId}`;
  const previous = firstCode ? undefined : await store.get(TOKENS_TABLE, target.sessionKey, pointerKey);
  await store.upsert(TOKENS_TABLE, { partitionKey: target.sessionKey, rowKey: pointerKey, props: { hash } });
  if (typeof previous?.props.hash === 'string' && previous.props.hash !== hash) await revokeByHash(store, previous.props.hash);
  return code;
}

/** The person and session a code stands for; undefined for unknown, malformed or revoked codes. */
export async function resolveWithdrawalCode(store: Store, code: unknown): Promise<TokenTarget | undefined> {
  if (!isWellFormedCode(code)) return undefined;
  const entity = await store.get(TOKENS_TABLE, CODES, sha256(code));
  if (!entity || entity.props.revoked === true) return undefined;
  const { sessionKey, subjectId } = entity.props;
  return typeof sessionKey === 'string' && typeof subjectId === 'string' ? { sessionKey, subjectId } : undefined;
}

export async function revokeWithdrawalCode(store: Store, code: string): Promise<void> {
  if (isWellFormedCode(code)) await revokeByHash(store, sha256(code));
}

async function revokeByHash(store: Store, hash: string): Promise<void> {
  const entity = await store.get(TOKENS_TABLE, CODES, hash);
  if (entity) await store.merge(TOKENS_TABLE, { partitionKey: CODES, rowKey: hash, props: { revoked: true } }, '*');
}

/** Revokes whatever code this person holds for this session (erasure: their links must stop working). */
export async function revokeCodesOfSubject(store: Store, target: TokenTarget): Promise<void> {
  const pointerKey = `current|${target.subjectId}`;
  const pointer = await store.get(TOKENS_TABLE, target.sessionKey, pointerKey);
  if (typeof pointer?.props.hash === 'string') await revokeByHash(store, pointer.props.hash);
  if (pointer) await store.delete(TOKENS_TABLE, target.sessionKey, pointerKey, '*');
}
