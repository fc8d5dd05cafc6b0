/**
 * The consent wording with its version hash: SHA-256 of exactly the text shown (cards hold the
 * words; hashing is the core's). Every consent event carries the variant and this hash.
 */
import { sha256 } from '../core/consentLedger';
import type { WordingVariant } from '../core/consentScopes';
import { wordingText, type ConsentWording } from '../cards/consentWording';

export function consentWording(variant: WordingVariant, contact: string | undefined): ConsentWording {
  const wording = wordingText(variant, contact);
  return { ...wording, hash: sha256(wording.text) };
}
