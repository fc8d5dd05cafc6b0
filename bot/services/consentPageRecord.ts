/**
 * The organisers' copy of a session's consent record, as a spreadsheet file (CSV) that is safe to
 * open. Pending answers are sealed first, so the chain head printed at the top covers every row;
 * the file says whether the chain checked out. Erased people appear as "(erased)". The tab's
 * organiser view serves this (its endpoint checks the caller is a facilitator of the session).
 */
import { sealPending, verifyChain } from '../core/consentChain';
import { peopleOfSession } from '../core/consentPeople';
import { consentRecordCsv as buildCsv, type ConsentRecordWords } from '../core/csv';
import { fillIn, myDataStrings } from '../cards/strings/myData.en-GB';
import { eventsBySubject } from './consentPicture';
import type { ServiceDeps } from './deps';

const words = myDataStrings.record;

const RECORD_WORDS: ConsentRecordWords = {
  columns: words.columns,
  scopes: myDataStrings.scopes,
  kinds: words.kinds,
  methods: words.methods,
  yes: words.yes,
  no: words.no,
  erased: words.erased,
  noName: words.noName,
  summary: (s) =>
    fillIn(words.summary, {
      head: s.head ?? words.noHead,
      verdict: s.verified ? words.verified : `${words.notVerified} ${s.problems.join(' ')}`,
      sealed: s.sealedEvents,
      unsealed: s.unsealedEvents,
    }),
};

export async function consentRecordCsv(deps: ServiceDeps, sessionKey: string): Promise<string> {
  await sealPending(deps.store, sessionKey, deps.clock.now());
  const verification = await verifyChain(deps.store, sessionKey);
  const events = [...(await eventsBySubject(deps.store, sessionKey)).values()].flat();
  const people = await peopleOfSession(deps.store, sessionKey);
  deps.logger.info({ events: events.length, verified: verification.ok }, 'consent record exported');
  return buildCsv(
    {
      events,
      people,
      summary: {
        ...(verification.head ? { head: verification.head } : {}),
        verified: verification.ok,
        sealedEvents: verification.sealedEvents,
        unsealedEvents: verification.unsealedEvents,
        problems: verification.problems,
      },
    },
    RECORD_WORDS,
  );
}
