/**
 * The list of typed commands, grouped by who may use them. Shown for `help`, and (with a short
 * apology first) when someone types something Coproduce does not know. What they typed is shown
 * only as plain text, never as markdown, and cut short so the card stays small.
 */
import { COMMANDS, type Audience, type CommandInfo } from './commandList';
import { enGB, type CardStrings } from './strings.en-GB';
import { plainText, textRun } from './text';
import type { AdaptiveCard, CardElement, RichTextBlock } from './types';

export interface HelpOptions {
  /** The message was not a command: say so first. */
  readonly unknownCommand?: boolean;
  /** What the person wrote, shown (as plain text) only with `unknownCommand`. */
  readonly typed?: string;
  /** In a personal chat the @mention line is left out; anywhere else (or unknown) it is shown. */
  readonly scope?: 'personal' | 'shared';
}

/** Enough to recognise a short mistyped command; longer text is cut. */
export const MAX_ECHO_CHARACTERS = 80;

const AUDIENCES: readonly Audience[] = ['everyone', 'facilitators'];

export function helpCard(options: HelpOptions = {}, strings: CardStrings = enGB): AdaptiveCard {
  const text = strings.help;
  const body: CardElement[] = [];
  if (options.unknownCommand) {
    body.push({ type: 'TextBlock', text: text.notUnderstood, wrap: true, weight: 'Bolder', color: 'Attention' });
    const typed = options.typed?.trim();
    if (typed) body.push(youTyped(typed, text.youTyped));
  }
  body.push({ type: 'TextBlock', text: text.title, style: 'heading', size: 'Large', weight: 'Bolder', wrap: true });
  if (options.scope !== 'personal') body.push({ type: 'TextBlock', text: text.mentionRule, wrap: true, isSubtle: true });
  for (const audience of AUDIENCES) {
    body.push({ type: 'TextBlock', text: text.audience[audience], weight: 'Bolder', spacing: 'Medium', wrap: true });
    for (const command of COMMANDS.filter((c) => c.who === audience)) body.push(commandLine(command, strings));
  }
  return { type: 'AdaptiveCard', version: '1.5', fallbackText: text.title, body };
}

// Usages hold `<…>`, which markdown could swallow as HTML: TextRuns show them as written.
function commandLine(command: CommandInfo, strings: CardStrings): RichTextBlock {
  return {
    type: 'RichTextBlock',
    spacing: 'Small',
    inlines: [
      textRun(command.usage, { weight: 'Bolder', fontType: 'Monospace' }),
      textRun(`${strings.help.separator}${strings.commands[command.name]}`),
    ],
  };
}

function youTyped(typed: string, label: string): RichTextBlock {
  const shown = typed.length > MAX_ECHO_CHARACTERS ? `${typed.slice(0, MAX_ECHO_CHARACTERS)}…` : typed;
  const block = plainText(shown, { isSubtle: true });
  return { ...block, inlines: [textRun(label, { isSubtle: true }), ...block.inlines] };
}
