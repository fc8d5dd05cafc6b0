/**
 * Wrap-up: the next steps agreed at the end of a session (what, who, by when) and the date people
 * will hear back. The guide asks facilitators to explain next steps and say when they will follow
 * up; this is the record behind the "what happens next" card.
 *
 * One facilitator-edited row per session ('wrapUps', partition = session key, row 'wrapUp'),
 * written conditionally. The form carries the version it was opened on, so a save made on an old
 * form is refused rather than silently overwriting another facilitator's newer list.
 *
 * Outcomes are values with reasons; the wording people read lives in cards/strings.
 */
import { daysBetween, isCalendarDate } from './nextStepDates';

export const WRAP_UPS_TABLE = 'wrapUps';
export const WRAP_UP_ROW = 'wrapUp';
export const MAX_NEXT_STEPS = 8;
export const NEXT_STEP_LIMITS = { what: 300, owner: 100 } as const;
/** Dates further ahead than this are almost certainly a slip of the date picker. */
export const MAX_DAYS_AHEAD = 3 * 366;

export interface NextStep {
  readonly what: string;
  /** Who will do it, as the facilitator typed it (a name, a team, "the council"). */
  readonly owner?: string;
  /** `YYYY-MM-DD`. */
  readonly due?: string;
}

export interface WrapUp {
  readonly sessionKey: string;
  readonly steps: readonly NextStep[];
  /** When people will hear back, `YYYY-MM-DD`. */
  readonly followUpDate: string;
  /** The zone the dates were chosen in; cards show them at midday there. */
  readonly timeZone: string;
  /** 1 when first saved, one more on each save. */
  readonly version: number;
  readonly savedAt: string;
}

export interface NextStepInput {
  readonly what?: string;
  readonly owner?: string;
  readonly due?: string;
}

export interface WrapUpInput {
  readonly steps: readonly NextStepInput[];
  readonly followUpDate?: string;
  /** The version the form was opened on; 0 for a first wrap-up. */
  readonly formVersion: number;
}

export interface WrapUpContext {
  readonly sessionKey: string;
  /** Today in the facilitator's time zone, `YYYY-MM-DD`: earlier dates are in the past. */
  readonly today: string;
  readonly timeZone: string;
  readonly now: Date;
}

export type WrapUpProblem =
  | { readonly kind: 'noSteps' | 'tooManySteps' | 'followUpMissing' | 'followUpUnreadable' | 'followUpInPast' | 'followUpTooFar' | 'changedMeanwhile' }
  | {
      readonly kind: 'whatMissing' | 'whatTooLong' | 'ownerTooLong' | 'dueUnreadable' | 'dueInPast' | 'dueTooFar';
      /** 1-based, as the form numbers the steps. */
      readonly step: number;
    };

export type WrapUpDecision = { readonly ok: true; readonly wrapUp: WrapUp } | { readonly ok: false; readonly problems: readonly WrapUpProblem[] };

const length = (text: string) => [...text].length;
const cleaned = (text: string | undefined) => text?.trim() || undefined;

/** Checks the form and builds the new wrap-up; blank rows of the form are skipped. */
export function decideWrapUp(existing: WrapUp | undefined, input: WrapUpInput, context: WrapUpContext): WrapUpDecision {
  const problems: WrapUpProblem[] = [];
  if ((existing?.version ?? 0) !== input.formVersion) return { ok: false, problems: [{ kind: 'changedMeanwhile' }] };

  const steps: NextStep[] = [];
  input.steps.forEach((raw, index) => {
    const step = index + 1;
    const what = cleaned(raw.what);
    const owner = cleaned(raw.owner);
    const due = cleaned(raw.due);
    if (!what && !owner && !due) return;
    if (!what) problems.push({ kind: 'whatMissing', step });
    else if (length(what) > NEXT_STEP_LIMITS.what) problems.push({ kind: 'whatTooLong', step });
    if (owner && length(owner) > NEXT_STEP_LIMITS.owner) problems.push({ kind: 'ownerTooLong', step });
    const dueProblem = due ? dateProblem(due, context.today) : undefined;
    if (dueProblem) problems.push({ kind: dueProblem === 'unreadable' ? 'dueUnreadable' : dueProblem === 'past' ? 'dueInPast' : 'dueTooFar', step });
    steps.push({ what: what ?? '', ...(owner ? { owner } : {}), ...(due ? { due } : {}) });
  });
  if (steps.length === 0) problems.push({ kind: 'noSteps' });
  if (steps.length > MAX_NEXT_STEPS) problems.push({ kind: 'tooManySteps' });

  const followUpDate = cleaned(input.followUpDate);
  const followUpProblem = followUpDate ? dateProblem(followUpDate, context.today) : 'missing';
  if (followUpProblem) {
    const kinds = { missing: 'followUpMissing', unreadable: 'followUpUnreadable', past: 'followUpInPast', tooFar: 'followUpTooFar' } as const;
    problems.push({ kind: kinds[followUpProblem] });
  }
  if (problems.length > 0 || !followUpDate) return { ok: false, problems };

  return {
    ok: true,
    wrapUp: {
      sessionKey: context.sessionKey,
      steps,
      followUpDate,
      timeZone: context.timeZone,
      version: (existing?.version ?? 0) + 1,
      savedAt: context.now.toISOString(),
    },
  };
}

function dateProblem(date: string, today: string): 'unreadable' | 'past' | 'tooFar' | undefined {
  if (!isCalendarDate(date)) return 'unreadable';
  const ahead = daysBetween(today, date);
  if (ahead < 0) return 'past';
  if (ahead > MAX_DAYS_AHEAD) return 'tooFar';
  return undefined;
}

/** Undefined when the stored text is not a well-formed wrap-up. */
export function wrapUpFromJson(json: string): WrapUp | undefined {
  try {
    const value = JSON.parse(json) as Partial<WrapUp>;
    if (typeof value.sessionKey !== 'string' || !Array.isArray(value.steps) || typeof value.followUpDate !== 'string') return undefined;
    if (typeof value.version !== 'number' || typeof value.timeZone !== 'string' || typeof value.savedAt !== 'string') return undefined;
    return value as WrapUp;
  } catch {
    return undefined;
  }
}
