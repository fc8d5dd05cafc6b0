/**
 * Polls a versioned view every two seconds with If-None-Match: the server answers 304 until
 * something changes, so most polls carry no body. The moment each fresh view arrived is kept (on
 * the page's monotonic clock) so timers count down from the server's remaining seconds, not from
 * the device's clock, which may be wrong.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Failure, Fetched } from './client';

export const POLL_MS = 2_000;

export interface Polled<T> {
  readonly value?: T;
  /** performance.now() when `value` arrived. */
  readonly receivedAt: number;
  readonly failure?: Failure;
  /** Ask again now (after an action), without waiting for the next tick. */
  readonly refresh: () => void;
}

export function usePolled<T>(fetcher: ((etag?: string) => Promise<Fetched<T> & { readonly etag?: string }>) | undefined, intervalMs = POLL_MS): Polled<T> {
  const [state, setState] = useState<{ value?: T; receivedAt: number; failure?: Failure }>({ receivedAt: 0 });
  const etag = useRef<string | undefined>(undefined);
  const inFlight = useRef(false);
  const again = useRef(false);

  const poll = useCallback(async () => {
    if (!fetcher) return;
    if (inFlight.current) {
      again.current = true;
      return;
    }
    inFlight.current = true;
    try {
      const answer = await fetcher(etag.current);
      if (answer.kind === 'fresh') {
        etag.current = answer.etag;
        setState({ value: answer.value, receivedAt: performance.now() });
      } else if (answer.kind === 'unchanged') {
        setState((previous) => (previous.failure ? { value: previous.value, receivedAt: previous.receivedAt } : previous));
      } else {
        if (answer.kind !== 'offline') etag.current = undefined;
        setState((previous) => ({ ...previous, failure: answer }));
      }
    } finally {
      inFlight.current = false;
      if (again.current) {
        again.current = false;
        void poll();
      }
    }
  }, [fetcher]);

  useEffect(() => {
    if (!fetcher) return undefined;
    void poll();
    const timer = setInterval(() => {
      if (document.visibilityState !== 'hidden') void poll();
    }, intervalMs);
    return () => clearInterval(timer);
  }, [fetcher, poll, intervalMs]);

  return { ...state, refresh: () => void poll() };
}
