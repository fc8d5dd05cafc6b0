/**
 * The organiser view's API, for the session's facilitators and organisers in the signed-in tab
 * only: payments (lines proposed from attendance at the rate set in Prepare, confirmed, marked paid, declined or
 * due again, and "who is this"), access needs, named attendance and the actions with their status.
 * None of this is ever put in a chat message: the services send a person only "your payment: due
 * / paid", and an action's change only to the people it came from.
 */
import type { Request, Response, Server } from 'restify';
import type { Result } from '../core/result';
import type { Session } from '../core/session';
import { organiserViewOf } from '../services/afterViews';
import type { ServiceDeps } from '../services/deps';
import { addAction, setActionStatus } from '../services/followUpActions';
import { isActionId } from '../services/followUpActionsStore';
import { confirmPayment, proposePayments, setWhoIsThis, settlePayment } from '../services/payments';
import { loadLine } from '../services/paymentsStore';
import type { TabApiDeps } from './tabApi';
import { actionAddBody, actionStatusBody, confirmBody, readBody, settleBody, whoIsThisBody } from './tabApiAfterBodies';
import type { GrantedSession, TabGate } from './tabApiGate';
import { sendError, sendJson } from './tabApiRequest';

const TEXT = {
  saved: 'Saved.',
  proposed: (n: number) => (n === 1 ? '1 payment is proposed. Check it and confirm it.' : `${n} payments are proposed. Check them and confirm them.`),
  badLine: 'Send which payment it is, with whole numbers for minutes and amounts in pence.',
  badSettle: 'Send which payment it is and whether it is paid, declined or due.',
  badWho: 'Send which payment it is, with the person’s name and any contact details.',
  noLine: 'There is no payment for that person yet. Propose the payments first.',
  badAction: 'Send which action it is and its new status.',
  badNewAction: 'Send what will be done, and who and by when if you know.',
  noAction: 'That action was not found. It may have been removed.',
} as const;

type Step = (services: ServiceDeps, found: GrantedSession, req: Request, res: Response) => Promise<void>;

/** A service's answer: 200 with a plain "saved", or 400 with the service's own sentences. */
function sendResult<T>(res: Response, result: Result<T>, message: string = TEXT.saved): void {
  if (result.ok) sendJson(res, 200, { ok: true, message });
  else sendError(res, 400, 'Refused', result.problems.join(' '), { ok: false });
}

const sessionOf = (found: GrantedSession): Session => found.session.session;

export function registerOrganiserApi(server: Server, deps: TabApiDeps, gate: TabGate): void {
  const { services } = deps;
  /** Facilitators and organisers only; everyone else has had the 403 (or 401, 404) already. */
  const organiserRoute = (path: string, method: 'get' | 'post', step: Step) =>
    server[method](path, gate.guarded(async (req, res) => {
      const found = await gate.facilitator(req, res);
      if (found) await step(services, found, req, res);
    }));

  organiserRoute('/api/tab/after/organiser', 'get', async (s, found, _req, res) => {
    sendJson(res, 200, await organiserViewOf(s, sessionOf(found)));
  });

  organiserRoute('/api/tab/after/payments/propose', 'post', async (s, found, _req, res) => {
    const proposed = await proposePayments(s, sessionOf(found), s.clock.now());
    sendResult(res, proposed, proposed.ok ? TEXT.proposed(proposed.value.length) : undefined);
  });

  organiserRoute('/api/tab/after/payments/confirm', 'post', async (s, found, req, res) => {
    const body = readBody(req, res, confirmBody, TEXT.badLine);
    if (!body) return;
    const { who, ...edits } = body;
    sendResult(res, await confirmPayment(s, sessionOf(found), who, edits, s.clock.now()));
  });

  organiserRoute('/api/tab/after/payments/settle', 'post', async (s, found, req, res) => {
    const body = readBody(req, res, settleBody, TEXT.badSettle);
    if (body) sendResult(res, await settlePayment(s, sessionOf(found), body.who, body.status, body.reason, s.clock.now()));
  });

  organiserRoute('/api/tab/after/payments/who', 'post', async (s, found, req, res) => {
    const body = readBody(req, res, whoIsThisBody, TEXT.badWho);
    if (!body) return;
    // Only people with a payment line: the organiser's notes never name anyone else.
    if (!(await loadLine(s.store, sessionOf(found).sessionKey, body.who))) {
      sendError(res, 404, 'NotFound', TEXT.noLine, { ok: false });
      return;
    }
    sendResult(res, await setWhoIsThis(s, sessionOf(found), body.who, body));
  });

  organiserRoute('/api/tab/after/actions/status', 'post', async (s, found, req, res) => {
    const body = readBody(req, res, actionStatusBody, TEXT.badAction);
    if (!body) return;
    if (!isActionId(body.id)) {
      sendError(res, 404, 'NotFound', TEXT.noAction, { ok: false });
      return;
    }
    sendResult(res, await setActionStatus(s, sessionOf(found), body.id, body.status, body.note, s.clock.now()));
  });

  organiserRoute('/api/tab/after/actions/add', 'post', async (s, found, req, res) => {
    const body = readBody(req, res, actionAddBody, TEXT.badNewAction);
    if (body) sendResult(res, await addAction(s, sessionOf(found), body, s.clock.now()));
  });
}
