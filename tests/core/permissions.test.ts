import { VERBS } from '../../bot/cards/verbs';
import {
  CARD_ACTIONS,
  COMMAND_ACTIONS,
  PERMISSIONS,
  SURFACES,
  canRun,
  isPermissionAction,
  type PermissionAction,
  type Surface,
} from '../../bot/core/permissions';

const ALL = Object.keys(PERMISSIONS) as PermissionAction[];

describe('the permission table', () => {
  test('has exactly one row per command and card action', () => {
    expect(new Set(ALL)).toEqual(new Set([...COMMAND_ACTIONS, ...CARD_ACTIONS]));
    expect(ALL).toHaveLength(COMMAND_ACTIONS.length + CARD_ACTIONS.length);
    for (const name of COMMAND_ACTIONS) expect(PERMISSIONS[name].kind).toBe('command');
    for (const name of CARD_ACTIONS) expect(PERMISSIONS[name].kind).toBe('cardAction');
  });

  test.each(ALL)('%s says who, where, what a repeat does and what it is', (name) => {
    const rule = PERMISSIONS[name];
    expect(['everyone', 'facilitator', 'selfOnly']).toContain(rule.who);
    expect(['noOp', 'edits', 'newEvent']).toContain(rule.repeat);
    expect(rule.where.length).toBeGreaterThan(0);
    for (const surface of rule.where) expect(SURFACES).toContain(surface);
    expect(new Set(rule.where).size).toBe(rule.where.length);
    expect(typeof rule.privateReply).toBe('boolean');
    expect(rule.does).toMatch(/^[a-z][^.]*[a-z]$/); // finishes "Only facilitators can …" cleanly
  });

  test('covers every command in the brief', () => {
    const brief = ['setup', 'purpose', 'consent', 'break', 'next', 'back', 'extend', 'pause', 'resume', 'end early', 'recap',
      'sense check', 'note', 'unsaid', 'wrap up', 'digest', 'my data', 'help'];
    for (const word of brief) expect(isPermissionAction(word)).toBe(true);
  });

  test('running the session is for facilitators only', () => {
    const facilitatorOnly = ['next', 'back', 'extend', 'pause', 'resume', 'end early', 'break', 'wrap up', 'digest', 'note',
      'sense check', 'agenda.next', 'digest.approve', 'consent.confirmClearToRecord', 'answer.recordForSomeone'] as const;
    for (const name of facilitatorOnly) expect(PERMISSIONS[name].who).toBe('facilitator');
  });

  test('consent and a person\u2019s data are self only, and their answers stay private', () => {
    for (const name of ['consent.give', 'consent.decline', 'consent.withdraw', 'myData.show', 'myData.export', 'myData.erase', 'my data'] as const) {
      expect(PERMISSIONS[name].who).toBe('selfOnly');
      expect(PERMISSIONS[name].privateReply).toBe(true);
    }
  });

  test('consent can be changed after the meeting, in a 1:1 chat', () => {
    for (const name of ['consent.give', 'consent.withdraw', 'consent.decline'] as const) expect(PERMISSIONS[name].where).toContain('personal');
  });

  test('anonymous actions count every press, because nobody can tell two presses apart', () => {
    expect(PERMISSIONS['unsaid.send'].repeat).toBe('newEvent');
    expect(PERMISSIONS['break.requestPause'].repeat).toBe('newEvent');
  });

  test('the digest draft is only ever shown in a 1:1 chat', () => {
    expect(PERMISSIONS.digest.where).toEqual(['personal']);
    expect(PERMISSIONS['digest.show'].where).toEqual(['personal']);
  });
});

describe('canRun', () => {
  const everywhere = (name: PermissionAction, isFacilitator: boolean) =>
    SURFACES.map((surface) => canRun(name, { isFacilitator, surface }).allowed);

  test('a facilitator may move on in the meeting chat', () => {
    expect(canRun('next', { isFacilitator: true, surface: 'meeting' })).toEqual({ allowed: true });
  });

  test('a participant is told plainly that only facilitators can move on', () => {
    const result = canRun('next', { isFacilitator: false, surface: 'meeting' });
    expect(result).toEqual({
      allowed: false,
      reason: 'notFacilitator',
      message: "Only the session's facilitators can move to the next item. If you should be one, ask the person who set up the session.",
    });
  });

  test('the wrong place is refused with where it does work', () => {
    expect(canRun('digest', { isFacilitator: true, surface: 'meeting' })).toEqual({
      allowed: false,
      reason: 'wrongSurface',
      message: 'You can see the digest draft in your 1:1 chat with Coproduce.',
    });
    const result = canRun('next', { isFacilitator: true, surface: 'personal' });
    expect(result.allowed === false && result.message).toBe(
      'You can move to the next item in the group chat where the session runs or the meeting chat.',
    );
  });

  test('everyone may give consent, but only for themselves', () => {
    expect(canRun('consent.give', { isFacilitator: false, surface: 'meeting' }).allowed).toBe(true);
    expect(canRun('consent.give', { isFacilitator: true, surface: 'meeting', forSomeoneElse: true })).toMatchObject({
      allowed: false,
      reason: 'onlyForYourself',
    });
  });

  test('help works everywhere for everyone', () => {
    expect(everywhere('help', false)).toEqual([true, true, true, true]);
    expect(everywhere('help.show', false)).toEqual([true, true, true, true]);
  });

  test.each(ALL)('%s: allowed exactly where the table says, for whom it says', (name) => {
    const rule = PERMISSIONS[name];
    for (const surface of SURFACES as Surface[]) {
      const inPlace = rule.where.includes(surface);
      expect(canRun(name, { isFacilitator: true, surface }).allowed).toBe(inPlace);
      expect(canRun(name, { isFacilitator: false, surface }).allowed).toBe(inPlace && rule.who !== 'facilitator');
    }
  });

  test('an unknown action is refused', () => {
    expect(canRun('agenda.teleport', { isFacilitator: true, surface: 'meeting' })).toMatchObject({ allowed: false, reason: 'unknownAction' });
    expect(isPermissionAction('toString')).toBe(false);
  });
});

// The permission table and the verb list are written in two places (core cannot import cards), so
// this keeps them from drifting: every button a card can carry has exactly one permission row.
test('every card verb has a permission row, and every card action row is a verb', () => {
  expect([...CARD_ACTIONS].sort()).toEqual([...VERBS].sort());
});
