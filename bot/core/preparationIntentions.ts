/**
 * The six questions a team answers before it asks anyone to give their time (the guide's
 * "Intention"): are we serious, will we listen and act, do leaders back it, why are we doing it,
 * are we comfortable with uncertainty, and is there money to act and to pay people. Answers are
 * short: a yes / partly / no where the question allows one, and a note in the team's own words.
 * They are for the organisers; nobody outside the session's facilitators reads them.
 *
 * Pure: the tab imports this file too, so nothing here may touch the outside world.
 */
import { ok, refused, type Result } from './result';

export const INTENTION_QUESTIONS = ['serious', 'act', 'leadership', 'why', 'uncertainty', 'budget'] as const;
export type IntentionQuestion = (typeof INTENTION_QUESTIONS)[number];

export const INTENTION_CHOICES = ['yes', 'partly', 'no'] as const;
export type IntentionChoice = (typeof INTENTION_CHOICES)[number];

/** "Why are we doing this?" has no yes or no: only words answer it. */
export const NOTE_ONLY: ReadonlySet<IntentionQuestion> = new Set(['why']);

export const MAX_INTENTION_NOTE = 500;

export interface IntentionAnswer {
  readonly choice?: IntentionChoice;
  readonly note?: string;
}

export type Intentions = Readonly<Partial<Record<IntentionQuestion, IntentionAnswer>>>;

/** What the form sends, already known to be the right shape (the HTTP edge checks that). */
export type IntentionsInput = Readonly<Partial<Record<IntentionQuestion, { readonly choice?: IntentionChoice | null; readonly note?: string | null }>>>;

/** Trims notes, drops empty answers, and refuses what the form would never send. */
export function decideIntentions(input: IntentionsInput): Result<Intentions> {
  const out: Partial<Record<IntentionQuestion, IntentionAnswer>> = {};
  const problems: string[] = [];
  for (const question of INTENTION_QUESTIONS) {
    const given = input[question];
    if (!given) continue;
    const note = typeof given.note === 'string' ? given.note.trim() : '';
    const choice = given.choice ?? undefined;
    if ([...note].length > MAX_INTENTION_NOTE) problems.push(`Please keep each answer to ${MAX_INTENTION_NOTE} characters or fewer.`);
    if (choice && NOTE_ONLY.has(question)) problems.push('“Why are we doing this?” needs an answer in words, not yes or no.');
    if (!choice && note === '') continue;
    out[question] = { ...(choice ? { choice } : {}), ...(note ? { note } : {}) };
  }
  if (problems.length > 0) return refused(...new Set(problems));
  return ok(out);
}

/** How many of the six have an answer: a choice, or a note that is not blank. */
export function answeredCount(intentions: Intentions): number {
  return INTENTION_QUESTIONS.filter((q) => {
    const answer = intentions[q];
    return answer !== undefined && (answer.choice !== undefined || (answer.note ?? '').trim() !== '');
  }).length;
}

/**
 * Questions whose answer should give the team pause before the session: a "no" or "partly" on
 * being serious, acting on what is heard, leaders' support or money, and "no" on being
 * comfortable with uncertainty. The screens say why each matters; this only finds them.
 */
export function intentionCautions(intentions: Intentions): IntentionQuestion[] {
  const worrying = (q: IntentionQuestion, choices: readonly IntentionChoice[]) => {
    const choice = intentions[q]?.choice;
    return choice !== undefined && choices.includes(choice);
  };
  return INTENTION_QUESTIONS.filter((q) => {
    if (q === 'why') return false;
    if (q === 'uncertainty') return worrying(q, ['no']);
    return worrying(q, ['no', 'partly']);
  });
}

/** Reads the stored JSON back, keeping only what is still valid (an old or damaged row reads as empty). */
export function intentionsFromJson(json: unknown): Intentions {
  if (typeof json !== 'string') return {};
  try {
    const parsed = JSON.parse(json) as Record<string, unknown>;
    const input: Record<string, { choice?: IntentionChoice; note?: string }> = {};
    for (const question of INTENTION_QUESTIONS) {
      const raw = parsed[question] as { choice?: unknown; note?: unknown } | undefined;
      if (!raw || typeof raw !== 'object') continue;
      const choice = INTENTION_CHOICES.find((c) => c === raw.choice);
      input[question] = { ...(choice ? { choice } : {}), ...(typeof raw.note === 'string' ? { note: raw.note } : {}) };
    }
    const decided = decideIntentions(input);
    return decided.ok ? decided.value : {};
  } catch {
    return {};
  }
}
