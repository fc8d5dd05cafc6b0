/**
 * Everything the Prepare screen's facilitator sections read, in one answer: the intention
 * answers, the stakeholder list with its "who is missing?" prompts, the payment settings, the
 * organisers' channel the chooser may pick, and the access needs people have shared. Facilitators
 * only (the tab API checks that before calling).
 */
import type { PaymentRate } from '../core/payments';
import type { Person } from '../core/ports';
import type { Session } from '../core/session';
import type { ServiceDeps } from './deps';
import { intentionsFor, stakeholdersFor, type IntentionsView, type StakeholdersView } from './preparation';
import { accessOverviewFor, type AccessOverview } from './preparationAccess';
import { channelChoicesFor, type ChannelChoices } from './preparationChannels';
import { loadRate } from './paymentsStore';

export interface PaymentSettingsView {
  readonly rate?: PaymentRate;
  /** The rate is shared by every session of the session's programme. */
  readonly programme: boolean;
}

export interface PreparationView {
  readonly intentions: IntentionsView;
  readonly stakeholders: StakeholdersView;
  readonly payment: PaymentSettingsView;
  readonly channels: ChannelChoices;
  readonly access: AccessOverview;
}

export async function paymentSettingsFor(deps: Pick<ServiceDeps, 'store'>, session: Session): Promise<PaymentSettingsView> {
  const rate = await loadRate(deps.store, session);
  return { ...(rate ? { rate } : {}), programme: session.programmeId !== undefined };
}

export async function preparationViewFor(deps: ServiceDeps, session: Session, chooser: Person & { readonly tenantId?: string }): Promise<PreparationView> {
  const [intentions, stakeholders, payment, channels, access] = await Promise.all([
    intentionsFor(deps, session),
    stakeholdersFor(deps, session),
    paymentSettingsFor(deps, session),
    channelChoicesFor(deps, session, chooser),
    accessOverviewFor(deps, session, chooser.tenantId),
  ]);
  return { intentions, stakeholders, payment, channels, access };
}
