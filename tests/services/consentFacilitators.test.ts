/**
 * The facilitators' side of consent, through the real endpoint: "clear to record" only when every
 * known person agreed and a facilitator confirmed (and not again after someone new joins), an
 * immediate private alert when someone takes back a yes, notetaker advice after a "not now" to
 * recording, and answers a facilitator records for someone, marked with how they were given.
 */
import { CONSENT_TABLE } from '../../bot/core/consentLedger';
import { peopleOfSession } from '../../bot/core/consentPeople';
import { expectValidTeamsCard } from '../support/cardChecks';
import { CHAT, PEOPLE, cardOf, personalChatOf, startMeeting, textOf, type MeetingHarness } from '../support/meetingHarness';
import {
  SESSION_KEY, answer, button, choiceData, eventsOf, everything, expectMeetingChatShowsNoWhoOrWhat, personRow, postedConsentCard, setUpSession, storedEvents, whoOfPerson,
} from './consentKit';

let m: MeetingHarness;
let card: Record<string, unknown>;

beforeEach(async () => {
  m = await startMeeting();
  await setUpSession(m);
  await m.openPersonalChats('fola', 'pria');
  await m.say('fola', 'consent');
  await m.settle();
  card = postedConsentCard(m);
});
afterEach(() => m.stop());

const check = (who: 'fola' | 'pria' | 'ash', step?: string) => m.press(who, 'consent.confirmClearToRecord', { sessionKey: SESSION_KEY, ...(step ? { step } : {}) });
const privateText = (who: 'fola' | 'pria') => m.sent(personalChatOf(who)).map((c) => textOf(c.body)).join('\n');

test('clear to record only when everyone known agreed and a facilitator confirmed; someone new makes it not clear again', async () => {
  for (const who of ['fola', 'ash', 'gabi'] as const) await answer(m, who, everything('agree'), card);
  await answer(m, 'pria', { recording: 'notNow' }, card);

  const first = await check('fola');
  expectValidTeamsCard(first.body?.value);
  const view = textOf(first.body?.value);
  expect(view).toContain('Not clear to record yet.');
  expect(view).toContain('People who said not now to recording: 1.');
  expect(view).toContain('No facilitator has confirmed yet');
  expect(view).toContain('Pria Tester');
  // Confirming does not make it clear while someone has said not now.
  const early = await check('fola', 'confirm');
  expect(textOf(early.body?.value)).not.toContain('Clear to record.');

  expect((await check('ash')).body).toMatchObject({ statusCode: 403 });
  await answer(m, 'pria', everything('agree'), card);
  const stillConfirmed = textOf((await check('pria')).body?.value);
  expect(stillConfirmed).toContain('Clear to record.'); // the confirmation covered these four people

  await m.meetingEvent('join', { who: ['cal'] });
  const afterJoin = textOf((await check('fola')).body?.value);
  expect(afterJoin).toContain('Not clear to record: 1 person we cannot see or who has not answered.');
  expect(afterJoin).toContain('People whose names we do not know: 1.');

  await answer(m, 'cal', everything('agree'), card);
  const answeredNotConfirmed = textOf((await check('fola')).body?.value);
  expect(answeredNotConfirmed).toContain('Not clear to record yet.');
  expect(answeredNotConfirmed).toContain('No facilitator has confirmed yet');
  const confirmed = await check('fola', 'confirm');
  expect(textOf(confirmed.body?.value)).toContain('Your confirmation is saved.');
  expect(textOf(confirmed.body?.value)).toContain('Clear to record.');
  const again = await check('pria', 'confirm');
  expect(textOf(again.body?.value)).toContain('already confirmed');

  const confirmations = await m.running.app.store.query(CONSENT_TABLE, SESSION_KEY, { rowKeyPrefix: 'confirm|' });
  expect(confirmations.entities).toHaveLength(2);
  // The last confirmation covered the five people known then, by pseudonym: no Teams ids kept there.
  const covered = JSON.parse(String(confirmations.entities[1].props.covered)) as string[];
  expect(covered).toHaveLength(5);
  const raw = JSON.stringify(confirmations.entities.map((e) => e.props));
  for (const p of Object.values(PEOPLE)) expect(raw).not.toContain(p.aadObjectId);
  expect(raw).not.toContain(whoOfPerson(PEOPLE.cal));
  expectMeetingChatShowsNoWhoOrWhat(m);
});

test('someone taking back a yes during the meeting: an immediate private alert to each facilitator, nothing in the chat', async () => {
  await answer(m, 'ash', everything('agree'), card);
  await m.settle();
  expect(privateText('fola')).not.toContain('changed their mind');

  await answer(m, 'ash', { transcript: 'agree', aiSummary: 'agree', named: 'agree', quoted: 'agree' }, card);
  await m.settle(); // no clock moves: the alert is not batched
  for (const who of ['fola', 'pria'] as const) {
    const alerts = m.sent(personalChatOf(who)).filter((c) => textOf(c.body).includes('Someone has changed their mind'));
    expect(alerts).toHaveLength(1);
    expectValidTeamsCard(cardOf(alerts[0]));
    expect(textOf(alerts[0].body)).toContain('Ash Tester');
    expect(textOf(alerts[0].body)).toContain('Recording the meeting');
  }
  // A "not now" to recording also brings the notetaker advice, once.
  expect(privateText('fola')).toContain('Think about using a notetaker instead');
  await answer(m, 'gabi', {}, card);
  await m.settle();
  expect(privateText('fola').match(/Think about using a notetaker/g)).toHaveLength(1);
  expectMeetingChatShowsNoWhoOrWhat(m);
});

test('a facilitator records answers given by phone or in the room: method, the facilitator as actor, marked in the view', async () => {
  await answer(m, 'gabi', { recording: 'agree' }, card);
  expect((await m.press('ash', 'consent.recordForSomeone', { sessionKey: SESSION_KEY })).body).toMatchObject({ statusCode: 403 });

  const form = await m.press('fola', 'consent.recordForSomeone', { sessionKey: SESSION_KEY });
  expectValidTeamsCard(form.body?.value);
  const save = button(form.body?.value, 'consent.recordForSomeone', 'save');

  const noMethod = await m.press('fola', 'consent.recordForSomeone', { ...save.data, consentName: 'Dee Phone', ...choiceData({ recording: 'agree' }) });
  expect(textOf(noMethod.body?.value)).toContain('Choose how they answered.');
  expect(await storedEvents(m)).toHaveLength(5);

  const byPhone = { ...save.data, consentName: 'Dee Phone', consentMethod: 'phone', consentWordingVariant: 'easyRead', ...choiceData({ recording: 'agree' }) };
  const saved = await m.press('fola', 'consent.recordForSomeone', byPhone);
  expect(textOf(saved.body?.value)).toMatch(/Answers recorded for: +Dee Phone +\(by phone\)/);
  const repeat = await m.press('fola', 'consent.recordForSomeone', { ...byPhone, consentName: '  dee phone ' });
  expect(textOf(repeat.body?.value)).toContain('nothing changed');

  const people = await peopleOfSession(m.running.app.store, SESSION_KEY);
  const dee = people.filter((p) => p.roster);
  expect(dee).toHaveLength(1);
  const fola = await personRow(m, PEOPLE.fola);
  const deeEvents = (await storedEvents(m)).filter((e) => e.subjectId === dee[0].subjectId);
  expect(deeEvents).toHaveLength(5);
  for (const e of deeEvents) {
    expect(e.method).toBe('phone');
    expect(e.actorSubjectId).toBe(fola?.subjectId);
    expect(e.wording.variant).toBe('easyRead');
  }

  // Picking someone seen in the session: Gabi answered in the room and changed her mind.
  const gabiPick = (form.body?.value as { body: { id?: string; choices?: { title: string; value: string }[] }[] }).body
    .find((e) => e.id === 'consentPerson')?.choices?.find((c) => c.title === 'Gabi Tester')?.value;
  expect(gabiPick).toBeDefined();
  await m.press('pria', 'consent.recordForSomeone', { ...save.data, consentPerson: gabiPick, consentMethod: 'inRoom', ...choiceData({}) });
  const gabi = await eventsOf(m, PEOPLE.gabi);
  expect(gabi.filter((e) => e.method === 'inRoom').map((e) => [e.scope, e.kind])).toEqual([['recording', 'withdraw']]);
  expect(gabi.find((e) => e.method === 'inRoom')?.actorSubjectId).toBe((await personRow(m, PEOPLE.pria))?.subjectId);

  const forged = await m.press('fola', 'consent.recordForSomeone', { ...save.data, consentPerson: 'r:roster|not-here', consentMethod: 'paper', ...choiceData({}) });
  expect(textOf(forged.body?.value)).toContain('could not be found');

  const view = textOf((await check('fola')).body?.value);
  expect(view).toContain('Dee Phone');
  expect(view).toContain('recorded by a facilitator: by phone');
  expect(view).toContain('recorded by a facilitator: in the room');
  await m.settle();
  expect(privateText('fola')).toContain('Gabi Tester'); // the withdrawal alert, marked as recorded
  expect(privateText('fola')).toContain('recorded by a facilitator: in the room');
  // Gabi's own view says a facilitator recorded some of her answers.
  const gabiOwn = await answer(m, 'gabi', {}, card);
  expect(textOf(gabiOwn.body?.value)).toContain('recorded for you by a facilitator');

  m.clock.advance(13_000);
  await m.settle();
  const count = m.sent(CHAT).filter((c) => c.method === 'PUT').map((c) => textOf(cardOf(c)));
  expect(count[count.length - 1]).toContain('2 of 2 have answered');
  expectMeetingChatShowsNoWhoOrWhat(m, ['Dee']);
});
