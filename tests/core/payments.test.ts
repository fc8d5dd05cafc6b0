import { attendanceMinutes, confirmLine, decideRate, formatMoney, overdueLines, proposeLine, settleLine, statusForPerson, type PaymentRate } from '../../bot/core/payments';
import { paymentsCsv } from '../../bot/core/paymentsCsv';

const NOW = new Date('2026-11-26T13:00:00Z');
const window = { start: new Date('2026-11-26T10:00:00Z'), end: new Date('2026-11-26T12:00:00Z') };

function rate(overrides: Record<string, unknown> = {}): PaymentRate {
  const decided = decideRate({ perHourMinor: 2500, prepMinutes: 30, ...overrides }, NOW);
  if (!decided.ok) throw new Error(decided.problems.join(' '));
  return decided.value;
}

test('there is no built-in rate: the organiser sets it, and nonsense is refused', () => {
  expect(decideRate({}, NOW).ok).toBe(false);
  expect(decideRate({ perHourMinor: -1 }, NOW).ok).toBe(false);
  expect(decideRate({ perHourMinor: 2500, currency: 'pounds' }, NOW).ok).toBe(false);
  expect(rate()).toMatchObject({ currency: 'GBP', perHourMinor: 2500, prepMinutes: 30, reminderDays: 14, vouchersOffered: false });
});

test('minutes come from attendance within the session, ending when the person left', () => {
  expect(attendanceMinutes({ firstSeenAt: '2026-11-26T09:50:00Z', updatedAt: '2026-11-26T11:00:00Z', present: true }, window)).toBe(120);
  expect(attendanceMinutes({ firstSeenAt: '2026-11-26T10:30:00Z', updatedAt: '2026-11-26T11:15:00Z', present: false }, window)).toBe(45);
  expect(attendanceMinutes({ firstSeenAt: '2026-11-26T12:30:00Z', updatedAt: '2026-11-26T12:40:00Z', present: false }, window)).toBe(0);
});

test('a proposal is confirmed with expenses, then paid; a confirmed line is never re-proposed', () => {
  const proposed = proposeLine(undefined, 'who-ash', 120, rate(), NOW);
  expect(proposed).toMatchObject({ amountMinor: 6250, status: 'proposed', method: 'usual' });
  if (!proposed) return;
  const confirmed = confirmLine(proposed, { expenses: [{ kind: 'travel', amountMinor: 840 }, { kind: 'carerCover', amountMinor: 3000 }] }, rate(), NOW);
  if (!confirmed.ok) throw new Error(confirmed.problems.join(' '));
  expect(confirmed.value).toMatchObject({ status: 'due', amountMinor: 6250 + 840 + 3000 });
  expect(proposeLine(confirmed.value, 'who-ash', 10, rate(), NOW)).toBeUndefined();
  expect(confirmLine(proposed, { method: 'voucher' }, rate(), NOW).ok).toBe(false);
  expect(confirmLine(proposed, { method: 'voucher' }, rate({ vouchersOffered: true }), NOW).ok).toBe(true);
  const paid = settleLine(confirmed.value, 'paid', undefined, NOW);
  expect(paid.ok && statusForPerson(paid.value)).toBe('paid');
});

test('a declined line keeps its reason for the organiser, and the person is told nothing about it', () => {
  const proposed = proposeLine(undefined, 'who-gabi', 60, rate(), NOW);
  if (!proposed) throw new Error('no line');
  const confirmed = confirmLine(proposed, {}, rate(), NOW);
  if (!confirmed.ok) throw new Error('not confirmed');
  const declined = settleLine(confirmed.value, 'declined', 'It would affect their benefits', NOW);
  expect(declined.ok && declined.value.declinedReason).toBe('It would affect their benefits');
  expect(declined.ok && statusForPerson(declined.value)).toBeUndefined();
  expect(settleLine(proposed, 'paid', undefined, NOW).ok).toBe(false);
});

test('lines still due after the reminder period are overdue', () => {
  const proposed = proposeLine(undefined, 'w', 60, rate(), NOW);
  if (!proposed) throw new Error('no line');
  const confirmed = confirmLine(proposed, {}, rate(), NOW);
  if (!confirmed.ok) throw new Error('not confirmed');
  expect(overdueLines([confirmed.value], 14, new Date(NOW.getTime() + 13 * 86_400_000))).toHaveLength(0);
  expect(overdueLines([confirmed.value], 14, new Date(NOW.getTime() + 14 * 86_400_000))).toHaveLength(1);
});

test('the finance file is safe to open and leaves out why someone declined', () => {
  const proposed = proposeLine(undefined, 'w', 60, rate(), NOW);
  if (!proposed) throw new Error('no line');
  const confirmed = confirmLine(proposed, {}, rate(), NOW);
  if (!confirmed.ok) throw new Error('not confirmed');
  const declined = settleLine(confirmed.value, 'declined', 'Benefits reason', NOW);
  if (!declined.ok) throw new Error('not declined');
  const csv = paymentsCsv(
    [{ line: declined.value, whoIsThis: { name: '=HYPERLINK("http://x")', contact: '+44 7700 900000' } }],
    { columns: ['Name', 'Contact', 'Date', 'Minutes', 'Prep', 'Expenses', 'Amount', 'Currency', 'Method', 'Status', 'Confirmed', 'Settled'], statuses: { proposed: 'P', due: 'D', paid: 'Paid', declined: 'Declined' }, methods: { usual: 'Usual', voucher: 'Voucher' }, expenses: { travel: 'T', carerCover: 'C', data: 'D', other: 'O' }, unnamed: '?' },
    '2026-11-26',
  );
  expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
  expect(csv).toContain(`"'+44 7700 900000"`);
  expect(csv).toContain('"Declined"');
  expect(csv).not.toContain('Benefits');
  expect(formatMoney(6250, 'GBP')).toBe('£62.50');
});
