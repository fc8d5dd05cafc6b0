/**
 * Labels that turn people into categories ("service users", "cases", "the vulnerable"). The
 * co-production guide calls this language unhelpful; council language guides replace it with
 * "people who draw on care and support". The patterns are deliberately narrow: "bus users",
 * "wheelchair users", "in some cases" and "a case study" are ordinary English and must not be
 * flagged, because a checker that nags about good writing soon gets switched off.
 */

export type LabelRuleId =
  | 'label.serviceUsers'
  | 'label.beneficiaries'
  | 'label.recipients'
  | 'label.theVulnerable'
  | 'label.hardToReach'
  | 'label.cases';

export interface LabelMatch {
  readonly rule: LabelRuleId;
  readonly start: number;
  readonly end: number;
  readonly suggestion: string;
}

interface LabelRule {
  readonly id: LabelRuleId;
  /** Each pattern names the words to mark with a `label` group; flags must include g, i and d. */
  readonly patterns: readonly RegExp[];
  readonly suggestion: string;
  /** Turns down a match that is ordinary English in context. */
  readonly isIdiom?: (textBefore: string) => boolean;
}

const PEOPLE_NOUNS = 'groups?|communit(?:y|ies)|people|famil(?:y|ies)|audiences?|populations?|residents|adults|carers|men|women|parents';
// Verbs that only a person does: "cases attended", "cases told us".
const PERSON_VERBS =
  'attended|attend|said|say|told|tell|felt|feel|complained|agreed|joined|came|arrived|wanted|want|asked|refused|declined|chose|lived|lives|live|need|needed';
// Things done to a person: "cases were interviewed", "we will invite complex cases".
const DONE_TO_PEOPLE = 'interviewed|discharged|visited|consulted|invited|contacted|supported|phoned|recruited|thanked|paid';
const DOING_TO_PEOPLE =
  'interview|interviewed|visit|visited|invite|invited|support|supported|phone|phoned|meet|met|consult|consulted|discharge|discharged|pay|paid|recruit|recruited|thank|thanked';

const LABEL_RULES: readonly LabelRule[] = [
  {
    id: 'label.serviceUsers',
    patterns: [
      /\b(?<label>service[- ]users?)\b/dgi,
      /\b(?<label>users of (?:our|the|this|these|their|your|its) (?:care |support )?services?)\b/dgi,
    ],
    suggestion: 'Say "people who draw on care and support", or ask people how they would like to be described.',
  },
  {
    id: 'label.beneficiaries',
    patterns: [/\b(?<label>beneficiar(?:y|ies))\b/dgi],
    suggestion: 'Say "the people this is for", or "people who draw on care and support".',
  },
  {
    id: 'label.recipients',
    patterns: [
      /\b(?<label>(?:care|service|support|benefits?|welfare|aid|package|payment) recipients?)\b/dgi,
      /\b(?<label>recipients? of (?:[a-z]+ ){0,2}?(?:care|support|services?|benefits?|help|aid|treatment|payments?))\b/dgi,
    ],
    suggestion: 'People are more than what they receive. Say "people who draw on care and support".',
  },
  {
    id: 'label.theVulnerable',
    patterns: [/\b(?<label>the (?:most )?vulnerable)\b/dgi],
    suggestion: 'Say who you mean and what puts them at risk, for example "people at risk of harm".',
  },
  {
    id: 'label.hardToReach',
    patterns: [
      new RegExp(`\\b(?<label>hard[- ]to[- ]reach)(?= (?:${PEOPLE_NOUNS})\\b)`, 'dgi'),
      /\bthe (?<label>hard[- ]to[- ]reach)(?=\s*(?:[.,;:!?)]|$)|\s+(?:and|or|who|are|were|will|in|to|as|at|on|for|from|with|is)\b)/dgi,
      new RegExp(`\\b(?:${PEOPLE_NOUNS}|those) (?:who|that) (?:are|were|seem|feel) (?<label>hard to reach)\\b`, 'dgi'),
    ],
    suggestion: 'Say "people we have not reached yet", and ask what gets in their way.',
  },
  {
    id: 'label.cases',
    patterns: [
      new RegExp(`\\b(?<label>cases?) (?:were |are |was |is |have been |has been |had been |will be )?(?:${DONE_TO_PEOPLE})\\b`, 'dgi'),
      /\b(?<label>cases?) (?:who|whom)\b/dgi,
      new RegExp(`\\b(?<label>cases?) (?:also |then |all |often |never |usually )?(?:${PERSON_VERBS})\\b`, 'dgi'),
      new RegExp(
        `\\b(?:${DOING_TO_PEOPLE}) (?:(?:the|our|my|your|their|these|those|all|some|complex|new|open|difficult|existing|active|urgent|current|\\d+) ){0,2}(?<label>cases)\\b(?! (?:of|for|where|when|in|that|against|about)\\b)`,
        'dgi',
      ),
    ],
    suggestion: 'Call them people, not cases, for example "the people taking part".',
    // "In some cases", "in this case", "in most of the cases": the word means situations.
    isIdiom: (textBefore) => /\bin (?:[a-z]+ ){0,3}$/i.test(textBefore),
  },
];

/** Every label in the text, in order of where it starts. */
export function findLabels(text: string): LabelMatch[] {
  const found: LabelMatch[] = [];
  for (const rule of LABEL_RULES) {
    for (const pattern of rule.patterns) {
      for (const match of text.matchAll(pattern)) {
        const span = match.indices?.groups?.label;
        if (!span) continue;
        const [start, end] = span;
        if (rule.isIdiom?.(text.slice(0, start))) continue;
        // Two patterns of one rule can find the same words; mark them once.
        if (found.some((f) => f.rule === rule.id && f.start < end && start < f.end)) continue;
        found.push({ rule: rule.id, start, end, suggestion: rule.suggestion });
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
