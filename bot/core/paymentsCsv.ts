/**
 * The finance file for one session's payments: one row per person, safe to open in a spreadsheet
 * (csv.ts neutralises cells that would run as formulas, such as a name typed as "=HYPERLINK(…)").
 * Names and contacts come from the organiser's "who is this" link, never from Teams ids. The
 * reason someone declined is left out on purpose: finance needs to know not to pay, not why.
 */
import { csvDocument, type CellValue } from './csv';
import { formatMoney, type ExpenseKind, type PaymentLine, type WhoIsThis } from './payments';

export interface PaymentsCsvWords {
  readonly columns: readonly string[];
  readonly statuses: Readonly<Record<PaymentLine['status'], string>>;
  readonly methods: Readonly<Record<PaymentLine['method'], string>>;
  readonly expenses: Readonly<Record<ExpenseKind, string>>;
  /** For a person the organiser has not named yet. */
  readonly unnamed: string;
}

export interface PaymentsCsvRow {
  readonly line: PaymentLine;
  readonly whoIsThis?: WhoIsThis;
  /** The Teams display name, used only when the organiser has not named the person. */
  readonly displayName?: string;
}

export function paymentsCsv(rows: readonly PaymentsCsvRow[], words: PaymentsCsvWords, sessionDate: string): string {
  const sorted = [...rows].sort((a, b) => nameOf(a, words).localeCompare(nameOf(b, words), 'en-GB'));
  const lines: CellValue[][] = sorted.map((row) => {
    const { line } = row;
    const expenses = line.expenses.map((e) => `${words.expenses[e.kind]} ${formatMoney(e.amountMinor, line.currency)}`).join('; ');
    return [
      nameOf(row, words),
      row.whoIsThis?.contact ?? '',
      sessionDate,
      line.minutes,
      line.prepMinutes,
      expenses,
      (line.amountMinor / 100).toFixed(2),
      line.currency,
      words.methods[line.method],
      words.statuses[line.status],
      line.confirmedAt?.slice(0, 10) ?? '',
      line.settledAt?.slice(0, 10) ?? '',
    ];
  });
  return csvDocument([words.columns, ...lines]);
}

function nameOf(row: PaymentsCsvRow, words: PaymentsCsvWords): string {
  return row.whoIsThis?.name ?? row.displayName ?? words.unnamed;
}
