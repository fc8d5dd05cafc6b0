/**
 * CSV that is safe to open in a spreadsheet. A cell that starts with = + - @ (or a tab, a
 * carriage return or another control character) is read by Excel, LibreOffice and Google Sheets
 * as a formula, so a name typed as `=HYPERLINK(...)` could run when an organiser opens the file.
 * Such cells get a leading apostrophe, which spreadsheets show as plain text. Every cell is
 * quoted and quotes are doubled (RFC 4180), so commas and line breaks stay inside their cell.
 *
 * Also builds a session's consent record for organisers (pure: the caller loads the rows).
 */
import type { ConsentEvent } from './consentLedger';
import type { ConsentPerson } from './consentPeople';
import type { ConsentEventKind, ConsentMethod, ConsentScope } from './consentScopes';

// Full-width look-alikes too: some spreadsheets fold them to the ASCII operators.
const FORMULA_START = /^[=+\-@\u0000-\u001f\u007f\uff1d\uff0b\uff0d\uff20]/;

export type CellValue = string | number | boolean | null | undefined;

export function csvCell(value: CellValue): string {
  const text = value === null || value === undefined ? '' : String(value);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function csvLine(cells: readonly CellValue[]): string {
  return cells.map(csvCell).join(',');
}

/** Lines end with CRLF, as RFC 4180 and spreadsheets expect. */
export function csvDocument(lines: readonly (readonly CellValue[])[]): string {
  return lines.map(csvLine).join('\r\n') + '\r\n';
}

// ---------------------------------------------------------------------------------------------
// The consent record of one session.
// ---------------------------------------------------------------------------------------------

/** The words the record uses; the caller passes the catalogue's, so the core holds no copy. */
export interface ConsentRecordWords {
  readonly columns: readonly string[];
  readonly scopes: Readonly<Record<ConsentScope, string>>;
  readonly kinds: Readonly<Record<ConsentEventKind, string>>;
  readonly methods: Readonly<Record<ConsentMethod, string>>;
  readonly yes: string;
  readonly no: string;
  /** For a person whose data was erased (or whose person row is missing). */
  readonly erased: string;
  readonly noName: string;
  /** The first line: chain head and verification, from `ConsentRecordSummary`. */
  readonly summary: (summary: ConsentRecordSummary) => string;
}

export interface ConsentRecordSummary {
  /** Hash of the newest sealed block, when anything is sealed. */
  readonly head?: string;
  readonly verified: boolean;
  readonly sealedEvents: number;
  readonly unsealedEvents: number;
  readonly problems: readonly string[];
}

export interface ConsentRecordInput {
  readonly events: readonly ConsentEvent[];
  /** Person rows of the session: erased people have none. */
  readonly people: readonly ConsentPerson[];
  readonly summary: ConsentRecordSummary;
}

/** Oldest first; a header comment line with the chain head and whether it verified. */
export function consentRecordCsv(input: ConsentRecordInput, words: ConsentRecordWords): string {
  const bySubject = new Map(input.people.map((p) => [p.subjectId, p]));
  const ordered = [...input.events].sort(
    (a, b) => a.at.localeCompare(b.at) || a.subjectId.localeCompare(b.subjectId) || a.seq - b.seq,
  );
  const rows = ordered.map((event) => {
    const person = bySubject.get(event.subjectId);
    return [
      person ? (person.name ?? words.noName) : words.erased,
      words.scopes[event.scope],
      words.kinds[event.kind],
      words.methods[event.method],
      event.actorSubjectId !== event.subjectId ? words.yes : words.no,
      event.wording.variant,
      event.wording.hash,
      event.at,
    ];
  });
  // A bare `#` line, as CSV readers with comment support expect; it holds only our words,
  // hashes and numbers, and anything that could split it into cells is blanked.
  const comment = `# ${words.summary(input.summary)}`.replace(/[\r\n",\u0000-\u001f]/g, ' ');
  return `${comment}\r\n${csvDocument([words.columns, ...rows])}`;
}
