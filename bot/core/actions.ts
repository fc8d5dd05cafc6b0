/**
 * "You said, we did": the actions a session leads to, each with an owner, a due date and a
 * status. The next steps agreed at wrap-up become the first actions when the digest is published;
 * facilitators add more and change their status later. A facilitator can link what a person said
 * (a note that credits them, one of their sense-check answers, an anonymous "unsaid" note) to an
 * action, and when the action changes, the people it came from hear what happened: only those
 * who agreed to be named, and only where the bot can reach them. Anonymous notes have no author,
 * so nobody can be told about them; that is the price of anonymity and we say so.
 *
 * Table 'followUpActions', partition = session key, row 'action|<id>', written with its ETag.
 */
import type { PersonKey } from './facilitators';
import { daysBetween, isCalendarDate } from './nextStepDates';
import { ok, refused, type Result } from './result';

export const ACTIONS_TABLE = 'followUpActions';
export const ACTION_PREFIX = 'action|';
export const ACTION_STATUSES = ['planned', 'inProgress', 'done', 'notDoing'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const ACTION_LIMITS = { what: 300, owner: 100, sources: 50, note: 500 } as const;
/** Per session: enough for real follow-through, few enough to list on one private card. */
export const MAX_ACTIONS = 25;

export type SourceKind = 'note' | 'answer' | 'unsaid';

export interface ActionSource {
  readonly kind: SourceKind;
  /** Which note, answer or unsaid row (its id or row key within the session). */
  readonly ref: string;
  /** The person it came from, when one can be told apart: never for unsaid notes. */
  readonly who?: string;
  /** The words, so the person is reminded what they said. */
  readonly text?: string;
}

export interface FollowAction {
  readonly id: string;
  readonly sessionKey: string;
  readonly what: string;
  /** As typed: a name, a team. */
  readonly owner?: string;
  /** The owner as a Teams person, when picked: they get the reminder in their 1:1 chat. */
  readonly ownerKey?: PersonKey;
  /** `YYYY-MM-DD` in `timeZone`. */
  readonly due?: string;
  readonly timeZone: string;
  readonly status: ActionStatus;
  /** What happened, in the facilitator's words, shown with the status. */
  readonly statusNote?: string;
  readonly sources: readonly ActionSource[];
  /** The wrap-up step it came from (1-based), so publishing twice does not add it twice. */
  readonly fromStep?: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly version: number;
}

export function isActionStatus(value: unknown): value is ActionStatus {
  return typeof value === 'string' && (ACTION_STATUSES as readonly string[]).includes(value);
}

export interface NewActionInput {
  readonly what?: unknown;
  readonly owner?: unknown;
  readonly ownerKey?: PersonKey;
  readonly due?: unknown;
  readonly fromStep?: number;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
const length = (value: string) => [...value].length;

export function decideNewAction(input: NewActionInput, context: { readonly id: string; readonly sessionKey: string; readonly timeZone: string; readonly today: string; readonly now: Date }): Result<FollowAction> {
  const what = text(input.what);
  const owner = text(input.owner);
  const due = text(input.due);
  const problems: string[] = [];
  if (!what) problems.push('Say what will be done.');
  else if (length(what) > ACTION_LIMITS.what) problems.push(`Please keep what will be done to ${ACTION_LIMITS.what} characters or fewer.`);
  if (owner && length(owner) > ACTION_LIMITS.owner) problems.push(`Please keep the owner to ${ACTION_LIMITS.owner} characters or fewer.`);
  if (due && (!isCalendarDate(due) || daysBetween(context.today, due) > 3 * 366)) problems.push('The due date could not be read. Please choose it again.');
  if (problems.length > 0 || !what) return refused(...problems);
  const at = context.now.toISOString();
  return ok({
    id: context.id,
    sessionKey: context.sessionKey,
    what,
    timeZone: context.timeZone,
    status: 'planned',
    sources: [],
    createdAt: at,
    updatedAt: at,
    version: 1,
    ...(owner ? { owner } : {}),
    ...(input.ownerKey ? { ownerKey: input.ownerKey } : {}),
    ...(due ? { due } : {}),
    ...(input.fromStep !== undefined ? { fromStep: input.fromStep } : {}),
  });
}

export type StatusChange = { readonly changed: false } | { readonly changed: true; readonly action: FollowAction; readonly before: ActionStatus };

export function changeStatus(action: FollowAction, status: ActionStatus, note: unknown, now: Date): Result<StatusChange> {
  const statusNote = text(note);
  if (statusNote && length(statusNote) > ACTION_LIMITS.note) return refused(`Please keep what happened to ${ACTION_LIMITS.note} characters or fewer.`);
  if (action.status === status && (statusNote === undefined || statusNote === action.statusNote)) return ok({ changed: false });
  const { statusNote: _old, ...rest } = action;
  return ok({
    changed: true,
    before: action.status,
    action: { ...rest, status, updatedAt: now.toISOString(), version: action.version + 1, ...(statusNote ? { statusNote } : {}) },
  });
}

/** Adds sources (the same one twice counts once); at most 50 per action. */
export function linkSources(action: FollowAction, sources: readonly ActionSource[], now: Date): Result<FollowAction> {
  const merged = [...action.sources];
  for (const source of sources) if (!merged.some((s) => s.kind === source.kind && s.ref === source.ref)) merged.push(source);
  if (merged.length > ACTION_LIMITS.sources) return refused(`An action can come from at most ${ACTION_LIMITS.sources} things people said.`);
  if (merged.length === action.sources.length) return ok(action);
  return ok({ ...action, sources: merged, updatedAt: now.toISOString(), version: action.version + 1 });
}

/**
 * Who hears about a change: the people the action came from who agreed to be named and whom the
 * bot can reach, each once. Sources without a person (anonymous notes) tell nobody.
 */
export function peopleToTell(action: FollowAction, agreedToBeNamed: ReadonlySet<string>, reachable: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const source of action.sources) {
    const who = source.who;
    if (who && agreedToBeNamed.has(who) && reachable.has(who) && !out.includes(who)) out.push(who);
  }
  return out;
}

/** The words a person said that the action came from, for their own message only. */
export function wordsOf(action: FollowAction, who: string): string[] {
  return action.sources.filter((s) => s.who === who && s.text).map((s) => s.text as string);
}

export function actionRowKey(id: string): string {
  return `${ACTION_PREFIX}${id}`;
}

export function actionFromJson(json: unknown): FollowAction | undefined {
  if (typeof json !== 'string') return undefined;
  try {
    const value = JSON.parse(json) as Partial<FollowAction>;
    if (typeof value.id !== 'string' || typeof value.what !== 'string' || !isActionStatus(value.status) || !Array.isArray(value.sources)) return undefined;
    if (typeof value.version !== 'number' || typeof value.sessionKey !== 'string' || typeof value.timeZone !== 'string') return undefined;
    return value as FollowAction;
  } catch {
    return undefined;
  }
}
