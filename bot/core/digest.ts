/**
 * The session digest: what the group heard and decided, built from the session's own rows as a
 * snapshot the facilitators review before anything is shared (nothing is published unreviewed).
 * Pure: the caller loads the rows and passes them in.
 *
 * What goes in, and what never does:
 * - the purpose and how people answered "did we do what we came for?" (counts, plus reasons
 *   without names);
 * - how many took part and whether it was clear to record;
 * - each sense-check's agreement levels, the answers fewer people chose, and what people said we
 *   missed, without names;
 * - notes, with a credited name kept aside (shown only if the person agreed to be named);
 * - the next steps, owners and dates, and the follow-up date.
 * - Never: anonymous "unsaid" notes (their card does not tell people they could be shared), who
 *   answered what, access needs, payments or names of who attended.
 *
 * Every item a facilitator may hide has an id that stays the same when the draft is rebuilt.
 */
import type { WrapUp } from './nextSteps';
import type { Note } from './notes';
import type { PurposeAnswer, PurposeVerdict } from './purposeAnswers';
import { minorityAnswers, type Answer, type Level, type SenseCheck, type Split } from './senseCheck';

export const DIGESTS_TABLE = 'digests';

export interface DigestText {
  readonly itemId: string;
  readonly text: string;
}

export interface DigestStatement {
  readonly text: string;
  readonly answered: number;
  readonly split: Split;
  /** Levels fewer people chose than the largest group, with how many chose each. */
  readonly minority: readonly { readonly level: Level; readonly count: number }[];
  /** "What did we miss?", without names; answers from the smaller groups first. */
  readonly missed: readonly (DigestText & { readonly fromMinority: boolean })[];
}

export interface DigestSenseCheck {
  readonly id: string;
  readonly openedAt: string;
  readonly statements: readonly DigestStatement[];
}

export interface DigestNote extends DigestText {
  /** The name the note credits, as typed. Shown only while `creditWho` has agreed to be named. */
  readonly credit?: string;
  /** The one person the credit could be tied to, if any. */
  readonly creditWho?: string;
}

export interface DigestStep {
  readonly itemId: string;
  readonly what: string;
  readonly owner?: string;
  readonly due?: string;
}

export type RecordingState = 'clear' | 'notClear' | 'unknown';

export interface DigestContent {
  readonly sessionKey: string;
  /** `YYYY-MM-DD`. */
  readonly occurrence: string;
  readonly builtAt: string;
  readonly purpose: {
    readonly outcome: string;
    readonly verdicts: Readonly<Record<PurposeVerdict, number>>;
    readonly reasons: readonly DigestText[];
  };
  readonly tookPart: number;
  readonly recording: RecordingState;
  readonly senseChecks: readonly DigestSenseCheck[];
  readonly notes: readonly DigestNote[];
  readonly nextSteps: readonly DigestStep[];
  readonly followUpDate?: string;
  /** The zone next-step dates were chosen in. */
  readonly timeZone: string;
}

export interface DigestSources {
  readonly sessionKey: string;
  readonly occurrence: string;
  readonly outcome: string;
  readonly timeZone: string;
  /** `key` is the row key of the answer, used only to give each reason a stable item id. */
  readonly purposeAnswers: readonly { readonly key: string; readonly answer: PurposeAnswer }[];
  readonly tookPart: number;
  readonly recording: RecordingState;
  readonly senseChecks: readonly { readonly check: SenseCheck; readonly answers: readonly Answer[] }[];
  readonly notes: readonly { readonly note: Note; readonly creditWho?: string }[];
  readonly wrapUp?: WrapUp;
}

/** A short, stable, non-reversible tag for an item id (FNV-1a), so ids carry no personal key. */
export function itemTag(value: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

export function buildDigest(sources: DigestSources, now: Date): DigestContent {
  const verdicts = { yes: 0, partly: 0, no: 0 };
  const reasons: DigestText[] = [];
  for (const { key, answer } of sources.purposeAnswers) {
    verdicts[answer.verdict] += 1;
    if (answer.reason && answer.verdict !== 'yes') reasons.push({ itemId: `reason:${itemTag(key)}`, text: answer.reason });
  }
  reasons.sort((a, b) => a.text.localeCompare(b.text, 'en-GB'));
  const senseChecks = [...sources.senseChecks]
    .sort((a, b) => a.check.openedAt.getTime() - b.check.openedAt.getTime())
    .map(({ check, answers }) => senseCheckOf(check, answers));
  const notes = [...sources.notes]
    .sort((a, b) => a.note.createdAt.getTime() - b.note.createdAt.getTime() || a.note.id.localeCompare(b.note.id))
    .map(({ note, creditWho }): DigestNote => ({
      itemId: `note:${note.id}`,
      text: note.text,
      ...(note.credit ? { credit: note.credit } : {}),
      ...(note.credit && creditWho ? { creditWho } : {}),
    }));
  const nextSteps = (sources.wrapUp?.steps ?? []).map((step, index): DigestStep => ({
    itemId: `step:${index + 1}`,
    what: step.what,
    ...(step.owner ? { owner: step.owner } : {}),
    ...(step.due ? { due: step.due } : {}),
  }));
  return {
    sessionKey: sources.sessionKey,
    occurrence: sources.occurrence,
    builtAt: now.toISOString(),
    purpose: { outcome: sources.outcome, verdicts, reasons },
    tookPart: sources.tookPart,
    recording: sources.recording,
    senseChecks,
    notes,
    nextSteps,
    ...(sources.wrapUp ? { followUpDate: sources.wrapUp.followUpDate } : {}),
    timeZone: sources.wrapUp?.timeZone ?? sources.timeZone,
  };
}

function senseCheckOf(check: SenseCheck, answers: readonly Answer[]): DigestSenseCheck {
  const minorityKeys = new Set(minorityAnswers(answers).map((a) => `${a.respondent}|${a.statementIndex}`));
  const statements = check.statements.map((text, index): DigestStatement => {
    const latest = latestByRespondent(answers.filter((a) => a.statementIndex === index));
    const split = { agree: 0, partly: 0, disagree: 0 };
    for (const a of latest) split[a.level] += 1;
    const largest = Math.max(split.agree, split.partly, split.disagree);
    const minority = (['agree', 'partly', 'disagree'] as const).filter((l) => split[l] > 0 && split[l] < largest).map((level) => ({ level, count: split[level] }));
    const missed = latest
      .filter((a) => a.missed)
      .map((a) => ({ itemId: `missed:${check.id}:${index}:${itemTag(a.respondent)}`, text: a.missed as string, fromMinority: minorityKeys.has(`${a.respondent}|${index}`) }))
      // Smaller groups first, then alphabetical: never in the order people answered.
      .sort((a, b) => Number(b.fromMinority) - Number(a.fromMinority) || a.text.localeCompare(b.text, 'en-GB'));
    return { text, answered: latest.length, split, minority, missed };
  });
  return { id: check.id, openedAt: check.openedAt.toISOString(), statements };
}

function latestByRespondent(answers: readonly Answer[]): Answer[] {
  const byPerson = new Map<string, Answer>();
  for (const a of answers) {
    const seen = byPerson.get(a.respondent);
    if (!seen || seen.answeredAt.getTime() <= a.answeredAt.getTime()) byPerson.set(a.respondent, a);
  }
  return [...byPerson.values()];
}

/** Every id a facilitator may hide, in the order the review shows them. */
export function hideableItems(content: DigestContent): { readonly itemId: string; readonly kind: 'reason' | 'missed' | 'note' | 'step'; readonly text: string }[] {
  return [
    ...content.purpose.reasons.map((r) => ({ itemId: r.itemId, kind: 'reason' as const, text: r.text })),
    ...content.senseChecks.flatMap((c) => c.statements.flatMap((s) => s.missed.map((m) => ({ itemId: m.itemId, kind: 'missed' as const, text: m.text })))),
    ...content.notes.map((n) => ({ itemId: n.itemId, kind: 'note' as const, text: n.text })),
    ...content.nextSteps.map((s) => ({ itemId: s.itemId, kind: 'step' as const, text: s.what })),
  ];
}

export function contentFromJson(json: string): DigestContent | undefined {
  try {
    const value = JSON.parse(json) as Partial<DigestContent>;
    if (typeof value.sessionKey !== 'string' || !value.purpose || !Array.isArray(value.senseChecks) || !Array.isArray(value.notes)) return undefined;
    return value as DigestContent;
  } catch {
    return undefined;
  }
}
