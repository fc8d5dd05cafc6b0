/**
 * A facilitator records the consent of someone who answered out loud, by phone, on paper or in the
 * room (DESIGN.md "Actor and subject": the one case where subject and actor differ). The person is
 * someone seen in this session (attendance or an earlier roster entry) or a typed name, which
 * becomes a roster entry. The events carry the method and the facilitator's subject id.
 */
import { cleanName, sameName, type AttendanceRecord } from '../core/attendance';
import { peopleOfSession, rosterWho, subjectFor, type ConsentPerson } from '../core/consentPeople';
import { recordChoices } from '../core/consentRecords';
import { FACILITATOR_METHODS, type ConsentMethod } from '../core/consentScopes';
import { consentOf } from '../core/consentState';
import { tellPresser } from '../core/turn';
import { consentRecordedCard, consentRecordFormCard, MAX_RECORDED_NAME, RECORD_INPUTS, type PickablePerson } from '../cards/consentRecordCard';
import { consentWording } from './consentWording';
import { consentStrings, fillConsent } from '../cards/strings/consent.en-GB';
import type { VerbHandler } from './capability';
import { loadAttendance } from './attendance';
import { afterConsentWritten } from './consentAfter';
import { choicesFrom } from './consentAnswering';
import { attendanceWho } from './consentPicture';
import { shownWording, variantOf } from './consentPosting';
import { whoOf } from './consentSessions';
import type { ServiceDeps } from './deps';

const text = consentStrings.record;
const ATTENDANCE_PICK = 'a:';
const ROSTER_PICK = 'r:';

interface Candidates {
  readonly attendance: readonly AttendanceRecord[];
  readonly roster: readonly ConsentPerson[];
  readonly list: readonly PickablePerson[];
}

/** Named people seen in the session, and roster entries, each once, by name. */
async function candidates(deps: ServiceDeps, sessionKey: string): Promise<Candidates> {
  const [attendance, people] = await Promise.all([loadAttendance(deps, sessionKey), peopleOfSession(deps.store, sessionKey)]);
  const roster = people.filter((p) => p.roster);
  const seen = new Set<string>();
  const list: PickablePerson[] = [];
  for (const record of attendance) {
    if (!record.name) continue;
    seen.add(attendanceWho(record));
    list.push({ value: ATTENDANCE_PICK + record.rowKey, name: record.name });
  }
  for (const person of roster) {
    if (!seen.has(person.who) && person.name) list.push({ value: ROSTER_PICK + person.who, name: person.name });
  }
  return { attendance, roster, list: list.sort((a, b) => a.name.localeCompare(b.name, 'en-GB')) };
}

type Subject = { readonly who: string; readonly name: string; readonly roster: boolean } | { readonly problem: string };

function subjectOfForm(deps: ServiceDeps, found: Candidates, pick: unknown, typed: unknown): Subject {
  if (typeof pick === 'string' && pick !== '') {
    const record = pick.startsWith(ATTENDANCE_PICK) ? found.attendance.find((r) => r.rowKey === pick.slice(ATTENDANCE_PICK.length)) : undefined;
    if (record?.name) return { who: attendanceWho(record), name: record.name, roster: whoOf(record) === undefined };
    const person = pick.startsWith(ROSTER_PICK) ? found.roster.find((p) => p.who === pick.slice(ROSTER_PICK.length)) : undefined;
    if (person?.name) return { who: person.who, name: person.name, roster: true };
    return { problem: text.unknownPerson };
  }
  if (typeof typed === 'string' && [...typed.trim()].length > MAX_RECORDED_NAME) return { problem: fillConsent(text.nameTooLong, { max: MAX_RECORDED_NAME }) };
  const name = typeof typed === 'string' ? cleanName(typed) : undefined;
  if (!name) return { problem: text.noPerson };
  // The same typed name twice is the same roster entry, not a second person.
  const known = found.roster.find((p) => sameName(p.name, name));
  return { who: known?.who ?? rosterWho(deps.ids), name: known?.name ?? name, roster: true };
}

function methodOf(value: unknown): ConsentMethod | undefined {
  return FACILITATOR_METHODS.find((m) => m === value);
}

/** Without `step`: the form. With `step: 'save'`: record it and confirm, privately. */
export const recordConsentForSomeone: VerbHandler = {
  run: async ({ turn, data, session: { session }, deps }) => {
    const found = await candidates(deps, session.sessionKey);
    const standard = consentWording('standard', session.safeguardingContact);
    const form = { sessionKey: session.sessionKey, wording: standard, people: found.list };
    if (data.step !== 'save') return { kind: 'card', card: consentRecordFormCard(form) };

    const facilitatorWho = whoOf(turn.actor);
    if (!facilitatorWho) return tellPresser(consentStrings.answer.noIdentity);
    const subject = subjectOfForm(deps, found, data[RECORD_INPUTS.person], data[RECORD_INPUTS.name]);
    const method = methodOf(data[RECORD_INPUTS.method]);
    const variant = variantOf(data[RECORD_INPUTS.variant]);
    const choices = choicesFrom(data);
    const problems = [
      ...('problem' in subject ? [subject.problem] : []),
      ...(method ? [] : [text.noMethod]),
      ...(variant && choices ? [] : [consentStrings.answer.badChoice]),
    ];
    if ('problem' in subject || !method || !variant || !choices) {
      const values = {
        ...(typeof data[RECORD_INPUTS.person] === 'string' ? { person: data[RECORD_INPUTS.person] as string } : {}),
        ...(typeof data[RECORD_INPUTS.name] === 'string' ? { name: (data[RECORD_INPUTS.name] as string).slice(0, MAX_RECORDED_NAME) } : {}),
        ...(method ? { method } : {}),
        ...(variant ? { variant } : {}),
        ...(choices ? { choices } : {}),
      };
      return { kind: 'card', card: consentRecordFormCard({ ...form, values, problems }) };
    }

    const person = await subjectFor(deps.store, deps.ids, session.sessionKey, subject.who, subject.name, subject.roster);
    const facilitator = await subjectFor(deps.store, deps.ids, session.sessionKey, facilitatorWho, turn.actor.name);
    const wording = await shownWording(deps, session, variant, turn.now);
    const recorded = await recordChoices(deps.store, {
      sessionKey: session.sessionKey,
      subjectId: person.subjectId,
      actorSubjectId: facilitator.subjectId,
      method,
      wording: { variant, hash: wording.hash },
      choices,
      now: turn.now,
    });
    await afterConsentWritten(deps, session, person, recorded.written, turn.now);
    deps.logger.info({ method, events: recorded.written.length }, 'consent recorded by a facilitator');
    return {
      kind: 'card',
      card: consentRecordedCard({
        sessionKey: session.sessionKey,
        wording: standard,
        name: subject.name,
        method,
        choices: consentOf(person, recorded.all).choices,
        outcome: recorded.written.length > 0 ? 'saved' : 'unchanged',
      }),
    };
  },
};
