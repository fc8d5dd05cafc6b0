/**
 * Spreadsheet files (CSV) for the organiser view: attendance, sense-checks and actions. Pure, and
 * safe to open: core/csv.ts quotes every cell and neutralises ones that would run as formulas.
 * Sense-check answers appear as counts and unnamed comments, never who said what.
 */
import type { FollowAction } from '../core/actions';
import type { AttendanceRecord } from '../core/attendance';
import { csvDocument } from '../core/csv';
import type { Answer, SenseCheck } from '../core/senseCheck';
import { followUpStrings } from '../cards/strings/followUp.en-GB';

const words = followUpStrings.exports;
const yesNo = (value: boolean) => (value ? words.yes : words.no);

export function attendanceCsv(records: readonly AttendanceRecord[]): string {
  const rows = [...records]
    .sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '', 'en-GB') || a.firstSeenAt.localeCompare(b.firstSeenAt))
    .map((r) => [r.name ?? words.noName, r.firstSeenAt, yesNo(r.present), yesNo(r.answeredCard), yesNo(r.wroteInChat), yesNo(r.joinedByEvent), yesNo(r.markedByFacilitator)]);
  return csvDocument([words.attendance, ...rows]);
}

export function senseChecksCsv(checks: readonly { readonly check: SenseCheck; readonly answers: readonly Answer[] }[]): string {
  const rows = [...checks]
    .sort((a, b) => a.check.openedAt.getTime() - b.check.openedAt.getTime())
    .flatMap(({ check, answers }, c) =>
      check.statements.map((statement, index) => {
        const latest = new Map<string, Answer>();
        for (const a of answers.filter((x) => x.statementIndex === index)) {
          const seen = latest.get(a.respondent);
          if (!seen || seen.answeredAt.getTime() <= a.answeredAt.getTime()) latest.set(a.respondent, a);
        }
        const given = [...latest.values()];
        const count = (level: Answer['level']) => given.filter((a) => a.level === level).length;
        const missed = given.flatMap((a) => (a.missed ? [a.missed] : [])).sort((x, y) => x.localeCompare(y, 'en-GB'));
        return [c + 1, check.openedAt.toISOString(), index + 1, statement, given.length, count('agree'), count('partly'), count('disagree'), missed.join(' | ')];
      }),
    );
  return csvDocument([words.senseChecks, ...rows]);
}

export function actionsCsv(actions: readonly FollowAction[]): string {
  const statuses = followUpStrings.actions.statuses;
  const rows = actions.map((a) => [a.what, a.owner ?? '', a.due ?? '', statuses[a.status], a.statusNote ?? '', a.sources.length, a.updatedAt]);
  return csvDocument([words.actions, ...rows]);
}
