/**
 * The framework: agenda editing, live controls (next, back, extend, pause, resume, end early),
 * recap, breaks and their reminder jobs. The dispatcher has already checked who may do what and
 * found the session; each handler here calls the same service function for a typed command and
 * for its button, and differs only in where the answer goes: a typed command's reply is public,
 * a button's answer is seen only by the presser.
 */
import { DEFAULT_EXTENSION_MINUTES, plannedBreaks } from '../core/liveAgenda';
import { BREAK_MINUTES_RANGE, DEFAULT_BREAK_MINUTES, minutesArgument } from '../core/sessionPlan';
import { refuseInvoke, say, tellPresser, type CommandReply, type InvokeReply } from '../core/turn';
import { skipBreakConfirmCard } from '../cards/breakCards';
import { frameworkNoticeCard } from '../cards/frameworkNoticeCard';
import { frameworkStrings } from '../cards/strings/framework.en-GB';
import type { Capability, CommandHandler, VerbContext, VerbHandler } from './capability';
import { confirmSkipBreak, postBreakStarted, startBreak } from './breaks';
import { breakReminderHandlers } from './breaksReminders';
import { openAgendaEditor, saveAgenda } from './liveFrameworkAgenda';
import { quietFrameworkAtMeetingEnd, runControl, startFramework, type Control } from './liveFrameworkControls';
import { buildRecap, postRecap } from './liveFrameworkRecap';
import { readPlan } from './liveFrameworkStore';

const EXTEND_RANGE = { min: 1, max: 60 } as const;

function controlCommand(control: Control): CommandHandler {
  return {
    run: async ({ turn, argument, session, deps }): Promise<CommandReply> => {
      let minutes: number | undefined;
      if (control === 'extend') {
        const parsed = minutesArgument(argument, DEFAULT_EXTENSION_MINUTES, EXTEND_RANGE, 'extend 10');
        if (!parsed.ok) return say(parsed.problems.join(' '));
        minutes = parsed.value;
      }
      const result = await runControl(deps, session.session, control, turn.now, minutes !== undefined ? { minutes } : {});
      return result.ok ? { card: frameworkNoticeCard(result.value.notice) } : say(result.problems.join(' '));
    },
  };
}

/** The item the pressed card was showing; every framework button carries it. */
function fromItemOf(data: VerbContext['data']): string | undefined {
  const from = data.fromItemId;
  return typeof from === 'string' && from.length > 0 && from.length <= 64 ? from : undefined;
}

function controlVerb(control: Control): VerbHandler {
  return {
    run: async ({ turn, data, session, deps }): Promise<InvokeReply> => {
      const fromItemId = fromItemOf(data);
      if (!fromItemId) return refuseInvoke(400, frameworkStrings.moves.badCard);
      const result = await runControl(deps, session.session, control, turn.now, { fromItemId });
      return tellPresser(result.ok ? result.value.privateText : result.problems.join(' '));
    },
  };
}

const breakCommand: CommandHandler = {
  run: async ({ turn, argument, session, deps }) => {
    const minutes = minutesArgument(argument, DEFAULT_BREAK_MINUTES, BREAK_MINUTES_RANGE, 'break 15');
    if (!minutes.ok) return say(minutes.problems.join(' '));
    const started = await startBreak(deps, session.session, turn.now, minutes.value);
    return started.ok ? { card: started.value.card } : say(started.problems.join(' '));
  },
};

const breakButton: VerbHandler = {
  run: async ({ turn, data, session, deps }) => {
    const fromItemId = fromItemOf(data);
    if (!fromItemId) return refuseInvoke(400, frameworkStrings.moves.badCard);
    const started = await startBreak(deps, session.session, turn.now, DEFAULT_BREAK_MINUTES, fromItemId);
    if (!started.ok) return tellPresser(started.problems.join(' '));
    await postBreakStarted(deps, session.session, started.value);
    return tellPresser(frameworkStrings.breaks.started);
  },
};

function itemIdOf(data: VerbContext['data']): string | undefined {
  return typeof data.itemId === 'string' && data.itemId.length > 0 && data.itemId.length <= 64 ? data.itemId : undefined;
}

/** "Skip this break" only asks; the confirmation card it answers with is the one that skips. */
const askToSkipBreak: VerbHandler = {
  run: async ({ data, session, deps }) => {
    const itemId = itemIdOf(data);
    if (!itemId) return refuseInvoke(400, frameworkStrings.moves.badCard);
    const plan = await readPlan(deps, session.session);
    const item = plan.agenda.find((candidate) => candidate.id === itemId);
    if (!item || item.kind !== 'break') return tellPresser(frameworkStrings.breaks.skipGone);
    if (plan.live?.currentItemId === itemId && !plan.live.ended) return tellPresser(frameworkStrings.breaks.skipRunning);
    const planned = plan.live ? plannedBreaks(plan.agenda, plan.live).find((b) => b.itemId === itemId) : undefined;
    const times = planned ? { times: { startsAt: planned.startsAt, endsAt: planned.endsAt } } : {};
    return { kind: 'card', card: skipBreakConfirmCard({ sessionKey: session.session.sessionKey, itemId, title: item.title, ...times }) };
  },
};

const confirmSkip: VerbHandler = {
  run: async ({ turn, data, session, deps }) => {
    const itemId = itemIdOf(data);
    if (!itemId) return refuseInvoke(400, frameworkStrings.moves.badCard);
    const skipped = await confirmSkipBreak(deps, session.session, itemId, turn.now);
    return tellPresser(skipped.ok ? frameworkStrings.breaks.skipped : skipped.problems.join(' '));
  },
};

export const liveFrameworkCapability: Capability = {
  commands: {
    next: controlCommand('next'),
    back: controlCommand('back'),
    extend: controlCommand('extend'),
    pause: controlCommand('pause'),
    resume: controlCommand('resume'),
    'end early': controlCommand('endEarly'),
    break: breakCommand,
    recap: { run: async ({ session, deps }) => ({ card: (await buildRecap(deps, session.session)).card }) },
  },
  verbs: {
    'agenda.open': { run: ({ session, deps }) => openAgendaEditor(deps, session.session) },
    'agenda.save': { run: ({ turn, data, session, deps }) => saveAgenda(deps, session.session, data, turn.now) },
    'agenda.next': controlVerb('next'),
    'agenda.back': controlVerb('back'),
    'agenda.extend': controlVerb('extend'),
    'agenda.pause': controlVerb('pause'),
    'agenda.resume': controlVerb('resume'),
    'agenda.endEarly': controlVerb('endEarly'),
    'break.start': breakButton,
    'break.skip': askToSkipBreak,
    'break.confirmSkip': confirmSkip,
    'recap.show': {
      run: async ({ turn, session, deps }) => {
        await postRecap(deps, session.session, turn.now);
        return tellPresser(frameworkStrings.recap.posted);
      },
    },
  },
  jobs: breakReminderHandlers,
  onMeetingEvent: async ({ turn, event, session, deps }) => {
    if (!session) return; // the setup area posts the "set up this session" card
    if (event.kind === 'start') await startFramework(deps, session.session, turn.now);
    if (event.kind === 'end') await quietFrameworkAtMeetingEnd(deps, session.session);
  },
};
