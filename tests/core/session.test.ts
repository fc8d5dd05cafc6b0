import type { PersonKey } from '../../bot/core/facilitators';
import { LIMITS, occurrenceKey, occurrenceOf, setupSession, type Session, type SetupInput } from '../../bot/core/session';

const MEETING = 'MCMxOTptZWV0aW5nX1l6Zz/abc+def==';
const CHAT = '19:meeting_Yzg@thread.v2';
const creator: PersonKey = { tenantId: 'tenant-1', aadObjectId: 'AAAA-1111' };
const colleague: PersonKey = { tenantId: 'tenant-1', aadObjectId: 'bbbb-2222' };
const guestByTeamsId: PersonKey = { userId: '29:guest' };
const t0 = new Date('2025-03-04T09:30:00Z');
const t1 = new Date('2025-03-04T09:45:00Z');

function input(overrides: Partial<SetupInput> = {}): SetupInput {
  return {
    meetingId: MEETING,
    conversationId: CHAT,
    occurrenceStart: '2025-03-04T10:00:00Z',
    purpose: { outcome: '  Decide what the new booking page must do  ', openToUnexpected: true, responsible: 'Sam, service lead', capture: 'Notetaker' },
    ...overrides,
  };
}

function created(overrides: Partial<SetupInput> = {}): Session {
  const result = setupSession(undefined, input(overrides), creator, t0);
  if (!result.ok) throw new Error(result.problems.join(' '));
  return result.value;
}

describe('occurrences of a meeting', () => {
  test.each([
    ['2025-03-04T10:00:00Z', '2025-03-04'],
    ['2025-03-04T10:00:00.000Z', '2025-03-04'],
    ['2025-03-04T23:30:00-02:00', '2025-03-05'],
    ['2025-03-04', undefined],
    ['next Tuesday', undefined],
    ['', undefined],
  ])('the occurrence of %p is %p', (start, expected) => {
    expect(occurrenceOf(start)).toBe(expected);
  });

  it('keeps a late start in the same occurrence as the scheduled start', () => {
    expect(occurrenceKey(MEETING, '2025-03-04T10:00:00Z')).toBe(occurrenceKey(MEETING, '2025-03-04T10:07:31.123Z'));
  });

  it('gives each occurrence of a recurring meeting its own session', () => {
    expect(occurrenceKey(MEETING, '2025-03-04T10:00:00Z')).not.toBe(occurrenceKey(MEETING, '2025-03-11T10:00:00Z'));
    expect(occurrenceKey(MEETING, '2025-03-04T10:00:00Z')).not.toBe(occurrenceKey('another-meeting', '2025-03-04T10:00:00Z'));
  });

  it('makes keys the store accepts even though meeting ids contain / and +', () => {
    expect(occurrenceKey(MEETING, '2025-03-04T10:00:00Z')).not.toMatch(/[/\\#?\u0000-\u001f]/);
  });
});

describe('setting up a session', () => {
  it('creates the session with the creator first, then the people they named', () => {
    const session = created({ facilitators: [colleague, creator, { tenantId: 'TENANT-1', aadObjectId: 'BBBB-2222' }], notetakers: [guestByTeamsId] });
    expect(session.sessionKey).toBe(occurrenceKey(MEETING, '2025-03-04T10:00:00Z'));
    expect(session.occurrence).toBe('2025-03-04');
    expect(session.facilitators).toEqual([creator, colleague]);
    expect(session.notetakers).toEqual([guestByTeamsId]);
    expect(session.creator).toEqual(creator);
    expect(session.purpose.outcome).toBe('Decide what the new booking page must do');
    expect(session.purpose.openToUnexpected).toEqual({ open: true });
    expect(session).toMatchObject({ version: 1, createdAt: t0.toISOString(), updatedAt: t0.toISOString() });
  });

  it('lists someone named both ways once, as a facilitator', () => {
    const session = created({ facilitators: [colleague], notetakers: [colleague, guestByTeamsId] });
    expect(session.facilitators).toEqual([creator, colleague]);
    expect(session.notetakers).toEqual([guestByTeamsId]);
  });

  it('keeps the optional answers only when given', () => {
    const session = created({ programmeId: ' booking-2025 ', safeguardingContact: 'Jo Smith, 0161 496 0000', purpose: { outcome: 'Agree the plan', openToUnexpected: false, openToUnexpectedNote: ' ', responsible: '' } });
    expect(session.programmeId).toBe('booking-2025');
    expect(session.safeguardingContact).toBe('Jo Smith, 0161 496 0000');
    expect(session.purpose).toEqual({ outcome: 'Agree the plan', openToUnexpected: { open: false } });
  });

  it('edits the session when setup is run again in the same occurrence, instead of making a second one', () => {
    const first = created({ facilitators: [colleague] });
    const again = setupSession(first, input({ occurrenceStart: '2025-03-04T10:05:00Z', purpose: { outcome: 'A new outcome', openToUnexpected: true, openToUnexpectedNote: 'Happy to be surprised' } }), colleague, t1);
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    expect(again.value.sessionKey).toBe(first.sessionKey);
    expect(again.value.version).toBe(2);
    expect(again.value.createdAt).toBe(t0.toISOString());
    expect(again.value.updatedAt).toBe(t1.toISOString());
    expect(again.value.purpose.openToUnexpected).toEqual({ open: true, note: 'Happy to be surprised' });
    // The colleague edited and did not name anyone, but the creator stays a facilitator.
    expect(again.value.creator).toEqual(creator);
    expect(again.value.facilitators).toEqual([creator]);
  });

  it('refuses to edit a session with a setup from another meeting or occurrence', () => {
    const first = created();
    for (const other of [input({ meetingId: 'other' }), input({ conversationId: '19:other' }), input({ occurrenceStart: '2025-03-11T10:00:00Z' })]) {
      const result = setupSession(first, other, creator, t1);
      expect(result).toEqual({ ok: false, problems: ['This setup belongs to a different meeting, so it was not changed.'] });
    }
  });

  it('says plainly what needs fixing, all at once', () => {
    const many = Array.from({ length: LIMITS.facilitators }, (_, i): PersonKey => ({ userId: `29:person-${i}` }));
    const result = setupSession(undefined, input({ purpose: { outcome: '   ', openToUnexpected: false, capture: 'x'.repeat(501) }, facilitators: many }), creator, t0);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      'Say what you hope the session will achieve.',
      'How you will capture what you hear is 501 characters long. Please keep it to 500 or fewer.',
      'A session can have at most 10 facilitators, including you. Remove 1.',
    ]);
  });

  it('counts characters as people see them, so 500 emoji are allowed', () => {
    expect(setupSession(undefined, input({ purpose: { outcome: '🙂'.repeat(500), openToUnexpected: true } }), creator, t0).ok).toBe(true);
    expect(setupSession(undefined, input({ purpose: { outcome: '🙂'.repeat(501), openToUnexpected: true } }), creator, t0).ok).toBe(false);
  });

  it('refuses when it cannot tell which occurrence this is', () => {
    const result = setupSession(undefined, input({ occurrenceStart: 'soon' }), creator, t0);
    expect(result.ok).toBe(false);
  });

  it('keeps the facilitator time zone for date-only reminders, ignoring one it does not know', () => {
    const first = created({ timeZone: 'Europe/London' });
    expect(first.timeZone).toBe('Europe/London');
    const edited = setupSession(first, input({ timeZone: 'Not/AZone' }), creator, t1);
    expect(edited.ok && edited.value.timeZone).toBe('Europe/London');
    const moved = setupSession(first, input({ timeZone: 'America/New_York' }), creator, t1);
    expect(moved.ok && moved.value.timeZone).toBe('America/New_York');
    expect(created({ timeZone: 'Mars/Olympus' }).timeZone).toBeUndefined();
  });
});
