/**
 * The session's framework: an ordered list of agenda items the facilitator can edit. Every edit
 * is pure and returns a new agenda or plain-English problems; nothing here knows about time of
 * day (liveAgenda.ts runs it, timeBudget.ts checks it).
 */
import { ok, refused, type Result } from './result';
import { breakRule, longestStretch, requiredBreakMinutes, requiredSpareMinutes } from './timeBudget';

export const AGENDA_KINDS = ['welcome', 'icebreaker', 'purpose', 'ways', 'topic', 'break', 'recap', 'senseCheck', 'wrapUp'] as const;
export type AgendaKind = (typeof AGENDA_KINDS)[number];

export interface AgendaItem {
  readonly id: string;
  readonly kind: AgendaKind;
  /** What people read on the card, side panel and stage. */
  readonly title: string;
  readonly minutes: number;
  /** For topics: the purposeful question the group works on. */
  readonly question?: string;
}

export type Agenda = readonly AgendaItem[];
export type NewAgendaItem = Omit<AgendaItem, 'id'>;

export const AGENDA_LIMITS = { items: 30, minMinutes: 1, maxMinutes: 240, title: 80, question: 300 } as const;

// ---------------------------------------------------------------------------------------------
// The default framework, in our own words.
// ---------------------------------------------------------------------------------------------

const TITLES: { readonly [K in AgendaKind]: string } = {
  welcome: 'Welcome and introductions',
  icebreaker: 'Getting to know each other',
  purpose: 'Why we are here today',
  ways: 'How we will work together',
  topic: 'Topic',
  break: 'Break',
  recap: 'What we have heard so far',
  senseCheck: 'Checking we have understood you',
  wrapUp: 'Wrapping up and what happens next',
};

const QUESTIONS = [
  'What works well for you now, and what would you change?',
  'What would good look like for you?',
  'What gets in the way, and what would help?',
  'What matters most to do first?',
];

type Part = readonly [AgendaKind, number];
/** Opening and closing parts by how many working minutes there are; a tier leaves out what will not fit. */
const TIERS: readonly { readonly below: number; readonly open: readonly Part[]; readonly close: readonly Part[] }[] = [
  { below: 25, open: [['welcome', 2], ['purpose', 2]], close: [['senseCheck', 3], ['wrapUp', 2]] },
  { below: 55, open: [['welcome', 3], ['icebreaker', 5], ['purpose', 3], ['ways', 2]], close: [['recap', 3], ['senseCheck', 4], ['wrapUp', 3]] },
  { below: 100, open: [['welcome', 5], ['icebreaker', 5], ['purpose', 5], ['ways', 5]], close: [['recap', 5], ['senseCheck', 5], ['wrapUp', 5]] },
  { below: Infinity, open: [['welcome', 5], ['icebreaker', 10], ['purpose', 5], ['ways', 5]], close: [['recap', 10], ['senseCheck', 10], ['wrapUp', 5]] },
];
const MIN_TOPIC = 5;
/** Keeps the longest default plan (fixed parts, topics and breaks) within AGENDA_LIMITS.items. */
const MAX_DEFAULT_BREAKS = 11;

/**
 * A starting agenda that fits a meeting of this length: spare time left over, enough breaks and
 * no long stretch without one (the same rules checkTimeBudget applies), with the topic time
 * shared between the gaps. Pass needsMoreBreaks when someone's access needs ask for more breaks.
 */
export function defaultAgenda(meetingMinutes: number, options: { readonly needsMoreBreaks?: boolean } = {}): Agenda {
  const meeting = Math.max(10, Math.round(meetingMinutes));
  const needs = options.needsMoreBreaks === true;
  const spare = requiredSpareMinutes(meeting);
  const breakMinutes = requiredBreakMinutes(meeting, needs);
  if (breakMinutes === 0) return layout(meeting - spare, 0, 0);
  let plan: Agenda = [];
  // More, shorter gaps until no stretch runs past the limit.
  for (let breaks = 1; breaks <= MAX_DEFAULT_BREAKS; breaks++) {
    const each = Math.max(5, Math.ceil(breakMinutes / breaks / 5) * 5);
    plan = layout(meeting - spare - breaks * each, breaks, each);
    if (longestStretch(plan) <= breakRule(needs).stretchLimit) return plan;
  }
  return plan;
}

function layout(working: number, breaks: number, breakEach: number): Agenda {
  const topics = breaks + 1;
  let tier = TIERS.findIndex((t) => working < t.below);
  const fixed = (i: number) => sum(TIERS[i].open) + sum(TIERS[i].close);
  while (tier > 0 && working - fixed(tier) < MIN_TOPIC * topics) tier--;
  const topicTotal = Math.max(MIN_TOPIC * topics, working - fixed(tier));
  const parts: NewAgendaItem[] = TIERS[tier].open.map(([kind, minutes]) => ({ kind, title: TITLES[kind], minutes }));
  const topicMinutes = shareTopicTime(topicTotal, topics, sum(TIERS[tier].open), sum(TIERS[tier].close));
  for (let i = 0; i < topics; i++) {
    const minutes = topicMinutes[i];
    parts.push({ kind: 'topic', title: `${TITLES.topic} ${i + 1}`, minutes, question: QUESTIONS[i % QUESTIONS.length] });
    if (i < breaks) parts.push({ kind: 'break', title: TITLES.break, minutes: breakEach });
  }
  parts.push(...TIERS[tier].close.map(([kind, minutes]) => ({ kind, title: TITLES[kind], minutes })));
  return parts.map((part, i) => ({ id: `item-${i + 1}`, ...part }));
}

/**
 * Splits topic time so the stretches between breaks come out about equal: the first topic shares
 * its stretch with the opening items and the last with the closing ones, so both get less.
 */
function shareTopicTime(total: number, topics: number, opening: number, closing: number): number[] {
  const even = Array.from({ length: topics }, (_, i) => Math.floor(total / topics) + (i < total % topics ? 1 : 0));
  if (topics === 1) return even;
  const target = (opening + total + closing) / topics;
  const first = Math.max(MIN_TOPIC, Math.round(target - opening));
  const last = Math.max(MIN_TOPIC, Math.round(target - closing));
  const middleCount = topics - 2;
  const middleTotal = total - first - last;
  if (middleCount === 0) return first + MIN_TOPIC <= total ? [first, total - first] : even;
  if (middleTotal < MIN_TOPIC * middleCount) return even;
  const middle = Array.from({ length: middleCount }, (_, i) => Math.floor(middleTotal / middleCount) + (i < middleTotal % middleCount ? 1 : 0));
  return [first, ...middle, last];
}

function sum(parts: readonly Part[]): number {
  return parts.reduce((total, [, minutes]) => total + minutes, 0);
}

// ---------------------------------------------------------------------------------------------
// Edits. Each returns a new agenda; the old one is never changed.
// ---------------------------------------------------------------------------------------------

/** Adds an item at `at` (default: the end). */
export function addItem(agenda: Agenda, item: NewAgendaItem, at: number = agenda.length): Result<Agenda> {
  if (agenda.length >= AGENDA_LIMITS.items) {
    return refused(`The plan already has ${AGENDA_LIMITS.items} items, which is the most it can have. Remove one first.`);
  }
  const checked = checkItem({ id: nextItemId(agenda), ...item });
  if (!checked.ok) return checked;
  const index = clampIndex(at, agenda.length);
  return ok([...agenda.slice(0, index), checked.value, ...agenda.slice(index)]);
}

export function removeItem(agenda: Agenda, id: string): Result<Agenda> {
  const index = indexOfItem(agenda, id);
  if (index < 0) return notFound();
  if (agenda.length === 1) return refused('The plan needs at least one item.');
  return ok(agenda.filter((item) => item.id !== id));
}

/** Moves an item so it ends up at `toIndex`. */
export function moveItem(agenda: Agenda, id: string, toIndex: number): Result<Agenda> {
  const index = indexOfItem(agenda, id);
  if (index < 0) return notFound();
  const rest = agenda.filter((item) => item.id !== id);
  const target = clampIndex(toIndex, rest.length);
  return ok([...rest.slice(0, target), agenda[index], ...rest.slice(target)]);
}

export function setMinutes(agenda: Agenda, id: string, minutes: number): Result<Agenda> {
  return editItem(agenda, id, { minutes });
}

/** Changes an item's title, minutes or question; `question: ''` takes the question away. */
export function editItem(agenda: Agenda, id: string, changes: Partial<Omit<AgendaItem, 'id' | 'kind'>>): Result<Agenda> {
  const index = indexOfItem(agenda, id);
  if (index < 0) return notFound();
  const { question, ...rest } = { ...agenda[index], ...changes };
  const checked = checkItem(question === undefined || question.trim() === '' ? rest : { ...rest, question });
  if (!checked.ok) return checked;
  return ok(agenda.map((item, i) => (i === index ? checked.value : item)));
}

/** Checks a whole agenda, for one that arrives in one piece (from the tab, or read back from storage). */
export function validateAgenda(agenda: Agenda): Result<Agenda> {
  if (agenda.length === 0) return refused('The plan needs at least one item.');
  if (agenda.length > AGENDA_LIMITS.items) return refused(`A plan can have at most ${AGENDA_LIMITS.items} items.`);
  if (new Set(agenda.map((item) => item.id)).size !== agenda.length) return refused('Two items in the plan have the same id.');
  const checked = agenda.map(checkItem);
  const problems = checked.flatMap((r) => (r.ok ? [] : r.problems));
  return problems.length > 0 ? { ok: false, problems } : ok(checked.map((r) => (r.ok ? r.value : agenda[0])));
}

function checkItem(item: AgendaItem): Result<AgendaItem> {
  const problems: string[] = [];
  const title = typeof item.title === 'string' ? item.title.trim() : '';
  const question = typeof item.question === 'string' ? item.question.trim() : undefined;
  if (!(AGENDA_KINDS as readonly string[]).includes(item.kind)) problems.push('Choose what kind of item this is.');
  if (title === '') problems.push('Give the item a title.');
  if ([...title].length > AGENDA_LIMITS.title) problems.push(`Keep the title to ${AGENDA_LIMITS.title} characters or fewer.`);
  if (question !== undefined && [...question].length > AGENDA_LIMITS.question) {
    problems.push(`Keep the question to ${AGENDA_LIMITS.question} characters or fewer.`);
  }
  if (!Number.isInteger(item.minutes) || item.minutes < AGENDA_LIMITS.minMinutes || item.minutes > AGENDA_LIMITS.maxMinutes) {
    problems.push(`Give each item a whole number of minutes from ${AGENDA_LIMITS.minMinutes} to ${AGENDA_LIMITS.maxMinutes}.`);
  }
  if (problems.length > 0) return { ok: false, problems };
  const base: AgendaItem = { id: item.id, kind: item.kind, title, minutes: item.minutes };
  return ok(question ? { ...base, question } : base);
}

function nextItemId(agenda: Agenda): string {
  const used = agenda.map((item) => /^item-(\d+)$/.exec(item.id)).map((m) => (m ? Number(m[1]) : 0));
  return `item-${Math.max(0, ...used) + 1}`;
}

function indexOfItem(agenda: Agenda, id: string): number {
  return agenda.findIndex((item) => item.id === id);
}

function clampIndex(index: number, length: number): number {
  return Number.isInteger(index) ? Math.min(Math.max(index, 0), length) : length;
}

function notFound<T>(): Result<T> {
  return refused('That item is no longer in the plan. It may have been changed by someone else.');
}
