/**
 * The verb table and the command table in one place. Before any handler runs it reads the
 * permission table, finds the session (from the chat for commands, from the card for presses, and
 * checks the card's session belongs to this chat) and checks the facilitator rule, so a refused
 * action changes nothing.
 */
import { parseCommand } from '../core/commandParser';
import type { MeetingEvent } from '../core/meetingEvent';
import { canRun, COMMAND_ACTIONS, PERMISSIONS, type CommandAction, type PermissionAction } from '../core/permissions';
import type { StoredSession } from '../core/sessionStore';
import { refuseInvoke, say, type CommandReply, type InvokeReply, type Turn } from '../core/turn';
import { helpCard } from '../cards/helpCard';
import { isVerb, VERBS, type Verb } from '../cards/verbs';
import type { CardRenderer, Capability, CommandHandler, ServiceJobHandler, VerbHandler } from './capability';
import type { ServiceDeps } from './deps';
import { currentSession, meetingRefOf, sessionOfCard } from './sessionFinder';
import { cardRefreshCapability } from './trackedCards';
import { mayAnswerInPersonalChat } from './consentSessions';

export interface Dispatcher {
  onCommand(turn: Turn, text: string): Promise<CommandReply>;
  onVerb(turn: Turn, verb: string, data: Readonly<Record<string, unknown>>): Promise<InvokeReply>;
  onMeetingEvent(turn: Turn, event: MeetingEvent): Promise<void>;
  /** A shared-chat message not meant for the bot; its text never reaches the services. */
  onChatMessage(turn: Turn): Promise<void>;
  readonly jobHandlers: Readonly<Record<string, ServiceJobHandler>>;
}

export const NO_SESSION_TEXT =
  'There is no session set up in this chat yet. A facilitator can type @Coproduce setup to start one.';

export function createDispatcher(deps: ServiceDeps, capabilities: readonly Capability[]): Dispatcher {
  const renderers: Record<string, CardRenderer> = Object.assign({}, ...capabilities.map((c) => c.cardRenderers ?? {}));
  const all = [...capabilities, cardRefreshCapability(renderers)];
  const commands = merged<CommandAction, CommandHandler>(all.map((c) => c.commands ?? {}), 'command');
  const verbs = merged<Verb, VerbHandler>(all.map((c) => c.verbs ?? {}), 'verb');
  const jobHandlers = merged<string, ServiceJobHandler>(all.map((c) => c.jobs ?? {}), 'job') as Record<string, ServiceJobHandler>;
  // Every command and button in the permission table has a handler, or the app does not start.
  const unhandled = [...COMMAND_ACTIONS.filter((a) => !commands[a]), ...VERBS.filter((v) => !verbs[v])];
  if (unhandled.length > 0) throw new Error(`No handler for: ${unhandled.join(', ')}`);

  function facilitatorTest(turn: Turn, session: StoredSession | undefined): () => Promise<boolean> {
    let answer: Promise<boolean> | undefined;
    return () => {
      if (!session) return Promise.resolve(false);
      // In a 1:1 chat there is no live meeting role to add; the app-level rule decides.
      const live = turn.surface === 'personal' ? undefined : meetingRefOf(turn);
      answer ??= deps.facilitators.isFacilitator(session.session, turn.actor, live);
      return answer;
    };
  }

  async function permitted(action: PermissionAction, turn: Turn, isFacilitator: () => Promise<boolean>, hasSession: boolean) {
    // Before a session exists, setting one up is decided by the setup handler (the creator becomes facilitator).
    const needsRole = PERMISSIONS[action].who === 'facilitator' && hasSession;
    return canRun(action, { surface: turn.surface, isFacilitator: needsRole ? await isFacilitator() : !hasSession });
  }

  return {
    jobHandlers,

    async onMeetingEvent(turn, event) {
      const session = await currentSession(turn, deps);
      for (const capability of all) {
        if (!capability.onMeetingEvent) continue;
        // One area failing (say, a full queue) must not stop the others from hearing the event.
        await capability.onMeetingEvent({ turn, event, session, deps }).catch((error: unknown) => {
          deps.logger.error({ meetingEvent: event.kind, errorName: error instanceof Error ? error.name : 'unknown' }, 'meeting event handler failed');
        });
      }
    },

    async onChatMessage(turn) {
      const counters = all.filter((c) => c.onChatMessage);
      if (counters.length === 0 || turn.surface === 'personal') return;
      const session = await currentSession(turn, deps);
      if (!session?.session.countChat) return;
      for (const capability of counters) await capability.onChatMessage?.({ turn, session, deps });
    },

    async onCommand(turn, text) {
      const parsed = parseCommand(text);
      if (parsed.kind !== 'command') return { card: helpCard({ unknownCommand: parsed.kind === 'unknown' }) };
      const action = parsed.word;
      deps.logger.info({ command: action, surface: turn.surface }, 'command');
      const handler = commands[action];
      if (!handler) return { card: helpCard({ unknownCommand: true }) }; // unreachable: checked at start
      const sessionless = 'withoutSession' in handler;
      const session = turn.surface === 'personal' && sessionless ? undefined : await currentSession(turn, deps);
      if (!session && !sessionless) return say(NO_SESSION_TEXT);
      const isFacilitator = facilitatorTest(turn, session);
      const verdict = await permitted(action, turn, isFacilitator, session !== undefined);
      if (!verdict.allowed) return say(verdict.message);
      const context = { turn, argument: parsed.argument, session, isFacilitator, deps };
      if ('withoutSession' in handler) return handler.withoutSession(context);
      return handler.run({ ...context, session: session as StoredSession });
    },

    async onVerb(turn, verb, data) {
      if (!isVerb(verb)) return refuseInvoke(400, 'This button is not recognised. Please type help.');
      const handler = verbs[verb];
      if (!handler) return refuseInvoke(400, 'This button is not recognised. Please type help.'); // unreachable: checked at start
      let session: StoredSession | undefined;
      if (!('withoutSession' in handler) || typeof data.sessionKey === 'string') {
        const found = await sessionOfCard(turn, data, deps);
        if (!found.ok) return refuseInvoke(found.status, found.message);
        session = found.session;
      }
      const isFacilitator = facilitatorTest(turn, session);
      // A card in a 1:1 chat was sent to a facilitator privately: only facilitators may use it there,
      // except a person's own consent form for a session they have answered in.
      if (session && turn.surface === 'personal' && !(await isFacilitator()) && !(await mayAnswerInPersonalChat(deps, verb, turn.actor, session.session.sessionKey))) {
        return refuseInvoke(403, 'This card belongs to a session you do not facilitate, so nothing was changed.');
      }
      const verdict = await permitted(verb, turn, isFacilitator, session !== undefined);
      if (!verdict.allowed) return refuseInvoke(verdict.reason === 'unknownAction' ? 400 : 403, verdict.message);
      const context = { turn, data, session, isFacilitator, deps };
      if ('withoutSession' in handler) return handler.withoutSession(context);
      return handler.run({ ...context, session: session as StoredSession });
    },
  };
}

function merged<K extends string, V>(tables: readonly Partial<Record<K, V>>[], what: string): Partial<Record<K, V>> {
  const out: Partial<Record<K, V>> = {};
  for (const table of tables) {
    for (const [key, value] of Object.entries(table) as [K, V][]) {
      if (out[key]) throw new Error(`Two capabilities handle the same ${what}: ${key}`);
      out[key] = value;
    }
  }
  return out;
}
