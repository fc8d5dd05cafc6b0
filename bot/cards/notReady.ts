/** The honest answer for a command whose behaviour has not been built yet. */
import type { CommandWord } from '../core/commandParser';
import { enGB, type CardStrings } from './strings.en-GB';

export function notReadyText(word: CommandWord, strings: CardStrings = enGB): string {
  return `${strings.notReady.prefix}${word}${strings.notReady.suffix}`;
}
