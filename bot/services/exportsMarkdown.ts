/**
 * The full digest as a Markdown document (the "download it as a document" link and the tab's
 * export): everything the group card cuts short, nothing the group card would not show. Pure:
 * the caller passes the group's view. Everyone's words are escaped so they print exactly as typed.
 */
import type { DigestView } from '../core/digestView';
import { LADDER_RUNGS } from '../core/ladder';
import { fill } from '../cards/senseCheckCard';
import { followUpStrings } from '../cards/strings/followUp.en-GB';

const text = followUpStrings.digest;
const rungs = followUpStrings.ladder.rungs;

/** Characters Markdown gives meaning to, and line breaks, so a person's words stay plain text. */
export function escapeMarkdown(value: string): string {
  return value
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_{}[\]()<>#+\-.!|~]/g, (ch) => `\\${ch}`);
}

/** "26 November 2026" for `YYYY-MM-DD`: a document cannot show each reader's own calendar. */
export function longDate(date: string): string {
  const at = new Date(`${date}T12:00:00Z`);
  return Number.isNaN(at.getTime()) ? date : new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(at);
}

const quote = (value: string) => `- “${escapeMarkdown(value)}”`;

export function digestMarkdown(view: DigestView): string {
  const out: string[] = [`# ${text.title}`, '', fill(text.date, { date: longDate(view.occurrence) }), ''];
  out.push(`## ${text.purpose}`, '', escapeMarkdown(view.purpose.outcome), '', `## ${text.achieved}`, '');
  const { yes, partly, no } = view.purpose.verdicts;
  out.push(yes + partly + no === 0 ? text.nobodyAnswered : fill(text.verdictLine, { yes, partly, no }), '');
  if (view.purpose.reasons.length > 0) out.push(`### ${text.reasons}`, '', ...view.purpose.reasons.map(quote), '');
  out.push(view.tookPart === 1 ? text.tookPartOne : fill(text.tookPart, { count: view.tookPart }), '', text.recording[view.recording], '');

  view.senseChecks.forEach((check, c) => {
    out.push(`## ${fill(text.senseCheck, { number: c + 1 })}`, '');
    check.statements.forEach((s, i) => {
      out.push(`### ${fill(text.point, { number: i + 1 })}: ${escapeMarkdown(s.text)}`, '');
      out.push(s.answered === 0 ? text.nobodyAnswered : fill(text.splitLine, { agree: s.split.agree, partly: s.split.partly, disagree: s.split.disagree }), '');
      if (s.minority.length > 0) out.push(fill(text.minority, { levels: s.minority.map((m) => `${text.levels[m.level].toLowerCase()} (${m.count})`).join(', ') }), '');
      if (s.missed.length > 0) out.push(`${text.missed}:`, '', ...s.missed.map(quote), '');
    });
  });

  if (view.notes.length > 0) {
    out.push(`## ${text.notes} (${view.notes.length})`, '');
    for (const note of view.notes) out.push(`- ${escapeMarkdown(note.text)}${note.credit ? ` (${text.credit}${escapeMarkdown(note.credit)})` : ''}`);
    out.push('');
  }

  if (view.nextSteps.length > 0 || view.followUpDate) {
    out.push(`## ${text.nextSteps}`, '');
    for (const step of view.nextSteps) {
      const owner = step.owner ? `. ${text.who}${escapeMarkdown(step.owner)}` : '';
      const due = step.due ? `. ${fill(text.due, { date: longDate(step.due) })}` : '';
      out.push(`- ${escapeMarkdown(step.what)}${owner}${due}`);
    }
    out.push('');
    if (view.followUpDate) out.push(fill(text.followUp, { date: longDate(view.followUpDate) }), '');
  }

  out.push(`## ${text.ladder}`, '');
  const ladder = view.ladder;
  if (!ladder?.rung) out.push(text.notPlaced, '');
  else {
    out.push(fill(text.rungLine, { rung: rungs[ladder.rung], number: LADDER_RUNGS.indexOf(ladder.rung) + 1 }), '', followUpStrings.ladder.explained[ladder.rung], '');
    if (ladder.votes) {
      const votes = LADDER_RUNGS.filter((r) => (ladder.votes?.[r] ?? 0) > 0).map((r) => `${rungs[r]}: ${ladder.votes?.[r] ?? 0}`);
      if (votes.length > 0) out.push(`${text.votes}: ${votes.join('. ')}.`, '');
    }
    if (ladder.trend.length > 1) out.push(`${text.trend}:`, '', ...ladder.trend.map((p) => `- ${longDate(p.occurrence)}: ${rungs[p.rung]}`), '');
    out.push(text.direction[ladder.direction], '');
  }
  return out.join('\n');
}
