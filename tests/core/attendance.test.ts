/**
 * Attendance, pure: one record per person built from any signal, no write when nothing changes,
 * quiet voices = here, not a facilitator, no say yet (chat counts only when the session says so).
 */
import {
  applySignal,
  attendanceRowKey,
  cleanName,
  hasHadSay,
  isBotId,
  namedRowKey,
  quietVoicesOf,
  recordFromEntity,
  recordToProps,
  type AttendanceRecord,
  type SignalKind,
} from '../../bot/core/attendance';
import type { Person } from '../../bot/core/ports';
import type { Session } from '../../bot/core/session';

const T0 = new Date('2026-11-26T10:00:00Z');
const TENANT = '11111111-1111-1111-1111-111111111111';
const ash = { userId: '29:ash', aadObjectId: 'AAAA-1', tenantId: TENANT };
const fola = { userId: '29:fola', aadObjectId: 'ffff-1', tenantId: TENANT };

function session(countChat = false): Session {
  return {
    sessionKey: 'session|m|2026-11-26',
    meetingId: 'm',
    conversationId: 'c',
    occurrence: '2026-11-26',
    purpose: { outcome: 'x', openToUnexpected: { open: true } },
    creator: { tenantId: TENANT, aadObjectId: 'FFFF-1' },
    facilitators: [{ tenantId: TENANT, aadObjectId: 'FFFF-1' }],
    notetakers: [],
    needsMoreBreaks: false,
    countChat,
    createdAt: T0.toISOString(),
    updatedAt: T0.toISOString(),
    version: 1,
  };
}

function after(kinds: readonly SignalKind[], person: Person = ash, name?: string): AttendanceRecord {
  const rowKey = attendanceRowKey(person) as string;
  let record: AttendanceRecord | undefined;
  for (const kind of kinds) record = applySignal(record, { kind, rowKey, person, ...(name ? { name } : {}) }, T0) ?? record;
  return record as AttendanceRecord;
}

describe('row keys', () => {
  test('a person is keyed by their Teams user id first, else by Entra identity; nobody else has a key', () => {
    expect(attendanceRowKey({ userId: '29:a/b', aadObjectId: 'x', tenantId: 't' })).toBe('p|user|29:a!2Fb');
    expect(attendanceRowKey({ aadObjectId: 'ABC', tenantId: 'T' })).toBe('p|aad|t|abc');
    expect(attendanceRowKey({ aadObjectId: 'ABC' })).toBeUndefined();
    expect(attendanceRowKey({})).toBeUndefined();
  });

  test('a typed name is keyed without regard to case or spacing', () => {
    expect(namedRowKey('  Sam   on the Phone ')).toBe(namedRowKey('sam on the phone'));
    expect(namedRowKey('   ')).toBeUndefined();
    expect(cleanName('x'.repeat(300))).toHaveLength(100);
  });

  test('the bot is not a person', () => {
    expect(isBotId('28:coproduce')).toBe(true);
    expect(isBotId('29:ash')).toBe(false);
  });
});

describe('signals', () => {
  test('join then leave, and acting again means here again', () => {
    expect(after(['joined']).present).toBe(true);
    expect(after(['joined', 'left']).present).toBe(false);
    expect(after(['joined', 'left', 'seen']).present).toBe(true);
    expect(after(['markedHere', 'markedLeft']).present).toBe(false);
  });

  test('only answers (and chat, when counted) are a say; seeing or joining is not', () => {
    const joined = after(['joined', 'seen']);
    expect(hasHadSay(joined, true)).toBe(false);
    expect(hasHadSay(after(['joined', 'cardAnswer']), false)).toBe(true);
    const chatted = after(['chatMessage']);
    expect(hasHadSay(chatted, false)).toBe(false);
    expect(hasHadSay(chatted, true)).toBe(true);
  });

  test('a repeated signal changes nothing, so nothing is written', () => {
    const record = after(['cardAnswer'], ash, 'Ash');
    expect(applySignal(record, { kind: 'cardAnswer', rowKey: record.rowKey, person: ash, name: 'Ash' }, new Date(T0.getTime() + 60_000))).toBeUndefined();
    expect(applySignal(record, { kind: 'seen', rowKey: record.rowKey, person: ash }, T0)).toBeUndefined();
    expect(applySignal(record, { kind: 'seen', rowKey: record.rowKey, person: ash, name: 'Ash Renamed' }, T0)?.name).toBe('Ash Renamed');
  });

  test('survives a round trip through the store shape', () => {
    const record = after(['joined', 'cardAnswer'], ash, 'Ash');
    const back = recordFromEntity({ partitionKey: 's', rowKey: record.rowKey, etag: 'e', props: recordToProps(record) });
    expect(back).toEqual(record);
  });
});

describe('quiet voices', () => {
  const rows = (countChat: boolean) => {
    const people = [
      after(['joined'], { userId: '29:gabi', aadObjectId: 'g', tenantId: TENANT }, 'Gabi'),
      after(['joined', 'cardAnswer'], ash, 'Ash'),
      after(['joined', 'chatMessage'], { userId: '29:cal', aadObjectId: 'c', tenantId: TENANT }, 'Cal'),
      after(['joined'], { userId: '29:nameless' }),
      after(['joined', 'left'], { userId: '29:dee' }, 'Dee'),
      after(['joined'], fola, 'Fola'),
    ];
    return quietVoicesOf(people, session(countChat));
  };

  test('lists who is here without a say, by name, and leaves facilitators out', () => {
    const view = rows(false);
    expect(view.quiet.map((p) => p.name)).toEqual(['Cal', 'Gabi']);
    expect(view.quietWithoutName).toBe(1);
    expect(view.left.map((p) => p.name)).toEqual(['Dee']);
    expect(view).toEqual(expect.objectContaining({ present: 4, hadSay: 1, countsChat: false }));
  });

  test('chat messages count only when the session counts chat', () => {
    expect(rows(true).quiet.map((p) => p.name)).toEqual(['Gabi']);
  });
});
