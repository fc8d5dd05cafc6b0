/**
 * A polite live region for the timer. Screen readers hear the time left at most once a minute
 * (and when the item changes, once that minute is up), never every second.
 */
import { useEffect, useRef, useState } from 'react';

const MIN_GAP_MS = 60_000;

export function TimerAnnouncer({ message, now }: { readonly message: string | undefined; readonly now: number }) {
  const [spoken, setSpoken] = useState('');
  const lastAt = useRef<number | undefined>(undefined);
  const lastMessage = useRef<string | undefined>(undefined);

  useEffect(() => {
    if (!message || message === lastMessage.current) return;
    if (lastAt.current !== undefined && now - lastAt.current < MIN_GAP_MS) return;
    lastAt.current = now;
    lastMessage.current = message;
    setSpoken(message);
  }, [message, now]);

  return (
    <div aria-live="polite" aria-atomic="true" className="visually-hidden" data-testid="timer-announcer">
      {spoken}
    </div>
  );
}
