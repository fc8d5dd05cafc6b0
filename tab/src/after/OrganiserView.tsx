/**
 * The organiser view: payments, access needs, who attended, actions and the team's intentions,
 * for the session's facilitators and organisers only, in the signed-in tab. Nothing here is ever
 * posted in a chat.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useState, type ReactNode } from 'react';
import { Section } from '../components/Section';
import type { AfterClient } from './afterClient';
import type { OrganiserView as View, Outcome } from './afterTypes';
import { ActionsSection } from './ActionsSection';
import { AccessNeedsList, AttendanceList, IntentionsList } from './OrganiserLists';
import { PaymentsSection } from './PaymentsSection';
import { StatusLine } from '../components/StatusLine';
import { afterText } from './strings.en-GB';
import { useChange, useLoaded } from './useAfter';

const words = afterText.organiser;
type Area = 'payments' | 'actions';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '820px' },
  line: { margin: 0 },
});

function Part({ title, children }: { readonly title: string; readonly children: ReactNode }) {
  return (
    <Section title={title} level={3}>
      {children}
    </Section>
  );
}

export function OrganiserView({ client }: { readonly client: AfterClient }) {
  const styles = useStyles();
  const load = useCallback(() => client.load<View>('/api/tab/after/organiser'), [client]);
  const { loaded, reload } = useLoaded(load);
  const change = useChange(reload);
  const [refusal, setRefusal] = useState<Outcome | undefined>(undefined);
  // The outcome shows beside the part the organiser acted in.
  const [lastArea, setLastArea] = useState<Area>('payments');
  const act = (area: Area) => (path: string, body: Record<string, unknown>) => {
    setRefusal(undefined);
    setLastArea(area);
    return change.run(() => client.change(`/api/tab/after/${area}/${path}`, body));
  };
  const statusOf = (area: Area) => <StatusLine outcome={lastArea === area ? (refusal ?? change.outcome) : undefined} testId={`${area}-status`} />;

  if (!loaded) return <p className={styles.line}>{afterText.loading}</p>;
  if (!loaded.ok) return <StatusLine outcome={{ ok: false, message: loaded.message }} />;
  const view = loaded.value;
  return (
    <div className={styles.box} data-testid="organiser-view">
      <p className={styles.line}>{words.onlyYou}</p>
      <Part title={words.payments.heading}>
        <PaymentsSection
          payments={view.payments}
          busy={change.busy}
          act={act('payments')}
          refuse={(message) => {
            setLastArea('payments');
            setRefusal({ ok: false, status: 400, message });
          }}
        />
        {statusOf('payments')}
      </Part>
      <Part title={words.actions.heading}>
        <ActionsSection actions={view.actions} busy={change.busy} act={act('actions')} />
        {statusOf('actions')}
      </Part>
      <Part title={words.accessNeeds.heading}>
        <AccessNeedsList needs={view.accessNeeds} />
      </Part>
      <Part title={words.attendance.heading}>
        <AttendanceList people={view.attendance} />
      </Part>
      <Part title={words.intentions.heading}>
        <IntentionsList intentions={view.intentions} />
      </Part>
    </div>
  );
}
