/**
 * Preparing a session: the setup, the framework editor with its time check, and the consent card
 * preview. It asks the server for the setup form first: a refusal means this person cannot set
 * the session up, and they see the purpose and plan read-only instead.
 */
// Parts only this screen uses come from their own packages, so they stay out of the side panel's bundle.
import { Spinner } from '@fluentui/react-spinner';
import { useCallback, useEffect, useState } from 'react';
import type { TabApi } from '../api/client';
import type { SessionView } from '../api/viewTypes';
import { FrameworkList } from '../components/FrameworkList';
import { PurposeBox } from '../components/PurposeBox';
import { Section } from '../components/Section';
import { text } from '../strings.en-GB';
import { ConsentPreview } from './ConsentPreview';
import { editorFacts } from './editorCard';
import { FrameworkEditor } from './FrameworkEditor';
import { inputValues } from './readCard';
import { SETUP_FIELDS, SetupForm } from './SetupForm';

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
  const [meetingMinutes, setMeetingMinutes] = useState<number | undefined>(undefined);

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

  const loadAgendaVersion = useCallback(async () => {
    const outcome = await api.act('agenda.open');
    if (outcome.kind !== 'done') return;
    const facts = editorFacts(outcome.answer.card);
    setAgendaVersion(facts.agendaVersion);
    setMeetingMinutes(facts.meetingMinutes);
  }, [api]);

  const sessionExists = view !== undefined;
  const serverVersion = view?.framework.agendaVersion;
  useEffect(() => {
    if (setup.kind !== 'editable' || !sessionExists) return;
    // Until the session view carries the editor's facts, the editor card tells them.
    if (serverVersion !== undefined) setAgendaVersion(serverVersion);
    else void loadAgendaVersion();
  }, [setup.kind, sessionExists, serverVersion, loadAgendaVersion]);
  const minutesOfMeeting = view?.framework.meetingMinutes ?? meetingMinutes;

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
        <FrameworkEditor
          api={api}
          agenda={view.framework.agenda}
          agendaVersion={agendaVersion}
          {...(minutesOfMeeting ? { meetingMinutes: minutesOfMeeting } : {})}
          needsMoreBreaks={view.facilitator?.needsMoreBreaks ?? setup.values[SETUP_FIELDS.moreBreaks] === 'true'}
          onChanged={(version) => {
            if (version !== undefined) setAgendaVersion(version);
            onSessionChanged();
          }}
        />
      ) : null}
      <ConsentPreview contact={contact} />
    </>
  );
}
