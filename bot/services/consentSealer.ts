/**
 * The sealer: after consent is written, a job a minute later chains the new events into a block
 * (consentChain.ts). One job per session per minute, however many answers arrive in it; the job
 * runs after its minute has ended, so it seals every answer of that minute.
 */
import { sealPending } from '../core/consentChain';
import type { ServiceJobHandler } from './capability';
import type { ServiceDeps } from './deps';

export const SEAL_JOB = 'consent.seal';
const MINUTE_MS = 60_000;

export async function scheduleSeal(deps: ServiceDeps, sessionKey: string, now: Date): Promise<void> {
  const minute = Math.floor(now.getTime() / MINUTE_MS);
  await deps.jobs.schedule({
    kind: SEAL_JOB,
    dueAt: new Date(now.getTime() + MINUTE_MS),
    idempotencyKey: `consentSeal|${sessionKey}|${minute}`,
    payload: { sessionKey },
  });
}

export const sealJob: ServiceJobHandler = async (job, now, deps) => {
  const { sessionKey } = job.payload;
  if (typeof sessionKey !== 'string') return { drop: 'noSession' };
  const report = await sealPending(deps.store, sessionKey, now);
  // An event that no longer matches its own hash is never sealed: operators must look at it.
  if (report.refused > 0) deps.logger.warn({ refused: report.refused }, 'consent events left unsealed: stored hash does not match');
  deps.logger.info({ sealed: report.sealed, blocks: report.blocks }, 'consent sealed');
  return 'done';
};
