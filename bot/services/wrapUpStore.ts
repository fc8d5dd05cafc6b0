/**
 * The wrap-up row in the Store: one per session, written only by facilitators and always
 * conditionally (insert when new, replace on the ETag read), so two saves at once cannot both win.
 */
import { WRAP_UP_ROW, WRAP_UPS_TABLE, wrapUpFromJson, type WrapUp } from '../core/nextSteps';
import type { Store } from '../core/ports';

export interface StoredWrapUp {
  readonly wrapUp: WrapUp;
  readonly etag: string;
}

export async function loadWrapUp(store: Store, sessionKey: string): Promise<StoredWrapUp | undefined> {
  const entity = await store.get(WRAP_UPS_TABLE, sessionKey, WRAP_UP_ROW);
  const wrapUp = entity ? wrapUpFromJson(String(entity.props.data)) : undefined;
  return entity && wrapUp ? { wrapUp, etag: entity.etag } : undefined;
}

/** False when someone else saved first (the caller shows them the newer version). */
export async function saveWrapUp(store: Store, wrapUp: WrapUp, previous: StoredWrapUp | undefined): Promise<boolean> {
  const entity = { partitionKey: wrapUp.sessionKey, rowKey: WRAP_UP_ROW, props: { data: JSON.stringify(wrapUp) } };
  const written = previous ? await store.replace(WRAP_UPS_TABLE, entity, previous.etag) : await store.insert(WRAP_UPS_TABLE, entity);
  return written.ok;
}
