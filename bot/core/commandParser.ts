/**
 * Reads a typed command. The vocabulary is stable (README and help card list it); later issues
 * give each word its behaviour. Matching ignores case, extra spaces and a trailing full stop.
 */
export const COMMAND_WORDS = [
  'setup',
  'purpose',
  'consent',
  'break',
  'next',
  'back',
  'extend',
  'pause',
  'resume',
  'end early',
  'recap',
  'sense check',
  'note',
  'here',
  'quiet voices',
  'unsaid',
  'wrap up',
  'digest',
  'my data',
  'help',
  'actions',
  'ladder',
  'access',
  'connect',
] as const;

export type CommandWord = (typeof COMMAND_WORDS)[number];

export type ParsedCommand =
  | { readonly kind: 'command'; readonly word: CommandWord; readonly argument: string }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'empty' };

// Longest first, so "sense check" wins over a shorter word that shares its start.
const BY_LENGTH = [...COMMAND_WORDS].sort((a, b) => b.length - a.length);
const ALIASES: Readonly<Record<string, CommandWord>> = { 'set up': 'setup', 'sensecheck': 'sense check', 'wrapup': 'wrap up', 'mydata': 'my data', '?': 'help', '+5': 'extend' };

export function parseCommand(text: string | undefined): ParsedCommand {
  const cleaned = (text ?? '').replace(/\s+/g, ' ').trim();
  if (!cleaned) return { kind: 'empty' };
  const lower = cleaned.toLowerCase();
  for (const [alias, word] of Object.entries(ALIASES)) {
    if (startsWithWord(lower, alias)) return command(word, cleaned.slice(alias.length));
  }
  for (const word of BY_LENGTH) {
    if (startsWithWord(lower, word)) return command(word, cleaned.slice(word.length));
  }
  return { kind: 'unknown' };
}

function startsWithWord(text: string, word: string): boolean {
  if (!text.startsWith(word)) return false;
  const rest = text.slice(word.length);
  return rest === '' || rest === '.' || rest.startsWith(' ') || rest.startsWith(':');
}

function command(word: CommandWord, rest: string): ParsedCommand {
  const argument = rest.replace(/^[:\s]+/, '').replace(/^\.$/, '').trim();
  return { kind: 'command', word, argument };
}
