import { answeredCount, decideIntentions, intentionCautions, intentionsFromJson, MAX_INTENTION_NOTE } from '../../bot/core/preparationIntentions';

test('answers keep a choice and trimmed words; blank answers are left out', () => {
  const decided = decideIntentions({
    serious: { choice: 'yes', note: '  We have done this before  ' },
    why: { note: 'The booking service fails people who cannot use the phone' },
    leadership: { choice: null, note: '   ' },
    budget: { choice: 'partly' },
  });
  expect(decided).toEqual({
    ok: true,
    value: {
      serious: { choice: 'yes', note: 'We have done this before' },
      why: { note: 'The booking service fails people who cannot use the phone' },
      budget: { choice: 'partly' },
    },
  });
  expect(decided.ok && answeredCount(decided.value)).toBe(3);
});

test('a note over the limit, or a yes / no on “why”, is refused in plain words', () => {
  const long = decideIntentions({ act: { note: 'x'.repeat(MAX_INTENTION_NOTE + 1) } });
  expect(long).toEqual({ ok: false, problems: [`Please keep each answer to ${MAX_INTENTION_NOTE} characters or fewer.`] });
  expect(decideIntentions({ act: { note: 'é'.repeat(MAX_INTENTION_NOTE) } }).ok).toBe(true);
  const why = decideIntentions({ why: { choice: 'yes' } });
  expect(why.ok).toBe(false);
  expect(!why.ok && why.problems[0]).toMatch(/Why are we doing this/);
});

test('answers that need a conversation first are pointed out: no or partly, and discomfort with not knowing', () => {
  expect(intentionCautions({ serious: { choice: 'yes' }, act: { choice: 'partly' }, leadership: { choice: 'no' }, budget: { choice: 'yes' } })).toEqual(['act', 'leadership']);
  expect(intentionCautions({ uncertainty: { choice: 'partly' } })).toEqual([]);
  expect(intentionCautions({ uncertainty: { choice: 'no' }, budget: { choice: 'no' } })).toEqual(['uncertainty', 'budget']);
  expect(intentionCautions({})).toEqual([]);
});

test('stored answers read back; damaged or unknown parts are dropped, never thrown', () => {
  expect(intentionsFromJson(JSON.stringify({ serious: { choice: 'yes' }, act: { choice: 'maybe', note: 'We will try' }, other: { note: 'x' } }))).toEqual({
    serious: { choice: 'yes' },
    act: { note: 'We will try' },
  });
  expect(intentionsFromJson('{not json')).toEqual({});
  expect(intentionsFromJson(undefined)).toEqual({});
});
