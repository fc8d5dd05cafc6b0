/**
 * The batched report: one job per session and window, due a whole window after the window
 * closes (core/anonymous.ts reportDueAt), tells every facilitator privately how many asked for a
 * pause and what the new notes say, shuffled. Never the meeting chat; never right after a click.
 */
import { reportDueAt } from '../core/anonymous';
import { loadSession } from '../core/sessionStore';
import { anonymousReportCard } from '../cards/anonymousReportCard';
import type { ServiceJobHandler } from './capability';
import { tellFacilitators } from './privateChat';
import { reportedSoFar, shuffledTexts } from './unsaidStore';

/** Notes are up to 1,000 characters: this many per message keeps each card small. */
export const NOTES_PER_REPORT = 10;

export const anonymousReportJob: ServiceJobHandler = async (job, now, deps) => {
  const { sessionKey, batch } = job.payload;
  if (typeof sessionKey !== 'string' || typeof batch !== 'number') return { drop: 'unreadablePayload' };
  // Never early: before this moment the window's rows are not yet reportable.
  const due = reportDueAt(batch);
  if (now < due) return { retryAt: due };
  const stored = await loadSession(deps.store, sessionKey);
  if (!stored) return { drop: 'sessionGone' };

  const soFar = await reportedSoFar(deps, sessionKey, now);
  const notes = shuffledTexts(soFar.notes.filter((row) => row.batch === batch), deps.random);
  const pauses = soFar.pauses.filter((row) => row.batch === batch).length;
  if (notes.length === 0 && pauses === 0) return 'done';

  const chunks: string[][] = [];
  for (let i = 0; i < notes.length; i += NOTES_PER_REPORT) chunks.push(notes.slice(i, i + NOTES_PER_REPORT));
  if (chunks.length === 0) chunks.push([]);
  let reached = 0;
  for (const [index, chunk] of chunks.entries()) {
    const card = anonymousReportCard({
      sessionKey,
      pauses: index === 0 ? pauses : 0,
      newNotes: notes.length,
      notes: chunk,
      continues: index < chunks.length - 1,
      soFar: { notes: soFar.notes.length, pauses: soFar.pauses.length },
    });
    const delivery = await tellFacilitators(deps, stored.session, { card }, `anonymousReport|${batch}|${index}`);
    reached = Math.max(reached, delivery.reached.length);
  }
  // Counts only: no session, no person, nothing about what was written.
  if (reached === 0) deps.logger.warn({ messages: chunks.length }, 'anonymous report: no facilitator can be reached in a 1:1 chat');
  return 'done';
};
