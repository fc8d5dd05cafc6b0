/**
 * The tab's "After the meeting" API. Facilitators review the draft summary (hide an item, reword
 * it, share it as a "here is what we heard" round, approve it) through the same decisions as the
 * review card in their 1:1 chat (services/digestDecisions.ts); anyone in the meeting reads the
 * published summary; anyone with a summary's link reads it without signing in, as its Markdown
 * document already allows. The organiser view and the exports are in the sibling files.
 *
 * Every signed-in route goes through the shared gate, so the session is always the one of the
 * meeting the tab is open in and never one named in a body.
 */
import type { Request, Response, Server } from 'restify';
import type { Rung } from '../core/ladder';
import { followUpStrings } from '../cards/strings/followUp.en-GB';
import { digestOfToken, publishedDigestOf, tabReviewOf } from '../services/afterViews';
import { approveDigest, rebuildDraft, saveReview, shareRound, type DigestDecision, type ReviewChoices } from '../services/digestDecisions';
import type { TabApiDeps } from './tabApi';
import { approveBody, readBody, rebuildBody, reviewBody } from './tabApiAfterBodies';
import { registerAfterExports } from './tabApiAfterExports';
import { registerOrganiserApi } from './tabApiAfterOrganiser';
import type { TabGate } from './tabApiGate';
import { sendError, sendJson } from './tabApiRequest';

const review = followUpStrings.review;
const TEXT = {
  badChoices: 'Send the draft version you checked, with the items to hide, show or reword.',
  notPublished: 'The summary has not been shared yet. It appears here once a facilitator approves it.',
  noSummary: 'This summary link does not work. Ask the organiser for a new one.',
  notRebuilt: 'This summary has been shared already, so it was not made again.',
  rebuilt: 'The draft has been made again with the latest notes and answers. Please check it.',
} as const;

/** The ladder choice, where "not placed" leaves the placement as it was. */
function rungOf(value: Rung | 'none' | undefined): Rung | undefined {
  return value === 'none' ? undefined : value;
}

function choicesOf(body: { version: number; show: string[]; hide: string[]; edits: { itemId: string; text: string }[]; rung?: Rung | 'none' | undefined }): ReviewChoices {
  const rung = rungOf(body.rung);
  return { version: body.version, show: body.show, hide: body.hide, edits: body.edits, ...(rung ? { rung } : {}) };
}

/** A decision as the tab reads it: 200 with what happened, or the refusal with its reason. */
function sendDecision(res: Response, decision: DigestDecision, doneMessage: string): void {
  switch (decision.kind) {
    case 'done':
      sendJson(res, 200, { ok: true, message: doneMessage });
      return;
    case 'noDraft':
      sendError(res, 404, 'NoDraft', review.noDraft, { ok: false });
      return;
    case 'alreadyShared':
      sendError(res, 409, 'AlreadyShared', review.alreadyShared, { ok: false });
      return;
    case 'roundAlready':
      sendError(res, 409, 'RoundAlready', review.roundAlready, { ok: false });
      return;
    case 'changed':
      sendError(res, 409, 'DraftChanged', review.changed, { ok: false });
      return;
    case 'refused':
      sendError(res, 400, 'Refused', decision.problem, { ok: false });
  }
}

function pageOf(req: Request): number {
  const raw = Number((req.query as Record<string, unknown> | undefined)?.page ?? 0);
  return Number.isInteger(raw) && raw >= 0 && raw < 10_000 ? raw : 0;
}

export function registerAfterApi(server: Server, deps: TabApiDeps, gate: TabGate): void {
  const { services } = deps;
  const { guarded } = gate;

  server.get('/api/tab/after/digest', guarded(async (req, res) => {
    const found = await gate.facilitator(req, res);
    if (!found) return;
    sendJson(res, 200, await tabReviewOf(services, found.session.session, found.turn.actor, pageOf(req)));
  }));

  server.post('/api/tab/after/digest/review', guarded(async (req, res) => {
    const found = await gate.facilitator(req, res);
    const body = found && readBody(req, res, reviewBody, TEXT.badChoices);
    if (!found || !body) return;
    sendDecision(res, await saveReview(services, found.session.session, choicesOf(body), services.clock.now()), review.saved);
  }));

  server.post('/api/tab/after/digest/round', guarded(async (req, res) => {
    const found = await gate.facilitator(req, res);
    const body = found && readBody(req, res, reviewBody, TEXT.badChoices);
    if (!found || !body) return;
    sendDecision(res, await shareRound(services, found.session.session, choicesOf(body), services.clock.now()), review.roundPosted);
  }));

  server.post('/api/tab/after/digest/approve', guarded(async (req, res) => {
    const found = await gate.facilitator(req, res);
    const body = found && readBody(req, res, approveBody, TEXT.badChoices);
    if (!found || !body) return;
    const choices = { ...choicesOf(body), toChannel: body.toChannel };
    sendDecision(res, await approveDigest(services, found.session.session, found.turn.actor, choices, services.clock.now()), review.approvedNow);
  }));

  server.post('/api/tab/after/digest/rebuild', guarded(async (req, res) => {
    const found = await gate.facilitator(req, res);
    const body = found && readBody(req, res, rebuildBody, TEXT.badChoices);
    if (!found || !body) return;
    const made = await rebuildDraft(services, found.session.session, rungOf(body.rung), services.clock.now());
    if (made) sendJson(res, 200, { ok: true, message: TEXT.rebuilt });
    else sendError(res, 409, 'AlreadyShared', TEXT.notRebuilt, { ok: false });
  }));

  // Anyone in the meeting: the summary as the group was given it, once approved.
  server.get('/api/tab/after/summary', guarded(async (req, res) => {
    const found = await gate.withSession(req, res);
    if (!found) return;
    const published = await publishedDigestOf(services, found.session.session);
    if (!published) sendError(res, 404, 'NotPublished', TEXT.notPublished);
    else sendJson(res, 200, published);
  }));

  // The summary card's "read the full summary" link: the token is the key, as for its document.
  server.get('/api/digest/:token', guarded(async (req, res) => {
    const found = await digestOfToken(services, req.params.token);
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Robots-Tag', 'noindex');
    if (!found) sendError(res, 404, 'NotFound', TEXT.noSummary);
    else sendJson(res, 200, found);
  }));

  registerOrganiserApi(server, deps, gate);
  registerAfterExports(server, deps, gate);
}
