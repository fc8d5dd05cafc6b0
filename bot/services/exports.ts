/**
 * Exports for the organiser view in the tab (its API checks the caller is a facilitator of the
 * session first): the digest as Markdown, the participant pack, the email-ready text for people
 * the bot cannot reach, and CSVs for attendance, consent, sense-checks, actions and payments.
 * Also the read of a published digest by the token in its links (the summary's "read the full
 * summary" and "download" buttons), which the lead's routes serve.
 */
import type { DigestView } from '../core/digestView';
import { meetingMinutesOf } from '../core/sessionPlan';
import { loadSession } from '../core/sessionStore';
import type { Session } from '../core/session';
import type { ServiceDeps } from './deps';
import { loadAttendance } from './attendance';
import { consentRecordCsv } from './consentPageRecord';
import { senseChecksOf } from './digestSources';
import { loadDigestState, loadDraft } from './digestStore';
import { DIGEST_LINKS_TABLE, groupView, tokenKey } from './digestViews';
import { actionsCsv, attendanceCsv, senseChecksCsv } from './exportsCsv';
import { digestMarkdown } from './exportsMarkdown';
import { participantPackMarkdown } from './exportsPack';
import { loadActions } from './followUpActionsStore';
import { followUpEmail, type EmailText } from './followUpEmail';
import { readPlan } from './liveFrameworkStore';
import { paymentsCsvFor } from './payments';

export { paymentsCsvFor };

/** The group's view of the digest: the published one, or the current draft when asked for. */
export async function digestViewFor(deps: ServiceDeps, session: Session, options: { readonly draft?: boolean } = {}): Promise<DigestView | undefined> {
  const stored = await loadDigestState(deps.store, session.sessionKey);
  if (!stored || (stored.state.status !== 'published' && !options.draft)) return undefined;
  const content = await loadDraft(deps.store, stored.state);
  return content ? groupView(deps, session, stored.state, content) : undefined;
}

export async function digestMarkdownFor(deps: ServiceDeps, session: Session, options: { readonly draft?: boolean } = {}): Promise<string | undefined> {
  const view = await digestViewFor(deps, session, options);
  return view ? digestMarkdown(view) : undefined;
}

/** A published digest named by its link token; undefined for an unknown token or a draft. */
export async function publishedDigestByToken(deps: ServiceDeps, token: unknown): Promise<{ readonly view: DigestView; readonly markdown: string } | undefined> {
  if (typeof token !== 'string' || token.length < 16 || token.length > 100) return undefined;
  const entity = await deps.store.get(DIGEST_LINKS_TABLE, tokenKey(token), 'digest');
  const sessionKey = entity?.props.sessionKey;
  const stored = typeof sessionKey === 'string' ? await loadSession(deps.store, sessionKey) : undefined;
  const state = stored ? await loadDigestState(deps.store, stored.session.sessionKey) : undefined;
  if (!stored || !state || state.state.status !== 'published' || state.state.linkToken !== token) return undefined;
  const view = await digestViewFor(deps, stored.session);
  return view ? { view, markdown: digestMarkdown(view) } : undefined;
}

export async function emailReadyText(deps: ServiceDeps, session: Session, signature?: string): Promise<EmailText | undefined> {
  const view = await digestViewFor(deps, session);
  return view ? followUpEmail(view, await loadActions(deps.store, session.sessionKey), signature) : undefined;
}

/** For the organiser to send before the session. `joinLink` is used only when it is an https address. */
export async function participantPack(deps: ServiceDeps, session: Session, options: { readonly organiserContact?: string; readonly joinLink?: string } = {}): Promise<string> {
  const [plan, info] = await Promise.all([
    readPlan(deps, session),
    deps.directory.meetingInfo({ meetingId: session.meetingId, conversationId: session.conversationId }).catch(() => undefined),
  ]);
  const start = info?.scheduledStart ? new Date(info.scheduledStart) : undefined;
  const joinLink = options.joinLink && /^https:\/\/\S+$/i.test(options.joinLink) ? options.joinLink : undefined;
  return participantPackMarkdown({
    occurrence: session.occurrence,
    ...(start && !Number.isNaN(start.getTime()) ? { start } : {}),
    timeZone: session.timeZone ?? 'Europe/London',
    minutes: meetingMinutesOf(info),
    outcome: session.purpose.outcome,
    openToUnexpected: session.purpose.openToUnexpected.open,
    ...(session.purpose.responsible ? { responsible: session.purpose.responsible } : {}),
    ...(session.purpose.capture ? { capture: session.purpose.capture } : {}),
    agenda: plan.agenda.map((item) => ({ title: item.title, minutes: item.minutes, kind: item.kind })),
    ...(options.organiserContact ? { organiserContact: options.organiserContact } : {}),
    ...(session.safeguardingContact ? { safeguardingContact: session.safeguardingContact } : {}),
    ...(joinLink ? { joinLink } : {}),
  });
}

export async function attendanceCsvFor(deps: ServiceDeps, session: Session): Promise<string> {
  return attendanceCsv(await loadAttendance(deps, session.sessionKey));
}

export async function consentCsvFor(deps: ServiceDeps, session: Session): Promise<string> {
  return consentRecordCsv(deps, session.sessionKey);
}

export async function senseChecksCsvFor(deps: ServiceDeps, session: Session): Promise<string> {
  return senseChecksCsv(await senseChecksOf(deps.store, session.sessionKey));
}

export async function actionsCsvFor(deps: ServiceDeps, session: Session): Promise<string> {
  return actionsCsv(await loadActions(deps.store, session.sessionKey));
}
