/**
 * After the meeting, in the meeting tab. Facilitators and organisers check and share the summary,
 * see the organiser view and download files; everyone else reads the summary once it is shared.
 * Part of the meeting tab's chunk, which the app loads on demand: the side panel never carries it.
 */
import { Text } from '@fluentui/react-components';
import type { SessionView } from '../api/viewTypes';
import { FrameworkList } from '../components/FrameworkList';
import { PurposeBox } from '../components/PurposeBox';
import { Section } from '../components/Section';
import { text } from '../strings.en-GB';
import FacilitatorAfter from './FacilitatorAfter';
import ParticipantSummary from './ParticipantSummary';
import { afterText } from './strings.en-GB';
import { useAfterClient } from './useAfter';

export function AfterMeeting({ view }: { readonly view: SessionView | undefined }) {
  const client = useAfterClient();
  return (
    <>
      {!view || !client ? (
        <Section title={text.after.heading}>
          <Text data-testid="digest-placeholder">{afterText.noView}</Text>
        </Section>
      ) : view.role === 'facilitator' ? (
        <FacilitatorAfter client={client} />
      ) : (
        <ParticipantSummary client={client} />
      )}
      {view ? (
        <>
          <Section title={text.purpose.heading}>
            <PurposeBox purpose={view.purpose} safeguardingContact={view.safeguardingContact} />
          </Section>
          <Section title={text.framework.heading}>
            <FrameworkList agenda={view.framework.agenda} currentItemId={view.framework.ended ? undefined : view.framework.currentItemId} />
          </Section>
        </>
      ) : null}
    </>
  );
}
