/**
 * What the consent record says now, for the facilitators' private view: who has not answered, who
 * said no, and whether it is clear to record. "Clear to record" needs two things: every known
 * participant agreed to recording, and a facilitator confirmed that everyone present — including
 * people on the phone or in the room, whom Teams cannot show us — was asked. A confirmation counts
 * only for the people known when it was given: anyone new makes it "not clear" again.
 */
import { latestChoices, type ConsentEvent } from './consentLedger';
import type { ConsentPerson } from './consentPeople';
import type { ConsentChoice, ConsentScope } from './consentScopes';
import { CONSENT_SCOPES } from './consentScopes';

export interface PersonConsent {
  readonly person: ConsentPerson;
  /** Latest choice per scope; a scope never answered is absent. */
  readonly choices: Partial<Record<ConsentScope, ConsentChoice>>;
  readonly answered: boolean;
  /** Any answer recorded by a facilitator rather than the person. */
  readonly recordedByFacilitator: boolean;
}

export function consentOf(person: ConsentPerson, events: readonly ConsentEvent[]): PersonConsent {
  const latest = latestChoices(events);
  const choices: Partial<Record<ConsentScope, ConsentChoice>> = {};
  for (const scope of CONSENT_SCOPES) {
    const event = latest[scope];
    if (event) choices[scope] = event.choice;
  }
  return {
    person,
    choices,
    answered: events.length > 0,
    recordedByFacilitator: events.some((e) => e.actorSubjectId !== e.subjectId),
  };
}

export interface Confirmation {
  readonly at: string;
  /** The `who` of every known participant when the facilitator confirmed. */
  readonly knownWho: readonly string[];
}

export type RecordingClearance =
  | { readonly clear: true }
  | {
      readonly clear: false;
      /** Known people who have not answered about recording. */
      readonly notAnswered: number;
      /** Known people whose answer about recording is "not now". */
      readonly saidNo: number;
      /** A facilitator still has to confirm everyone present was asked (or again, after someone new). */
      readonly needsConfirmation: boolean;
    };

/**
 * `knownWho`: everyone we know is taking part (present in the meeting, or added to the roster by a
 * facilitator). People we cannot see are covered only by the facilitator's confirmation.
 */
export function recordingClearance(knownWho: readonly string[], consents: readonly PersonConsent[], confirmation: Confirmation | undefined): RecordingClearance {
  const byWho = new Map(consents.map((c) => [c.person.who, c]));
  let notAnswered = 0;
  let saidNo = 0;
  for (const who of new Set(knownWho)) {
    const choice = byWho.get(who)?.choices.recording;
    if (choice === undefined) notAnswered++;
    else if (choice !== 'agree') saidNo++;
  }
  const confirmed = confirmation !== undefined && knownWho.every((who) => confirmation.knownWho.includes(who));
  if (notAnswered === 0 && saidNo === 0 && confirmed && knownWho.length > 0) return { clear: true };
  return { clear: false, notAnswered, saidNo, needsConfirmation: !confirmed };
}

/** Public "N of M have answered": counts only, never who or what. */
export function answeredCount(knownWho: readonly string[], consents: readonly PersonConsent[]): { readonly answered: number; readonly expected: number } {
  const answered = new Set(consents.filter((c) => c.answered).map((c) => c.person.who));
  const expected = new Set([...knownWho, ...answered]).size;
  return { answered: answered.size, expected };
}
