/**
 * One person's follow-up data, for "my data" and erasure: their access needs, their ladder view,
 * their words linked to actions and their payment status; erasing removes their rows and unlinks
 * their words, and leaves the group's action and everyone else's links alone.
 */
import { linkSources } from '../../bot/core/actions';
import { personId } from '../../bot/core/personalChats';
import { loadSession } from '../../bot/core/sessionStore';
import { addAction } from '../../bot/services/followUpActions';
import { changeAction } from '../../bot/services/followUpActionsStore';
import { eraseFollowUpPerson, followUpDataOf } from '../../bot/services/followUpPersonalData';
import { setWhoIsThis } from '../../bot/services/payments';
import { PEOPLE, TENANT, startMeeting, type MeetingHarness } from '../support/meetingHarness';
import { servicesOf, SESSION_KEY, setUpSession } from './followUpKit';

let m: MeetingHarness;
afterEach(() => m.stop());
const who = (name: 'ash' | 'gabi') => personId({ tenantId: TENANT, aadObjectId: PEOPLE[name].aadObjectId });

test('a person sees their own follow-up data, and erasing it leaves the group’s action and others’ links', async () => {
  m = await startMeeting();
  await setUpSession(m);
  const deps = servicesOf(m);
  const session = (await loadSession(m.running.app.store, SESSION_KEY))!.session;
  await m.press('ash', 'access.save', { sessionKey: SESSION_KEY, 'need.easyRead': 'true' });
  await m.say('fola', 'ladder');
  await m.press('fola', 'ladder.place', { sessionKey: SESSION_KEY, ladderRung: 'informing', askEveryone: 'true' });
  await m.press('ash', 'ladder.vote', { sessionKey: SESSION_KEY, ladderRung: 'coDesign' });
  await setWhoIsThis(deps, session, who('ash'), { name: 'Ash Private', contact: 'ash@example.org' });
  const added = await addAction(deps, session, { what: 'Run Sunday buses' }, m.clock.now());
  if (!added.ok) throw new Error('no action');
  await changeAction(m.running.app.store, SESSION_KEY, added.value.id, (action) => {
    const linked = linkSources(action, [{ kind: 'answer', ref: 'a1', who: who('ash'), text: 'Sundays matter' }, { kind: 'answer', ref: 'a2', who: who('gabi'), text: 'Evenings too' }], m.clock.now());
    return linked.ok ? { ok: true, value: { action: linked.value, outcome: true } } : linked;
  });

  const mine = await followUpDataOf(deps, SESSION_KEY, who('ash'));
  expect(mine.accessNeeds?.needs).toEqual(['easyRead']);
  expect(mine.ladderView).toBe('coDesign');
  expect(mine.linkedTo).toEqual([{ action: 'Run Sunday buses', words: ['Sundays matter'] }]);

  expect(await eraseFollowUpPerson(deps, SESSION_KEY, who('ash'), m.clock.now())).toBe(4);
  const after = await followUpDataOf(deps, SESSION_KEY, who('ash'));
  expect(after).toEqual({ linkedTo: [] });
  expect((await followUpDataOf(deps, SESSION_KEY, who('gabi'))).linkedTo).toEqual([{ action: 'Run Sunday buses', words: ['Evenings too'] }]);
});
