/**
 * The meeting tab with the sign-in and place the "After the meeting" screens call the server
 * with. The app loads this instead of the meeting tab itself, so the context stays out of the
 * side panel's bundle.
 */
import type { Place, TabApi } from '../api/client';
import type { TokenSource } from '../api/tokens';
import MeetingTab from '../prepare/MeetingTab';
import type { FrameKind } from '../teams';
import { AfterPlaceContext, type AfterPlace } from './afterContext';
import { useMemo } from 'react';

interface Props {
  readonly api: TabApi;
  readonly frame: FrameKind;
  readonly tokens: TokenSource;
  readonly place: Place;
}

export default function MeetingTabWithPlace({ api, frame, tokens, place }: Props) {
  const where = useMemo<AfterPlace>(() => ({ tokens, place }), [tokens, place]);
  return (
    <AfterPlaceContext.Provider value={where}>
      <MeetingTab api={api} frame={frame} />
    </AfterPlaceContext.Provider>
  );
}
