/**
 * Time left on the current item, from what the server said. The server sends the seconds left
 * when it answered; the tab counts down from there with the page's monotonic clock, so a device
 * whose clock is wrong still shows the right time.
 */

/** Seconds left now, given what the server said and when (performance.now()) it arrived. */
export function secondsLeft(serverSeconds: number, receivedAt: number, now: number, running: boolean): number {
  if (!running) return serverSeconds;
  // A tick taken before the answer arrived counts as no time passed.
  return Math.round(serverSeconds - Math.max(0, now - receivedAt) / 1000);
}

/** "12:05", "1:02:05", or "3:10 over" once it has run over. */
export function clockText(seconds: number): string {
  const over = seconds < 0;
  const total = Math.abs(Math.trunc(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  const text = h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
  return over ? `${text} over` : text;
}

/** Words for a screen reader: "12 minutes left", "less than a minute left", "3 minutes over". */
export function spokenTime(seconds: number): string {
  if (seconds >= 0 && seconds < 60) return 'less than a minute left';
  const minutes = Math.floor(Math.abs(seconds) / 60);
  const unit = minutes === 1 ? 'minute' : 'minutes';
  return seconds < 0 ? `${minutes} ${unit} over` : `${minutes} ${unit} left`;
}

/** A time of day in the reader's own time zone, e.g. "10:45". */
export function timeOfDay(iso: string, locale = 'en-GB'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return date.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
}

/** "5 minutes" / "1 minute". */
export function minutesText(minutes: number): string {
  return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
}
