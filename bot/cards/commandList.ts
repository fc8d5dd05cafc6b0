/**
 * How each typed command is written and who may use it, as data: the help card lists it and the
 * command parser can read it. Keyed by the parser's `CommandWord`, so a word added to the parser
 * without an entry here (or the other way round) fails to compile. What each command does, in
 * words a person reads, is in the strings catalogue under `commands`.
 */
import type { CommandWord } from '../core/commandParser';

export type Audience = 'facilitators' | 'everyone';

export interface CommandInfo {
  readonly name: CommandWord;
  /** As shown on the help card; `<…>` is text the person types, `[…]` is optional. */
  readonly usage: string;
  /** The command needs free text after it (`sense check <statement>`, `note <text>`). */
  readonly takesText: boolean;
  /** The command accepts an optional number of minutes (`break [minutes]`). */
  readonly takesMinutes: boolean;
  readonly who: Audience;
}

type Details = Omit<CommandInfo, 'name'>;

const simple = (who: Audience): Details => ({ usage: '', takesText: false, takesMinutes: false, who });

// Order here is the order on the help card: the order a session runs in.
const DETAILS: { readonly [W in CommandWord]: Details } = {
  setup: simple('facilitators'),
  purpose: simple('facilitators'),
  consent: simple('everyone'),
  access: simple('everyone'),
  break: { usage: 'break [minutes]', takesText: false, takesMinutes: true, who: 'facilitators' },
  next: simple('facilitators'),
  back: simple('facilitators'),
  extend: { usage: 'extend [minutes]', takesText: false, takesMinutes: true, who: 'facilitators' },
  pause: simple('facilitators'),
  resume: simple('facilitators'),
  'end early': simple('facilitators'),
  recap: simple('facilitators'),
  'sense check': { usage: 'sense check <statement>', takesText: true, takesMinutes: false, who: 'facilitators' },
  note: { usage: 'note <text>', takesText: true, takesMinutes: false, who: 'facilitators' },
  here: { usage: 'here <name>', takesText: true, takesMinutes: false, who: 'facilitators' },
  'quiet voices': simple('facilitators'),
  unsaid: simple('everyone'),
  'wrap up': simple('facilitators'),
  ladder: simple('facilitators'),
  digest: simple('facilitators'),
  actions: simple('facilitators'),
  connect: simple('facilitators'),
  'my data': simple('everyone'),
  help: simple('everyone'),
};

export const COMMANDS: readonly CommandInfo[] = (Object.keys(DETAILS) as CommandWord[]).map((name) => {
  const details = DETAILS[name];
  return { name, ...details, usage: details.usage || name };
});
