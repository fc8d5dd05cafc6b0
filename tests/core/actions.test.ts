import { changeStatus, decideNewAction, linkSources, peopleToTell, wordsOf, type FollowAction } from '../../bot/core/actions';

const NOW = new Date('2026-11-27T09:00:00Z');
const context = { id: 'a1', sessionKey: 's', timeZone: 'Europe/London', today: '2026-11-27', now: NOW };

function action(): FollowAction {
  const decided = decideNewAction({ what: '  Ask the council about Sundays ', owner: 'Fola', due: '2026-12-10' }, context);
  if (!decided.ok) throw new Error(decided.problems.join(' '));
  return decided.value;
}

test('a new action needs what will be done, and a readable date', () => {
  expect(action()).toMatchObject({ what: 'Ask the council about Sundays', owner: 'Fola', due: '2026-12-10', status: 'planned', version: 1 });
  expect(decideNewAction({ what: ' ' }, context).ok).toBe(false);
  expect(decideNewAction({ what: 'x', due: '2026-02-30' }, context).ok).toBe(false);
  expect(decideNewAction({ what: 'x'.repeat(301) }, context).ok).toBe(false);
});

test('a status change is a new version; the same status again changes nothing', () => {
  const done = changeStatus(action(), 'done', 'We wrote on Monday', NOW);
  expect(done.ok && done.value.changed && done.value.action).toMatchObject({ status: 'done', statusNote: 'We wrote on Monday', version: 2 });
  const same = changeStatus(action(), 'planned', undefined, NOW);
  expect(same.ok && same.value.changed).toBe(false);
});

test('linking the same thing twice links it once, and at most 50 things', () => {
  const first = linkSources(action(), [{ kind: 'note', ref: 'note:1', who: 'ash' }, { kind: 'note', ref: 'note:1', who: 'ash' }], NOW);
  expect(first.ok && first.value.sources).toHaveLength(1);
  const many = Array.from({ length: 51 }, (_, i) => ({ kind: 'unsaid' as const, ref: `unsaid:${i}` }));
  expect(linkSources(action(), many, NOW).ok).toBe(false);
});

test('only people who agreed to be named and can be reached are told, each once; anonymous notes tell nobody', () => {
  const linked = linkSources(
    action(),
    [
      { kind: 'answer', ref: 'answer:1', who: 'ash', text: 'Sundays matter' },
      { kind: 'note', ref: 'note:1', who: 'ash' },
      { kind: 'answer', ref: 'answer:2', who: 'gabi' },
      { kind: 'answer', ref: 'answer:3', who: 'cal' },
      { kind: 'unsaid', ref: 'unsaid:1', text: 'I was scared to say' },
    ],
    NOW,
  );
  if (!linked.ok) throw new Error('not linked');
  const named = new Set(['ash', 'gabi']);
  const reachable = new Set(['ash', 'cal']);
  expect(peopleToTell(linked.value, named, reachable)).toEqual(['ash']);
  expect(wordsOf(linked.value, 'ash')).toEqual(['Sundays matter']);
});
