/**
 * Who should be in the room (the guide's "Relationships": map your stakeholders, ask whether
 * everyone is there who needs to be, and whether the group is diverse enough). The facilitator
 * lists groups: a name, who or how many are coming, and whether the group is represented. From
 * that list this file finds the groups co-production sessions most often leave out, so the tab
 * can ask "who is missing?" as the facilitator types.
 *
 * Matching reads the facilitator's English words, so it is a prompt, never a rule: a group the
 * list names in other words is still suggested, and the facilitator can simply ignore it.
 * Pure: the tab imports this file too.
 */
import { ok, refused, type Result } from './result';

export const MAX_GROUPS = 30;
export const MAX_GROUP_NAME = 80;
export const MAX_GROUP_COMING = 200;
export const MAX_DIVERSITY_NOTE = 500;

export const REPRESENTED = ['yes', 'partly', 'no'] as const;
export type Represented = (typeof REPRESENTED)[number];

export interface StakeholderGroup {
  readonly name: string;
  /** Who or how many are coming, in the facilitator's words. */
  readonly coming?: string;
  readonly represented: Represented;
}

export interface Stakeholders {
  readonly groups: readonly StakeholderGroup[];
  /** The answer to "Is your group diverse enough? If not, why not?". */
  readonly diversityNote?: string;
}

/** The groups most often missing, in the order the tab asks about them. */
export const COMMON_GROUPS = [
  'drawOnCare',
  'unpaidCarers',
  'frontlineStaff',
  'decisionMakers',
  'seldomHeard',
  'youngPeople',
  'livedExperience',
  'teamLivedExperience',
] as const;
export type CommonGroup = (typeof COMMON_GROUPS)[number];

const TEAM_WORDS = /\b(staff|team|colleagues?|employees?|workforce)\b/;
const LIVED = /\blived(?: and learned)? experience\b|\bexperience of\b/;

/**
 * Words that show a listed group covers a common one: any of `any`, and `also` when given;
 * `unless` stops a near miss counting (staff with lived experience are not the frontline group).
 */
const SIGNS: Readonly<Record<CommonGroup, { readonly any: readonly RegExp[]; readonly also?: RegExp; readonly unless?: RegExp }>> = {
  drawOnCare: { any: [/\b(draws?|drawing|uses?|using|receives?|receiving|gets?|getting|needs?|needing)\b(?: [a-z-]+){0,2} (care|support|services?)\b/, /\bpeople (we|who we) support\b/, /\b(patients?|residents?|tenants?|clients?|citizens?|service users?)\b/] },
  unpaidCarers: { any: [/\bcarers?\b/, /\bfamil(y|ies)\b/, /\bparents?\b/, /\bguardians?\b/], unless: /\b(paid|professional) carers?\b/ },
  frontlineStaff: { any: [/\bfront[- ]?line\b/, /\b(care|support|social|key|community) workers?\b/, /\bnurses?\b/, /\bpractitioners?\b/, /\bstaff\b/, /\bpaid carers?\b/], unless: LIVED },
  decisionMakers: { any: [/\bcommissioners?\b/, /\bdecision[- ]?makers?\b/, /\b(managers?|directors?|leaders?|leadership|councillors?|board|executives?|budget holders?)\b/] },
  seldomHeard: { any: [/\bseldom[- ]heard\b/, /\bcommunit(y|ies)\b/, /\b(minorit(y|ies)|ethnic|faith|refugees?|asylum|travell?ers?|rural|homeless|lgbt\w*|deaf|blind)\b/], unless: /\bcommunity (nurses?|workers?|teams?|staff)\b/ },
  youngPeople: { any: [/\byoung (people|person|adults?|carers?)\b/, /\b(youth|children|child|teenagers?|students?|pupils?)\b/] },
  livedExperience: { any: [LIVED, /\bexperts? by experience\b/, /\bpeople who have\b/], unless: TEAM_WORDS },
  teamLivedExperience: { any: [LIVED, /\bexperts? by experience\b/], also: TEAM_WORDS },
};

function covers(group: StakeholderGroup, common: CommonGroup): boolean {
  const words = `${group.name} ${group.coming ?? ''}`.toLowerCase();
  const sign = SIGNS[common];
  if (sign.also && !sign.also.test(words)) return false;
  if (sign.unless && sign.unless.test(words)) return false;
  return sign.any.some((pattern) => pattern.test(words));
}

export interface WhoIsMissing {
  /** Common groups no listed group seems to cover. */
  readonly missing: readonly CommonGroup[];
  /** Listed groups marked as not (or only partly) represented, by their position in the list. */
  readonly underRepresented: readonly number[];
  /** True until the facilitator has said whether the group is diverse enough, and why not. */
  readonly askDiversity: boolean;
}

export function whoIsMissing(stakeholders: Stakeholders): WhoIsMissing {
  const named = stakeholders.groups.filter((g) => g.name.trim() !== '');
  return {
    missing: COMMON_GROUPS.filter((common) => !named.some((group) => covers(group, common))),
    underRepresented: stakeholders.groups.flatMap((g, index) => (g.name.trim() !== '' && g.represented !== 'yes' ? [index] : [])),
    askDiversity: (stakeholders.diversityNote ?? '').trim() === '',
  };
}

/** What the form sends, already known to be the right shape (the HTTP edge checks that). */
export interface StakeholdersInput {
  readonly groups: readonly { readonly name: string; readonly coming?: string | null; readonly represented: Represented }[];
  readonly diversityNote?: string | null;
}

/** Trims every field, drops rows left blank, and refuses what is too long to be a list. */
export function decideStakeholders(input: StakeholdersInput): Result<Stakeholders> {
  const problems = new Set<string>();
  const groups: StakeholderGroup[] = [];
  for (const raw of input.groups) {
    const name = raw.name.trim();
    const coming = (raw.coming ?? '').trim();
    if (name === '' && coming === '') continue;
    if (name === '') problems.add('Give each group a name, or clear the row.');
    if ([...name].length > MAX_GROUP_NAME) problems.add(`Please keep each group’s name to ${MAX_GROUP_NAME} characters or fewer.`);
    if ([...coming].length > MAX_GROUP_COMING) problems.add(`Please keep “who is coming” to ${MAX_GROUP_COMING} characters or fewer for each group.`);
    groups.push({ name, represented: raw.represented, ...(coming ? { coming } : {}) });
  }
  if (groups.length > MAX_GROUPS) problems.add(`List at most ${MAX_GROUPS} groups. Put similar groups together.`);
  const diversityNote = (input.diversityNote ?? '').trim();
  if ([...diversityNote].length > MAX_DIVERSITY_NOTE) problems.add(`Please keep the answer about diversity to ${MAX_DIVERSITY_NOTE} characters or fewer.`);
  if (problems.size > 0) return refused(...problems);
  return ok({ groups, ...(diversityNote ? { diversityNote } : {}) });
}

/** Reads the stored JSON back; an old or damaged row reads as an empty list. */
export function stakeholdersFromJson(json: unknown): Stakeholders {
  if (typeof json !== 'string') return { groups: [] };
  try {
    const parsed = JSON.parse(json) as { groups?: unknown; diversityNote?: unknown };
    const groups = Array.isArray(parsed.groups)
      ? parsed.groups.flatMap((g: { name?: unknown; coming?: unknown; represented?: unknown }) => {
          const represented = REPRESENTED.find((r) => r === g?.represented);
          return typeof g?.name === 'string' && represented ? [{ name: g.name, represented, ...(typeof g.coming === 'string' ? { coming: g.coming } : {}) }] : [];
        })
      : [];
    const decided = decideStakeholders({ groups, ...(typeof parsed.diversityNote === 'string' ? { diversityNote: parsed.diversityNote } : {}) });
    return decided.ok ? decided.value : { groups: [] };
  } catch {
    return { groups: [] };
  }
}
