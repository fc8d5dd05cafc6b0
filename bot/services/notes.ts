/**
 * Notes: `note <text>` and the private note form, for facilitators and notetakers (the
 * dispatcher checks). Each note is its own row; the reply in a shared chat says only "Note
 * saved.", and a credited name is kept but never shown until consent to being named exists.
 */
import { personKeyOf } from '../core/facilitators';
import { decideNote, NOTE_LIMITS, NOTES_TABLE, noteToEntity, type NoteDecision, type NoteInput } from '../core/notes';
import { personId } from '../core/personalChats';
import type { StoredSession } from '../core/sessionStore';
import { say, type CommandReply, type InvokeReply, type Turn } from '../core/turn';
import { NO_TOPIC, NOTE_INPUTS, noteFormCard, noteHowToCard, noteSavedCard, type NoteTopic } from '../cards/noteCard';
import { fill } from '../cards/senseCheckCard';
import { wrapUpStrings } from '../cards/strings/wrapUp.en-GB';
import type { CommandHandler, VerbHandler } from './capability';
import type { ServiceDeps } from './deps';
import { readPlan } from './liveFrameworkStore';
import { warnAboutWording } from './plainEnglishWarnings';

const text = wrapUpStrings.notes;

/** Who wrote it: the same person key other per-person rows use. */
function authorOf(turn: Turn): string {
  const key = personKeyOf(turn.actor);
  return key ? personId(key) : 'unknown';
}

/** The agenda items a note can be linked to: every part of the session's plan except breaks. */
async function topicsOf(deps: ServiceDeps, stored: StoredSession): Promise<readonly NoteTopic[]> {
  const { agenda } = await readPlan(deps, stored.session);
  return agenda.filter((item) => item.kind !== 'break').map((item) => ({ id: item.id, title: item.title }));
}

type Saved = { readonly ok: true; readonly credited: boolean } | { readonly ok: false; readonly problem: string };

async function saveNote(deps: ServiceDeps, stored: StoredSession, turn: Turn, input: NoteInput, topics: readonly NoteTopic[]): Promise<Saved> {
  const session = stored.session;
  const decided: NoteDecision = decideNote(input, {
    id: deps.ids.random(),
    sessionKey: session.sessionKey,
    author: authorOf(turn),
    now: turn.now,
    topicIds: topics.map((t) => t.id),
  });
  if (!decided.ok) {
    const problems = { empty: text.form.textRequired, tooLong: fill(text.tooLong, { length: (decided.length ?? 0).toLocaleString('en-GB') }), creditTooLong: text.creditTooLong, unknownTopic: text.unknownTopic };
    return { ok: false, problem: problems[decided.reason] };
  }
  // Random ids do not collide in practice; an insert that fails would be a bug worth seeing.
  const written = await deps.store.insert(NOTES_TABLE, noteToEntity(decided.note));
  if (!written.ok) throw new Error('A note with this id already exists.');
  deps.logger.info({ credited: decided.note.credit !== undefined, topic: decided.note.topicId !== undefined }, 'note saved');
  await warnAboutWording(deps, session, [{ where: 'note', text: decided.note.text }], turn.now);
  return { ok: true, credited: decided.note.credit !== undefined };
}

/** `note <text>`. A bare `note` gets how-to help with a button for the private form. */
export const noteCommand: CommandHandler = {
  run: async ({ turn, argument, session, deps }): Promise<CommandReply> => {
    if (argument === '') return { card: noteHowToCard({ sessionKey: session.session.sessionKey }) };
    const saved = await saveNote(deps, session, turn, { text: argument }, []);
    // Everyone in a shared chat sees this reply: it says nothing but that the note was kept.
    return saved.ok ? say(text.saved) : say(saved.problem);
  },
};

const stringOf = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The form: opened by a press without note text, saved by a press with it. */
export const noteSaveVerb: VerbHandler = {
  run: async ({ turn, data, session, deps }): Promise<InvokeReply> => {
    const sessionKey = session.session.sessionKey;
    const topics = await topicsOf(deps, session);
    if (!(NOTE_INPUTS.text in data)) return { kind: 'card', card: noteFormCard({ sessionKey, topics, limits: NOTE_LIMITS }) };
    const topic = stringOf(data[NOTE_INPUTS.topic]);
    const values = { text: stringOf(data[NOTE_INPUTS.text]), credit: stringOf(data[NOTE_INPUTS.credit]), topicId: topic === NO_TOPIC ? undefined : topic };
    const saved = await saveNote(deps, session, turn, values, topics);
    if (!saved.ok) return { kind: 'card', card: noteFormCard({ sessionKey, topics, limits: NOTE_LIMITS, values, problem: saved.problem }) };
    return { kind: 'card', card: noteSavedCard({ sessionKey, credited: saved.credited }) };
  },
};
