/**
 * Where the "After the meeting" screens get their sign-in and place from. The app provides it
 * around the meeting tab, so those screens can call the server without the meeting tab passing
 * anything down. Tiny on purpose: the app's first bundle imports it.
 */
import { createContext } from 'react';
import type { Place } from '../api/client';
import type { TokenSource } from '../api/tokens';

export interface AfterPlace {
  readonly tokens: TokenSource;
  readonly place: Place;
}

export const AfterPlaceContext = createContext<AfterPlace | undefined>(undefined);
