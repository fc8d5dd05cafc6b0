/**
 * Payment rows in the Store. Only organisers (through the tab's organiser view) write them, one
 * line per person, conditionally on the ETag read; the rate lives with the programme (or the
 * session when it has none) so every session of a programme pays the same.
 */
import { compositeKey } from '../core/keys';
import {
  CONTACT_PREFIX,
  LINE_PREFIX,
  lineFromJson,
  PAYMENT_RATES_TABLE,
  PAYMENTS_TABLE,
  rateFromJson,
  whoIsThisFromJson,
  type PaymentLine,
  type PaymentRate,
  type WhoIsThis,
} from '../core/payments';
import type { Store } from '../core/ports';
import type { Session } from '../core/session';
import { allRows } from './digestSources';

const RATE_ROW = 'rate';

export function ratePartition(session: Session): string {
  return session.programmeId ? compositeKey('programme', session.programmeId) : session.sessionKey;
}

export async function loadRate(store: Store, session: Session): Promise<PaymentRate | undefined> {
  const entity = await store.get(PAYMENT_RATES_TABLE, ratePartition(session), RATE_ROW);
  return entity ? rateFromJson(entity.props.data) : undefined;
}

export async function saveRate(store: Store, session: Session, rate: PaymentRate): Promise<void> {
  await store.upsert(PAYMENT_RATES_TABLE, { partitionKey: ratePartition(session), rowKey: RATE_ROW, props: { data: JSON.stringify(rate) } });
}

export interface StoredLine {
  readonly line: PaymentLine;
  readonly etag: string;
}

export async function loadStoredLine(store: Store, sessionKey: string, who: string): Promise<StoredLine | undefined> {
  const entity = await store.get(PAYMENTS_TABLE, sessionKey, LINE_PREFIX + who);
  const line = entity ? lineFromJson(entity.props.data) : undefined;
  return entity && line ? { line, etag: entity.etag } : undefined;
}

export async function loadLine(store: Store, sessionKey: string, who: string): Promise<PaymentLine | undefined> {
  return (await loadStoredLine(store, sessionKey, who))?.line;
}

export async function loadLines(store: Store, sessionKey: string): Promise<PaymentLine[]> {
  return (await allRows(store, PAYMENTS_TABLE, sessionKey, LINE_PREFIX)).flatMap((e) => {
    const line = lineFromJson(e.props.data);
    return line ? [line] : [];
  });
}

/** Conditional on the ETag read (insert when there was none). False when someone wrote first. */
export async function saveLine(store: Store, sessionKey: string, line: PaymentLine, etag: string | undefined): Promise<boolean> {
  const entity = { partitionKey: sessionKey, rowKey: LINE_PREFIX + line.who, props: { data: JSON.stringify(line) } };
  const written = etag ? await store.replace(PAYMENTS_TABLE, entity, etag) : await store.insert(PAYMENTS_TABLE, entity);
  return written.ok;
}

export async function loadWhoIsThis(store: Store, sessionKey: string): Promise<Map<string, WhoIsThis>> {
  const out = new Map<string, WhoIsThis>();
  for (const entity of await allRows(store, PAYMENTS_TABLE, sessionKey, CONTACT_PREFIX)) {
    const found = whoIsThisFromJson(entity.props.data);
    if (found) out.set(entity.rowKey.slice(CONTACT_PREFIX.length), found);
  }
  return out;
}

export async function saveWhoIsThis(store: Store, sessionKey: string, who: string, value: WhoIsThis): Promise<void> {
  await store.upsert(PAYMENTS_TABLE, { partitionKey: sessionKey, rowKey: CONTACT_PREFIX + who, props: { data: JSON.stringify(value) } });
}
