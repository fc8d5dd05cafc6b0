/**
 * The sealer job after answers: one job per session per minute, due a minute later, which chains
 * every answer into blocks so the record verifies; a row edited afterwards fails verification.
 */
import { CONSENT_TABLE } from '../../bot/core/consentLedger';
import { chainHead, verifyChain } from '../../bot/core/consentChain';
import { startMeeting, type MeetingHarness } from '../support/meetingHarness';
import { SESSION_KEY, answer, everything, eventsOf, postedConsentCard, setUpSession, storedEvents } from './consentKit';
import { PEOPLE } from '../support/meetingHarness';

let m: MeetingHarness;

beforeEach(async () => {
  m = await startMeeting();
  await setUpSession(m);
  await m.say('fola', 'consent');
  await m.settle();
});
afterEach(() => m.stop());

test('answers are sealed about a minute later and the chain verifies; an edited row is caught', async () => {
  const card = postedConsentCard(m);
  await answer(m, 'ash', everything('agree'), card);
  await answer(m, 'gabi', { recording: 'agree' }, card);
  await m.settle();
  const store = m.running.app.store;
  expect(await chainHead(store, SESSION_KEY)).toBeUndefined(); // not due yet

  m.clock.advance(61_000);
  await m.settle();
  const sealed = await verifyChain(store, SESSION_KEY);
  expect(sealed).toMatchObject({ ok: true, sealedEvents: 10, unsealedEvents: 0 });
  const head = await chainHead(store, SESSION_KEY);
  expect(head?.hash).toBe(sealed.head);

  // A later change of mind is sealed by its own minute's job, onto the same chain.
  await answer(m, 'ash', { ...everything('agree'), recording: 'notNow' }, card);
  m.clock.advance(61_000);
  await m.settle();
  const again = await verifyChain(store, SESSION_KEY);
  expect(again).toMatchObject({ ok: true, sealedEvents: 11, unsealedEvents: 0 });
  expect((await chainHead(store, SESSION_KEY))?.index).toBe(2);

  // Someone edits Gabi's stored answer: verification fails.
  const [gabiRecording] = (await eventsOf(m, PEOPLE.gabi)).filter((e) => e.scope === 'recording');
  const rows = await store.query(CONSENT_TABLE, SESSION_KEY, { rowKeyPrefix: `event|${gabiRecording.subjectId}|` });
  const row = rows.entities.find((e) => e.props.scope === 'recording');
  if (!row) throw new Error('no row');
  await store.merge(CONSENT_TABLE, { partitionKey: SESSION_KEY, rowKey: row.rowKey, props: { choice: 'notNow' } }, row.etag);
  const tampered = await verifyChain(store, SESSION_KEY);
  expect(tampered.ok).toBe(false);
  expect(tampered.problems.join(' ')).toContain('has been changed');
  expect(await storedEvents(m)).toHaveLength(11);
});
