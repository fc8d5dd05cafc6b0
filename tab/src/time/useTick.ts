import { useEffect, useState } from 'react';

/** performance.now(), refreshed every second while `active`. */
export function useTick(active: boolean): number {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (!active) return undefined;
    const timer = setInterval(() => setNow(performance.now()), 1_000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}
