/**
 * The shapes the "After the meeting" routes accept, checked before any service runs. Limits sit
 * a little above what the services accept, so a person typing too much gets the service's own
 * plain sentence ("keep it to 500 characters") rather than a generic refusal. A body that does not
 * fit is answered 400 with the route's plain message; restify answers 413 above 256 KB.
 */
import type { Request, Response } from 'restify';
import { z } from 'zod';
import { ACTION_STATUSES } from '../core/actions';
import { LADDER_RUNGS } from '../core/ladder';
import { EXPENSE_KINDS } from '../core/payments';
import { sendError } from './tabApiRequest';

const MAX_ITEMS = 5_000;
const itemId = z.string().min(1).max(200);
const words = (max: number) => z.string().max(max);

const choices = {
  version: z.number().int(),
  show: z.array(itemId).max(MAX_ITEMS).default([]),
  hide: z.array(itemId).max(MAX_ITEMS).default([]),
  edits: z.array(z.object({ itemId, text: words(4_000) })).max(MAX_ITEMS).default([]),
  rung: z.enum([...LADDER_RUNGS, 'none']).optional(),
};

export const reviewBody = z.object(choices);
export const approveBody = z.object({ ...choices, toChannel: z.boolean().default(false) });
export const rebuildBody = z.object({ rung: choices.rung });

const who = z.string().min(1).max(400);
const wholeNumber = z.number().int().min(0);

export const confirmBody = z.object({
  who,
  minutes: wholeNumber.optional(),
  prepMinutes: wholeNumber.optional(),
  expenses: z.array(z.object({ kind: z.enum(EXPENSE_KINDS), amountMinor: wholeNumber })).max(20).optional(),
  method: z.enum(['usual', 'voucher']).optional(),
});
export const settleBody = z.object({ who, status: z.enum(['paid', 'declined', 'due']), reason: words(1_000).optional() });
export const whoIsThisBody = z.object({ who, name: words(400), contact: words(1_000).optional() });

export const actionStatusBody = z.object({ id: z.string().min(1).max(64), status: z.enum(ACTION_STATUSES), note: words(1_000).optional() });
export const actionAddBody = z.object({ what: words(1_000), owner: words(400).optional(), due: words(10).optional() });

export const exportBody = z.object({ organiserContact: words(600).optional(), joinLink: words(2_000).optional(), signature: words(600).optional() });

/** The body as the schema reads it, or undefined after a plain 400 has been sent. */
export function readBody<T extends z.ZodType>(req: Request, res: Response, schema: T, message: string): z.infer<T> | undefined {
  const parsed = schema.safeParse(req.body ?? {});
  if (parsed.success) return parsed.data;
  sendError(res, 400, 'BadRequest', message, { ok: false });
  return undefined;
}
