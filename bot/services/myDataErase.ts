/**
 * Erasing a person's data everywhere we can find it by who they are: in each of their sessions,
 * the consent person row (replaced by a tombstone, so the chain stays verifiable), attendance
 * rows, sense-check answers and purpose answer; then their private-chat row. Anything they had
 * agreed to is withdrawn first, so no agreement outlives the person's wish to leave. Their
 * withdrawal links stop working. Safe to run again: a second run finds nothing and changes nothing.
 * Logs carry counts only.
 */
import { CONSENT_TABLE, sha256 } from '../core/consentLedger';
import { personFromEntity } from '../core/consentPeople';
import { eventsOfSubject, recordChoices } from '../core/consentRecords';
import type { ConsentMethod } from '../core/consentScopes';
import { eraseConsentPerson } from '../core/erasure';
import { PERSONAL_CHATS_TABLE } from '../core/personalChats';
import { PURPOSE_ANSWERS_TABLE } from '../core/purposeAnswers';
import { SENSE_ANSWERS_TABLE } from '../core/senseCheck';
import { ATTENDANCE_TABLE } from '../core/attendance';
import { agreedScopes, latestWording } from '../core/withdrawalChoices';
import { revokeCodesOfSubject } from '../core/withdrawalTokens';
import { myDataStrings } from '../cards/strings/myData.en-GB';
import { loadSession } from '../core/sessionStore';
import { afterConsentWritten } from './consentAfter';
import type { ServiceDeps } from './deps';
import { eraseFollowUpPerson } from './followUpPersonalData';
import { senseCheckIdsOf } from '../core/senseCheckStore';
import { attendanceOf, consentPersonRow, respondentOf, senseAnswerRows, type DataSubject } from './myDataCollect';
import { sessionsToSearch } from './myDataSessions';

/** The person who erases answers for themselves: by card, in their 1:1 chat, or on the page. */
export type ErasureMethod = Extract<ConsentMethod, 'card' | 'personalChat' | 'link'>;

export interface ErasureOutcome {
  /** Sessions in which something was deleted. */
  readonly sessions: number;
  readonly personalChat: boolean;
}

interface Counts {
  consent: number;
  withdrawn: number;
  attendance: number;
  answers: number;
  purpose: number;
  followUp: number;
}

/** What the consent record says the person saw when they erased (for the withdrawals it makes). */
const ERASE_WORDING = { variant: 'standard' as const, hash: sha256([myDataStrings.erase.confirmBody, myDataStrings.erase.confirmWithdraw].join('\n')) };
const MAX_TRIES = 4;

export async function eraseMyData(deps: ServiceDeps, subject: DataSubject, alsoSessions: readonly string[], method: ErasureMethod, now: Date): Promise<ErasureOutcome> {
  const counts: Counts = { consent: 0, withdrawn: 0, attendance: 0, answers: 0, purpose: 0, followUp: 0 };
  let sessions = 0;
  for (const sessionKey of await sessionsToSearch(deps, subject.who, alsoSessions)) {
    const before = total(counts);
    await eraseConsent(deps, sessionKey, subject.who, method, now, counts);
    for (const record of await attendanceOf(deps, sessionKey, subject)) {
      if ((await deps.store.delete(ATTENDANCE_TABLE, sessionKey, record.rowKey, '*')).ok) counts.attendance++;
    }
    const respondent = respondentOf(deps, subject.who);
    for (const checkId of await senseCheckIdsOf(deps.store, sessionKey)) {
      for (const row of await senseAnswerRows(deps.store, sessionKey, checkId, respondent)) {
        if ((await deps.store.delete(SENSE_ANSWERS_TABLE, row.partitionKey, row.rowKey, '*')).ok) counts.answers++;
      }
    }
    if ((await deps.store.delete(PURPOSE_ANSWERS_TABLE, sessionKey, subject.who, '*')).ok) counts.purpose++;
    counts.followUp += await eraseFollowUpPerson(deps, sessionKey, subject.who, now);
    if (total(counts) > before) sessions++;
  }
  const personalChat = (await deps.store.delete(PERSONAL_CHATS_TABLE, subject.who, 'chat', '*')).ok;
  // Looking up drops the index entries that now point at deleted person rows.
  await sessionsToSearch(deps, subject.who, []);
  deps.logger.info({ sessions, ...counts, personalChat, method }, 'personal data erased');
  return { sessions, personalChat };
}

function total(c: Counts): number {
  return c.consent + c.attendance + c.answers + c.purpose + c.followUp;
}

/** Withdraws what they agreed to, then swaps their person row for a tombstone in one batch. */
async function eraseConsent(deps: ServiceDeps, sessionKey: string, who: string, method: ErasureMethod, now: Date, counts: Counts): Promise<void> {
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    const row = await consentPersonRow(deps.store, sessionKey, who);
    const person = row && personFromEntity(row);
    if (!row || !person) return;
    const { subjectId } = person;
    const events = await eventsOfSubject(deps.store, sessionKey, subjectId);
    // Only what they had agreed to: a choice they never answered stays unanswered.
    const agreed = agreedScopes(events);
    if (agreed.length > 0) {
      const recorded = await recordChoices(deps.store, {
        sessionKey,
        subjectId,
        actorSubjectId: subjectId,
        method,
        wording: latestWording(events, ERASE_WORDING),
        choices: Object.fromEntries(agreed.map((scope) => [scope, 'notNow' as const])),
        now,
      });
      counts.withdrawn += recorded.written.length;
      // Facilitators still hear at once that a yes was taken back, but not whose it was.
      const stored = await loadSession(deps.store, sessionKey);
      const unnamed = { subjectId, who, roster: person.roster };
      if (stored) await afterConsentWritten(deps, stored.session, unnamed, recorded.written, now);
    }
    const erased = await deps.store.batch(CONSENT_TABLE, sessionKey, eraseConsentPerson(row, subjectId, now));
    if (erased.ok) {
      counts.consent++;
      await revokeCodesOfSubject(deps.store, { sessionKey, subjectId });
      return;
    }
    // The row changed (a fresh display name) between reading and deleting: read again.
  }
  deps.logger.warn({ step: 'consentPerson' }, 'personal data erasure could not finish one session');
}
