/**
 * Access needs that change things (core/accessNeeds.ts). A person enters their own from the
 * meeting chat (the form is their private invoke answer); a facilitator may enter them for
 * someone who agreed. Saving has effects at once: more breaks tightens the session's time budget
 * check, papers-before schedules the organisers' reminder; captions and BSL remind the
 * facilitators privately when the meeting starts. Other areas ask prefersEasyRead().
 */
import { ACCESS_NEEDS, ACCESS_NEEDS_TABLE, accessEffects, accessNeedsFromJson, accessNeedsToProps, decideAccessNeeds, preReadReminderAt, type AccessNeed, type AccessNeeds } from '../core/accessNeeds';
import { personId } from '../core/personalChats';
import type { Person } from '../core/ports';
import { saveSetup, loadSession } from '../core/sessionStore';
import type { Session } from '../core/session';
import { tellPresser } from '../core/turn';
import { dayOf } from '../cards/digestCard';
import { ACCESS_INPUTS, accessFormCard, accessPromptCard } from '../cards/followUpAccessCard';
import { fill } from '../cards/senseCheckCard';
import { followUpStrings } from '../cards/strings/followUp.en-GB';
import { cardDate } from '../cards/text';
import type { CommandHandler, ServiceJobHandler, VerbContext, VerbHandler } from './capability';
import { whoOf } from './consentSessions';
import type { ServiceDeps } from './deps';
import { allRows } from './digestSources';
import { tellFacilitators, tellPrivately } from './privateChat';

const text = followUpStrings.access;
export const PRE_READS_JOB = 'followUp.preReads';
const ENTRA_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loadAccessNeeds(deps: ServiceDeps, sessionKey: string): Promise<AccessNeeds[]> {
  return (await allRows(deps.store, ACCESS_NEEDS_TABLE, sessionKey)).flatMap((e) => {
    const record = accessNeedsFromJson(e.props.data);
    return record ? [record] : [];
  });
}

/** For other areas: should this person's consent and answer cards open in easy read? */
export async function prefersEasyRead(deps: ServiceDeps, sessionKey: string, person: Person): Promise<boolean> {
  const who = whoOf(person);
  if (!who) return false;
  const entity = await deps.store.get(ACCESS_NEEDS_TABLE, sessionKey, who);
  return accessNeedsFromJson(entity?.props.data)?.needs.includes('easyRead') ?? false;
}

/** The organiser view: everyone's needs, facilitators' eyes only. */
export async function accessNeedsForOrganiser(deps: ServiceDeps, session: Session): Promise<AccessNeeds[]> {
  return loadAccessNeeds(deps, session.sessionKey);
}

/** Turns the session's "more breaks" on (never off: a facilitator may have chosen it at setup). */
async function askForMoreBreaks(deps: ServiceDeps, session: Session, now: Date): Promise<void> {
  if (session.needsMoreBreaks) return;
  const saved = await saveSetup(
    deps.store,
    {
      meetingId: session.meetingId,
      conversationId: session.conversationId,
      occurrenceStart: `${session.occurrence}T12:00:00Z`,
      purpose: {
        outcome: session.purpose.outcome,
        openToUnexpected: session.purpose.openToUnexpected.open,
        ...(session.purpose.openToUnexpected.note ? { openToUnexpectedNote: session.purpose.openToUnexpected.note } : {}),
        ...(session.purpose.responsible ? { responsible: session.purpose.responsible } : {}),
        ...(session.purpose.capture ? { capture: session.purpose.capture } : {}),
      },
      facilitators: session.facilitators,
      notetakers: session.notetakers,
      ...(session.programmeId ? { programmeId: session.programmeId } : {}),
      ...(session.safeguardingContact ? { safeguardingContact: session.safeguardingContact } : {}),
      needsMoreBreaks: true,
      countChat: session.countChat,
    },
    session.creator,
    now,
  );
  deps.logger.info({ saved: saved.ok }, 'more breaks asked for by access needs');
}

async function schedulePreReads(deps: ServiceDeps, session: Session, now: Date): Promise<void> {
  const info = await deps.directory.meetingInfo({ meetingId: session.meetingId, conversationId: session.conversationId }).catch(() => undefined);
  const start = Date.parse(info?.scheduledStart ?? '');
  const dueAt = preReadReminderAt(new Date(Number.isFinite(start) ? start : Date.parse(`${session.occurrence}T09:00:00Z`)), now);
  if (!dueAt) return;
  await deps.jobs.schedule({ kind: PRE_READS_JOB, dueAt, idempotencyKey: `preReads|${session.sessionKey}`, payload: { sessionKey: session.sessionKey } });
}

async function saveNeeds(deps: ServiceDeps, session: Session, record: AccessNeeds, now: Date): Promise<void> {
  await deps.store.upsert(ACCESS_NEEDS_TABLE, { partitionKey: session.sessionKey, rowKey: record.who, props: accessNeedsToProps(record) });
  if (record.needs.includes('moreBreaks')) await askForMoreBreaks(deps, session, now);
  if (record.needs.includes('preReads')) await schedulePreReads(deps, session, now);
  deps.logger.info({ needs: record.needs.length, enteredBy: record.enteredBy }, 'access needs saved');
}

function needsFrom(data: VerbContext['data']): AccessNeed[] {
  return ACCESS_NEEDS.filter((need) => data[`${ACCESS_INPUTS.needPrefix}${need}`] === 'true');
}

export const accessCommand: CommandHandler = {
  run: async ({ session }) => ({ card: accessPromptCard(session.session.sessionKey) }),
};

export const accessOpenVerb: VerbHandler = {
  run: async ({ turn, session: { session }, deps, isFacilitator }) => {
    const who = whoOf(turn.actor);
    const entity = who ? await deps.store.get(ACCESS_NEEDS_TABLE, session.sessionKey, who) : undefined;
    const mine = accessNeedsFromJson(entity?.props.data);
    return { kind: 'card', card: accessFormCard({ sessionKey: session.sessionKey, needs: mine?.needs ?? [], ...(mine?.other ? { other: mine.other } : {}), facilitator: await isFacilitator() }) };
  },
};

export const accessSaveVerb: VerbHandler = {
  run: async ({ turn, data, session: { session }, deps }) => {
    const who = whoOf(turn.actor);
    if (!who) return tellPresser(text.notIdentified);
    const decided = decideAccessNeeds(who, { needs: needsFrom(data), other: data[ACCESS_INPUTS.other] }, 'self', turn.actor.name, turn.now);
    if (!decided.ok) return { kind: 'card', card: accessFormCard({ sessionKey: session.sessionKey, needs: [], facilitator: false, problem: decided.problems.join(' ') }) };
    await saveNeeds(deps, session, decided.value, turn.now);
    return tellPresser(text.saved);
  },
};

export const accessRecordForVerb: VerbHandler = {
  run: async ({ turn, data, session: { session }, deps }) => {
    const picked = typeof data[ACCESS_INPUTS.forPerson] === 'string' ? (data[ACCESS_INPUTS.forPerson] as string).trim() : '';
    const form = (problem: string) => ({ kind: 'card' as const, card: accessFormCard({ sessionKey: session.sessionKey, needs: needsFrom(data), facilitator: true, problem }) });
    if (!ENTRA_ID.test(picked) || !turn.tenantId) return form(text.noPerson);
    const who = personId({ tenantId: turn.tenantId, aadObjectId: picked });
    const decided = decideAccessNeeds(who, { needs: needsFrom(data), other: data[ACCESS_INPUTS.other], agreed: data[ACCESS_INPUTS.agreed] === 'true' }, 'facilitator', undefined, turn.now);
    if (!decided.ok) return form(decided.problems.join(' '));
    await saveNeeds(deps, session, decided.value, turn.now);
    return tellPresser(text.savedFor);
  },
};

/** At the meeting's start: captions and BSL reminders to the facilitators only, without names. */
export async function remindAtStart(deps: ServiceDeps, session: Session): Promise<void> {
  const effects = accessEffects(await loadAccessNeeds(deps, session.sessionKey));
  const lines = [...(effects.captions > 0 ? [text.captionsReminder] : []), ...(effects.bsl > 0 ? [text.bslReminder] : [])];
  if (lines.length > 0) await tellFacilitators(deps, session, { text: lines.join(' ') }, 'accessAtStart');
}

export const preReadsJob: ServiceJobHandler = async (job, _now, deps) => {
  const sessionKey = job.payload.sessionKey;
  if (typeof sessionKey !== 'string') return { drop: 'badPayload' };
  const stored = await loadSession(deps.store, sessionKey);
  if (!stored) return { drop: 'sessionGone' };
  if (accessEffects(await loadAccessNeeds(deps, sessionKey)).preReads === 0) return { drop: 'noLongerNeeded' };
  const words = fill(text.preReadsReminder, { date: cardDate(dayOf(stored.session.occurrence), 'LONG') });
  await tellPrivately(deps, stored.session.facilitators, { card: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: words, wrap: true }] } }, `preReads|${sessionKey}`);
  return 'done';
};
