/**
 * One-time download links for a person's data. The link carries a random code; we store only the
 * code's SHA-256 and, sealed with a key derived from the code itself, who the download is for. So
 * a copy of the table can neither download anything nor tell whose links were made, and a link
 * left unused is worthless once it expires. Redeeming deletes the row: a second use finds nothing.
 *
 * Table 'myDataDownloads': partition 'code', row = SHA-256 of the code.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { sha256 } from '../core/consentLedger';
import type { ServiceDeps } from './deps';
import type { DataSubject } from './myDataCollect';

export const DOWNLOADS_TABLE = 'myDataDownloads';
export const DOWNLOAD_MINUTES = 15;
const PARTITION = 'code';
const CODE_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface DownloadRequest extends DataSubject {
  /** Sessions to include besides the person's indexed ones (the chat it was asked from). */
  readonly alsoSessions: readonly string[];
}

function keyFor(code: string): Buffer {
  // A different input from the stored hash, so the stored hash is not the key.
  return createHash('sha256').update(`coproduce download key|${code}`, 'utf8').digest();
}

function seal(code: string, request: DownloadRequest): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(code), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(request), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

function unseal(code: string, sealed: string): DownloadRequest | undefined {
  try {
    const raw = Buffer.from(sealed, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', keyFor(code), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    const parsed = JSON.parse(text) as Partial<DownloadRequest>;
    if (typeof parsed.who !== 'string' || !Array.isArray(parsed.alsoSessions)) return undefined;
    const alsoSessions = parsed.alsoSessions.filter((s): s is string => typeof s === 'string');
    return { who: parsed.who, alsoSessions, ...(typeof parsed.userId === 'string' ? { userId: parsed.userId } : {}) };
  } catch {
    return undefined;
  }
}

/** A fresh one-time code for this person's download, valid for DOWNLOAD_MINUTES. */
export async function issueDownloadCode(deps: ServiceDeps, request: DownloadRequest, now: Date): Promise<string> {
  const code = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + DOWNLOAD_MINUTES * 60_000).toISOString();
  await deps.store.insert(DOWNLOADS_TABLE, { partitionKey: PARTITION, rowKey: sha256(code), props: { sealed: seal(code, request), expiresAt } });
  return code;
}

/**
 * Who the download is for, using the code up. Unknown, malformed, expired or already used codes
 * give undefined; of two requests racing with one code, only the one that deletes the row wins.
 */
export async function redeemDownloadCode(deps: ServiceDeps, code: unknown, now: Date): Promise<DownloadRequest | undefined> {
  if (typeof code !== 'string' || !CODE_PATTERN.test(code)) return undefined;
  const rowKey = sha256(code);
  const entity = await deps.store.get(DOWNLOADS_TABLE, PARTITION, rowKey);
  if (!entity) return undefined;
  const deleted = await deps.store.delete(DOWNLOADS_TABLE, PARTITION, rowKey, entity.etag);
  if (!deleted.ok) return undefined;
  const { sealed, expiresAt } = entity.props;
  if (typeof expiresAt !== 'string' || Date.parse(expiresAt) <= now.getTime() || typeof sealed !== 'string') return undefined;
  return unseal(code, sealed);
}

/** The address a person opens; undefined when the server does not know its own address. */
export function downloadUrl(baseUrl: string | undefined, code: string): string | undefined {
  return baseUrl ? `${baseUrl.replace(/\/+$/, '')}/my-data/download?code=${code}` : undefined;
}
