/**
 * Amounts as people type them ("25", "£25.50", "1,200") and as the payments area keeps them
 * (whole minor units: pence). The tab converts with these before sending a rate, so the server
 * only ever receives whole numbers; decideRate (payments.ts) still checks the range.
 * Pure: the tab imports this file.
 */

/** Currencies the settings form offers first; any other ISO code already saved is kept. */
export const OFFERED_CURRENCIES = ['GBP', 'EUR', 'USD'] as const;

const AMOUNT = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;

/** Whole minor units from typed text, or undefined when it is not an amount. */
export function minorUnitsFromText(typed: string): number | undefined {
  const text = typed.trim().replace(/^[£€$]\s*/, '');
  const match = AMOUNT.exec(text);
  if (!match) return undefined;
  const whole = Number(match[1].replace(/,/g, ''));
  const fraction = Number((match[2] ?? '').padEnd(2, '0'));
  const minor = whole * 100 + fraction;
  return Number.isSafeInteger(minor) ? minor : undefined;
}

/** "25.00" for 2500: what the form shows for a saved rate. */
export function textFromMinorUnits(minor: number): string {
  return `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;
}
