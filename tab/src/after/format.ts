/**
 * Dates, times and amounts as the "After the meeting" screens print them, in the reader's own
 * time zone (the tab runs on their device). Calendar dates (`YYYY-MM-DD`) have no zone: they are
 * printed as the day they name, wherever the reader is.
 */
export { formatMoney } from '../../../bot/core/payments';

/** Fills `{name}` places in a sentence from the server's catalogue. */
export function fill(words: string, values: Readonly<Record<string, string | number>>): string {
  return words.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** "26 November 2026" for `2026-11-26`. */
export function longDate(date: string): string {
  const at = new Date(`${date}T12:00:00Z`);
  return Number.isNaN(at.getTime()) ? date : new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(at);
}

/** "10:45" for an instant, in the reader's zone. */
export function timeOf(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? '' : new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' }).format(at);
}

/** "26 Nov, 10:45" for an instant, in the reader's zone. */
export function dayAndTime(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? '' : new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(at);
}

/** Pounds and pence as typed ("8.40", "£8", "8") to pence; undefined for anything else. */
export function penceOf(typed: string): number | undefined {
  const cleaned = typed.replace(/[£,\s]/g, '');
  if (cleaned === '') return 0;
  if (!/^\d{1,6}(\.\d{1,2})?$/.test(cleaned)) return undefined;
  return Math.round(Number(cleaned) * 100);
}

/** Pence as the organiser would type it back ("8.40"); empty for nothing. */
export function poundsOf(pence: number | undefined): string {
  return pence ? (pence / 100).toFixed(2) : '';
}

/** Whole minutes as typed; undefined for anything else. */
export function minutesOf(typed: string): number | undefined {
  return /^\d{1,4}$/.test(typed.trim()) ? Number(typed.trim()) : undefined;
}
