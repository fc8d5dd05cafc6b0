/**
 * After the meeting, for the session's facilitators and organisers: the summary to check and
 * share, the organiser view and the files to download. Loaded only when the "After the meeting"
 * part of the meeting tab is opened by a facilitator.
 */
import { Section } from '../components/Section';
import type { AfterClient } from './afterClient';
import { DigestReview } from './DigestReview';
import { ExportFiles } from './ExportFiles';
import { OrganiserView } from './OrganiserView';
import { afterText } from './strings.en-GB';

export default function FacilitatorAfter({ client }: { readonly client: AfterClient }) {
  return (
    <>
      <Section title={afterText.review.heading}>
        <DigestReview client={client} />
      </Section>
      <Section title={afterText.organiser.heading}>
        <OrganiserView client={client} />
      </Section>
      <Section title={afterText.exports.heading}>
        <ExportFiles client={client} />
      </Section>
    </>
  );
}
