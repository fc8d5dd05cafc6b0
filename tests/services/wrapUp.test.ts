/**
 * Wrap-up through the real endpoint: `wrap up` posts a neutral card; its button gives a
 * facilitator the next-steps form privately; saving posts "what happens next" (with dates each
 * reader sees locally) and asks the purpose question; saving again edits that card; an old form
 * cannot overwrite newer steps; attendees can do none of it. "See what you gave today" shows
 * each person only their own answers.
 */
import { personKeyOf } from '../../bot/core/facilitators';
import { personId } from '../../bot/core/personalChats';
import { WRAP_UP_ROW, WRAP_UPS_TABLE } from '../../bot/core/nextSteps';
import { createSenseCheck, saveAnswer } from '../../bot/core/senseCheckStore';
import { pseudonymizer } from '../../bot/log';
import { selfRespondent } from '../../bot/services/senseCheckViews';
import type { ServiceDeps } from '../../bot/services/deps';
import { FOLLOW_UP_INPUT, stepInputIds } from '../../bot/cards/wrapUpFormCard';
import { expectValidTeamsCard } from '../support/cardChecks';
import { CHAT, PEOPLE, TENANT, cardOf, startMeeting, textOf, type MeetingHarness, type PersonName } from '../support/meetingHarness';
import { expectNothingPrivateIn, meetingChatText, sessionKey, setUpSession } from './wrapUpTestSession';

let m: MeetingHarness;

beforeEach(async () => {
  m = await startMeeting();
  await setUpSession(m);
});
afterEach(() => m.stop());

const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';

function filledForm(formVersion: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    sessionKey,
    formVersion,
    [stepInputIds(1).what]: 'Write up what we heard and share it',
    [stepInputIds(1).owner]: 'Sam from the council',
    [stepInputIds(1).due]: '2026-12-04',
    [stepInputIds(2).what]: 'Book the next session',
    [stepInputIds(2).owner]: '',
    [stepInputIds(2).due]: '',
    [FOLLOW_UP_INPUT]: '2026-12-11',
    ...extra,
  };
}

function nextStepsPosts() {
  return m.sent(CHAT).filter((call) => textOf(cardOf(call)).includes('What happens next'));
}

test('`wrap up` posts a neutral card; only a facilitator gets the form, privately', async () => {
  await m.say('fola', 'wrap up');
  await m.say('ash', 'wrap up');
  await m.settle();
  const [prompt, refusal] = m.sent(CHAT);
  expectValidTeamsCard(cardOf(prompt));
  expect(textOf(cardOf(prompt))).toContain('Time to wrap up');
  expect(JSON.stringify(cardOf(prompt))).toContain('"verb":"wrapUp.start"');
  expect(textOf(refusal.body)).toContain("Only the session's facilitators can wrap up the session");

  const refused = await m.press('ash', 'wrapUp.start', { sessionKey });
  expect(refused.body).toMatchObject({ statusCode: 403 });
  const form = await m.press('pria', 'wrapUp.start', { sessionKey });
  expect(form.body?.type).toBe(ADAPTIVE);
  expectValidTeamsCard(form.body?.value);
  expect(textOf(form.body?.value)).toContain('Only you can see this form');
  expect(JSON.stringify(form.body?.value)).toContain('"formVersion":0');
  expect(m.sent(CHAT)).toHaveLength(2); // the form went to Pria alone
  expectNothingPrivateIn(meetingChatText(m));
});

test('saving posts "what happens next" with dates each reader sees locally, and asks the purpose question', async () => {
  const saved = await m.press('fola', 'wrapUp.save', filledForm(0));
  expect(saved.body).toMatchObject({ statusCode: 200, value: 'The next steps are saved and shared in the chat.' });
  const pressedAgain = await m.press('fola', 'wrapUp.save', filledForm(0));
  expect(pressedAgain.body).toMatchObject({ statusCode: 200, value: 'These next steps are already saved and shared in the chat.' });
  await m.settle();
  expect(nextStepsPosts()).toHaveLength(1);

  const [posted] = nextStepsPosts();
  const card = cardOf(posted);
  expectValidTeamsCard(card);
  const text = textOf(card);
  expect(text).toContain('Write up what we heard and share it');
  expect(text).toContain('Sam from the council');
  expect(text).toContain('Book the next session');
  expect(text).toContain('By {{DATE(2026-12-04T12:00:00Z, LONG)}}');
  expect(text).toContain('You will hear back from us by {{DATE(2026-12-11T12:00:00Z, LONG)}}.');
  expect(text).toContain('Thank you');
  expect(JSON.stringify(card)).toContain('"verb":"wrapUp.myContribution"');
  expect(m.sent(CHAT).some((call) => textOf(cardOf(call)).includes('Did we do what we came for?'))).toBe(true);
  expectNothingPrivateIn(meetingChatText(m));
});

test('saving again edits the card already in the chat; an out-of-date form is refused and shows the newer steps', async () => {
  await m.press('fola', 'wrapUp.save', filledForm(0));
  await m.settle();
  const changed = await m.press('pria', 'wrapUp.save', filledForm(1, { [stepInputIds(2).what]: 'Book the next session in the library' }));
  expect(changed.body).toMatchObject({ value: 'Your changes are saved. The card in the chat now shows them.' });
  await m.settle();
  const posts = nextStepsPosts();
  expect(posts.map((call) => call.method)).toEqual(['POST', 'PUT']);
  expect(textOf(cardOf(posts[1]))).toContain('Book the next session in the library');

  // Fola still had the first form open (version 0): her save must not wipe Pria's change.
  const stale = await m.press('fola', 'wrapUp.save', filledForm(0, { [stepInputIds(2).what]: 'Old words' }));
  expect(stale.body?.type).toBe(ADAPTIVE);
  expect(textOf(stale.body?.value)).toContain('Another facilitator changed the next steps');
  expect(JSON.stringify(stale.body?.value)).toContain('Book the next session in the library');
  const row = await m.running.app.store.get(WRAP_UPS_TABLE, sessionKey, WRAP_UP_ROW);
  expect(String(row?.props.data)).toContain('in the library');
  await m.settle();
  expect(nextStepsPosts()).toHaveLength(2);
  expectNothingPrivateIn(meetingChatText(m));
});

test('a form with problems comes back with what was typed and what to fix; nothing is saved or posted', async () => {
  const bad = await m.press('fola', 'wrapUp.save', filledForm(0, { [stepInputIds(1).due]: '2026-11-20', [stepInputIds(3).owner]: 'Cal', [FOLLOW_UP_INPUT]: '' }));
  expect(bad.body?.type).toBe(ADAPTIVE);
  expectValidTeamsCard(bad.body?.value);
  const text = textOf(bad.body?.value);
  expect(text).toContain('Step 1: the date is in the past.');
  expect(text).toContain('Step 3: say what will happen.');
  expect(text).toContain('Choose the date when people will hear back from you.');
  expect(JSON.stringify(bad.body?.value)).toContain('Sam from the council');
  expect(await m.running.app.store.get(WRAP_UPS_TABLE, sessionKey, WRAP_UP_ROW)).toBeUndefined();

  const attendee = await m.press('ash', 'wrapUp.save', filledForm(0));
  expect(attendee.body).toMatchObject({ statusCode: 403 });
  await m.settle();
  expect(nextStepsPosts()).toHaveLength(0);
});

describe('see what you gave today', () => {
  /** The app's pseudonyms, as the sense-check service derives them. */
  function respondent(who: PersonName): string {
    const deps = { pseudonymize: pseudonymizer(m.running.config.pseudonymKey) } as ServiceDeps;
    const person = { userId: PEOPLE[who].id, aadObjectId: PEOPLE[who].aadObjectId, tenantId: TENANT };
    const id = selfRespondent(deps, person);
    if (!id) throw new Error('no respondent');
    return id;
  }

  async function seedAnswers(): Promise<void> {
    const store = m.running.app.store;
    const check = { id: 'check-0001', sessionKey, statements: ['Buses should come earlier', 'Letters should be in large print'], status: 'open' as const, openedBy: 'p_fola', openedAt: m.clock.now() };
    await createSenseCheck(store, check, CHAT);
    const at = m.clock.now();
    await saveAnswer(store, sessionKey, { senseCheckId: check.id, statementIndex: 0, respondent: respondent('ash'), level: 'agree', missed: 'Ash secret: the Sunday service', method: 'self', answeredAt: at });
    await saveAnswer(store, sessionKey, { senseCheckId: check.id, statementIndex: 1, respondent: respondent('ash'), level: 'partly', method: 'self', answeredAt: at });
    await saveAnswer(store, sessionKey, { senseCheckId: check.id, statementIndex: 0, respondent: respondent('gabi'), level: 'disagree', missed: 'Gabi secret: the night bus', method: 'self', answeredAt: at });
  }

  test('each person sees only their own answers, privately', async () => {
    await seedAnswers();
    await m.press('ash', 'purpose.answer', { sessionKey, answer: 'partly', purposeReason: 'Ash reason: we ran out of time' });

    const ash = await m.press('ash', 'wrapUp.myContribution', { sessionKey });
    expect(ash.body?.type).toBe(ADAPTIVE);
    expectValidTeamsCard(ash.body?.value);
    const ashText = textOf(ash.body?.value);
    expect(ashText).toContain('Buses should come earlier');
    expect(ashText).toContain('You said: Agree');
    expect(ashText).toContain('Ash secret: the Sunday service');
    expect(ashText).toContain('Letters should be in large print');
    expect(ashText).toContain('You said: Partly');
    expect(ashText).toContain('Ash reason: we ran out of time');
    expect(ashText).not.toContain('Gabi');
    expect(ashText).not.toContain('Disagree');

    const gabi = await m.press('gabi', 'wrapUp.myContribution', { sessionKey });
    const gabiText = textOf(gabi.body?.value);
    expect(gabiText).toContain('You said: Disagree');
    expect(gabiText).toContain('Gabi secret: the night bus');
    expect(gabiText).not.toContain('Ash');
    expect(gabiText).not.toContain('Letters should be in large print');
    expect(gabiText).not.toContain('Did we do what we came for?');

    const cal = await m.press('cal', 'wrapUp.myContribution', { sessionKey });
    expect(textOf(cal.body?.value)).toContain('no answers from you today');
    expect(textOf(cal.body?.value)).not.toMatch(/secret|reason/);

    // Nothing of it reached the meeting chat or anyone's 1:1 chat.
    await m.settle();
    const everything = m.sent().map((call) => `${textOf(call.body)} ${textOf(cardOf(call))}`).join('\n');
    expect(everything).not.toMatch(/secret|Ash reason/);
  });

  test('card data cannot ask for someone else: identity comes only from the activity', async () => {
    await seedAnswers();
    const ashKey = personKeyOf({ userId: PEOPLE.ash.id, aadObjectId: PEOPLE.ash.aadObjectId, tenantId: TENANT });
    const forged = await m.press('gabi', 'wrapUp.myContribution', { sessionKey, respondent: respondent('ash'), person: ashKey ? personId(ashKey) : '', userId: PEOPLE.ash.id });
    expect(textOf(forged.body?.value)).not.toContain('Ash secret');
    expect(textOf(forged.body?.value)).toContain('Gabi secret');
    const otherSession = await m.press('gabi', 'wrapUp.myContribution', { sessionKey: 'session|other|2026-11-26' });
    expect(otherSession.body).toMatchObject({ statusCode: 404 });
  });
});
