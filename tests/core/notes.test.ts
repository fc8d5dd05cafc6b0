import { decideNote, NOTE_LIMITS, noteFromEntity, noteToEntity } from '../../bot/core/notes';

const context = { id: 'n1', sessionKey: 'session|m|2026-11-26', author: 'aad|t|o', now: new Date('2026-11-26T10:30:00Z') };

describe('a note', () => {
  test('is trimmed and kept with its author, credit and topic', () => {
    const decided = decideNote({ text: '  People want letters in large print.  ', credit: ' Ash ', topicId: 'topic-1' }, { ...context, topicIds: ['topic-1'] });
    expect(decided).toEqual({
      ok: true,
      note: { id: 'n1', sessionKey: context.sessionKey, author: context.author, text: 'People want letters in large print.', createdAt: context.now, credit: 'Ash', topicId: 'topic-1' },
    });
  });

  test('needs some words, and no more than the limit counted as people count characters', () => {
    expect(decideNote({ text: '   ' }, context)).toEqual({ ok: false, reason: 'empty' });
    expect(decideNote({}, context)).toEqual({ ok: false, reason: 'empty' });
    expect(decideNote({ text: '😀'.repeat(NOTE_LIMITS.text) }, context).ok).toBe(true);
    expect(decideNote({ text: 'a'.repeat(NOTE_LIMITS.text + 1) }, context)).toEqual({ ok: false, reason: 'tooLong', length: NOTE_LIMITS.text + 1 });
  });

  test('refuses an over-long credited name and a topic that is not on the agenda', () => {
    expect(decideNote({ text: 'x', credit: 'n'.repeat(NOTE_LIMITS.credit + 1) }, context)).toEqual({ ok: false, reason: 'creditTooLong' });
    expect(decideNote({ text: 'x', topicId: 'made-up' }, { ...context, topicIds: ['topic-1'] })).toEqual({ ok: false, reason: 'unknownTopic' });
    expect(decideNote({ text: 'x', topicId: 'topic-1' }, context)).toEqual({ ok: false, reason: 'unknownTopic' });
  });

  test('round-trips through a row, and rows sort in the order notes were written', () => {
    const first = decideNote({ text: 'first', credit: 'Gabi' }, context);
    const second = decideNote({ text: 'second' }, { ...context, id: 'a0', now: new Date('2026-11-26T10:31:00Z') });
    if (!first.ok || !second.ok) throw new Error('expected notes');
    const rows = [noteToEntity(second.note), noteToEntity(first.note)].sort((a, b) => a.rowKey.localeCompare(b.rowKey));
    expect(rows.map((r) => noteFromEntity(r)?.text)).toEqual(['first', 'second']);
    expect(noteFromEntity(noteToEntity(first.note))).toEqual(first.note);
    expect(noteFromEntity({ partitionKey: 'p', rowKey: 'r', props: { text: 'no author' } })).toBeUndefined();
  });
});
