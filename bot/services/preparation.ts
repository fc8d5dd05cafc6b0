/**
 * Preparing a session: the six intention questions and the stakeholder list with its "who is
 * missing?" prompts. Facilitators write them from the tab; other areas (the organiser view, the
 * digest) read them with intentionsFor and stakeholdersFor. Logs carry counts only, never the
 * words typed.
 */
import { answeredCount, decideIntentions, intentionCautions, intentionsFromJson, type IntentionQuestion, type Intentions, type IntentionsInput } from '../core/preparationIntentions';
import { decideStakeholders, stakeholdersFromJson, whoIsMissing, type Stakeholders, type StakeholdersInput, type WhoIsMissing } from '../core/preparationStakeholders';
import type { Session } from '../core/session';
import type { ServiceDeps } from './deps';
import { readPreparation, writePreparation, type StoredPreparation } from './preparationStore';

export interface IntentionsView {
  readonly answers: Intentions;
  /** How many of the six have an answer. */
  readonly answered: number;
  /** Answers worth a second look before the session (see intentionCautions). */
  readonly cautions: readonly IntentionQuestion[];
  /** Name this when saving; 0 until the first save. */
  readonly version: number;
  readonly updatedAt?: string;
}

export interface StakeholdersView extends Stakeholders {
  readonly whoIsMissing: WhoIsMissing;
  readonly version: number;
  readonly updatedAt?: string;
}

/** A save's outcome: saved, refused with plain reasons, or overtaken by someone else's save (with theirs). */
export type PreparationSave<V> =
  | { readonly kind: 'saved'; readonly value: V }
  | { readonly kind: 'refused'; readonly problems: readonly string[] }
  | { readonly kind: 'stale'; readonly current: V };

const stamp = (stored: StoredPreparation) => ({ version: stored.version, ...(stored.updatedAt ? { updatedAt: stored.updatedAt } : {}) });

function intentionsView(answers: Intentions, stored: StoredPreparation): IntentionsView {
  return { answers, answered: answeredCount(answers), cautions: intentionCautions(answers), ...stamp(stored) };
}

function stakeholdersView(list: Stakeholders, stored: StoredPreparation): StakeholdersView {
  return { ...list, whoIsMissing: whoIsMissing(list), ...stamp(stored) };
}

/** The session's intention answers, for the tab and for the organiser view. */
export async function intentionsFor(deps: Pick<ServiceDeps, 'store'>, session: Session): Promise<IntentionsView> {
  const stored = await readPreparation(deps.store, session.sessionKey, 'intentions');
  return intentionsView(intentionsFromJson(stored.json), stored);
}

export async function stakeholdersFor(deps: Pick<ServiceDeps, 'store'>, session: Session): Promise<StakeholdersView> {
  const stored = await readPreparation(deps.store, session.sessionKey, 'stakeholders');
  return stakeholdersView(stakeholdersFromJson(stored.json), stored);
}

export async function saveIntentions(deps: ServiceDeps, session: Session, input: IntentionsInput, fromVersion: number, now: Date): Promise<PreparationSave<IntentionsView>> {
  const decided = decideIntentions(input);
  if (!decided.ok) return { kind: 'refused', problems: decided.problems };
  const written = await writePreparation(deps.store, session.sessionKey, 'intentions', JSON.stringify(decided.value), fromVersion, now);
  if (written.kind === 'stale') return { kind: 'stale', current: await intentionsFor(deps, session) };
  deps.logger.info({ answered: answeredCount(decided.value), version: written.version }, 'intentions saved');
  return { kind: 'saved', value: intentionsView(decided.value, { version: written.version, updatedAt: now.toISOString() }) };
}

export async function saveStakeholders(deps: ServiceDeps, session: Session, input: StakeholdersInput, fromVersion: number, now: Date): Promise<PreparationSave<StakeholdersView>> {
  const decided = decideStakeholders(input);
  if (!decided.ok) return { kind: 'refused', problems: decided.problems };
  const written = await writePreparation(deps.store, session.sessionKey, 'stakeholders', JSON.stringify(decided.value), fromVersion, now);
  if (written.kind === 'stale') return { kind: 'stale', current: await stakeholdersFor(deps, session) };
  const view = stakeholdersView(decided.value, { version: written.version, updatedAt: now.toISOString() });
  deps.logger.info({ groups: view.groups.length, missing: view.whoIsMissing.missing.length, version: written.version }, 'stakeholders saved');
  return { kind: 'saved', value: view };
}
