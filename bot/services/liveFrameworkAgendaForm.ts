/**
 * Reads the agenda editor's form (untrusted: Teams merges whatever the inputs held into the
 * button's data) and applies it with the core's agenda edits: first the typed titles and minutes,
 * then the button's own operation (add, move up, move down, remove). Nothing here saves.
 */
import { addItem, AGENDA_KINDS, editItem, moveItem, removeItem, type Agenda, type AgendaKind, type NewAgendaItem } from '../core/agenda';
import { ok, type Result } from '../core/result';
import { EDITOR_INPUTS, EDITOR_OPS, POSITION_END, type EditorOp } from '../cards/agendaEditorCard';
import { fillIn, frameworkStrings } from '../cards/strings/framework.en-GB';

const PROBLEMS = frameworkStrings.editor.problems;
const MAX_TYPED = 400;

export interface EditorRequest {
  readonly op: EditorOp;
  /** The agenda version the card was drawn from. */
  readonly agendaVersion: number;
  readonly pickedItemId?: string;
  /** Every input value, by input id, as typed (trimmed to a sane length). */
  readonly typed: Readonly<Record<string, string>>;
}

export function readEditorRequest(data: Readonly<Record<string, unknown>>): EditorRequest | undefined {
  const op = data.op;
  const version = data.agendaVersion;
  if (typeof op !== 'string' || !(EDITOR_OPS as readonly string[]).includes(op)) return undefined;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) return undefined;
  const typed: Record<string, string> = {};
  for (const [key, value] of Object.entries(data)) {
    if (typeof value === 'string' && /^(t_|m_|new_)/.test(key) && key.length <= 64) typed[key] = value.slice(0, MAX_TYPED);
  }
  const picked = data[EDITOR_INPUTS.picked];
  return { op: op as EditorOp, agendaVersion: version, ...(typeof picked === 'string' ? { pickedItemId: picked } : {}), typed };
}

/** The agenda after the form's edits and the button's operation, or every problem found. */
export function applyEditorRequest(agenda: Agenda, request: EditorRequest): Result<Agenda> {
  const edited = applyTypedEdits(agenda, request.typed);
  if (!edited.ok) return edited;
  return applyOperation(edited.value, request);
}

function applyTypedEdits(agenda: Agenda, typed: Readonly<Record<string, string>>): Result<Agenda> {
  const problems: string[] = [];
  let current = agenda;
  agenda.forEach((item, index) => {
    const n = index + 1;
    const title = typed[EDITOR_INPUTS.title(item.id)];
    const minutesText = typed[EDITOR_INPUTS.minutes(item.id)];
    const minutes = minutesText === undefined ? item.minutes : wholeNumber(minutesText);
    if (minutes === undefined) {
      problems.push(fillIn(PROBLEMS.minutes, { n }));
      return;
    }
    if ((title === undefined || title.trim() === item.title) && minutes === item.minutes) return;
    const changed = editItem(current, item.id, { ...(title !== undefined ? { title } : {}), minutes });
    if (changed.ok) current = changed.value;
    else problems.push(...changed.problems.map((problem) => `${fillIn(PROBLEMS.itemPrefix, { n })}${problem}`));
  });
  return problems.length > 0 ? { ok: false, problems } : ok(current);
}

function applyOperation(agenda: Agenda, request: EditorRequest): Result<Agenda> {
  const index = agenda.findIndex((item) => item.id === request.pickedItemId);
  switch (request.op) {
    case 'save':
    case 'close':
      return ok(agenda);
    case 'up':
      return index > 0 ? moveItem(agenda, agenda[index].id, index - 1) : ok(agenda);
    case 'down':
      return index >= 0 && index < agenda.length - 1 ? moveItem(agenda, agenda[index].id, index + 1) : ok(agenda);
    case 'remove':
      return index >= 0 ? removeItem(agenda, agenda[index].id) : ok(agenda);
    case 'add':
      return addFromForm(agenda, request.typed);
  }
}

function addFromForm(agenda: Agenda, typed: Readonly<Record<string, string>>): Result<Agenda> {
  const problems: string[] = [];
  const kind = typed[EDITOR_INPUTS.newKind] ?? 'topic';
  const title = (typed[EDITOR_INPUTS.newTitle] ?? '').trim();
  const minutes = wholeNumber(typed[EDITOR_INPUTS.newMinutes] ?? '');
  if (!(AGENDA_KINDS as readonly string[]).includes(kind)) problems.push(PROBLEMS.newKind);
  if (title === '') problems.push(PROBLEMS.newTitle);
  if (minutes === undefined) problems.push(PROBLEMS.newMinutes);
  if (problems.length > 0 || minutes === undefined) return { ok: false, problems };
  const question = (typed[EDITOR_INPUTS.newQuestion] ?? '').trim();
  const item: NewAgendaItem = { kind: kind as AgendaKind, title, minutes, ...(question !== '' ? { question } : {}) };
  const position = typed[EDITOR_INPUTS.newPosition];
  const before = agenda.findIndex((existing) => existing.id === position);
  return addItem(agenda, item, position === POSITION_END || before < 0 ? agenda.length : before);
}

function wholeNumber(text: string): number | undefined {
  const trimmed = text.trim();
  return /^\d{1,3}$/.test(trimmed) ? Number(trimmed) : undefined;
}
