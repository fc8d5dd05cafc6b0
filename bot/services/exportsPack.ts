/**
 * The participant pack: what an organiser sends before the session, as Markdown (it prints as it
 * reads and converts to anything). The purpose, the plan with times, what will be captured and
 * why, how to join and ask for adjustments, whom to contact, and the easy-read consent form
 * exactly as the sheet prints it. Pure: the caller passes the session's details.
 */
import { consentSheetMarkdown } from '../cards/consentSheet';
import { fill } from '../cards/senseCheckCard';
import { followUpStrings } from '../cards/strings/followUp.en-GB';
import { escapeMarkdown, longDate } from './exportsMarkdown';

const text = followUpStrings.pack;

export interface PackView {
  readonly occurrence: string;
  /** The scheduled start, when Teams told us. */
  readonly start?: Date;
  readonly timeZone: string;
  /** The meeting's planned length. */
  readonly minutes: number;
  readonly outcome: string;
  readonly openToUnexpected: boolean;
  readonly responsible?: string;
  readonly capture?: string;
  readonly agenda: readonly { readonly title: string; readonly minutes: number; readonly kind: string }[];
  readonly organiserContact?: string;
  readonly safeguardingContact?: string;
  readonly joinLink?: string;
}

function timeIn(at: Date, timeZone: string, withZone: boolean): string {
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone, ...(withZone ? { timeZoneName: 'short' } : {}) }).format(at);
}

export function participantPackMarkdown(view: PackView): string {
  const out: string[] = [`# ${text.title}`, ''];
  out.push(view.start ? fill(text.when, { date: longDate(view.occurrence), time: timeIn(view.start, view.timeZone, true), minutes: view.minutes }) : fill(text.whenDateOnly, { date: longDate(view.occurrence) }), '');

  out.push(`## ${text.purpose}`, '', escapeMarkdown(view.outcome), '');
  if (view.openToUnexpected) out.push(text.openToUnexpected, '');
  if (view.responsible) out.push(`${text.responsible} ${escapeMarkdown(view.responsible)}`, '');

  out.push(`## ${text.plan}`, '');
  let at = view.start?.getTime();
  for (const item of view.agenda) {
    const times = at === undefined ? '' : fill(text.planLine, { start: timeIn(new Date(at), view.timeZone, false), end: timeIn(new Date(at + item.minutes * 60_000), view.timeZone, false) });
    out.push(`- ${times}${escapeMarkdown(item.title)}`);
    if (at !== undefined) at += item.minutes * 60_000;
  }
  out.push('');
  if (view.agenda.some((item) => item.kind === 'break')) out.push(text.breakNote, '');

  out.push(`## ${text.capture}`, '', view.capture ? escapeMarkdown(view.capture) : text.captureDefault, '', text.captureWhy, '');
  out.push(`## ${text.join}`, '', ...text.joinLines.flatMap((line) => [`- ${line}`]), '');
  if (view.joinLink) out.push(`${text.joinLink} <${view.joinLink.replace(/[<>\s]/g, '')}>`, '');
  out.push(`## ${text.adjustments}`, '', ...text.adjustmentLines.map((line) => `- ${line}`), '');
  out.push(`## ${text.contact}`, '', view.organiserContact ? escapeMarkdown(view.organiserContact) : text.noContact, '');

  out.push('---', '', `## ${text.consent}`, '');
  // The sheet's own headings sit one level down inside the pack.
  const sheet = consentSheetMarkdown({ ...(view.safeguardingContact ? { contact: view.safeguardingContact } : {}), outcome: view.outcome, date: view.occurrence });
  out.push(sheet.replace(/^(#{1,5}) /gm, '#$1 '));
  return out.join('\n');
}
