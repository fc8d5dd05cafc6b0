/**
 * The printable easy-read consent sheet, for people taking part on paper or in the room. Markdown
 * (it prints as it reads, and converts to HTML anywhere). The words are the easy-read wording
 * exactly, so answers recorded from a sheet carry the easy-read version's hash.
 */
import { SCOPE_ORDER, wordingText } from './consentWording';
import { consentStrings } from './strings/consent.en-GB';

export interface SheetView {
  /** The organiser's or safeguarding contact, as set up. */
  readonly contact?: string;
  /** What the session hopes to achieve, to tell one sheet from another. */
  readonly outcome?: string;
  /** UTC date of the session, `YYYY-MM-DD`. */
  readonly date?: string;
}

/** Characters Markdown gives meaning to, so a contact or outcome prints exactly as typed. */
function escapeMarkdownText(value: string): string {
  return value.replace(/\s+/g, ' ').trim().replace(/[\\`*_{}[\]()<>#+\-.!|~]/g, (ch) => `\\${ch}`);
}

export function consentSheetMarkdown(view: SheetView = {}): string {
  const wording = wordingText('easyRead', view.contact);
  const { words } = wording;
  const sheet = consentStrings.sheet;
  const out: string[] = [`# ${words.title}`, '', sheet.forPaper, ''];
  if (view.outcome || view.date) {
    const parts = [view.date, view.outcome].filter((p): p is string => Boolean(p)).map(escapeMarkdownText);
    out.push(`${sheet.session} ${parts.join(' | ')}`, '');
  }
  for (const line of words.intro) out.push(line, '');
  for (const section of words.sections) {
    out.push(`## ${section.heading}`, '');
    for (const line of section.lines) out.push(line, '');
  }
  out.push(`## ${wording.contact ? words.contactHeading : words.noContact}`, '');
  if (wording.contact) out.push(escapeMarkdownText(wording.contact), '');
  for (const line of words.cannotStop) out.push(`**${line}**`, '');
  out.push(`## ${words.choicesHeading}`, '', sheet.tick, '');
  for (const scope of SCOPE_ORDER) {
    out.push(`### ${words.scopes[scope]}`, '', `- [ ] ${words.yes}`, `- [ ] ${words.notNow}`, '');
  }
  out.push(`${sheet.name} ______________________________`, '', `${sheet.date} ______________`, '', '---', '', `_${sheet.facilitatorNote}_`, '');
  return out.join('\n');
}
