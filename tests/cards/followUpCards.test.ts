import { accessFormCard, accessPromptCard } from '../../bot/cards/followUpAccessCard';
import { actionLinkCard, actionsCard, actionsPromptCard } from '../../bot/cards/followUpActionCards';
import { actionDoneCard, actionDueCard, followUpDateCard, personUpdateCard } from '../../bot/cards/followUpNoticeCards';
import { ladderFormCard, ladderPromptCard, ladderVoteCard } from '../../bot/cards/ladderCard';
import { followUpStrings } from '../../bot/cards/strings/followUp.en-GB';
import { checkPlainEnglish } from '../../bot/core/plainEnglish';
import { textOf } from '../support/meetingHarness';
import { expectValidTeamsCard } from '../support/cardChecks';

const DAY = new Date('2026-11-26T12:00:00Z');

test('the ladder cards explain all seven rungs in plain words', () => {
  for (const card of [ladderPromptCard('s'), ladderFormCard({ sessionKey: 's', rung: 'consultation' }), ladderVoteCard('s')]) expectValidTeamsCard(card);
  const form = textOf(ladderFormCard({ sessionKey: 's' }));
  for (const rung of ['Coercion', 'Educating', 'Informing', 'Consultation', 'Engagement', 'Co-design', 'Co-production']) expect(form).toContain(rung);
  expect(form).toContain('equal partners');
  expect(textOf(ladderVoteCard('s'))).toContain('Nobody sees what you chose');
});

test('the actions cards are valid; the list keeps each action’s status and the picker names no person', () => {
  expectValidTeamsCard(actionsPromptCard('s'));
  const list = actionsCard({
    sessionKey: 's',
    today: '2026-11-27',
    actions: [{ id: 'step-1', what: 'Write to the council', owner: 'Fola', dueAt: DAY, status: 'inProgress', statusNote: 'Drafted', sources: 2 }],
  });
  expectValidTeamsCard(list);
  expect(JSON.stringify(list)).toContain('"id":"status.step-1"');
  const link = actionLinkCard({ sessionKey: 's', actionId: 'step-1', what: 'Write', linked: ['note:n1'], choices: [{ ref: 'note:n1', kind: 'note', text: 'A note' }, { ref: 'answer:c:0:abc', kind: 'answer', text: 'Sundays' }, { ref: 'unsaid:xyz', kind: 'unsaid', text: 'Scared' }] });
  expectValidTeamsCard(link);
  expect(textOf(link)).toContain('Anonymous notes cannot be traced back');
  expectValidTeamsCard(actionsCard({ sessionKey: 's', today: '2026-11-27', actions: [] }));
});

test('the notices are valid and use each reader’s own calendar', () => {
  const cards = [
    actionDoneCard({ sessionDay: DAY, what: 'Write to the council', statusNote: 'Sent on Monday' }),
    personUpdateCard({ sessionDay: DAY, words: ['Sundays matter'], what: 'Ask about Sundays', status: 'done' }),
    actionDueCard({ sessionDay: DAY, what: 'Ask about Sundays', sessionKey: 's' }),
    followUpDateCard({ sessionKey: 's', sessionDay: DAY, actions: [{ what: 'Ask', status: 'planned' }], unreachable: 3 }),
  ];
  for (const card of cards) expectValidTeamsCard(card);
  expect(textOf(cards[1])).toContain('“Sundays matter”');
  expect(textOf(cards[3])).toContain('cannot reach 3 people');
  expect(JSON.stringify(cards[0])).toContain('{{DATE(2026-11-26T12:00:00Z, LONG)}}');
});

test('the access form offers the five needs; only facilitators get the part for someone else', () => {
  expectValidTeamsCard(accessPromptCard('s'));
  const own = accessFormCard({ sessionKey: 's', needs: ['captions'], facilitator: false });
  const theirs = accessFormCard({ sessionKey: 's', needs: [], facilitator: true });
  expectValidTeamsCard(own);
  expectValidTeamsCard(theirs);
  expect(JSON.stringify(own)).toContain('"id":"need.captions","title":"Live captions","value":"true"');
  expect(JSON.stringify(own)).not.toContain('access.recordFor');
  expect(JSON.stringify(theirs)).toContain('access.recordFor');
  expect(textOf(theirs)).toContain('They agreed');
});

function leaves(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(leaves);
  if (value && typeof value === 'object') return Object.values(value).flatMap(leaves);
  return [];
}

test.each(leaves(followUpStrings))('our own words pass the plain-English check: %s', (words) => {
  expect(checkPlainEnglish(words)).toEqual([]);
});
