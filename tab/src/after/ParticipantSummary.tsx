/**
 * After the meeting, for everyone else in it: the summary as the group was given it, once a
 * facilitator has checked and shared it.
 */
import { useCallback } from 'react';
import { Section } from '../components/Section';
import type { AfterClient } from './afterClient';
import type { PublishedDigest } from './afterTypes';
import { DigestDocument } from './DigestDocument';
import { StatusLine } from '../components/StatusLine';
import { afterText } from './strings.en-GB';
import { useLoaded } from './useAfter';

export default function ParticipantSummary({ client }: { readonly client: AfterClient }) {
  const load = useCallback(() => client.load<PublishedDigest>('/api/tab/after/summary'), [client]);
  const { loaded } = useLoaded(load);
  let content;
  if (!loaded) content = <p>{afterText.loading}</p>;
  else if (!loaded.ok) content = loaded.status === 404 ? <p>{afterText.summary.notYet}</p> : <StatusLine outcome={{ ok: false, message: loaded.message }} />;
  else content = <DigestDocument digest={loaded.value.digest} titleAs="h3" {...(loaded.value.markdownPath ? { markdownPath: loaded.value.markdownPath } : {})} />;
  return <Section title={afterText.summary.heading}>{content}</Section>;
}
