/**
 * The chat side of "you said, we did": `actions` in the meeting chat posts a neutral prompt; its
 * button (and the one on reminders and the review) opens the private list; Save changes one
 * action's status; "This came from…" opens the picker and links what was chosen. Every answer
 * goes to the presser only.
 */
import { isActionStatus, type FollowAction } from '../core/actions';
import { dateIn, knownTimeZone, middayIn } from '../core/nextStepDates';
import type { Session } from '../core/session';
import { refuseInvoke, type InvokeReply, type Turn } from '../core/turn';
import { ACTION_INPUTS, actionLinkCard, actionsCard, actionsPromptCard } from '../cards/followUpActionCards';
import { followUpStrings } from '../cards/strings/followUp.en-GB';
import type { CommandHandler, VerbContext, VerbHandler } from './capability';
import type { ServiceDeps } from './deps';
import { addAction, linkToAction, loadActions, setActionStatus } from './followUpActions';
import { isActionId, loadAction } from './followUpActionsStore';
import { chosenSources, sourceCandidates } from './followUpSources';

const text = followUpStrings.actions;
const ENTRA_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function rowOf(action: FollowAction) {
  return {
    id: action.id,
    what: action.what,
    status: action.status,
    sources: action.sources.length,
    ...(action.owner ? { owner: action.owner } : {}),
    ...(action.due ? { dueAt: middayIn(action.due, action.timeZone) } : {}),
    ...(action.statusNote ? { statusNote: action.statusNote } : {}),
  };
}

async function listReply(deps: ServiceDeps, session: Session, turn: Turn, notice?: string): Promise<InvokeReply> {
  const actions = await loadActions(deps.store, session.sessionKey);
  const today = dateIn(turn.now, knownTimeZone(turn.timeZone ?? session.timeZone));
  return { kind: 'card', card: actionsCard({ sessionKey: session.sessionKey, actions: actions.map(rowOf), today, ...(notice ? { notice } : {}) }) };
}

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

export const actionsCommand: CommandHandler = {
  run: async ({ session }) => ({ card: actionsPromptCard(session.session.sessionKey) }),
};

export const actionsOpenVerb: VerbHandler = {
  run: async ({ turn, session: { session }, deps }) => listReply(deps, session, turn),
};

async function saveStatus({ turn, data, session: { session }, deps }: VerbContext & { session: { session: Session } }): Promise<InvokeReply> {
  const id = data.actionId;
  if (!isActionId(id)) return refuseInvoke(400, text.none);
  const status = data[`${ACTION_INPUTS.statusPrefix}${id}`];
  if (!isActionStatus(status)) return refuseInvoke(400, text.status);
  const changed = await setActionStatus(deps, session, id, status, data[`${ACTION_INPUTS.notePrefix}${id}`], turn.now);
  if (!changed.ok) return listReply(deps, session, turn, changed.problems.join(' '));
  return listReply(deps, session, turn, changed.value.changed ? text.saved : text.unchanged);
}

async function add({ turn, data, session: { session }, deps }: VerbContext & { session: { session: Session } }): Promise<InvokeReply> {
  const picked = str(data[ACTION_INPUTS.ownerPerson])?.trim();
  const ownerKey = picked && ENTRA_ID.test(picked) && turn.tenantId ? { tenantId: turn.tenantId, aadObjectId: picked } : undefined;
  const added = await addAction(deps, session, { what: data[ACTION_INPUTS.what], owner: data[ACTION_INPUTS.owner], due: data[ACTION_INPUTS.due], ...(ownerKey ? { ownerKey } : {}) }, turn.now);
  return listReply(deps, session, turn, added.ok ? text.saved : added.problems.join(' '));
}

export const actionsSaveVerb: VerbHandler = {
  run: async (context) => (context.data.step === 'add' ? add(context) : saveStatus(context)),
};

export const actionsLinkVerb: VerbHandler = {
  run: async ({ turn, data, session: { session }, deps }) => {
    const id = data.actionId;
    const stored = isActionId(id) ? await loadAction(deps.store, session.sessionKey, id) : undefined;
    if (!stored || !isActionId(id)) return listReply(deps, session, turn, text.none);
    const candidates = await sourceCandidates(deps, session, turn.now);
    if (data.step !== 'save') {
      const linked = stored.action.sources.map((s) => s.ref);
      return { kind: 'card', card: actionLinkCard({ sessionKey: session.sessionKey, actionId: id, what: stored.action.what, choices: candidates, linked }) };
    }
    const chosen = (str(data[ACTION_INPUTS.sources]) ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
    const linked = await linkToAction(deps, session, id, chosenSources(candidates, chosen), turn.now);
    return listReply(deps, session, turn, linked.ok ? text.linked : linked.problems.join(' '));
  },
};
