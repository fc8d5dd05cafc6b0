/**
 * Plain-English suggestions on what facilitators write (notes, next steps, and the lead's setup
 * and sense-check texts). The checker only advises, so findings go privately to the facilitators'
 * 1:1 chats and never into the meeting chat; each can be turned off for the rest of the session.
 *
 * The session's turned-off rules are one facilitator-edited row ('plainEnglishIgnores', partition
 * = session key, row 'ignores'), written conditionally.
 */
import { checkPlainEnglish } from '../core/plainEnglish';
import { ignoreRule, type PlainEnglishIgnores } from '../core/plainEnglishIgnores';
import type { Store } from '../core/ports';
import type { Session } from '../core/session';
import { tellPresser, type InvokeReply } from '../core/turn';
import { plainEnglishWarningCard, type WordingFinding } from '../cards/plainEnglishWarningCard';
import { wrapUpStrings } from '../cards/strings/wrapUp.en-GB';
import type { VerbHandler } from './capability';
import type { ServiceDeps } from './deps';
import { tellFacilitators, type Delivery } from './privateChat';

export const PLAIN_ENGLISH_IGNORES_TABLE = 'plainEnglishIgnores';
const ROW = 'ignores';
const MAX_TRIES = 4;
/** A card with more than this many suggestions stops being read. */
export const MAX_FINDINGS_PER_CARD = 8;

export interface WordingText {
  /** Where the words are: a place key from the strings ('note', 'nextSteps') or a short description. */
  readonly where: string;
  readonly text: string;
}

export interface WordingOutcome {
  /** How many suggestions were found (after the session's turned-off rules). */
  readonly findings: number;
  /** Who was told; absent when there was nothing to say. */
  readonly delivery?: Delivery;
}

interface StoredIgnores {
  readonly ignores: PlainEnglishIgnores;
  readonly etag?: string;
}

export async function loadIgnores(store: Store, sessionKey: string): Promise<StoredIgnores> {
  const entity = await store.get(PLAIN_ENGLISH_IGNORES_TABLE, sessionKey, ROW);
  if (!entity) return { ignores: [] };
  let rules: unknown;
  try {
    rules = JSON.parse(String(entity.props.rules));
  } catch {
    rules = [];
  }
  const ignores = Array.isArray(rules) ? rules.filter((r): r is string => typeof r === 'string') : [];
  return { ignores, etag: entity.etag };
}

/**
 * Checks the texts and sends any suggestions to the session's facilitators privately. Advice
 * must never stop the work it is about, so a failure here is logged and reported as nothing found.
 */
export async function warnAboutWording(deps: ServiceDeps, session: Session, texts: readonly WordingText[], now: Date): Promise<WordingOutcome> {
  try {
    const { ignores } = await loadIgnores(deps.store, session.sessionKey);
    const findings = findingsIn(texts, ignores);
    if (findings.length === 0) return { findings: 0 };
    const card = plainEnglishWarningCard({
      sessionKey: session.sessionKey,
      findings: findings.slice(0, MAX_FINDINGS_PER_CARD),
      more: Math.max(0, findings.length - MAX_FINDINGS_PER_CARD),
    });
    // The same texts at the same moment (a retried turn) send once.
    const key = `plainEnglish|${now.toISOString()}|${shortHash(JSON.stringify(texts))}`;
    const delivery = await tellFacilitators(deps, session, { card }, key);
    deps.logger.info({ findings: findings.length, reached: delivery.reached.length, unreachable: delivery.unreachable.length }, 'plain-English suggestions sent');
    return { findings: findings.length, delivery };
  } catch (error: unknown) {
    deps.logger.error({ errorName: error instanceof Error ? error.name : 'unknown' }, 'plain-English check failed');
    return { findings: 0 };
  }
}

/** Each rule once per place: one button turns it off everywhere anyway. */
function findingsIn(texts: readonly WordingText[], ignores: PlainEnglishIgnores): WordingFinding[] {
  const out: WordingFinding[] = [];
  for (const { where, text } of texts) {
    for (const issue of checkPlainEnglish(text, { ignore: ignores })) {
      if (out.some((f) => f.where === where && f.rule === issue.rule)) continue;
      out.push({ where, rule: issue.rule, kind: issue.kind, found: issue.found, suggestion: issue.suggestion });
    }
  }
  return out;
}

/** FNV-1a, enough to tell two sets of texts apart in an idempotency key. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

type IgnoreOutcome = 'ignored' | 'unknownRule' | 'tooMany' | 'busy';

/** Adds the rule to the session's list with a conditional write; adding it twice changes nothing. */
export async function ignoreForSession(store: Store, sessionKey: string, rule: string): Promise<IgnoreOutcome> {
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    const stored = await loadIgnores(store, sessionKey);
    const decided = ignoreRule(stored.ignores, rule);
    if (!decided.ok) return decided.reason;
    if (decided.ignores === stored.ignores && stored.etag) return 'ignored';
    const entity = { partitionKey: sessionKey, rowKey: ROW, props: { rules: JSON.stringify(decided.ignores) } };
    const written = stored.etag ? await store.replace(PLAIN_ENGLISH_IGNORES_TABLE, entity, stored.etag) : await store.insert(PLAIN_ENGLISH_IGNORES_TABLE, entity);
    if (written.ok) return 'ignored';
  }
  return 'busy';
}

/** "Don't flag this again in this session", pressed on a suggestion in a facilitator's 1:1 chat. */
export const plainEnglishIgnoreVerb: VerbHandler = {
  run: async ({ data, session, deps }): Promise<InvokeReply> => {
    const text = wrapUpStrings.plainEnglish;
    const rule = typeof data.rule === 'string' ? data.rule : '';
    const outcome = await ignoreForSession(deps.store, session.session.sessionKey, rule);
    deps.logger.info({ outcome }, 'plain-English suggestion turned off');
    return tellPresser(outcome === 'ignored' ? text.ignored : text[outcome]);
  },
};
