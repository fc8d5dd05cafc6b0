/**
 * Paying people for their time (the guide: pay people, pay promptly, with a simple process).
 * Coproduce proposes a line for each person from attendance (minutes) plus preparation time and
 * expenses; the organiser confirms it, and marks it paid or declined. There is no built-in rate:
 * the organiser sets the programme's. Some people cannot accept payment (benefits rules), so
 * "declined" and its reason exist only in the organiser's view and the finance file, never in a
 * chat. Money is kept in minor units (pence) as whole numbers.
 *
 * Table 'payments': partition = session key, rows 'line|<who>' and 'contact|<who>' (the "who is
 * this" link: a name and contact the organiser keeps, outside Teams ids). Table 'paymentRates':
 * partition = 'programme|<id>' or the session key when there is no programme, row 'rate'.
 */
import { ok, refused, type Result } from './result';

export const PAYMENTS_TABLE = 'payments';
export const PAYMENT_RATES_TABLE = 'paymentRates';
export const LINE_PREFIX = 'line|';
export const CONTACT_PREFIX = 'contact|';
export const DEFAULT_REMINDER_DAYS = 14;
export const MAX_MINOR_AMOUNT = 10_000_000; // £100,000: anything more is a typing slip
export const MAX_MINUTES = 24 * 60;

export const EXPENSE_KINDS = ['travel', 'carerCover', 'data', 'other'] as const;
export type ExpenseKind = (typeof EXPENSE_KINDS)[number];
export type PaymentStatus = 'proposed' | 'due' | 'paid' | 'declined';
/** Bank transfer (or however the organisation usually pays) is the default; vouchers only if chosen. */
export type PaymentMethod = 'usual' | 'voucher';

export interface PaymentRate {
  /** ISO 4217, e.g. GBP. */
  readonly currency: string;
  /** Per hour, in minor units. */
  readonly perHourMinor: number;
  /** Preparation time proposed for everyone, in minutes; the organiser changes it per person. */
  readonly prepMinutes: number;
  readonly reminderDays: number;
  /** Vouchers may be offered; never the default. */
  readonly vouchersOffered: boolean;
  readonly setAt: string;
}

export interface Expense {
  readonly kind: ExpenseKind;
  readonly amountMinor: number;
}

export interface PaymentLine {
  readonly who: string;
  readonly minutes: number;
  readonly prepMinutes: number;
  readonly expenses: readonly Expense[];
  readonly amountMinor: number;
  readonly currency: string;
  readonly method: PaymentMethod;
  readonly status: PaymentStatus;
  /** Organiser view and finance only, never a chat. */
  readonly declinedReason?: string;
  readonly proposedAt: string;
  readonly confirmedAt?: string;
  readonly settledAt?: string;
}

export interface WhoIsThis {
  readonly name: string;
  readonly contact?: string;
}

const whole = (value: unknown, max: number): number | undefined =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max ? value : undefined;

export function decideRate(input: { currency?: unknown; perHourMinor?: unknown; prepMinutes?: unknown; reminderDays?: unknown; vouchersOffered?: unknown }, now: Date): Result<PaymentRate> {
  const currency = typeof input.currency === 'string' && /^[A-Z]{3}$/.test(input.currency) ? input.currency : input.currency === undefined ? 'GBP' : undefined;
  const perHourMinor = whole(input.perHourMinor, MAX_MINOR_AMOUNT);
  const prepMinutes = input.prepMinutes === undefined ? 0 : whole(input.prepMinutes, MAX_MINUTES);
  const reminderDays = input.reminderDays === undefined ? DEFAULT_REMINDER_DAYS : whole(input.reminderDays, 365);
  const problems: string[] = [];
  if (!currency) problems.push('Give the currency as three capital letters, for example GBP.');
  if (perHourMinor === undefined) problems.push('Give the hourly rate in pence as a whole number, for example 2500 for £25.');
  if (prepMinutes === undefined) problems.push('Give the preparation time as whole minutes.');
  if (reminderDays === undefined || reminderDays === 0) problems.push('Give the number of days before a reminder, from 1 to 365.');
  if (problems.length > 0 || !currency || perHourMinor === undefined || prepMinutes === undefined || !reminderDays) return refused(...problems);
  return ok({ currency, perHourMinor, prepMinutes, reminderDays, vouchersOffered: input.vouchersOffered === true, setAt: now.toISOString() });
}

/**
 * Minutes someone was there, from their attendance row: from when we first saw them to when they
 * left (or the session's end when they were still there), within the session's window. Join and
 * leave events may be missing, so this is a proposal the organiser checks, never a final figure.
 */
export function attendanceMinutes(record: { readonly firstSeenAt: string; readonly updatedAt: string; readonly present: boolean }, window: { readonly start: Date; readonly end: Date }): number {
  const start = Math.max(Date.parse(record.firstSeenAt), window.start.getTime());
  const leftAt = record.present ? window.end.getTime() : Date.parse(record.updatedAt);
  const end = Math.min(leftAt, window.end.getTime());
  if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start) return 0;
  return Math.round((end - start) / 60_000);
}

export function lineAmount(rate: Pick<PaymentRate, 'perHourMinor'>, minutes: number, prepMinutes: number, expenses: readonly Expense[]): number {
  const time = Math.round((rate.perHourMinor * (minutes + prepMinutes)) / 60);
  return time + expenses.reduce((sum, e) => sum + e.amountMinor, 0);
}

/** A fresh proposal; an existing line the organiser has confirmed or settled is never replaced. */
export function proposeLine(existing: PaymentLine | undefined, who: string, minutes: number, rate: PaymentRate, now: Date): PaymentLine | undefined {
  if (existing && existing.status !== 'proposed') return undefined;
  const prepMinutes = existing?.prepMinutes ?? rate.prepMinutes;
  const expenses = existing?.expenses ?? [];
  return {
    who,
    minutes,
    prepMinutes,
    expenses,
    amountMinor: lineAmount(rate, minutes, prepMinutes, expenses),
    currency: rate.currency,
    method: existing?.method ?? 'usual',
    status: 'proposed',
    proposedAt: now.toISOString(),
  };
}

export interface LineEdits {
  readonly minutes?: unknown;
  readonly prepMinutes?: unknown;
  readonly expenses?: readonly { readonly kind?: unknown; readonly amountMinor?: unknown }[];
  readonly method?: unknown;
}

/** The organiser confirms a line, with any corrections; it becomes due. */
export function confirmLine(line: PaymentLine, edits: LineEdits, rate: PaymentRate, now: Date): Result<PaymentLine> {
  if (line.status !== 'proposed' && line.status !== 'due') return refused('This payment is already settled, so it cannot be changed.');
  const minutes = edits.minutes === undefined ? line.minutes : whole(edits.minutes, MAX_MINUTES);
  const prepMinutes = edits.prepMinutes === undefined ? line.prepMinutes : whole(edits.prepMinutes, MAX_MINUTES);
  if (minutes === undefined || prepMinutes === undefined) return refused('Give the minutes as whole numbers from 0 to 1440.');
  const expenses: Expense[] = [];
  for (const raw of edits.expenses ?? line.expenses) {
    const kind = EXPENSE_KINDS.find((k) => k === raw.kind);
    const amountMinor = whole(raw.amountMinor, MAX_MINOR_AMOUNT);
    if (!kind || amountMinor === undefined) return refused('Each expense needs a kind (travel, carer cover, data or other) and an amount in pence.');
    if (amountMinor > 0) expenses.push({ kind, amountMinor });
  }
  const method = edits.method === undefined ? line.method : edits.method === 'voucher' || edits.method === 'usual' ? edits.method : undefined;
  if (!method) return refused('Choose how to pay: the usual way or a voucher.');
  if (method === 'voucher' && !rate.vouchersOffered) return refused('Vouchers are not offered for this programme. Turn them on in the rate settings first.');
  return ok({
    ...line,
    minutes,
    prepMinutes,
    expenses,
    method,
    amountMinor: lineAmount(rate, minutes, prepMinutes, expenses),
    currency: rate.currency,
    status: 'due',
    confirmedAt: line.confirmedAt ?? now.toISOString(),
  });
}

/** Paid or declined (with a reason, kept for the organiser only); due again undoes a slip. */
export function settleLine(line: PaymentLine, status: 'paid' | 'declined' | 'due', reason: unknown, now: Date): Result<PaymentLine> {
  if (line.status === 'proposed') return refused('Confirm this payment before marking it paid or declined.');
  const { declinedReason: _old, settledAt: _at, ...rest } = line;
  if (status === 'due') return ok({ ...rest, status });
  if (status === 'paid') return ok({ ...rest, status, settledAt: now.toISOString() });
  const text = typeof reason === 'string' && reason.trim() !== '' ? reason.trim() : undefined;
  if (text && [...text].length > 500) return refused('Please keep the reason to 500 characters or fewer.');
  return ok({ ...rest, status, settledAt: now.toISOString(), ...(text ? { declinedReason: text } : {}) });
}

/** Lines still due `days` or more after they were confirmed. */
export function overdueLines(lines: readonly PaymentLine[], days: number, now: Date): PaymentLine[] {
  return lines.filter((l) => l.status === 'due' && l.confirmedAt !== undefined && now.getTime() - Date.parse(l.confirmedAt) >= days * 86_400_000);
}

/** What the person themselves may be told in their thanks: due or paid, nothing else. */
export function statusForPerson(line: PaymentLine | undefined): 'due' | 'paid' | undefined {
  return line?.status === 'due' || line?.status === 'paid' ? line.status : undefined;
}

/** "£12.50" in the line's currency, for the organiser's view and the finance file. */
export function formatMoney(amountMinor: number, currency: string): string {
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(amountMinor / 100);
}

export function parseJson<T>(json: unknown, check: (value: Partial<T>) => boolean): T | undefined {
  if (typeof json !== 'string') return undefined;
  try {
    const value = JSON.parse(json) as Partial<T>;
    return check(value) ? (value as T) : undefined;
  } catch {
    return undefined;
  }
}

export const lineFromJson = (json: unknown) =>
  parseJson<PaymentLine>(json, (v) => typeof v.who === 'string' && typeof v.amountMinor === 'number' && typeof v.status === 'string' && Array.isArray(v.expenses));
export const rateFromJson = (json: unknown) => parseJson<PaymentRate>(json, (v) => typeof v.perHourMinor === 'number' && typeof v.currency === 'string');
export const whoIsThisFromJson = (json: unknown) => parseJson<WhoIsThis>(json, (v) => typeof v.name === 'string');
