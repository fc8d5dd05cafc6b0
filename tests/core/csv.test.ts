// CSV that an organiser can open safely: formula-like cells are neutralised, quotes doubled, and
// the consent record shows erased people as "(erased)" under a head line with the chain head.
import type { ConsentEvent } from '../../bot/core/consentLedger';
import { consentRecordCsv, csvCell, csvDocument, type ConsentRecordWords } from '../../bot/core/csv';

test.each([
  ['=1+1', `"'=1+1"`],
  ['+44 7700 900123', `"'+44 7700 900123"`],
  ['-2', `"'-2"`],
  ['@SUM(A1:A2)', `"'@SUM(A1:A2)"`],
  ['\t=cmd', `"'\t=cmd"`],
  ['\r=cmd', `"'\r=cmd"`],
  ['\u0001hidden', `"'\u0001hidden"`],
  ['＝HYPERLINK("x")', `"'＝HYPERLINK(""x"")"`],
])('a cell starting like a formula (%j) gets a leading apostrophe', (value, expected) => {
  expect(csvCell(value)).toBe(expected);
});

test.each([
  ['Ash Tester', '"Ash Tester"'],
  ['a, b', '"a, b"'],
  ['she said "no"', '"she said ""no"""'],
  ['two\nlines', '"two\nlines"'],
  ['a=b', '"a=b"'],
  ['', '""'],
])('an ordinary cell (%j) is quoted with quotes doubled, and not changed', (value, expected) => {
  expect(csvCell(value)).toBe(expected);
});

test('numbers, booleans and empty values become cells; lines end with CRLF', () => {
  expect(csvDocument([[1, true, null, undefined]])).toBe('"1","true","",""\r\n');
});

const words: ConsentRecordWords = {
  columns: ['Person', 'Choice', 'What', 'How', 'By facilitator', 'Wording', 'Version', 'Time'],
  scopes: { recording: 'Recording', transcript: 'Transcript', aiSummary: 'AI summary', named: 'Named', quoted: 'Quoted' },
  kinds: { agree: 'Agreed', decline: 'Said not now', withdraw: 'Withdrew' },
  methods: { card: 'Card', personalChat: 'Chat', link: 'Link', verbal: 'Out loud', phone: 'Phone', paper: 'Paper', inRoom: 'In the room' },
  yes: 'Yes',
  no: 'No',
  erased: '(erased)',
  noName: '(name not known)',
  summary: (s) => `head ${s.head ?? 'none'}, ${s.verified ? 'ok' : 'FAILED'}\nsealed ${s.sealedEvents}`,
};

function event(subjectId: string, seq: number, at: string, extra: Partial<ConsentEvent> = {}): ConsentEvent {
  return {
    sessionKey: 's', subjectId, seq, scope: 'recording', kind: 'agree', choice: 'agree', method: 'card',
    actorSubjectId: subjectId, wording: { variant: 'standard', hash: 'h'.repeat(64) }, at, ...extra,
  };
}

test('the consent record: a summary comment line, then one row per event in time order, injection-safe', () => {
  const csv = consentRecordCsv(
    {
      events: [
        event('gone', 1, '2026-11-26T10:05:00.000Z', { kind: 'withdraw', choice: 'notNow', method: 'link' }),
        event('evil', 1, '2026-11-26T10:01:00.000Z', { actorSubjectId: 'facilitator', method: 'phone' }),
        event('gone', 0, '2026-11-26T10:00:00.000Z'),
      ],
      people: [{ subjectId: 'evil', who: 'roster|1', name: '=HYPERLINK("https://evil.example","click")', roster: true }],
      summary: { head: 'abc123', verified: true, sealedEvents: 3, unsealedEvents: 0, problems: [] },
    },
    words,
  );
  const lines = csv.split('\r\n');
  // The summary's line break and comma cannot split the comment line into rows or cells.
  expect(lines[0]).toBe('# head abc123  ok sealed 3');
  expect(lines[1]).toBe('"Person","Choice","What","How","By facilitator","Wording","Version","Time"');
  expect(lines[2]).toBe(`"(erased)","Recording","Agreed","Card","No","standard","${'h'.repeat(64)}","2026-11-26T10:00:00.000Z"`);
  expect(lines[3]).toBe(`"'=HYPERLINK(""https://evil.example"",""click"")","Recording","Agreed","Phone","Yes","standard","${'h'.repeat(64)}","2026-11-26T10:01:00.000Z"`);
  expect(lines[4]).toContain('"(erased)","Recording","Withdrew","Link","No"');
  expect(lines).toHaveLength(6); // the document ends with CRLF
});
