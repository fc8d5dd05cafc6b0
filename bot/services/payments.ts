/**
 * Payments, for the organiser view in the tab (its API checks the caller is a facilitator of the
 * session before calling these). Lines are proposed from attendance and the programme's rate,
 * confirmed by the organiser, then marked paid or declined. A line still due N days after it was
 * confirmed gets the organisers a reminder in their 1:1 chats: a count and a pointer to the tab,
 * never an amount, a name or a reason. A person hears only "your payment: due / paid".
 */
import { confirmLine, decideRate, overdueLines, proposeLine, settleLine, attendanceMinutes, type LineEdits, type PaymentLine, type PaymentRate, type WhoIsThis } from '../core/payments';
import { paymentsCsv as buildCsv } from '../core/paymentsCsv';
import { loadSession } from '../core/sessionStore';
import type { Session } from '../core/session';
import { refused, ok, type Result } from '../core/result';
import { dayOf } from '../cards/digestCard';
import { fill } from '../cards/senseCheckCard';
import { followUpStrings } from '../cards/strings/followUp.en-GB';
import { cardDate } from '../cards/text';
import { loadAttendance } from './attendance';
import type { ServiceJobHandler } from './capability';
import { attendanceWho } from './consentPicture';
import type { ServiceDeps } from './deps';
import { loadLines, loadRate, loadStoredLine, loadWhoIsThis, saveLine, saveRate, saveWhoIsThis } from './paymentsStore';
import { tellPrivately } from './privateChat';
import { participantsOf, personKeyFromWho } from './thanksPeople';

export const PAYMENTS_OVERDUE_JOB = 'followUp.paymentsOverdue';
const text = followUpStrings.payments;

export async function setPaymentRate(deps: ServiceDeps, session: Session, input: Parameters<typeof decideRate>[0], now: Date): Promise<Result<PaymentRate>> {
  const decided = decideRate(input, now);
  if (decided.ok) await saveRate(deps.store, session, decided.value);
  return decided;
}

async function sessionWindow(deps: ServiceDeps, session: Session, now: Date): Promise<{ start: Date; end: Date }> {
  const info = await deps.directory.meetingInfo({ meetingId: session.meetingId, conversationId: session.conversationId }).catch(() => undefined);
  const start = Date.parse(info?.scheduledStart ?? '');
  const end = Date.parse(info?.scheduledEnd ?? '');
  const dayStart = Date.parse(`${session.occurrence}T00:00:00Z`);
  return { start: new Date(Number.isFinite(start) ? start : dayStart), end: new Date(Number.isFinite(end) ? Math.min(end, now.getTime()) : now.getTime()) };
}

/** Proposes (or refreshes unconfirmed) lines for everyone who took part. Needs a rate first. */
export async function proposePayments(deps: ServiceDeps, session: Session, now: Date): Promise<Result<PaymentLine[]>> {
  const rate = await loadRate(deps.store, session);
  if (!rate) return refused('Set the programme’s hourly rate first. Coproduce has no built-in amount.');
  const window = await sessionWindow(deps, session, now);
  const people = new Set((await participantsOf(deps, session)).map((p) => p.who));
  const minutesByWho = new Map<string, number>();
  for (const record of await loadAttendance(deps, session.sessionKey)) {
    const who = attendanceWho(record);
    if (people.has(who)) minutesByWho.set(who, Math.max(minutesByWho.get(who) ?? 0, attendanceMinutes(record, window)));
  }
  const lines: PaymentLine[] = [];
  for (const [who, minutes] of minutesByWho) {
    const stored = await loadStoredLine(deps.store, session.sessionKey, who);
    const proposed = proposeLine(stored?.line, who, minutes, rate, now);
    if (proposed && (await saveLine(deps.store, session.sessionKey, proposed, stored?.etag))) lines.push(proposed);
    else if (stored) lines.push(stored.line);
  }
  deps.logger.info({ lines: lines.length }, 'payments proposed');
  return ok(lines);
}

async function changeLine(deps: ServiceDeps, session: Session, who: string, decide: (line: PaymentLine) => Result<PaymentLine>): Promise<Result<PaymentLine>> {
  for (let attempt = 0; attempt < 4; attempt++) {
    const stored = await loadStoredLine(deps.store, session.sessionKey, who);
    if (!stored) return refused('There is no payment for that person yet. Propose the payments first.');
    const decided = decide(stored.line);
    if (!decided.ok) return decided;
    if (await saveLine(deps.store, session.sessionKey, decided.value, stored.etag)) return decided;
  }
  return refused('Someone else is changing this payment right now. Please try again.');
}

export async function confirmPayment(deps: ServiceDeps, session: Session, who: string, edits: LineEdits, now: Date): Promise<Result<PaymentLine>> {
  const rate = await loadRate(deps.store, session);
  if (!rate) return refused('Set the programme’s hourly rate first. Coproduce has no built-in amount.');
  const confirmed = await changeLine(deps, session, who, (line) => confirmLine(line, edits, rate, now));
  if (confirmed.ok && confirmed.value.confirmedAt) {
    const dueAt = new Date(Date.parse(confirmed.value.confirmedAt) + rate.reminderDays * 86_400_000);
    await deps.jobs.schedule({
      kind: PAYMENTS_OVERDUE_JOB,
      dueAt,
      idempotencyKey: `paymentsOverdue|${session.sessionKey}|${dueAt.toISOString().slice(0, 10)}`,
      payload: { sessionKey: session.sessionKey },
    });
  }
  return confirmed;
}

export async function settlePayment(deps: ServiceDeps, session: Session, who: string, status: 'paid' | 'declined' | 'due', reason: unknown, now: Date): Promise<Result<PaymentLine>> {
  const settled = await changeLine(deps, session, who, (line) => settleLine(line, status, reason, now));
  const key = personKeyFromWho(who);
  if (settled.ok && status === 'paid' && key) {
    const words = fill(text.paidNote, { date: cardDate(dayOf(session.occurrence), 'LONG') });
    await tellPrivately(deps, [key], { card: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: words, wrap: true }] } }, `paid|${session.sessionKey}`);
  }
  return settled;
}

export async function setWhoIsThis(deps: ServiceDeps, session: Session, who: string, input: { readonly name?: unknown; readonly contact?: unknown }): Promise<Result<WhoIsThis>> {
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  const contact = typeof input.contact === 'string' ? input.contact.trim() : '';
  if (name === '' || [...name].length > 100) return refused('Give the person’s name, in 100 characters or fewer.');
  if ([...contact].length > 300) return refused('Please keep the contact details to 300 characters or fewer.');
  const value: WhoIsThis = { name, ...(contact ? { contact } : {}) };
  await saveWhoIsThis(deps.store, session.sessionKey, who, value);
  return ok(value);
}

export interface OrganiserPaymentRow {
  readonly who: string;
  readonly displayName?: string;
  readonly whoIsThis?: WhoIsThis;
  readonly line: PaymentLine;
}

/** The organiser view's payments: every line with its "who is this" and the Teams name. */
export async function organiserPayments(deps: ServiceDeps, session: Session): Promise<{ readonly rate?: PaymentRate; readonly rows: OrganiserPaymentRow[] }> {
  const [rate, lines, contacts, people] = await Promise.all([loadRate(deps.store, session), loadLines(deps.store, session.sessionKey), loadWhoIsThis(deps.store, session.sessionKey), participantsOf(deps, session)]);
  const names = new Map(people.flatMap((p) => (p.name ? [[p.who, p.name] as const] : [])));
  const rows = lines.map((line) => {
    const whoIsThis = contacts.get(line.who);
    const displayName = names.get(line.who);
    return { who: line.who, line, ...(whoIsThis ? { whoIsThis } : {}), ...(displayName ? { displayName } : {}) };
  });
  return { ...(rate ? { rate } : {}), rows };
}

/** The finance file, safe to open in a spreadsheet. */
export async function paymentsCsvFor(deps: ServiceDeps, session: Session): Promise<string> {
  const { rows } = await organiserPayments(deps, session);
  deps.logger.info({ lines: rows.length }, 'payments exported');
  return buildCsv(rows, { columns: text.columns, statuses: text.statuses, methods: text.methods, expenses: text.expenses, unnamed: text.unnamed }, session.occurrence);
}

export const paymentsOverdueJob: ServiceJobHandler = async (job, now, deps) => {
  const sessionKey = job.payload.sessionKey;
  if (typeof sessionKey !== 'string') return { drop: 'badPayload' };
  const stored = await loadSession(deps.store, sessionKey);
  if (!stored) return { drop: 'sessionGone' };
  const session = stored.session;
  const rate = await loadRate(deps.store, session);
  const overdue = overdueLines(await loadLines(deps.store, sessionKey), rate?.reminderDays ?? 14, now);
  if (overdue.length === 0) return { drop: 'nothingDue' };
  const date = cardDate(dayOf(session.occurrence), 'LONG');
  const days = rate?.reminderDays ?? 14;
  const words = overdue.length === 1 ? fill(text.overdueOne, { date, days }) : fill(text.overdue, { count: overdue.length, date, days });
  const card = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: words, wrap: true }] };
  await tellPrivately(deps, session.facilitators, { card }, `paymentsOverdue|${job.id}`);
  deps.logger.info({ overdue: overdue.length }, 'payments overdue reminder');
  return 'done';
};
