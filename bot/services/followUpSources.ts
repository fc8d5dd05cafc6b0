/**
 * What an action can come from: notes (the person a note credits, if the credit can be tied to
 * exactly one person), sense-check answers with words (the person who answered for themselves),
 * and anonymous "unsaid" notes already reported to the facilitators (nobody: they have no author).
 * References name no person: ids and short tags only, resolved again on saving.
 */
import type { ActionSource } from '../core/actions';
import { itemTag } from '../core/digest';
import { personCredited } from '../core/digestView';
import type { Session } from '../core/session';
import type { SourceChoice } from '../cards/followUpActionCards';
import { consentPicture } from './consentPicture';
import type { ServiceDeps } from './deps';
import { namesOf, notesOf, senseChecksOf } from './digestSources';
import { reportedSoFar } from './unsaidStore';

export interface SourceCandidate extends SourceChoice {
  readonly who?: string;
}

const PER_KIND = 20;
const SELF_PREFIX = 'person:';

export async function sourceCandidates(deps: ServiceDeps, session: Session, now: Date): Promise<SourceCandidate[]> {
  const { sessionKey } = session;
  const [picture, notes, checks, anonymous] = await Promise.all([
    consentPicture(deps, session),
    notesOf(deps.store, sessionKey),
    senseChecksOf(deps.store, sessionKey),
    reportedSoFar(deps, sessionKey, now),
  ]);
  const people = namesOf(picture);
  const fromNotes = [...notes]
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
    .slice(0, PER_KIND)
    .map((note): SourceCandidate => {
      const who = note.credit ? personCredited(note.credit, people) : undefined;
      return { ref: `note:${note.id}`, kind: 'note', text: note.text, ...(who ? { who } : {}) };
    });
  const fromAnswers = checks
    .flatMap(({ check, answers }) => answers.filter((a) => a.missed).map((a) => ({ check, a })))
    .sort((x, y) => y.a.answeredAt.getTime() - x.a.answeredAt.getTime())
    .slice(0, PER_KIND)
    .map(({ check, a }): SourceCandidate => {
      const who = a.respondent.startsWith(SELF_PREFIX) ? a.respondent.slice(SELF_PREFIX.length) : undefined;
      return { ref: `answer:${check.id}:${a.statementIndex}:${itemTag(a.respondent)}`, kind: 'answer', text: a.missed as string, ...(who ? { who } : {}) };
    });
  // Row keys are random, so neither the order nor the tags say anything about when or who.
  const fromUnsaid = anonymous.notes.slice(0, PER_KIND).flatMap((row): SourceCandidate[] => (row.text ? [{ ref: `unsaid:${itemTag(row.rowKey)}`, kind: 'unsaid', text: row.text }] : []));
  return [...fromNotes, ...fromAnswers, ...fromUnsaid];
}

/** The chosen references as sources; references no longer offered are skipped. */
export function chosenSources(candidates: readonly SourceCandidate[], chosen: readonly string[]): ActionSource[] {
  return candidates
    .filter((c) => chosen.includes(c.ref))
    .map((c) => ({ kind: c.kind, ref: c.ref, text: c.text, ...(c.who ? { who: c.who } : {}) }));
}
