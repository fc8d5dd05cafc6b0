/**
 * The facilitator's forms, through the real endpoint: `sense check` on its own, the private form
 * for up to five points (nothing posted until every point is fine; pressing post twice posts
 * once), and recording an answer someone gave out loud for a named person.
 */
import { expectValidTeamsCard } from '../support/cardChecks';
import { CHAT, cardOf, startMeeting, textOf, type MeetingHarness } from '../support/meetingHarness';
import {
  SESSION_KEY,
  answerData,
  buttonsOf,
  edits,
  expectNothingPrivateInMeetingChat,
  postedSenseChecks,
  setUpSession,
  storedAnswers,
} from './senseCheckKit';

let m: MeetingHarness;

beforeEach(async () => {
  m = await startMeeting();
  await setUpSession(m);
});
afterEach(() => m.stop());

/** Opens the form as Fola and returns the post button's data. */
async function openForm(): Promise<Record<string, unknown>> {
  const opened = await m.press('fola', 'senseCheck.open', { sessionKey: SESSION_KEY });
  expect(opened.body?.type).toBe('application/vnd.microsoft.card.adaptive');
  expectValidTeamsCard(opened.body?.value);
  expect(textOf(opened.body?.value)).toContain('Only you can see this form');
  const [post] = buttonsOf(opened.body?.value);
  expect(post.verb).toBe('senseCheck.open');
  return post.data;
}

describe('sense check with several points', () => {
  test('typed on its own, it answers in the chat with a short help line and a button, and posts nothing', async () => {
    await m.say('fola', 'sense check');
    await m.settle();
    const [reply] = m.sent(CHAT);
    const card = cardOf(reply);
    expectValidTeamsCard(card);
    expect(textOf(card)).toContain('type @Coproduce sense check and then what you heard');
    expect(buttonsOf(card)).toEqual([expect.objectContaining({ verb: 'senseCheck.open', data: { sessionKey: SESSION_KEY } })]);
    expect(postedSenseChecks(m)).toEqual([]);
  });

  test('an attendee pressing the button is refused and gets no form', async () => {
    const refused = await m.press('ash', 'senseCheck.open', { sessionKey: SESSION_KEY });
    expect(refused.body).toMatchObject({ statusCode: 403 });
  });

  test('an empty or over-long form comes back with a plain reason and nothing is posted', async () => {
    const post = await openForm();
    const empty = await m.press('fola', 'senseCheck.open', { ...post, statement1: '  ', statement2: '' });
    expect(textOf(empty.body?.value)).toContain('Write at least one point.');
    const long = await m.press('fola', 'senseCheck.open', { ...post, statement1: 'Fine', statement2: 'x'.repeat(301) });
    expectValidTeamsCard(long.body?.value);
    expect(textOf(long.body?.value)).toContain('Each point must be under 300 characters');
    // What they wrote is kept so they can fix it.
    expect(JSON.stringify(long.body?.value)).toContain('"value":"Fine"');
    await m.settle();
    expect(postedSenseChecks(m)).toEqual([]);
  });

  test('a good form posts one card with each point; pressing post again posts nothing more', async () => {
    const post = await openForm();
    const data = { ...post, statement1: 'Letters are hard to read', statement2: '', statement3: 'Nobody explains the waiting list', statement6: 'ignored' };
    const first = await m.press('fola', 'senseCheck.open', data);
    expect(first.body).toMatchObject({ statusCode: 200, value: 'Your sense check is in the chat now.' });
    const second = await m.press('fola', 'senseCheck.open', data);
    expect(second.body).toMatchObject({ statusCode: 200, value: 'This sense check is already in the chat.' });
    await m.settle();
    const posted = postedSenseChecks(m);
    expect(posted).toHaveLength(1);
    const text = textOf(posted[0].card);
    expect(text).toMatch(/Point 1:\s+Letters are hard to read/);
    expect(text).toMatch(/Point 2:\s+Nobody explains the waiting list/);
    expect(text).not.toContain('ignored');
    expect(buttonsOf(posted[0].card).filter((b) => b.verb === 'senseCheck.answer')).toHaveLength(6);
  });

  test('a typed point over 300 characters gets a short help reply and nothing is posted', async () => {
    await m.say('fola', `sense check ${'word '.repeat(70)}`);
    await m.settle();
    const chat = m.sent(CHAT);
    expect(chat).toHaveLength(1);
    expect(textOf(chat[0].body)).toContain('too long for one sense-check point');
    expect(postedSenseChecks(m)).toEqual([]);
  });
});

describe('recording an answer for someone', () => {
  async function postTwoPoints() {
    const post = await openForm();
    await m.press('fola', 'senseCheck.open', { ...post, statement1: 'Letters are hard to read', statement2: 'Phone lines close too early' });
    await m.settle();
    return postedSenseChecks(m)[0];
  }

  test('a facilitator records a phone answer for a named person; it counts, says how, and stays private', async () => {
    const { card, senseCheckId } = await postTwoPoints();
    const recordData = buttonsOf(card).find((b) => b.verb === 'answer.recordForSomeone')?.data;
    const form = await m.press('fola', 'answer.recordForSomeone', recordData);
    expectValidTeamsCard(form.body?.value);
    expect(textOf(form.body?.value)).toContain('Record an answer for someone');
    const save = buttonsOf(form.body?.value).find((b) => b.data.step === 'save')?.data;

    const missingName = await m.press('fola', 'answer.recordForSomeone', { ...save, method: 'phone', level1: 'agree' });
    expect(textOf(missingName.body?.value)).toContain('Write the name of the person who answered.');
    expect(await storedAnswers(m, SESSION_KEY, senseCheckId)).toEqual([]);

    const entry = { ...save, personName: 'Sam Okafor', method: 'phone', level1: 'disagree', level2: 'agree', missed: 'Nobody mentioned large print' };
    const saved = await m.press('fola', 'answer.recordForSomeone', entry);
    expectValidTeamsCard(saved.body?.value);
    expect(textOf(saved.body?.value)).toMatch(/Saved the answer for:\s+Sam Okafor/);
    const again = await m.press('fola', 'answer.recordForSomeone', entry);
    expect(textOf(again.body?.value)).toContain('same answer as before');
    // The same name typed differently is the same person: still one row per point.
    await m.press('fola', 'answer.recordForSomeone', { ...entry, personName: '  sam   okafor ', level1: 'partly' });

    const rows = await storedAnswers(m, SESSION_KEY, senseCheckId);
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toEqual(expect.objectContaining({ method: 'phone', recordedBy: expect.stringMatching(/^aad\|/) }));
    expect(rows.find((r) => r.statementIndex === 0)).toEqual(expect.objectContaining({ level: 'partly', respondentName: 'sam okafor' }));
    expect(rows.find((r) => r.statementIndex === 0)?.missed).toBe('Nobody mentioned large print');

    // Ash answers for herself too; the tally counts both people.
    await m.press('ash', 'senseCheck.answer', answerData(card, 0, 'agree'));
    m.clock.advance(12_000);
    await m.settle();
    const [edit] = edits(m);
    expect(textOf(cardOf(edit))).toMatch(/\b2 (of \d+ have|people have) answered/);
    expectNothingPrivateInMeetingChat(m, ['Sam Okafor', 'large print', 'phone']);
  });

  test('an attendee cannot record an answer for someone', async () => {
    const { card, senseCheckId } = await postTwoPoints();
    const recordData = buttonsOf(card).find((b) => b.verb === 'answer.recordForSomeone')?.data;
    const refused = await m.press('ash', 'answer.recordForSomeone', { ...recordData, step: 'save', personName: 'Ash', method: 'paper', level1: 'agree' });
    expect(refused.body).toMatchObject({ statusCode: 403 });
    expect(await storedAnswers(m, SESSION_KEY, senseCheckId)).toEqual([]);
  });

  test('after closing, recording is refused and nothing is saved', async () => {
    const { card, senseCheckId } = await postTwoPoints();
    const closeData = buttonsOf(card).find((b) => b.verb === 'senseCheck.close')?.data;
    await m.press('fola', 'senseCheck.close', closeData);
    const refused = await m.press('fola', 'answer.recordForSomeone', { ...closeData, step: 'save', personName: 'Sam', method: 'paper', level1: 'agree' });
    expect(String(refused.body?.value)).toContain('closed, so the answer was not saved');
    expect(await storedAnswers(m, SESSION_KEY, senseCheckId)).toEqual([]);
  });
});
