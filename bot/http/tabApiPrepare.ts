/**
 * The Prepare screen's own routes under /api/tab/prepare: read everything the facilitator
 * sections show, and save the intention answers, the stakeholder list, the payment settings and
 * the organisers' channel. Every route is for the session's facilitators (the shared gate checks
 * sign-in, the meeting, the session and the role); the session is the meeting's own, never one
 * named in a body. Access needs are saved through the same card actions the chat uses
 * (access.save, access.recordFor), so their rules live in one place.
 *
 * Bodies are checked with zod for shape; the core then checks lengths and values and answers in
 * plain words. A bad body is a 400 and an oversized one a 413, never a 500.
 */
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { INTENTION_CHOICES, type IntentionQuestion } from '../core/preparationIntentions';
import { MAX_GROUPS, REPRESENTED } from '../core/preparationStakeholders';
import type { ServiceDeps } from '../services/deps';
import { setPaymentRate } from '../services/payments';
import { saveIntentions, saveStakeholders, type PreparationSave } from '../services/preparation';
import { chooseChannel } from '../services/preparationChannels';
import { paymentSettingsFor, preparationViewFor } from '../services/preparationView';
import type { GrantedSession, TabGate } from './tabApiGate';
import { sendError, sendJson } from './tabApiRequest';

/** The largest form here (30 groups of long text) is well under this. */
export const MAX_PREPARE_BODY_BYTES = 64 * 1024;

const TEXT = {
  tooLarge: 'That is too much to save at once. Please shorten the answers and try again.',
  badBody: 'Coproduce could not read what was sent. Please reload the page and try again.',
  stale: 'Someone else saved this a moment ago. Their version is shown now: check it, then make your change again.',
  unknownChannel: 'That channel is not one you can choose. Type “connect” in the channel first, then reload this page.',
  unusableChannel: 'Coproduce can no longer post in that channel. Check the app is still installed there, then type “connect” in it again.',
} as const;

// Loose limits on text: the core refuses anything over its own limits in plain words.
const note = z.string().max(5_000).nullish();
const version = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

const answer = z.object({ choice: z.enum(INTENTION_CHOICES).nullish(), note }).optional();
// A Record, so a question added to the core fails to compile until it is accepted here.
const answers: Record<IntentionQuestion, typeof answer> = { serious: answer, act: answer, leadership: answer, why: answer, uncertainty: answer, budget: answer };
const intentionsBody = z.object({ version, answers: z.object(answers) });

const stakeholdersBody = z.object({
  version,
  groups: z.array(z.object({ name: z.string().max(1_000), coming: note, represented: z.enum(REPRESENTED) })).max(MAX_GROUPS * 3),
  diversityNote: note,
});

const paymentBody = z.object({
  currency: z.string().max(10).optional(),
  perHourMinor: z.number(),
  prepMinutes: z.number().optional(),
  reminderDays: z.number().optional(),
  vouchersOffered: z.boolean().optional(),
});

const channelBody = z.object({ channel: z.string().min(1).max(200) });

/** The body, if it is within the size limit and of the expected shape; otherwise the refusal has been sent. */
function readBody<T>(req: Request, res: Response, schema: z.ZodType<T>): T | undefined {
  const declared = Number(req.headers['content-length'] ?? 0);
  const raw = (req as Request & { rawBody?: unknown }).rawBody;
  const received = typeof raw === 'string' || Buffer.isBuffer(raw) ? Buffer.byteLength(raw) : 0;
  if ((Number.isFinite(declared) && declared > MAX_PREPARE_BODY_BYTES) || received > MAX_PREPARE_BODY_BYTES) {
    sendError(res, 413, 'PayloadTooLarge', TEXT.tooLarge);
    return undefined;
  }
  const parsed = schema.safeParse(req.body);
  if (!parsed.success) {
    sendError(res, 400, 'BadRequest', TEXT.badBody);
    return undefined;
  }
  return parsed.data;
}

function sendSave<V>(res: Response, outcome: PreparationSave<V>): void {
  if (outcome.kind === 'saved') sendJson(res, 200, outcome.value);
  else if (outcome.kind === 'refused') sendError(res, 400, 'BadRequest', outcome.problems.join(' '), { problems: outcome.problems });
  else sendError(res, 409, 'Conflict', TEXT.stale, { current: outcome.current });
}

export function registerPrepareApi(server: Server, deps: ServiceDeps, gate: TabGate): void {
  const { guarded } = gate;
  /** A facilitator route: the gate first, then the handler with the session found. */
  const forFacilitators = (handler: (found: GrantedSession, req: Request, res: Response) => Promise<void>) =>
    guarded(async (req, res) => {
      const found = await gate.facilitator(req, res);
      if (found) await handler(found, req, res);
    });
  const chooserOf = (found: GrantedSession) => ({ ...found.turn.actor, ...(found.turn.tenantId ? { tenantId: found.turn.tenantId } : {}) });

  server.get('/api/tab/prepare', forFacilitators(async (found, _req, res) => {
    sendJson(res, 200, await preparationViewFor(deps, found.session.session, chooserOf(found)));
  }));

  server.put('/api/tab/prepare/intentions', forFacilitators(async (found, req, res) => {
    const body = readBody(req, res, intentionsBody);
    if (!body) return;
    sendSave(res, await saveIntentions(deps, found.session.session, body.answers, body.version, deps.clock.now()));
  }));

  server.put('/api/tab/prepare/stakeholders', forFacilitators(async (found, req, res) => {
    const body = readBody(req, res, stakeholdersBody);
    if (!body) return;
    sendSave(res, await saveStakeholders(deps, found.session.session, body, body.version, deps.clock.now()));
  }));

  server.put('/api/tab/prepare/payment-rate', forFacilitators(async (found, req, res) => {
    const body = readBody(req, res, paymentBody);
    if (!body) return;
    const session = found.session.session;
    const decided = await setPaymentRate(deps, session, body, deps.clock.now());
    if (!decided.ok) {
      sendError(res, 400, 'BadRequest', decided.problems.join(' '), { problems: decided.problems });
      return;
    }
    deps.logger.info({ vouchersOffered: decided.value.vouchersOffered, programme: session.programmeId !== undefined }, 'payment rate set from the tab');
    sendJson(res, 200, await paymentSettingsFor(deps, session));
  }));

  server.put('/api/tab/prepare/channel', forFacilitators(async (found, req, res) => {
    const body = readBody(req, res, channelBody);
    if (!body) return;
    const session = found.session.session;
    const chosen = await chooseChannel(deps, session, chooserOf(found), body.channel, deps.clock.now());
    if (chosen.kind === 'unknown') sendError(res, 400, 'BadRequest', TEXT.unknownChannel);
    else if (chosen.kind === 'unusable') sendError(res, 400, 'BadRequest', TEXT.unusableChannel);
    else sendJson(res, 200, (await preparationViewFor(deps, session, chooserOf(found))).channels);
  }));
}
