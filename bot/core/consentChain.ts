/**
 * Tamper evidence for the consent ledger. A sealer chains unsealed events into blocks:
 * block hash = H(previous block hash, the block's event hashes sorted). The newest block's hash
 * (the head) is exported with every consent record and digest, so anyone holding a head can tell
 * whether an event sealed before it was changed, removed or back-dated.
 */
import { CONSENT_TABLE, EVENT_PREFIX, eventFromEntity, eventHash, sha256 } from './consentLedger';
import type { Entity, Store } from './ports';
import { queryAll } from './storeQueries';

export const BLOCK_PREFIX = 'block|';
const BLOCK_DIGITS = 8;
/** Keeps a block row far below the 64 KiB property limit (each entry is about 150 bytes). */
export const MAX_EVENTS_PER_BLOCK = 200;
export const GENESIS = '0'.repeat(64);

export interface Block {
  readonly index: number;
  readonly prev: string;
  readonly hash: string;
  /** [event row key, event hash] in the order hashed. */
  readonly events: readonly (readonly [string, string])[];
  readonly sealedAt: string;
}

export function blockHash(prev: string, eventHashes: readonly string[]): string {
  return sha256(`${prev}|${[...eventHashes].sort().join(',')}`);
}

function blockRowKey(index: number): string {
  return `${BLOCK_PREFIX}${String(index).padStart(BLOCK_DIGITS, '0')}`;
}

function blockFromEntity(entity: Entity): Block | undefined {
  const { prev, hash, events, sealedAt } = entity.props;
  if (typeof prev !== 'string' || typeof hash !== 'string' || typeof events !== 'string' || typeof sealedAt !== 'string') return undefined;
  const index = Number(entity.rowKey.slice(BLOCK_PREFIX.length));
  const parsed = JSON.parse(events) as [string, string][];
  return { index, prev, hash, events: parsed, sealedAt };
}

function rows(store: Store, sessionKey: string, prefix: string): Promise<Entity[]> {
  return queryAll(store, CONSENT_TABLE, sessionKey, { rowKeyPrefix: prefix });
}

export async function blocksOf(store: Store, sessionKey: string): Promise<Block[]> {
  const blocks = (await rows(store, sessionKey, BLOCK_PREFIX)).map(blockFromEntity).filter((b): b is Block => b !== undefined);
  return blocks.sort((a, b) => a.index - b.index);
}

/** The newest block's hash, or undefined when nothing is sealed yet. */
export async function chainHead(store: Store, sessionKey: string): Promise<{ readonly hash: string; readonly index: number } | undefined> {
  const blocks = await blocksOf(store, sessionKey);
  const last = blocks[blocks.length - 1];
  return last ? { hash: last.hash, index: last.index } : undefined;
}

export interface SealReport {
  readonly sealed: number;
  readonly blocks: number;
  /** Events whose fields no longer match their own stored hash: never sealed, always reported. */
  readonly refused: number;
}

/** Unsealed events whose fields still match their stored hash, in row-key order, and how many do not. */
async function unsealedEvents(store: Store, sessionKey: string, blocks: readonly Block[]): Promise<{ pending: [string, string][]; refused: number }> {
  const inBlocks = new Set(blocks.flatMap((b) => b.events.map(([rowKey]) => rowKey)));
  const pending: [string, string][] = [];
  let refused = 0;
  for (const entity of await rows(store, sessionKey, EVENT_PREFIX)) {
    if (inBlocks.has(entity.rowKey)) continue;
    const event = eventFromEntity(entity);
    if (!event || eventHash(event) !== event.storedHash) {
      refused++;
      continue;
    }
    pending.push([entity.rowKey, event.storedHash]);
  }
  return { pending: pending.sort(([a], [b]) => a.localeCompare(b)), refused };
}

/**
 * Seals every unsealed event into new blocks. Reads the partition once per pass, not once per
 * block, so a session with many answers costs one scan a minute. Safe on several instances at
 * once: a block is inserted if absent, so one writer wins each index and the other reads again.
 */
export async function sealPending(store: Store, sessionKey: string, now: Date): Promise<SealReport> {
  let sealed = 0;
  let made = 0;
  let refused = 0;
  for (let pass = 0; pass < 20; pass++) {
    const blocks = await blocksOf(store, sessionKey);
    const unsealed = await unsealedEvents(store, sessionKey, blocks);
    refused = unsealed.refused;
    let last: Pick<Block, 'index' | 'hash'> | undefined = blocks[blocks.length - 1];
    let lostRace = false;
    for (let start = 0; start < unsealed.pending.length && !lostRace; start += MAX_EVENTS_PER_BLOCK) {
      const batch = unsealed.pending.slice(start, start + MAX_EVENTS_PER_BLOCK);
      const prev: string = last?.hash ?? GENESIS;
      const index: number = (last?.index ?? 0) + 1;
      const hash = blockHash(prev, batch.map(([, h]) => h));
      const written = await store.insert(CONSENT_TABLE, {
        partitionKey: sessionKey,
        rowKey: blockRowKey(index),
        props: { prev, hash, events: JSON.stringify(batch), sealedAt: now.toISOString() },
      });
      if (written.ok) {
        sealed += batch.length;
        made++;
        last = { index, hash };
      } else {
        lostRace = true; // another sealer took this index: read its blocks and carry on
      }
    }
    if (!lostRace) break;
  }
  return { sealed, blocks: made, refused };
}

export interface Verification {
  readonly ok: boolean;
  readonly head?: string;
  readonly sealedEvents: number;
  /** Events written since the last seal: not yet covered by the chain. */
  readonly unsealedEvents: number;
  /** Plain descriptions of what does not match, for operators. */
  readonly problems: readonly string[];
}

/** Checks every block against its predecessor and every sealed event against its block. */
export async function verifyChain(store: Store, sessionKey: string): Promise<Verification> {
  const blocks = await blocksOf(store, sessionKey);
  const events = new Map((await rows(store, sessionKey, EVENT_PREFIX)).map((e) => [e.rowKey, e]));
  const problems: string[] = [];
  let prev = GENESIS;
  let sealedEvents = 0;
  const seen = new Set<string>();
  blocks.forEach((block, position) => {
    if (block.index !== position + 1) problems.push(`Block ${position + 1} is missing.`);
    if (block.prev !== prev) problems.push(`Block ${block.index} does not follow the block before it.`);
    if (blockHash(block.prev, block.events.map(([, h]) => h)) !== block.hash) problems.push(`Block ${block.index} has been changed.`);
    for (const [rowKey, hash] of block.events) {
      seen.add(rowKey);
      sealedEvents++;
      const entity = events.get(rowKey);
      const event = entity && eventFromEntity(entity);
      if (!event) problems.push(`An event sealed in block ${block.index} is missing or unreadable.`);
      else if (eventHash(event) !== hash) problems.push(`An event sealed in block ${block.index} has been changed.`);
    }
    prev = block.hash;
  });
  const unsealedEvents = [...events.keys()].filter((k) => !seen.has(k)).length;
  return { ok: problems.length === 0, ...(blocks.length > 0 ? { head: prev } : {}), sealedEvents, unsealedEvents, problems };
}
