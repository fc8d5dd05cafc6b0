/**
 * Runs side-panel actions through POST /api/tab/actions/{verb}: the same verbs, permission table
 * and services as the chat's buttons. What the server answers (a line of text, or a card such as
 * a form or a confirmation) is kept to show in the panel; a card's own buttons come back here.
 */
import { useCallback, useRef, useState } from 'react';
import type { TabApi } from '../api/client';
import type { CardJson } from '../api/viewTypes';

export interface ActionAnswerState {
  readonly verb: string;
  readonly message?: string;
  readonly card?: CardJson;
  readonly failed?: boolean;
}

export interface Actions {
  /** The verb being run, while it runs. */
  readonly busy?: string;
  readonly answer?: ActionAnswerState;
  readonly run: (verb: string, data?: Readonly<Record<string, unknown>>) => Promise<void>;
  readonly clear: () => void;
}

export function useActions(api: TabApi, afterEach: () => void): Actions {
  const [busy, setBusy] = useState<string | undefined>(undefined);
  const [answer, setAnswer] = useState<ActionAnswerState | undefined>(undefined);
  const running = useRef(false);

  const run = useCallback(
    async (verb: string, data: Readonly<Record<string, unknown>> = {}) => {
      // One at a time: a second press while the first is on its way would repeat it.
      if (running.current) return;
      running.current = true;
      setBusy(verb);
      try {
        const outcome = await api.act(verb, data);
        if (outcome.kind === 'done') {
          const { message, card } = outcome.answer;
          setAnswer({ verb, ...(message ? { message } : {}), ...(card ? { card } : {}), ...(outcome.answer.ok ? {} : { failed: true }) });
        } else {
          setAnswer({ verb, message: outcome.message, failed: true });
        }
      } finally {
        running.current = false;
        setBusy(undefined);
        afterEach();
      }
    },
    [api, afterEach],
  );

  return { busy, answer, run, clear: useCallback(() => setAnswer(undefined), []) };
}
