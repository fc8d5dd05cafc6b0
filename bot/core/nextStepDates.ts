/**
 * Calendar dates for next steps and follow-ups. Teams' date picker gives a plain `YYYY-MM-DD`,
 * but cards show dates with `{{DATE(...)}}`, which needs an instant and shows it in each reader's
 * own time zone. Midday in the facilitator's time zone keeps the same calendar date for readers
 * up to eleven hours either side of them, which covers the people in one UK session and more.
 */

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD` (no 31 February). */
export function isCalendarDate(value: string): boolean {
  const match = DATE_ONLY.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A time zone this runtime knows, else UTC. */
export function knownTimeZone(zone: string | undefined): string {
  if (!zone || zone.length > 64) return 'UTC';
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return zone;
  } catch {
    return 'UTC';
  }
}

/** The calendar date it is at `now` in `timeZone`, as `YYYY-MM-DD`. */
export function dateIn(now: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: knownTimeZone(timeZone), year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Whole days from `from` to `to`, both `YYYY-MM-DD`. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** How far ahead of UTC the zone's clocks are at this instant, in milliseconds. */
function zoneOffsetMs(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** 12:00 on that calendar date in `timeZone`, as an instant. The date must be a calendar date. */
export function middayIn(date: string, timeZone: string): Date {
  const zone = knownTimeZone(timeZone);
  const [year, month, day] = date.split('-').map(Number);
  const noonUtc = Date.UTC(year, month - 1, day, 12);
  // Twice: the offset at the first guess may differ from the offset at the answer near a clock change.
  let guess = noonUtc - zoneOffsetMs(new Date(noonUtc), zone);
  guess = noonUtc - zoneOffsetMs(new Date(guess), zone);
  return new Date(guess);
}
