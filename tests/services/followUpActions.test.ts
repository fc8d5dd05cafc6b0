/**
 * "You said, we did" through the real endpoint: the next steps become actions when the summary is
 * shared; a facilitator links what people said to an action; when its status changes, exactly the
 * people it came from who agreed to be named and whom the bot can reach hear about it, and a done
 * action is announced in the group's chat. Owners get a reminder on the due date.
 */
import { personId } from '../../bot/core/personalChats';
import { createSenseCheck, saveAnswer } from '../../bot/core/senseCheckStore';
import { saveAnonymous } from '../../bot/services/unsaidStore';
import { expectValidTeamsCard } from '../support/cardChecks';
import { CHAT, PEOPLE, TENANT, cardOf, personalChatOf, startMeeting, textOf, type MeetingHarness } from '../support/meetingHarness';
import { answer as answerConsent } from './consentKit';
import { approve, buttonData, chatText, invokeCard, MINUTE, openReview, posts, saveWrapUp, servicesOf, SESSION_KEY, setUpSession } from './followUpKit';

let m: MeetingHarness;
const UPDATE = 'What happened to what you said';

beforeEach(async () => {
  m = await startMeeting();
  await setUpSession(m);
  await m.openPersonalChats('fola', 'pria', 'ash', 'cal');
  await m.meetingEvent('start', { casing: 'camel' });
  await m.settle();
});
afterEach(() => m.stop());

const who = (name: 'ash' | 'gabi' | 'cal') => personId({ tenantId: TENANT, aadObjectId: PEOPLE[name].aadObjectId });

async function whatPeopleSaid(): Promise<void> {
  const store = m.running.app.store;
  const now = m.clock.now();
  await createSenseCheck(store, { id: 'check-1', sessionKey: SESSION_KEY, statements: ['Booking by phone is hard'], status: 'closed', openedBy: 'f', openedAt: now }, CHAT);
  const said = { ash: 'Sunday buses matter to me', gabi: 'Nobody answers the phone', cal: 'The app is confusing' } as const;
  for (const [name, missed] of Object.entries(said) as ['ash' | 'gabi' | 'cal', string][]) {
    await saveAnswer(store, SESSION_KEY, { senseCheckId: 'check-1', statementIndex: 0, respondent: `person:${who(name)}`, level: 'disagree', method: 'self', missed, answeredAt: now });
  }
  await saveAnonymous(servicesOf(m), 'unsaid', SESSION_KEY, 'I felt rushed', now);
  await m.say('pria', 'note Ash Tester suggested a phone line for Sundays'); // a credit in the text is not a credit
  await m.press('pria', 'note.save', { sessionKey: SESSION_KEY, text: 'Sunday phone line idea', credit: 'Ash Tester' });
}

async function publish(): Promise<void> {
  await saveWrapUp(m);
  await approve(m, await openReview(m));
  await m.settle();
}

async function actionsList(): Promise<Record<string, unknown>> {
  return invokeCard(await m.press('fola', 'actions.open', { sessionKey: SESSION_KEY }, { personal: true }));
}

async function setStatus(actionId: string, status: string, statusNote = ''): Promise<Record<string, unknown>> {
  return invokeCard(await m.press('fola', 'actions.save', { sessionKey: SESSION_KEY, actionId, step: 'status', [`status.${actionId}`]: status, [`statusNote.${actionId}`]: statusNote }, { personal: true }));
}

test('a linked action’s change reaches exactly the people it came from who agreed to be named and can be reached', async () => {
  await answerConsent(m, 'ash', { named: 'agree' });
  await answerConsent(m, 'gabi', { named: 'agree' }); // agreed, but has no 1:1 chat with the bot
  await answerConsent(m, 'cal', {}); // can be reached, but did not agree to be named
  await whatPeopleSaid();
  m.clock.advance(20 * MINUTE); // the anonymous note has been reported to the facilitators
  await publish();

  const list = await actionsList();
  expectValidTeamsCard(list);
  expect(textOf(list)).toContain('Write to the council about Sunday buses');
  const picker = invokeCard(await m.press('fola', 'actions.link', buttonData(list, 'actions.link'), { personal: true }));
  expectValidTeamsCard(picker);
  const refs = (JSON.parse(JSON.stringify(picker)) as { body: { id?: string; choices?: { value: string }[] }[] }).body.find((e) => e.id === 'sources')?.choices?.map((c) => c.value) ?? [];
  expect(refs.filter((r) => r.startsWith('answer:'))).toHaveLength(3);
  expect(refs.filter((r) => r.startsWith('unsaid:'))).toHaveLength(1);
  expect(refs.filter((r) => r.startsWith('note:'))).toHaveLength(2);
  expect(JSON.stringify(picker)).not.toContain(PEOPLE.ash.aadObjectId);
  const linked = invokeCard(await m.press('fola', 'actions.link', { sessionKey: SESSION_KEY, actionId: 'step-1', step: 'save', sources: refs.join(',') }, { personal: true }));
  expect(textOf(linked)).toContain('Linked.');

  const before = (name: 'fola' | 'pria' | 'ash' | 'cal') => posts(m, personalChatOf(name), UPDATE).length;
  expect(textOf(await setStatus('step-1', 'inProgress', 'We have written to them'))).toContain('Saved.');
  await m.settle();
  expect(posts(m, personalChatOf('ash'), UPDATE)).toHaveLength(1);
  const update = posts(m, personalChatOf('ash'), UPDATE)[0];
  expectValidTeamsCard(cardOf(update));
  expect(chatText(update)).toContain('Sunday buses matter to me');
  expect(chatText(update)).not.toContain('Nobody answers the phone');
  expect(chatText(update)).toContain('It is now: under way.');
  expect(before('cal') + before('fola') + before('pria')).toBe(0);
  // Every message sent anywhere about this action: only Ash's.
  expect(m.fake.calls.filter((c) => c.method === 'POST' && JSON.stringify(c.body).includes(UPDATE)).map((c) => c.conversationId)).toEqual([personalChatOf('ash')]);
  expect(posts(m, CHAT, 'You said, we did')).toHaveLength(0);

  expect(textOf(await setStatus('step-1', 'inProgress', 'We have written to them'))).toContain('Nothing changed.');
  expect(textOf(await setStatus('step-1', 'done', 'The council agreed to run Sunday buses'))).toContain('Saved.');
  await m.settle();
  expect(posts(m, personalChatOf('ash'), UPDATE)).toHaveLength(2);
  const done = posts(m, CHAT, 'You said, we did');
  expect(done).toHaveLength(1);
  expectValidTeamsCard(cardOf(done[0]));
  expect(chatText(done[0])).toContain('The council agreed to run Sunday buses');
  expect(chatText(done[0])).not.toMatch(/Ash|Gabi|Cal|Sunday buses matter/);
});

test('an action’s owner, picked as a person, is reminded on the due date; the organisers on the follow-up date', async () => {
  await publish();
  const added = invokeCard(
    await m.press('fola', 'actions.save', { sessionKey: SESSION_KEY, step: 'add', newWhat: 'Send the notes to everyone', newOwner: 'Ash', newOwnerPerson: PEOPLE.ash.aadObjectId, newDue: '2026-12-01' }, { personal: true }),
  );
  expect(textOf(added)).toContain('Send the notes to everyone');
  m.clock.set(new Date('2026-12-01T12:30:00Z'));
  await m.settle();
  expect(posts(m, personalChatOf('ash'), 'An action is due')).toHaveLength(1);
  // The wrap-up's first step is due on 4 December and has no person picked: the facilitators hear.
  m.clock.set(new Date('2026-12-04T12:30:00Z'));
  await m.settle();
  expect(posts(m, personalChatOf('fola'), 'An action is due')).toHaveLength(1);
  m.clock.set(new Date('2026-12-11T12:30:00Z'));
  await m.settle();
  const reminder = posts(m, personalChatOf('fola'), 'You promised to follow up today');
  expect(reminder).toHaveLength(1);
  expect(chatText(reminder[0])).toContain('Send the notes to everyone');
  expect(posts(m, CHAT, 'You promised')).toHaveLength(0);
});
