/**
 * What a digest shows the group: the stored draft without the items a facilitator hid, with a
 * note's credited name only while that person has agreed to be named (checked again when it is
 * shown, so a withdrawal after the draft was made is honoured), plus the ladder.
 *
 * Credits. Notes name people in free text ("Sam's idea"), which is not an identity. A credit is
 * tied to a person only when the typed name matches, ignoring case and spacing, the name of
 * exactly one person in this session (their Teams name or the name a facilitator recorded for
 * them). Two people with that name, or nobody, and the name stays hidden.
 */
import type { DigestContent, RecordingState } from './digest';
import type { PurposeVerdict } from './purposeAnswers';
import type { Rung, TrendDirection, TrendPoint, VoteTally } from './ladder';
import type { Level, Split } from './senseCheck';

export interface DigestLinks {
  /** The full digest in the tab. */
  readonly full: string;
  /** The same as a Markdown document. */
  readonly markdown: string;
}

export interface LadderView {
  readonly rung?: Rung;
  /** Everyone's own view, when the facilitators asked for it. */
  readonly votes?: VoteTally;
  readonly trend: readonly TrendPoint[];
  readonly direction: TrendDirection;
}

export interface DigestViewStatement {
  readonly text: string;
  readonly answered: number;
  readonly split: Split;
  readonly minority: readonly { readonly level: Level; readonly count: number }[];
  readonly missed: readonly string[];
}

export interface DigestView {
  readonly sessionKey: string;
  readonly occurrence: string;
  readonly purpose: { readonly outcome: string; readonly verdicts: Readonly<Record<PurposeVerdict, number>>; readonly reasons: readonly string[] };
  readonly tookPart: number;
  readonly recording: RecordingState;
  readonly senseChecks: readonly { readonly statements: readonly DigestViewStatement[] }[];
  readonly notes: readonly { readonly text: string; readonly credit?: string }[];
  readonly nextSteps: readonly { readonly what: string; readonly owner?: string; readonly due?: string }[];
  readonly followUpDate?: string;
  readonly timeZone: string;
  readonly ladder?: LadderView;
  readonly links?: DigestLinks;
}

export interface ViewOptions {
  readonly hidden: ReadonlySet<string>;
  /** Words a facilitator put in place of what was said, by item id. */
  readonly edited?: Readonly<Record<string, string>>;
  /** Everyone whose latest "being named" choice is agree, now. */
  readonly agreedToBeNamed: ReadonlySet<string>;
  readonly ladder?: LadderView;
  readonly links?: DigestLinks;
}

export function visibleDigest(content: DigestContent, options: ViewOptions): DigestView {
  const shown = <T extends { readonly itemId: string }>(items: readonly T[]) => items.filter((item) => !options.hidden.has(item.itemId));
  const edited = options.edited ?? {};
  const words = (item: { readonly itemId: string }, said: string): string => (Object.hasOwn(edited, item.itemId) ? (edited[item.itemId] as string) : said);
  return {
    sessionKey: content.sessionKey,
    occurrence: content.occurrence,
    purpose: { outcome: content.purpose.outcome, verdicts: content.purpose.verdicts, reasons: shown(content.purpose.reasons).map((r) => words(r, r.text)) },
    tookPart: content.tookPart,
    recording: content.recording,
    senseChecks: content.senseChecks.map((check) => ({
      statements: check.statements.map((s) => ({ text: s.text, answered: s.answered, split: s.split, minority: s.minority, missed: shown(s.missed).map((m) => words(m, m.text)) })),
    })),
    notes: shown(content.notes).map((note) =>
      note.credit && note.creditWho && options.agreedToBeNamed.has(note.creditWho) ? { text: words(note, note.text), credit: note.credit } : { text: words(note, note.text) },
    ),
    nextSteps: shown(content.nextSteps).map(({ itemId, what, ...step }) => ({ what: words({ itemId }, what), ...step })),
    ...(content.followUpDate ? { followUpDate: content.followUpDate } : {}),
    timeZone: content.timeZone,
    ...(options.ladder ? { ladder: options.ladder } : {}),
    ...(options.links ? { links: options.links } : {}),
  };
}

/** A name as people compare names: case, accents kept, spacing and case ignored. */
function normalName(name: string): string {
  return name.replace(/\s+/g, ' ').trim().toLocaleLowerCase('en-GB');
}

/**
 * The one person a typed credit names, among the session's people; undefined when nobody or
 * more than one person has that name.
 */
export function personCredited(credit: string, people: readonly { readonly who: string; readonly name?: string }[]): string | undefined {
  const wanted = normalName(credit);
  if (wanted === '') return undefined;
  const matches = new Set(people.filter((p) => p.name !== undefined && normalName(p.name) === wanted).map((p) => p.who));
  return matches.size === 1 ? [...matches][0] : undefined;
}
