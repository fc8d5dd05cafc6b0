import { COMMON_GROUPS, decideStakeholders, MAX_GROUPS, stakeholdersFromJson, whoIsMissing, type StakeholderGroup } from '../../bot/core/preparationStakeholders';

const group = (name: string, represented: StakeholderGroup['represented'] = 'yes', coming?: string): StakeholderGroup => ({ name, represented, ...(coming ? { coming } : {}) });

test('an empty list is asked about every group that is often missing, and about diversity', () => {
  expect(whoIsMissing({ groups: [] })).toEqual({ missing: [...COMMON_GROUPS], underRepresented: [], askDiversity: true });
});

test('listed groups in everyday words count, so only the groups still missing are suggested', () => {
  const prompts = whoIsMissing({
    groups: [
      group('People who use home care'),
      group('Unpaid carers'),
      group('Care workers from two agencies'),
      group('The commissioning manager', 'partly'),
      group('Young people', 'no', 'Two from the youth forum'),
    ],
    diversityNote: 'Not yet: nobody from the Somali community has said yes.',
  });
  expect(prompts.missing).toEqual(['seldomHeard', 'livedExperience', 'teamLivedExperience']);
  expect(prompts.underRepresented).toEqual([3, 4]);
  expect(prompts.askDiversity).toBe(false);
});

test('the team’s own lived experience is told apart from lived experience of the topic, and from frontline staff', () => {
  expect(whoIsMissing({ groups: [group('Staff with lived experience of caring')] }).missing).toEqual(expect.arrayContaining(['frontlineStaff', 'livedExperience']));
  expect(whoIsMissing({ groups: [group('Staff with lived experience of caring')] }).missing).not.toContain('teamLivedExperience');
  const topic = whoIsMissing({ groups: [group('People with lived experience of dementia')] }).missing;
  expect(topic).not.toContain('livedExperience');
  expect(topic).toContain('teamLivedExperience');
  // "unpaid carers" is not the paid carers of the frontline group, and the other way round.
  expect(whoIsMissing({ groups: [group('Unpaid carers')] }).missing).toContain('frontlineStaff');
  expect(whoIsMissing({ groups: [group('Paid carers')] }).missing).toContain('unpaidCarers');
  // A community nurse is frontline staff, not someone from a community seldom heard.
  expect(whoIsMissing({ groups: [group('Community nurses')] }).missing).toEqual(expect.arrayContaining(['seldomHeard']));
});

test('blank rows are dropped, fields trimmed, and lists that are too long refused in plain words', () => {
  const decided = decideStakeholders({ groups: [{ name: ' Carers ', coming: ' 4 ', represented: 'partly' }, { name: ' ', coming: '', represented: 'no' }], diversityNote: '  ' });
  expect(decided).toEqual({ ok: true, value: { groups: [{ name: 'Carers', coming: '4', represented: 'partly' }] } });
  const nameless = decideStakeholders({ groups: [{ name: '', coming: 'Three people', represented: 'yes' }] });
  expect(nameless).toEqual({ ok: false, problems: ['Give each group a name, or clear the row.'] });
  const many = decideStakeholders({ groups: Array.from({ length: MAX_GROUPS + 1 }, (_, i) => ({ name: `Group ${i}`, represented: 'yes' as const })) });
  expect(many.ok).toBe(false);
  expect(!many.ok && many.problems[0]).toMatch(/at most 30 groups/);
});

test('a stored list reads back; a damaged row reads as an empty list', () => {
  const json = JSON.stringify({ groups: [{ name: 'Carers', represented: 'no' }, { name: 7 }, { name: 'Bad', represented: 'maybe' }], diversityNote: 'Mostly older people' });
  expect(stakeholdersFromJson(json)).toEqual({ groups: [{ name: 'Carers', represented: 'no' }], diversityNote: 'Mostly older people' });
  expect(stakeholdersFromJson('[')).toEqual({ groups: [] });
});
