/**
 * After the meeting: what the server offers so far. The digest to review comes with a later
 * issue; until then this says plainly where it will appear, and shows what is already known.
 */
import { Text } from '@fluentui/react-components';
import type { SessionView } from '../api/viewTypes';
import { FrameworkList } from '../components/FrameworkList';
import { PurposeBox } from '../components/PurposeBox';
import { Section } from '../components/Section';
import { text } from '../strings.en-GB';

export function AfterMeeting({ view }: { readonly view: SessionView | undefined }) {
  return (
    <>
      <Section title={text.after.heading}>
        <Text data-testid="digest-placeholder">{text.after.digestPlaceholder}</Text>
        {view?.facilitator && view.facilitator.purposeAnswers > 0 ? <Text>{text.after.purposeAnswers(view.facilitator.purposeAnswers)}</Text> : null}
      </Section>
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
