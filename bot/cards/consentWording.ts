/**
 * The exact words a person is asked with, standard or easy read. The card, the easy-read view and
 * the printable sheet are all drawn from this one structure, and the version hash (taken by the
 * services, see services/consentWording.ts) covers the same text in the same order, so the
 * ledger can say exactly what someone saw.
 */
import type { ConsentMethod, ConsentScope, WordingVariant } from '../core/consentScopes';
import { consentStrings } from './strings/consent.en-GB';

/** The order of the choices on every card and sheet (the core's CONSENT_SCOPES; a test keeps them equal). */
export const SCOPE_ORDER: readonly ConsentScope[] = ['recording', 'transcript', 'aiSummary', 'named', 'quoted'];
/** How a facilitator can say an answer reached them (the core's FACILITATOR_METHODS). */
export const RECORDED_METHODS: readonly ConsentMethod[] = ['verbal', 'phone', 'paper', 'inRoom'];

export interface ConsentSection {
  readonly heading: string;
  readonly lines: readonly string[];
}

export interface ConsentWordingStrings {
  readonly title: string;
  readonly intro: readonly string[];
  readonly sections: readonly ConsentSection[];
  readonly contactHeading: string;
  readonly noContact: string;
  readonly cannotStop: readonly string[];
  readonly choicesHeading: string;
  readonly scopes: { readonly [S in ConsentScope]: string };
  readonly yes: string;
  readonly notNow: string;
  readonly save: string;
  readonly declineAll: string;
}

export interface WordingText {
  readonly variant: WordingVariant;
  readonly words: ConsentWordingStrings;
  /** The organiser's contact as set up (a person's words: shown as plain text). */
  readonly contact?: string;
  /** Every piece of text shown, in order: what the version hash covers. */
  readonly text: string;
}

/** The wording with its version: SHA-256 of `text`. */
export interface ConsentWording extends WordingText {
  readonly hash: string;
}

/** Everything a person reads, in the order the card shows it. */
export function wordingLines(words: ConsentWordingStrings, contact: string | undefined): string[] {
  const lines: string[] = [words.title, ...words.intro];
  for (const section of words.sections) lines.push(section.heading, ...section.lines);
  lines.push(...(contact ? [words.contactHeading, contact] : [words.noContact]));
  lines.push(...words.cannotStop, words.choicesHeading);
  for (const scope of SCOPE_ORDER) lines.push(words.scopes[scope], words.yes, words.notNow);
  lines.push(words.save, words.declineAll);
  return lines;
}

export function wordingText(variant: WordingVariant, contact: string | undefined): WordingText {
  const words: ConsentWordingStrings = consentStrings.wording[variant];
  const cleaned = contact?.trim() ? contact.trim() : undefined;
  return { variant, words, ...(cleaned ? { contact: cleaned } : {}), text: wordingLines(words, cleaned).join('\n') };
}
