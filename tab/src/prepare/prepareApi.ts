/**
 * The Prepare screen's calls to /api/tab/prepare (bot/http/tabApiPrepare.ts) and the JSON they
 * answer with, as the tab reads it (the server builds it in bot/services/preparationView.ts; keep
 * them in step). Access needs are saved through card actions instead (see AccessNeeds.tsx).
 */
import type { AccessNeed } from '../../../bot/core/accessNeeds';
import type { IntentionChoice, IntentionQuestion, Intentions } from '../../../bot/core/preparationIntentions';
import type { Stakeholders, WhoIsMissing } from '../../../bot/core/preparationStakeholders';
import type { Failure, TabApi } from '../api/client';

export interface IntentionsView {
  readonly answers: Intentions;
  readonly answered: number;
  readonly cautions: readonly IntentionQuestion[];
  readonly version: number;
  readonly updatedAt?: string;
}

export interface StakeholdersView extends Stakeholders {
  readonly whoIsMissing: WhoIsMissing;
  readonly version: number;
  readonly updatedAt?: string;
}

export interface PaymentRateView {
  readonly currency: string;
  readonly perHourMinor: number;
  readonly prepMinutes: number;
  readonly reminderDays: number;
  readonly vouchersOffered: boolean;
}

export interface PaymentSettingsView {
  readonly rate?: PaymentRateView;
  readonly programme: boolean;
}

export interface ChannelOption {
  readonly id: string;
  readonly connectedAt: string;
  readonly chosen: boolean;
}

export interface ChannelChoices {
  readonly options: readonly ChannelOption[];
  readonly otherChosen: boolean;
}

export interface AccessRecordView {
  readonly name?: string;
  readonly needs: readonly AccessNeed[];
  readonly other?: string;
  readonly enteredBy: 'self' | 'facilitator';
  readonly updatedAt: string;
}

export interface AccessOverview {
  readonly records: readonly AccessRecordView[];
  readonly people: readonly { readonly id: string; readonly name: string }[];
}

export interface PreparationView {
  readonly intentions: IntentionsView;
  readonly stakeholders: StakeholdersView;
  readonly payment: PaymentSettingsView;
  readonly channels: ChannelChoices;
  readonly access: AccessOverview;
}

export type IntentionsDraft = Partial<Record<IntentionQuestion, { readonly choice?: IntentionChoice; readonly note?: string }>>;

/** What a save gives back: the saved value, or a plain message (with the newer version after a clash). */
export type Saved<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string; readonly current?: T };

function saved<T>(outcome: { readonly kind: 'done'; readonly value: T } | (Failure & { readonly body?: unknown })): Saved<T> {
  if (outcome.kind === 'done') return { ok: true, value: outcome.value };
  const current = (outcome.body as { current?: T } | undefined)?.current;
  return { ok: false, message: outcome.message, ...(current ? { current } : {}) };
}

export async function loadPreparation(api: TabApi): Promise<Saved<PreparationView>> {
  return saved(await api.call<PreparationView>('GET', '/api/tab/prepare'));
}

export async function saveIntentions(api: TabApi, answers: IntentionsDraft, version: number): Promise<Saved<IntentionsView>> {
  return saved(await api.call<IntentionsView>('PUT', '/api/tab/prepare/intentions', { answers, version }));
}

export async function saveStakeholders(api: TabApi, list: Stakeholders, version: number): Promise<Saved<StakeholdersView>> {
  return saved(await api.call<StakeholdersView>('PUT', '/api/tab/prepare/stakeholders', { ...list, version }));
}

export async function savePaymentRate(api: TabApi, rate: PaymentRateView): Promise<Saved<PaymentSettingsView>> {
  return saved(await api.call<PaymentSettingsView>('PUT', '/api/tab/prepare/payment-rate', rate));
}

export async function chooseChannel(api: TabApi, channel: string): Promise<Saved<ChannelChoices>> {
  return saved(await api.call<ChannelChoices>('PUT', '/api/tab/prepare/channel', { channel }));
}
