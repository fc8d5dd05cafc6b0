import { buildDigest, hideableItems, itemTag, type DigestSources } from '../../bot/core/digest';
import { approved, draftBuilt, reviewed, splitIntoChunks } from '../../bot/core/digestState';
import { personCredited, visibleDigest } from '../../bot/core/digestView';
import type { Answer, SenseCheck } from '../../bot/core/senseCheck';

const NOW = new Date('2026-11-26T12:30:00Z');
const check: SenseCheck = {
  id: 'check-1',
  sessionKey: 's',
  statements: ['Booking is too slow', 'Drivers are kind'],
  status: 'closed',
  openedBy: 'f',
  openedAt: new Date('2026-11-26T10:30:00Z'),
};
const answer = (respondent: string, statementIndex: number, level: Answer['level'], missed?: string, minute = 0): Answer => ({
  senseCheckId: 'check-1',
  statementIndex,
  respondent,
  level,
  method: 'self',
  answeredAt: new Date(Date.parse('2026-11-26T10:31:00Z') + minute * 60_000),
  ...(missed ? { missed } : {}),
});

function sources(overrides: Partial<DigestSources> = {}): DigestSources {
  return {
    sessionKey: 's',
    occurrence: '2026-11-26',
    outcome: 'Agree changes to transport',
    timeZone: 'Europe/London',
    purposeAnswers: [
      { key: 'p1', answer: { verdict: 'yes', answeredAt: 'x' } },
      { key: 'p2', answer: { verdict: 'no', reason: 'We ran out of time', answeredAt: 'x' } },
      { key: 'p3', answer: { verdict: 'yes', reason: 'Great', answeredAt: 'x' } },
    ],
    tookPart: 4,
    recording: 'clear',
    senseChecks: [{
      check,
      answers: [
        answer('person:a', 0, 'agree'),
        answer('person:b', 0, 'agree'),
        answer('person:c', 0, 'disagree', 'You forgot wheelchair users'),
        answer('person:c', 0, 'agree', undefined, -5), // an older answer of the same person
        answer('person:a', 1, 'partly'),
      ],
    }],
    notes: [
      { note: { id: 'n2', sessionKey: 's', text: 'Second', author: 'f', createdAt: new Date('2026-11-26T11:00:00Z'), credit: 'Ash Tester' }, creditWho: 'who-ash' },
      { note: { id: 'n1', sessionKey: 's', text: 'First', author: 'f', createdAt: new Date('2026-11-26T10:10:00Z'), credit: 'Someone' } },
    ],
    wrapUp: { sessionKey: 's', steps: [{ what: 'Write to the council', owner: 'Fola', due: '2026-12-10' }], followUpDate: '2026-12-15', timeZone: 'Europe/London', version: 1, savedAt: 'x' },
    ...overrides,
  };
}

describe('building the digest', () => {
  const content = buildDigest(sources(), NOW);

  test('counts purpose answers, keeping only reasons that were not a yes, without names', () => {
    expect(content.purpose.verdicts).toEqual({ yes: 2, partly: 0, no: 1 });
    expect(content.purpose.reasons.map((r) => r.text)).toEqual(['We ran out of time']);
    expect(JSON.stringify(content.purpose.reasons)).not.toContain('p2');
  });

  test('each person counts once per point (their latest answer), and the smaller groups are kept', () => {
    const [first, second] = content.senseChecks[0].statements;
    expect(first.split).toEqual({ agree: 2, partly: 0, disagree: 1 });
    expect(first.minority).toEqual([{ level: 'disagree', count: 1 }]);
    expect(first.missed).toEqual([expect.objectContaining({ text: 'You forgot wheelchair users', fromMinority: true })]);
    expect(second.answered).toBe(1);
    expect(JSON.stringify(content.senseChecks)).not.toContain('person:');
  });

  test('notes come in the order they were written; a credit keeps who it was tied to', () => {
    expect(content.notes.map((n) => n.text)).toEqual(['First', 'Second']);
    expect(content.notes[1]).toMatchObject({ credit: 'Ash Tester', creditWho: 'who-ash' });
    expect(content.notes[0].creditWho).toBeUndefined();
  });

  test('next steps and the follow-up date come from the wrap-up', () => {
    expect(content.nextSteps).toEqual([{ itemId: 'step:1', what: 'Write to the council', owner: 'Fola', due: '2026-12-10' }]);
    expect(content.followUpDate).toBe('2026-12-15');
  });

  test('item ids stay the same when the draft is built again', () => {
    const again = buildDigest(sources(), new Date('2026-11-26T13:00:00Z'));
    expect(hideableItems(again).map((i) => i.itemId)).toEqual(hideableItems(content).map((i) => i.itemId));
    expect(itemTag('person:c')).toBe(itemTag('person:c'));
    expect(itemTag('person:c')).not.toBe(itemTag('person:d'));
  });
});

describe('what the group sees', () => {
  const content = buildDigest(sources(), NOW);

  test('hidden items are left out', () => {
    const view = visibleDigest(content, { hidden: new Set(['note:n1', content.purpose.reasons[0].itemId]), agreedToBeNamed: new Set() });
    expect(view.notes.map((n) => n.text)).toEqual(['Second']);
    expect(view.purpose.reasons).toEqual([]);
  });

  test('a credited name shows only while that very person agrees to be named', () => {
    expect(visibleDigest(content, { hidden: new Set(), agreedToBeNamed: new Set() }).notes[1].credit).toBeUndefined();
    expect(visibleDigest(content, { hidden: new Set(), agreedToBeNamed: new Set(['who-ash']) }).notes[1].credit).toBe('Ash Tester');
    expect(visibleDigest(content, { hidden: new Set(), agreedToBeNamed: new Set(['who-ash']) }).notes[0].credit).toBeUndefined();
  });

  test('a credit is tied only to exactly one person of that name', () => {
    const people = [{ who: 'a', name: 'Sam Lee' }, { who: 'b', name: 'Kim Oke' }, { who: 'c', name: 'kim  oke' }];
    expect(personCredited(' sam lee ', people)).toBe('a');
    expect(personCredited('Kim Oke', people)).toBeUndefined(); // two people
    expect(personCredited('Sam', people)).toBeUndefined();
    expect(personCredited('Kim Oke', [{ who: 'b', name: 'Kim Oke' }, { who: 'b', name: 'Kim Oke' }])).toBe('b');
  });
});

describe('the digest state', () => {
  const first = draftBuilt(undefined, 's', 2, 'wrapUp', NOW);

  test('approval needs the version the facilitator saw, and publishes once', () => {
    if (!first.ok) throw new Error('no draft');
    const rebuilt = draftBuilt(first.value, 's', 3, 'schedule', NOW);
    if (!rebuilt.ok) throw new Error('no rebuild');
    expect(rebuilt.value.version).toBe(2);
    expect(approved(rebuilt.value, 1, { linkToken: 't' }, NOW).ok).toBe(false);
    const done = approved(rebuilt.value, 2, { linkToken: 't' }, NOW);
    expect(done.ok && done.value.kind).toBe('published');
    if (!done.ok) return;
    const twice = approved(done.value.state, 2, { linkToken: 'other' }, NOW);
    expect(twice.ok && twice.value.kind).toBe('alreadyPublished');
    expect(draftBuilt(done.value.state, 's', 1, 'facilitator', NOW).ok).toBe(false);
  });

  test('hidden choices survive a rebuild and need the current version', () => {
    if (!first.ok) throw new Error('no draft');
    const hid = reviewed(first.value, 1, [], ['note:n1']);
    if (!hid.ok) throw new Error('not hidden');
    const rebuilt = draftBuilt(hid.value, 's', 1, 'facilitator', NOW);
    expect(rebuilt.ok && rebuilt.value.hidden).toEqual(['note:n1']);
    expect(reviewed(hid.value, 0, ['note:n1'], []).ok).toBe(false);
    const shown = reviewed(hid.value, 1, ['note:n1'], []);
    expect(shown.ok && shown.value.hidden).toEqual([]);
  });

  test('chunks never split an emoji and join back to the original', () => {
    const text = 'ab😀cd😀'.repeat(7);
    const chunks = splitIntoChunks(text, 3);
    expect(chunks.join('')).toBe(text);
    for (const chunk of chunks) expect(chunk).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
  });
});
