/**
 * The organiser view's data (payments, access needs, who attended) changes what happens but
 * never reaches a chat: every activity the bot sends is checked. Access needs tighten the break
 * rule, remind facilitators about captions and BSL at the start without naming anyone, and remind
 * organisers about papers days ahead. Payments are proposed from attendance, confirmed, marked
 * paid or declined, chased after 14 days, and exported safely; a person sees only due or paid.
 */
import { loadSession } from '../../bot/core/sessionStore';
import { personId } from '../../bot/core/personalChats';
import { prefersEasyRead } from '../../bot/services/followUpAccess';
import { attendanceCsvFor, actionsCsvFor, consentCsvFor, emailReadyText, participantPack, paymentsCsvFor, senseChecksCsvFor } from '../../bot/services/exports';
import { confirmPayment, organiserPayments, proposePayments, setPaymentRate, setWhoIsThis, settlePayment } from '../../bot/services/payments';
import { expectValidTeamsCard } from '../support/cardChecks';
import { CHAT, PEOPLE, TENANT, startMeeting, textOf, type MeetingHarness } from '../support/meetingHarness';
import { approve, chatText, expectNoneOf, invokeCard, invokeText, MEETING_START, MINUTE, openReview, personal, posts, saveWrapUp, servicesOf, SESSION_KEY, setUpSession } from './followUpKit';
import { personalChatOf } from '../support/meetingHarness';
import { answer as answerConsent } from './consentKit';

let m: MeetingHarness;
const who = (name: 'ash' | 'gabi' | 'cal') => personId({ tenantId: TENANT, aadObjectId: PEOPLE[name].aadObjectId });
const SECRETS = ['Ashley Hidden-Name', 'ash.private@example.org', 'Universal Credit', 'I use a wheelchair ramp', '£', 'Gabi Tester', 'Cal Tester'];

afterEach(() => m.stop());

async function session() {
  const stored = await loadSession(m.running.app.store, SESSION_KEY);
  if (!stored) throw new Error('no session');
  return stored.session;
}

describe('during and after a session', () => {
  beforeEach(async () => {
    m = await startMeeting({ env: { PUBLIC_URL: 'https://coproduce.example' } });
    await setUpSession(m, { programmeId: 'Transport 2026' });
    await m.openPersonalChats('fola', 'pria', 'ash', 'gabi');
  });

  test('access needs change things; payments flow; nothing from the organiser view appears in any chat message', async () => {
    const deps = servicesOf(m, 'https://coproduce.example');
    // Ash enters their own needs; Fola records Gabi's, only with Gabi's agreement.
    const form = invokeCard(await m.press('ash', 'access.open', { sessionKey: SESSION_KEY }));
    expectValidTeamsCard(form);
    expect(JSON.stringify(form)).not.toContain('access.recordFor');
    expect(invokeText(await m.press('ash', 'access.save', { sessionKey: SESSION_KEY, 'need.captions': 'true', 'need.moreBreaks': 'true', 'need.easyRead': 'true', otherNeeds: 'I use a wheelchair ramp' }))).toContain('Thank you');
    const refused = invokeCard(await m.press('fola', 'access.recordFor', { sessionKey: SESSION_KEY, forPerson: PEOPLE.gabi.aadObjectId, 'need.bsl': 'true' }));
    expect(textOf(refused)).toContain('agreed');
    expect(invokeText(await m.press('fola', 'access.recordFor', { sessionKey: SESSION_KEY, forPerson: PEOPLE.gabi.aadObjectId, 'need.bsl': 'true', theyAgreed: 'true' }))).toContain('Saved for them');
    expect((await m.press('ash', 'access.recordFor', { sessionKey: SESSION_KEY, forPerson: PEOPLE.gabi.aadObjectId, theyAgreed: 'true' })).body).toMatchObject({ statusCode: 403 });
    expect((await session()).needsMoreBreaks).toBe(true);
    expect(await prefersEasyRead(deps, SESSION_KEY, { tenantId: TENANT, aadObjectId: PEOPLE.ash.aadObjectId })).toBe(true);
    expect(await prefersEasyRead(deps, SESSION_KEY, { tenantId: TENANT, aadObjectId: PEOPLE.gabi.aadObjectId })).toBe(false);

    // The start: captions and BSL reminders go to the facilitators only, naming nobody.
    await m.meetingEvent('start', { casing: 'camel' });
    await m.meetingEvent('join', { who: ['ash', 'gabi', 'cal'] });
    await m.settle();
    // Answering a card tells us their names: named attendance, for the organiser view only.
    await answerConsent(m, 'gabi', {});
    await answerConsent(m, 'cal', {});
    for (const facilitator of ['fola', 'pria'] as const) {
      const reminder = posts(m, personalChatOf(facilitator), 'live captions');
      expect(reminder).toHaveLength(1);
      expect(chatText(reminder[0])).toContain('BSL interpreter');
    }
    expect(posts(m, CHAT, 'captions')).toHaveLength(0);
    m.clock.set(new Date(MEETING_START.getTime() + 60 * MINUTE));
    await m.meetingEvent('leave', { who: ['cal'] });

    // Payments, in the organiser view only.
    m.clock.set(new Date(MEETING_START.getTime() + 125 * MINUTE));
    const current = await session();
    expect((await proposePayments(deps, current, m.clock.now())).ok).toBe(false); // no built-in rate
    expect((await setPaymentRate(deps, current, { perHourMinor: 2500, prepMinutes: 30 }, m.clock.now())).ok).toBe(true);
    const proposed = await proposePayments(deps, current, m.clock.now());
    expect(proposed.ok && proposed.value.map((l) => [l.who, l.minutes]).sort()).toEqual([[who('ash'), 120], [who('cal'), 60], [who('gabi'), 120]].sort());
    expect((await confirmPayment(deps, current, who('ash'), { expenses: [{ kind: 'travel', amountMinor: 840 }] }, m.clock.now())).ok).toBe(true);
    await setWhoIsThis(deps, current, who('ash'), { name: 'Ashley Hidden-Name', contact: 'ash.private@example.org' });
    await setWhoIsThis(deps, current, who('cal'), { name: '=cmd|calc', contact: '' });
    expect((await confirmPayment(deps, current, who('gabi'), {}, m.clock.now())).ok).toBe(true);
    expect((await settlePayment(deps, current, who('gabi'), 'declined', 'Universal Credit rules', m.clock.now())).ok).toBe(true);
    expect((await confirmPayment(deps, current, who('cal'), {}, m.clock.now())).ok).toBe(true);
    expect((await settlePayment(deps, current, who('cal'), 'paid', undefined, m.clock.now())).ok).toBe(true);
    const view = await organiserPayments(deps, current);
    expect(view.rows.find((r) => r.who === who('gabi'))?.line.declinedReason).toBe('Universal Credit rules');
    expect(view.rows.find((r) => r.who === who('ash'))?.line.amountMinor).toBe(2500 * 2.5 + 840);

    // The summary and the thank-yous.
    await saveWrapUp(m);
    await approve(m, await openReview(m));
    await m.settle();
    const thanks = (name: 'ash' | 'gabi') => chatText(posts(m, personalChatOf(name), 'Thank you for taking part')[0]);
    expect(thanks('ash')).toContain('Your payment: due.');
    expect(thanks('gabi')).not.toMatch(/payment/i);

    // Fourteen days after the lines were confirmed, the organisers are chased: a count, no details.
    m.clock.set(new Date(MEETING_START.getTime() + 125 * MINUTE + 14 * 86_400_000 + MINUTE));
    await m.settle();
    const chase = posts(m, personalChatOf('fola'), 'still due');
    expect(chase).toHaveLength(1);
    expect(chatText(chase[0])).toContain('1 payment from the session');
    expect(personal(m, 'ash').some((c) => chatText(c).includes('still due'))).toBe(false);

    expectNoneOf(m, SECRETS);

    // The organiser's files have what the chats never show, safely.
    const payments = await paymentsCsvFor(deps, current);
    expect(payments).toContain('"Ashley Hidden-Name","ash.private@example.org"');
    expect(payments).toContain(`"'=cmd|calc"`);
    expect(payments).toContain('"Declined"');
    expect(payments).not.toContain('Universal Credit');
    expect(await attendanceCsvFor(deps, current)).toContain('"Gabi Tester"');
    expect(await senseChecksCsvFor(deps, current)).toContain('"Sense-check","Opened at"');
    expect(await actionsCsvFor(deps, current)).toContain('"Write to the council about Sunday buses","Fola","2026-12-04","Planned"');
    expect(await consentCsvFor(deps, current)).toContain('#');
    const email = await emailReadyText(deps, current, 'Fola, Transport team');
    expect(email?.subject).toBe('Thank you for taking part on 26 November 2026');
    expect(email?.body).toContain('https://coproduce.example/digest/');
    for (const secret of SECRETS) expect(email?.body).not.toContain(secret);
  });
});

test('papers-before: the organisers are reminded three days ahead of the session', async () => {
  m = await startMeeting({ start: MEETING_START });
  await setUpSession(m);
  await m.openPersonalChats('fola', 'pria');
  m.clock.set(new Date('2026-11-20T09:00:00Z'));
  await m.press('ash', 'access.save', { sessionKey: SESSION_KEY, 'need.preReads': 'true' });
  m.clock.set(new Date('2026-11-23T09:59:00Z'));
  await m.settle();
  expect(posts(m, personalChatOf('fola'), 'needs the papers before it')).toHaveLength(0);
  m.clock.set(new Date('2026-11-23T10:01:00Z'));
  await m.settle();
  expect(posts(m, personalChatOf('fola'), 'needs the papers before it')).toHaveLength(1);
  expect(posts(m, personalChatOf('pria'), 'needs the papers before it')).toHaveLength(1);
  expect(posts(m, CHAT, 'papers')).toHaveLength(0);
});

test('the participant pack has the purpose, the plan, how to join and adjust, the contact and the easy-read consent', async () => {
  m = await startMeeting();
  await setUpSession(m);
  const pack = await participantPack(servicesOf(m), await session(), { organiserContact: 'Fola Organizer, 0161 496 0000', joinLink: 'https://teams.microsoft.com/l/meetup-join/x' });
  expect(pack).toContain('# Before the session: what to expect');
  expect(pack).toContain('The session is on 26 November 2026 at 10:00 GMT. It lasts about 120 minutes.');
  expect(pack).toContain('Agree three changes to how transport is booked');
  expect(pack).toMatch(/- 10:00 to 10:\d\d: Welcome/);
  expect(pack).toContain('@Coproduce access');
  expect(pack).toContain('Fola Organizer, 0161 496 0000');
  expect(pack).toContain('<https://teams.microsoft.com/l/meetup-join/x>');
  expect(pack).toContain('## The consent form in easy read');
  expect(await participantPack(servicesOf(m), await session(), { joinLink: 'javascript:alert(1)' })).not.toContain('javascript');
});
