/**
 * Access needs as the facilitators' part of the Prepare screen shows them: everyone's needs (from
 * followUpAccess, which also saves them and decides what they change) with a name where one is
 * known, and the people a facilitator may record needs for, with that person's agreement. Only
 * the tab's facilitator routes call this; nothing here is ever posted in a chat.
 */
import type { AccessNeed } from '../core/accessNeeds';
import type { Session } from '../core/session';
import type { ServiceDeps } from './deps';
import { accessNeedsForOrganiser } from './followUpAccess';
import { participantsOf } from './thanksPeople';

export interface AccessRecordView {
  /** The person's Teams name, when Coproduce has seen it. */
  readonly name?: string;
  readonly needs: readonly AccessNeed[];
  readonly other?: string;
  readonly enteredBy: 'self' | 'facilitator';
  readonly updatedAt: string;
}

export interface PersonToRecordFor {
  /** The person's Entra object id: what access.recordFor is given, as the chat card's people picker gives it. */
  readonly id: string;
  readonly name: string;
}

export interface AccessOverview {
  readonly records: readonly AccessRecordView[];
  readonly people: readonly PersonToRecordFor[];
}

/** `tenantId` is the facilitator's: access.recordFor records people of that tenant. */
export async function accessOverviewFor(deps: ServiceDeps, session: Session, tenantId: string | undefined): Promise<AccessOverview> {
  const [records, participants] = await Promise.all([accessNeedsForOrganiser(deps, session), participantsOf(deps, session)]);
  const names = new Map(participants.flatMap((p) => (p.name ? [[p.who, p.name] as const] : [])));
  const people = participants.flatMap((p) => {
    const key = p.key;
    if (!p.name || !key || !('aadObjectId' in key) || key.tenantId.toLowerCase() !== (tenantId ?? '').toLowerCase()) return [];
    return [{ id: key.aadObjectId, name: p.name }];
  });
  return {
    records: records.map((r) => {
      const name = r.name ?? names.get(r.who);
      return { needs: r.needs, enteredBy: r.enteredBy, updatedAt: r.updatedAt, ...(name ? { name } : {}), ...(r.other ? { other: r.other } : {}) };
    }),
    people: people.sort((a, b) => a.name.localeCompare(b.name)),
  };
}
