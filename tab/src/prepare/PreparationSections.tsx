/**
 * The facilitators' preparation beyond the setup form and the plan: the intention questions, who
 * should be there, access needs, paying people, and where the summary goes. Everything comes
 * from one request (GET /api/tab/prepare), reloaded after a save that changes what others see.
 */
// Parts only this screen uses come from their own packages, so they stay out of the side panel's bundle.
import { Spinner } from '@fluentui/react-spinner';
import { useCallback, useEffect, useState } from 'react';
import type { TabApi } from '../api/client';
import { FailureNotice } from '../components/FailureNotice';
import { text } from '../strings.en-GB';
import { AccessNeedsOverview } from './AccessNeedsOverview';
import { ChannelPicker } from './ChannelPicker';
import { IntentionsForm } from './IntentionsForm';
import { PaymentSettings } from './PaymentSettings';
import { loadPreparation, type PreparationView } from './prepareApi';
import { StakeholderList } from './StakeholderList';

export type Loaded = { readonly kind: 'loading' } | { readonly kind: 'ready'; readonly view: PreparationView } | { readonly kind: 'failed'; readonly message: string };

/** The parts that come before the plan (why, and who). */
export function BeforeThePlan({ api, loaded }: { readonly api: TabApi; readonly loaded: Loaded }) {
  if (loaded.kind === 'loading') return <Spinner label={text.loading} />;
  if (loaded.kind === 'failed') return <FailureNotice failure={{ kind: 'refused', status: 0, message: loaded.message }} />;
  return (
    <>
      <IntentionsForm api={api} saved={loaded.view.intentions} />
      <StakeholderList api={api} saved={loaded.view.stakeholders} />
    </>
  );
}

/** The parts that come after the plan (access, payment, the summary's channel). */
export function AfterThePlan({ api, loaded, reloadAccess }: { readonly api: TabApi; readonly loaded: Loaded; readonly reloadAccess: () => void }) {
  if (loaded.kind !== 'ready') return null;
  return (
    <>
      <AccessNeedsOverview api={api} overview={loaded.view.access} onChanged={reloadAccess} />
      <PaymentSettings api={api} saved={loaded.view.payment} />
      <ChannelPicker api={api} saved={loaded.view.channels} />
    </>
  );
}

/**
 * Loads the preparation once the session exists. `reloadAccess` asks again after access needs
 * were saved and takes only that part, so forms with unsaved words elsewhere keep them.
 */
export function usePreparation(api: TabApi, sessionExists: boolean): { readonly loaded: Loaded; readonly reloadAccess: () => void } {
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  useEffect(() => {
    if (!sessionExists) return;
    void loadPreparation(api).then((outcome) => setLoaded(outcome.ok ? { kind: 'ready', view: outcome.value } : { kind: 'failed', message: outcome.message }));
  }, [api, sessionExists]);
  const reloadAccess = useCallback(() => {
    void loadPreparation(api).then((outcome) => {
      if (outcome.ok) setLoaded((previous) => (previous.kind === 'ready' ? { kind: 'ready', view: { ...previous.view, access: outcome.value.access } } : previous));
    });
  }, [api]);
  return { loaded, reloadAccess };
}
