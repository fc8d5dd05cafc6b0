/**
 * The one permission table (DESIGN.md "Security"): every typed command and every card action, who
 * may use it, on which surfaces, and what doing it twice does. Handlers ask `canRun` before acting
 * and show its message to the person when the answer is no.
 *
 * Command names are the typed words; card action names are the Action.Execute verbs. Keep both in
 * step with the command parser and cards/verbs.ts (the table is typed by these unions, so a missing
 * row fails to compile).
 */

/**
 * Where an action arrives. `meeting`: any conversation that belongs to a Teams meeting (the
 * meeting chat, or a channel meeting's thread). `groupChat` and `channel`: those outside a meeting.
 */
export type Surface = 'personal' | 'groupChat' | 'meeting' | 'channel';
export const SURFACES: readonly Surface[] = ['personal', 'groupChat', 'meeting', 'channel'];

/**
 * everyone: anyone in the conversation. facilitator: see facilitators.ts. selfOnly: anyone, but
 * only about themselves — the subject is always the person who acted, never an id from card data.
 */
export type Who = 'everyone' | 'facilitator' | 'selfOnly';

/**
 * What the same action a second time does (a double press, a retried message, typing it again).
 * noOp: nothing changes (the current state may be shown again). edits: the earlier answer or
 * record is replaced. newEvent: it happens again and is recorded again.
 */
export type Repeat = 'noOp' | 'edits' | 'newEvent';

export const COMMAND_ACTIONS = [
  'setup', 'purpose', 'consent', 'break', 'next', 'back', 'extend', 'pause', 'resume', 'end early',
  'recap', 'sense check', 'note', 'here', 'quiet voices', 'unsaid', 'wrap up', 'digest', 'my data', 'help',
  'actions', 'ladder', 'access', 'connect',
] as const;

export const CARD_ACTIONS = [
  'setup.open', 'setup.save', 'purpose.show', 'purpose.post', 'purpose.ask', 'purpose.answer',
  'consent.give', 'consent.decline', 'consent.withdraw', 'consent.easyRead', 'consent.confirmClearToRecord', 'consent.recordForSomeone',
  'break.start', 'break.skip', 'break.confirmSkip', 'break.requestPause',
  'agenda.open', 'agenda.save', 'agenda.next', 'agenda.back', 'agenda.extend', 'agenda.pause', 'agenda.resume', 'agenda.endEarly',
  'recap.show', 'senseCheck.open', 'senseCheck.close', 'senseCheck.answer', 'note.save', 'answer.recordForSomeone', 'unsaid.open', 'unsaid.send',
  'attendance.markHere', 'attendance.markLeft', 'quietVoices.show', 'plainEnglish.ignore',
  'wrapUp.start', 'wrapUp.save', 'wrapUp.myContribution', 'digest.show', 'digest.approve', 'myData.show', 'myData.export', 'myData.erase',
  'help.show',
  'digest.review', 'digest.round', 'actions.open', 'actions.save', 'actions.link', 'ladder.open', 'ladder.place', 'ladder.vote',
  'access.open', 'access.save', 'access.recordFor',
] as const;

export type CommandAction = (typeof COMMAND_ACTIONS)[number];
export type CardAction = (typeof CARD_ACTIONS)[number];
export type PermissionAction = CommandAction | CardAction;

export interface Permission {
  readonly kind: 'command' | 'cardAction';
  readonly who: Who;
  /** Surfaces that accept it; anywhere else it is refused with a pointer to the right place. */
  readonly where: readonly Surface[];
  readonly repeat: Repeat;
  /**
   * What the bot shows back must reach only this person (a 1:1 chat or their own invoke
   * response), never a new post in a shared chat: nothing posted there is private.
   */
  readonly privateReply: boolean;
  /** What it does, as words that finish "Only facilitators can …" and "You can … in …". */
  readonly does: string;
}

const PERSONAL: readonly Surface[] = ['personal'];
/** While a session runs, in the chat everyone shares. */
const LIVE: readonly Surface[] = ['groupChat', 'meeting'];
/** Anything tied to a session: its shared chat, or a person's 1:1 chat before, during or after. */
const SESSION: readonly Surface[] = ['personal', 'groupChat', 'meeting'];
const ANYWHERE: readonly Surface[] = SURFACES;

type Row = Omit<Permission, 'kind'>;
const row = (who: Who, where: readonly Surface[], repeat: Repeat, does: string, privateReply = false): Row => ({
  who, where, repeat, does, privateReply,
});

const COMMANDS: { readonly [A in CommandAction]: Row } = {
  setup: row('facilitator', SESSION, 'edits', 'set up or change the session'),
  purpose: row('facilitator', LIVE, 'noOp', 'show the purpose card'),
  consent: row('everyone', SESSION, 'noOp', 'open the consent card'),
  break: row('facilitator', LIVE, 'noOp', 'start a break'),
  next: row('facilitator', LIVE, 'newEvent', 'move to the next item'),
  back: row('facilitator', LIVE, 'newEvent', 'go back to the previous item'),
  extend: row('facilitator', LIVE, 'newEvent', 'add 5 minutes to the current item'),
  pause: row('facilitator', LIVE, 'noOp', 'pause the session'),
  resume: row('facilitator', LIVE, 'noOp', 'carry on after a pause'),
  'end early': row('facilitator', LIVE, 'noOp', 'end the session early'),
  recap: row('facilitator', LIVE, 'newEvent', 'post a recap'),
  'sense check': row('facilitator', LIVE, 'newEvent', 'ask a sense-check question'),
  note: row('facilitator', SESSION, 'newEvent', 'add a note'),
  here: row('facilitator', LIVE, 'noOp', 'mark someone as here'),
  'quiet voices': row('facilitator', LIVE, 'noOp', 'see who has not had a say yet', true),
  unsaid: row('everyone', SESSION, 'noOp', 'open the card for saying something anonymously'),
  'wrap up': row('facilitator', LIVE, 'noOp', 'wrap up the session'),
  digest: row('facilitator', PERSONAL, 'noOp', 'see the digest draft', true),
  // In a shared chat the answer is a card whose button shows the data in the person's own view.
  'my data': row('selfOnly', SESSION, 'noOp', 'see what Coproduce keeps about you', true),
  help: row('everyone', ANYWHERE, 'noOp', 'see the help card'),
  actions: row('facilitator', LIVE, 'noOp', 'see the actions from this session'),
  ladder: row('facilitator', LIVE, 'noOp', 'place the session on the co-production ladder'),
  access: row('everyone', LIVE, 'noOp', 'tell the facilitators what would help you take part'),
  // In a channel there is no session; the choice is made later, when a facilitator approves a summary.
  connect: row('facilitator', ['channel'], 'edits', 'connect a channel for session summaries'),
};

const CARD: { readonly [A in CardAction]: Row } = {
  'setup.open': row('facilitator', SESSION, 'noOp', 'open the session setup'),
  'setup.save': row('facilitator', SESSION, 'edits', 'change the session setup'),
  'purpose.show': row('everyone', SESSION, 'noOp', 'see the purpose'),
  'purpose.post': row('facilitator', LIVE, 'newEvent', 'post the purpose in the chat'),
  'purpose.ask': row('facilitator', LIVE, 'noOp', 'ask whether we did what we came for'),
  'purpose.answer': row('everyone', SESSION, 'edits', 'say whether we did what we came for', true),
  'consent.give': row('selfOnly', SESSION, 'edits', 'give consent', true),
  'consent.decline': row('selfOnly', SESSION, 'edits', 'say "not now" to consent', true),
  'consent.withdraw': row('selfOnly', SESSION, 'noOp', 'withdraw consent', true),
  'consent.easyRead': row('everyone', SESSION, 'noOp', 'see the easy-read consent', true),
  'consent.confirmClearToRecord': row('facilitator', SESSION, 'noOp', 'confirm it is clear to record'),
  'consent.recordForSomeone': row('facilitator', SESSION, 'newEvent', 'record consent given out loud, by phone, on paper or in the room', true),
  'break.start': row('facilitator', LIVE, 'noOp', 'start a break'),
  'break.skip': row('facilitator', LIVE, 'noOp', 'skip the break'),
  // Anonymous: we cannot tell a second press from a second person, so each press counts.
  'break.confirmSkip': row('facilitator', LIVE, 'noOp', 'confirm skipping a planned break'),
  'break.requestPause': row('everyone', LIVE, 'newEvent', 'ask for a pause', true),
  // The buttons name the item they move from, so a second press of the same card does nothing.
  'agenda.open': row('facilitator', SESSION, 'noOp', 'change the agenda', true),
  'agenda.save': row('facilitator', SESSION, 'edits', 'change the agenda'),
  'agenda.next': row('facilitator', LIVE, 'noOp', 'move to the next item'),
  'agenda.back': row('facilitator', LIVE, 'noOp', 'go back to the previous item'),
  'agenda.extend': row('facilitator', LIVE, 'newEvent', 'add 5 minutes to the current item'),
  'agenda.pause': row('facilitator', LIVE, 'noOp', 'pause the session'),
  'agenda.resume': row('facilitator', LIVE, 'noOp', 'carry on after a pause'),
  'agenda.endEarly': row('facilitator', LIVE, 'noOp', 'end the session early'),
  'recap.show': row('facilitator', LIVE, 'newEvent', 'post a recap'),
  'senseCheck.open': row('facilitator', LIVE, 'newEvent', 'ask a sense-check question'),
  'senseCheck.close': row('facilitator', SESSION, 'noOp', 'close the sense check'),
  'senseCheck.answer': row('everyone', LIVE, 'edits', 'answer the sense check', true),
  'note.save': row('facilitator', SESSION, 'edits', 'save a note'),
  'answer.recordForSomeone': row('facilitator', SESSION, 'newEvent', 'record an answer given out loud, by phone or on paper'),
  'unsaid.open': row('everyone', SESSION, 'noOp', 'open the card for saying something anonymously', true),
  // Anonymous: no author is stored, so a repeat cannot be recognised.
  'unsaid.send': row('everyone', SESSION, 'newEvent', 'say something anonymously', true),
  'attendance.markHere': row('facilitator', SESSION, 'edits', 'mark someone as here'),
  'attendance.markLeft': row('facilitator', SESSION, 'edits', 'mark someone as gone'),
  'quietVoices.show': row('facilitator', SESSION, 'noOp', 'see who has not had a say yet', true),
  'plainEnglish.ignore': row('facilitator', SESSION, 'noOp', 'stop a plain-English suggestion for this session', true),
  'wrapUp.start': row('facilitator', LIVE, 'noOp', 'wrap up the session'),
  'wrapUp.save': row('facilitator', SESSION, 'edits', 'save the next steps'),
  // Answers only the person who pressed it: what they gave today.
  'wrapUp.myContribution': row('selfOnly', SESSION, 'noOp', 'see what you gave today', true),
  'digest.show': row('facilitator', PERSONAL, 'noOp', 'see the digest draft', true),
  'digest.approve': row('facilitator', PERSONAL, 'noOp', 'approve the digest'),
  'myData.show': row('selfOnly', SESSION, 'noOp', 'see what Coproduce keeps about you', true),
  'myData.export': row('selfOnly', PERSONAL, 'noOp', 'download what Coproduce keeps about you', true),
  'myData.erase': row('selfOnly', SESSION, 'noOp', 'delete what Coproduce keeps about you', true),
  'help.show': row('everyone', ANYWHERE, 'noOp', 'see the help card'),
  'digest.review': row('facilitator', PERSONAL, 'edits', 'check the digest draft', true),
  'digest.round': row('facilitator', PERSONAL, 'noOp', 'share the digest draft with the group'),
  'actions.open': row('facilitator', SESSION, 'noOp', 'see the actions from this session', true),
  'actions.save': row('facilitator', SESSION, 'edits', 'change the actions from this session', true),
  'actions.link': row('facilitator', SESSION, 'edits', 'say what an action came from', true),
  'ladder.open': row('facilitator', SESSION, 'noOp', 'place the session on the co-production ladder', true),
  'ladder.place': row('facilitator', SESSION, 'edits', 'place the session on the co-production ladder', true),
  'ladder.vote': row('everyone', LIVE, 'edits', 'say where you think the session was on the ladder', true),
  'access.open': row('everyone', LIVE, 'noOp', 'tell the facilitators what would help you take part', true),
  'access.save': row('selfOnly', LIVE, 'edits', 'tell the facilitators what would help you take part', true),
  'access.recordFor': row('facilitator', LIVE, 'edits', 'record what would help someone take part, with their agreement', true),
};

function withKind<A extends string>(rows: { readonly [K in A]: Row }, kind: Permission['kind']): { readonly [K in A]: Permission } {
  const out = {} as { [K in A]: Permission };
  for (const name of Object.keys(rows) as A[]) out[name] = Object.freeze({ kind, ...rows[name] });
  return out;
}

export const PERMISSIONS: { readonly [A in PermissionAction]: Permission } = Object.freeze({
  ...withKind(COMMANDS, 'command'),
  ...withKind(CARD, 'cardAction'),
});

const KNOWN: ReadonlySet<string> = new Set([...COMMAND_ACTIONS, ...CARD_ACTIONS]);

export function isPermissionAction(value: unknown): value is PermissionAction {
  return typeof value === 'string' && KNOWN.has(value);
}

export interface RunContext {
  readonly isFacilitator: boolean;
  readonly surface: Surface;
  /** The action would act on someone other than the person asking. */
  readonly forSomeoneElse?: boolean;
}

export type DenyReason = 'unknownAction' | 'notFacilitator' | 'wrongSurface' | 'onlyForYourself';

export type CanRunResult =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly reason: DenyReason; /** For the person, plain English. */ readonly message: string };

const SURFACE_WORDS: { readonly [S in Surface]: string } = {
  personal: 'your 1:1 chat with Coproduce',
  groupChat: 'the group chat where the session runs',
  meeting: 'the meeting chat',
  channel: 'a Teams channel',
};

/** Decides whether this person may do this here. Unknown actions are refused. */
export function canRun(action: PermissionAction | string, context: RunContext): CanRunResult {
  if (!isPermissionAction(action)) {
    return { allowed: false, reason: 'unknownAction', message: 'Coproduce does not know that action. Type "help" to see what you can do.' };
  }
  const rule = PERMISSIONS[action];
  if (rule.who === 'facilitator' && !context.isFacilitator) {
    return {
      allowed: false,
      reason: 'notFacilitator',
      message: `Only the session's facilitators can ${rule.does}. If you should be one, ask the person who set up the session.`,
    };
  }
  if (rule.who === 'selfOnly' && context.forSomeoneElse) {
    return { allowed: false, reason: 'onlyForYourself', message: 'You can only do this for yourself.' };
  }
  if (!rule.where.includes(context.surface)) {
    return { allowed: false, reason: 'wrongSurface', message: `You can ${rule.does} in ${placeList(rule.where)}.` };
  }
  return { allowed: true };
}

function placeList(where: readonly Surface[]): string {
  const words = where.map((s) => SURFACE_WORDS[s]);
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}
