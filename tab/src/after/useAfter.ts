/**
 * What the "After the meeting" screens share: the client for the tab's place, loading a view
 * (and loading it again after a change), and running a change with its outcome kept for the
 * status line that reads it out.
 */
import { useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { AfterClient } from './afterClient';
import { AfterPlaceContext } from './afterContext';
import type { Loaded, Outcome } from './afterTypes';

export function useAfterClient(): AfterClient | undefined {
  const where = useContext(AfterPlaceContext);
  return useMemo(() => (where ? new AfterClient(where.tokens, where.place) : undefined), [where]);
}

export interface LoadedView<T> {
  readonly loaded?: Loaded<T>;
  readonly reload: () => Promise<void>;
}

/** Loads once when `load` changes, and again on `reload`; an older answer never replaces a newer one. */
export function useLoaded<T>(load: (() => Promise<Loaded<T>>) | undefined): LoadedView<T> {
  const [loaded, setLoaded] = useState<Loaded<T> | undefined>(undefined);
  const asked = useRef(0);
  const reload = useCallback(async () => {
    if (!load) return;
    const mine = ++asked.current;
    const answer = await load();
    if (mine === asked.current) setLoaded(answer);
  }, [load]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { ...(loaded ? { loaded } : {}), reload };
}

export interface Change {
  readonly busy: boolean;
  readonly outcome?: Outcome;
  /**
   * Runs the change; after one that worked, or one refused because someone else changed things
   * first (409), `then` runs (usually loading the view again, so the screen shows what is true).
   */
  readonly run: (change: () => Promise<Outcome>) => Promise<Outcome>;
}

export function useChange(then: () => Promise<void> | void): Change {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | undefined>(undefined);
  const run = useCallback(
    async (change: () => Promise<Outcome>) => {
      setBusy(true);
      try {
        const answer = await change();
        if (answer.ok || answer.status === 409) await then();
        setOutcome(answer);
        return answer;
      } finally {
        setBusy(false);
      }
    },
    [then],
  );
  return { busy, run, ...(outcome ? { outcome } : {}) };
}
