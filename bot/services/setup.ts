/**
 * Setting up a session: `setup` (or the meeting-start prompt) shows a neutral card; its button
 * returns the form to the presser only; saving creates the occurrence's session or edits it.
 * Who may create one: the meeting's organiser or a presenter (looked up live, anonymous people
 * never). Who may edit: the session's facilitators (the dispatcher checks).
 */
import type { PersonKey } from '../core/facilitators';
import { isFacilitatorRole, personKeyOf } from '../core/facilitators';
import { personalChatOf } from '../core/personalChats';
import { saveSetup, type StoredSession } from '../core/sessionStore';
import type { Session } from '../core/session';
import { refuseInvoke, type InvokeReply, type Turn } from '../core/turn';
import { SETUP_INPUTS, setupFormCard, setupPromptCard } from '../cards/setupCards';
import { setupStrings as text } from '../cards/strings/setup.en-GB';
import type { Capability } from './capability';
import { warnAboutWording } from './plainEnglishWarnings';
import { scheduleDigestDraft } from './digestDraft';
import type { ServiceDeps } from './deps';
import { currentSession, meetingRefOf, occurrenceStartOf } from './sessionFinder';

const ENTRA_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Undefined when allowed, else the reason in plain words. */
async function mayCreate(turn: Turn, deps: ServiceDeps): Promise<string | undefined> {
  const meeting = meetingRefOf(turn);
  if (!meeting || turn.surface === 'personal') return text.refusals.notInMeeting;
  if (!turn.actor.aadObjectId) return text.refusals.noRole;
  const role = await deps.directory.roleOf(meeting, turn.actor).catch(() => undefined);
  return isFacilitatorRole(role) ? undefined : text.refusals.noRole;
}

/** The session to edit (facilitators only) or nothing to create; a refusal otherwise. */
async function sessionToEdit(
  turn: Turn,
  deps: ServiceDeps,
  fromCard: StoredSession | undefined,
): Promise<{ ok: true; session?: StoredSession } | { ok: false; message: string }> {
  const existing = fromCard ?? (turn.surface === 'personal' ? undefined : await currentSession(turn, deps));
  if (existing) {
    if (fromCard) return { ok: true, session: existing }; // the dispatcher checked the facilitator rule
    return (await deps.facilitators.isFacilitator(existing.session, turn.actor, meetingRefOf(turn)))
      ? { ok: true, session: existing }
      : { ok: false, message: text.refusals.notFacilitator };
  }
  const refusal = await mayCreate(turn, deps);
  return refusal ? { ok: false, message: refusal } : { ok: true };
}

function formOf(session: Session | undefined): ReturnType<typeof setupFormCard> {
  if (!session) return setupFormCard();
  const ids = (people: readonly PersonKey[]) => people.flatMap((p) => ('aadObjectId' in p ? [p.aadObjectId] : []));
  return setupFormCard({
    sessionKey: session.sessionKey,
    outcome: session.purpose.outcome,
    openToUnexpected: session.purpose.openToUnexpected.open,
    openToUnexpectedNote: session.purpose.openToUnexpected.note,
    responsible: session.purpose.responsible,
    capture: session.purpose.capture,
    facilitatorIds: ids(session.facilitators.slice(1)),
    notetakerIds: ids(session.notetakers),
    programmeId: session.programmeId,
    safeguardingContact: session.safeguardingContact,
    needsMoreBreaks: session.needsMoreBreaks,
    countChat: session.countChat,
  });
}

/** People picked on the form: Entra ids in the presser's tenant. Undefined when any is unreadable. */
function pickedPeople(value: unknown, tenantId: string | undefined): PersonKey[] | undefined {
  if (value === undefined || value === null || value === '') return [];
  if (typeof value !== 'string' || !tenantId) return undefined;
  const ids = value.split(',').map((id) => id.trim()).filter((id) => id !== '');
  if (ids.some((id) => !ENTRA_ID.test(id))) return undefined;
  return ids.map((aadObjectId) => ({ tenantId, aadObjectId }));
}

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const flag = (value: unknown): boolean => value === true || value === 'true';

async function save(turn: Turn, data: Readonly<Record<string, unknown>>, deps: ServiceDeps, existing: StoredSession | undefined): Promise<InvokeReply> {
  const facilitators = pickedPeople(data[SETUP_INPUTS.facilitators], turn.tenantId);
  const notetakers = pickedPeople(data[SETUP_INPUTS.notetakers], turn.tenantId);
  if (!facilitators || !notetakers) return refuseInvoke(400, text.refusals.badPeople);
  const actor = personKeyOf(turn.actor);
  if (!actor) return refuseInvoke(403, text.refusals.noRole);
  const saved = await saveSetup(
    deps.store,
    {
      meetingId: existing?.session.meetingId ?? (turn.meetingId as string),
      conversationId: existing?.session.conversationId ?? turn.conversationId,
      // An edit keeps its occurrence: any time on that UTC date names the same session.
      occurrenceStart: existing ? `${existing.session.occurrence}T12:00:00Z` : await occurrenceStartOf(turn, deps),
      purpose: {
        outcome: str(data[SETUP_INPUTS.outcome]) ?? '',
        openToUnexpected: flag(data[SETUP_INPUTS.openToUnexpected]),
        openToUnexpectedNote: str(data[SETUP_INPUTS.openNote]),
        responsible: str(data[SETUP_INPUTS.responsible]),
        capture: str(data[SETUP_INPUTS.capture]),
      },
      facilitators,
      notetakers,
      programmeId: str(data[SETUP_INPUTS.programme]),
      safeguardingContact: str(data[SETUP_INPUTS.safeguarding]),
      timeZone: turn.timeZone,
      needsMoreBreaks: flag(data[SETUP_INPUTS.moreBreaks]),
      countChat: flag(data[SETUP_INPUTS.countChat]),
    },
    actor,
    turn.now,
  );
  if (!saved.ok) return refuseInvoke(400, saved.problems.join(' '));
  const reachable = await personalChatOf(deps.store, actor);
  const lines = [existing ? text.saved.edited : text.saved.created, text.saved.nextSteps, ...(reachable ? [] : [text.saved.notReachable])];
  const purpose = saved.value.purpose;
  await warnAboutWording(deps, saved.value, [
    { where: 'the purpose', text: purpose.outcome },
    ...(purpose.responsible ? [{ where: 'who will act on what we hear', text: purpose.responsible }] : []),
    ...(purpose.capture ? [{ where: 'how you will capture what people say', text: purpose.capture }] : []),
  ], turn.now);
  // The draft summary is due at the scheduled end + 30 minutes even if the meeting-end event never comes.
  if (!existing) await scheduleDigestDraft(deps, saved.value, turn.now);
  deps.logger.info({ edited: existing !== undefined }, 'session setup saved');
  return { kind: 'card', card: savedCard(saved.value.sessionKey, lines) };
}

function savedCard(sessionKey: string, lines: readonly string[]): ReturnType<typeof setupPromptCard> {
  const prompt = setupPromptCard({ sessionKey });
  return { ...prompt, fallbackText: lines.join(' '), body: lines.map((line) => ({ type: 'TextBlock' as const, text: line, wrap: true })) };
}

export const setupCapability: Capability = {
  commands: {
    setup: {
      withoutSession: async ({ turn, session }) => {
        if (turn.surface === 'personal' || !turn.meetingId) return { text: text.refusals.notInMeeting };
        return { card: setupPromptCard(session ? { sessionKey: session.session.sessionKey } : {}) };
      },
    },
  },
  verbs: {
    'setup.open': {
      withoutSession: async ({ turn, session, deps }) => {
        const target = await sessionToEdit(turn, deps, session);
        if (!target.ok) return refuseInvoke(403, target.message);
        return { kind: 'card', card: formOf(target.session?.session) };
      },
    },
    'setup.save': {
      withoutSession: async ({ turn, data, session, deps }) => {
        const target = await sessionToEdit(turn, deps, session);
        if (!target.ok) return refuseInvoke(403, target.message);
        return save(turn, data, deps, target.session);
      },
    },
  },
  onMeetingEvent: async ({ turn, event, session, deps }) => {
    if (event.kind !== 'start' || session) return;
    const occurrence = (await occurrenceStartOf(turn, deps)).slice(0, 10);
    await deps.outbox.enqueue({
      conversationId: turn.conversationId,
      message: { kind: 'send', card: setupPromptCard() },
      idempotencyKey: `setupPrompt|${event.meetingId}|${occurrence}`,
    });
  },
};
