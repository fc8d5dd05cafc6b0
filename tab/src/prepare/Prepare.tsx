/**
 * Preparing a session: the setup, the intention questions and who should be there, the framework
 * editor with its time check, access needs, payment, the summary's channel, and the consent card
 * preview. It asks the server for the setup form first: a refusal means this person cannot set
 * the session up, and they see the purpose and plan read-only instead, with a place to say what
 * would help them take part.
 */
// Parts only this screen uses come from their own packages, so they stay out of the side panel's bundle.
import { Spinner } from '@fluentui/react-spinner';
import { useEffect, useState } from 'react';
import type { TabApi } from '../api/client';
import type { SessionView } from '../api/viewTypes';
import { FrameworkList } from '../components/FrameworkList';
import { PurposeBox } from '../components/PurposeBox';
import { Section } from '../components/Section';
import { text } from '../strings.en-GB';
import { ConsentPreview } from './ConsentPreview';
import { FrameworkEditor } from './FrameworkEditor';
import { MyAccessNeeds } from './MyAccessNeeds';
import { AfterThePlan, BeforeThePlan, usePreparation } from './PreparationSections';
import { inputValues } from './readCard';
import { SETUP_FIELDS, SetupForm } from './SetupForm';
import { prepareText } from './strings.en-GB';

type Setup = { readonly kind: 'loading' } | { readonly kind: 'editable'; readonly values: Readonly<Record<string, string>> } | { readonly kind: 'readOnly'; readonly message: string };

interface Props {
  readonly api: TabApi;
  readonly view: SessionView | undefined;
  readonly onSessionChanged: () => void;
}

export function Prepare({ api, view, onSessionChanged }: Props) {
  const [setup, setSetup] = useState<Setup>({ kind: 'loading' });
  const [contact, setContact] = useState('');
  const [agendaVersion, setAgendaVersion] = useState<number | undefined>(undefined);
  const facilitating = setup.kind === 'editable' && view?.facilitator !== undefined;
  const preparation = usePreparation(api, facilitating);

  useEffect(() => {
    void api.act('setup.open').then((outcome) => {
      if (outcome.kind === 'done' && outcome.answer.ok && outcome.answer.card) {
        const values = inputValues(outcome.answer.card);
        setSetup({ kind: 'editable', values });
        setContact(values[SETUP_FIELDS.safeguarding] ?? '');
      } else {
        setSetup({ kind: 'readOnly', message: outcome.kind === 'done' ? (outcome.answer.message ?? text.prepare.notAllowed) : outcome.message });
      }
    });
  }, [api]);

  // The view names the version the next save must give; a save's own answer may be newer until the next poll.
  const serverVersion = view?.framework.agendaVersion;
  useEffect(() => setAgendaVersion(serverVersion), [serverVersion]);

  if (setup.kind === 'loading') return <Spinner label={text.loading} />;
  if (setup.kind === 'readOnly') {
    return (
      <>
        <p>{setup.message}</p>
        {view ? (
          <>
            <Section title={text.purpose.heading}>
              <PurposeBox purpose={view.purpose} safeguardingContact={view.safeguardingContact} />
            </Section>
            <Section title={text.framework.heading}>
              <FrameworkList agenda={view.framework.agenda} />
            </Section>
            <MyAccessNeeds api={api} />
          </>
        ) : null}
      </>
    );
  }
  return (
    <>
      <Section title={text.prepare.setupHeading}>
        <SetupForm api={api} initial={setup.values} onChange={(values) => setContact(values[SETUP_FIELDS.safeguarding] ?? '')} onSaved={onSessionChanged} />
      </Section>
      {view ? (
        <>
          {facilitating ? <BeforeThePlan api={api} loaded={preparation.loaded} /> : null}
          <FrameworkEditor
            api={api}
            agenda={view.framework.agenda}
            agendaVersion={agendaVersion}
            {...(view.framework.meetingMinutes ? { meetingMinutes: view.framework.meetingMinutes } : {})}
            needsMoreBreaks={view.facilitator?.needsMoreBreaks ?? false}
            onChanged={(version) => {
              if (version !== undefined) setAgendaVersion(version);
              onSessionChanged();
            }}
          />
          {facilitating ? <AfterThePlan api={api} loaded={preparation.loaded} reloadAccess={preparation.reloadAccess} /> : null}
        </>
      ) : (
        <p>{prepareText.firstSave}</p>
      )}
      <ConsentPreview contact={contact} />
    </>
  );
}
