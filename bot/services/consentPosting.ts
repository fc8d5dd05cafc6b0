/**
 * The standing consent card: posted once per session occurrence, refreshed with the count only
 * (coalesced), and the exact wording of every version people were shown kept beside the ledger,
 * so a record can say what someone was told (ICO: "a record of exactly what they were told").
 */
import { CONSENT_TABLE, type Wording } from '../core/consentLedger';
import type { WordingVariant } from '../core/consentScopes';
import type { PropertyValue } from '../core/ports';
import type { Session } from '../core/session';
import { loadSession } from '../core/sessionStore';
import { consentCard } from '../cards/consentCard';
import type { ConsentWording } from '../cards/consentWording';
import { consentWording } from './consentWording';
import type { CardRenderer } from './capability';
import { consentTally } from './consentPicture';
import type { ServiceDeps } from './deps';
import { confirmedIn } from './storeMemo';
import { postTrackedCard, requestCardRefresh } from './trackedCards';

export const CONSENT_RENDERER = 'consentCard';
const WORDING_PREFIX = 'wording|';
/** Says the card went to the outbox, so `consent` from others can point at it. */
const CARD_MARKER = 'card|posted';
const HASH = /^[0-9a-f]{64}$/;

export function consentCardKey(sessionKey: string): string {
  return `consent|${sessionKey}`;
}

/** The wording of this session now, with its text kept (once) for the record. */
export async function shownWording(deps: ServiceDeps, session: Session, variant: WordingVariant, now: Date): Promise<ConsentWording> {
  const wording = consentWording(variant, session.safeguardingContact);
  const rowKey = WORDING_PREFIX + wording.hash;
  const kept = confirmedIn(deps.store, 'consentWording');
  const memoKey = `${session.sessionKey}|${rowKey}`;
  if (kept.get(memoKey, now)) return wording;
  if (!(await deps.store.get(CONSENT_TABLE, session.sessionKey, rowKey))) {
    await deps.store.insert(CONSENT_TABLE, { partitionKey: session.sessionKey, rowKey, props: { variant, text: wording.text, firstShownAt: now.toISOString() } });
  }
  kept.set(memoKey, true, now);
  return wording;
}

/**
 * The wording a press names, if this session really showed it (the card may predate a change of
 * contact); otherwise the current wording of that variant. Card data cannot invent a version.
 */
export async function wordingOfPress(deps: ServiceDeps, session: Session, variant: WordingVariant, claimedHash: unknown, now: Date): Promise<Wording> {
  if (typeof claimedHash === 'string' && HASH.test(claimedHash)) {
    // Wording rows never change once kept, so a hash this instance has checked stays good.
    const checked = confirmedIn(deps.store, 'consentWordingShown');
    const memoKey = `${session.sessionKey}|${variant}|${claimedHash}`;
    if (checked.get(memoKey, now)) return { variant, hash: claimedHash };
    const row = await deps.store.get(CONSENT_TABLE, session.sessionKey, WORDING_PREFIX + claimedHash);
    if (row?.props.variant === variant) {
      checked.set(memoKey, true, now);
      return { variant, hash: claimedHash };
    }
  }
  const current = await shownWording(deps, session, variant, now);
  return { variant, hash: current.hash };
}

export function variantOf(value: unknown): WordingVariant | undefined {
  if (value === undefined || value === 'standard') return 'standard';
  return value === 'easyRead' ? 'easyRead' : undefined;
}

export async function isConsentCardPosted(deps: ServiceDeps, sessionKey: string): Promise<boolean> {
  return (await deps.store.get(CONSENT_TABLE, sessionKey, CARD_MARKER)) !== undefined;
}

async function buildCard(deps: ServiceDeps, session: Session, now: Date) {
  const [wording, tally] = await Promise.all([shownWording(deps, session, 'standard', now), consentTally(deps, session)]);
  return consentCard({ sessionKey: session.sessionKey, wording, tally });
}

/** Posts the card once per session; true when it was posted now. */
export async function postConsentCard(deps: ServiceDeps, session: Session, now: Date): Promise<boolean> {
  const posted = await postTrackedCard(deps, session.conversationId, consentCardKey(session.sessionKey), await buildCard(deps, session, now));
  // After the post, so a marker never claims a card that is not queued (insert if absent: repeats are fine).
  await deps.store.insert(CONSENT_TABLE, { partitionKey: session.sessionKey, rowKey: CARD_MARKER, props: { at: now.toISOString() } });
  return posted;
}

/** Asks for the count on the card to be brought up to date at the end of the current window. */
export async function refreshConsentCard(deps: ServiceDeps, session: Session, now: Date): Promise<void> {
  const payload: Record<string, PropertyValue> = { sessionKey: session.sessionKey };
  await requestCardRefresh(deps, { renderer: CONSENT_RENDERER, cardKey: consentCardKey(session.sessionKey), conversationId: session.conversationId, payload }, now);
}

export const consentCardRenderer: CardRenderer = async (payload, deps) => {
  const sessionKey = typeof payload.sessionKey === 'string' ? payload.sessionKey : undefined;
  const stored = sessionKey ? await loadSession(deps.store, sessionKey) : undefined;
  if (!stored || !(await isConsentCardPosted(deps, stored.session.sessionKey))) return undefined;
  return buildCard(deps, stored.session, deps.clock.now());
};
