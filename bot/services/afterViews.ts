/**
 * Read models for the tab's "After the meeting" screens: the facilitators' review of the draft
 * summary, the organiser view (payments, access needs, named attendance, actions, the team's
 * intentions) and the group's published summary. Each is shaped for one screen and carries
 * nothing that screen does not show: no Teams ids besides the payment line keys the organiser
 * acts on, no session keys.
 */
import type { DigestView } from '../core/digestView';
import type { AccessNeed } from '../core/accessNeeds';
import type { ActionStatus } from '../core/actions';
import type { PaymentLine, PaymentRate, WhoIsThis } from '../core/payments';
import type { Intentions } from '../core/preparationIntentions';
import type { Person } from '../core/ports';
import type { Session } from '../core/session';
import type { DigestReviewView } from '../cards/digestReviewCard';
import { loadAttendance } from './attendance';
import { whoOf } from './consentSessions';
import type { ServiceDeps } from './deps';
import { loadDigestState, loadDraft } from './digestStore';
import { digestViewFor, publishedDigestByToken } from './exports';
import { reviewView } from './digestViews';
import { accessNeedsForOrganiser } from './followUpAccess';
import { loadActions } from './followUpActionsStore';
import { organiserPayments } from './payments';
import { intentionsFor } from './preparation';

/** The tab has a whole screen: more items a page than the card's 15. */
export const TAB_REVIEW_PAGE_SIZE = 50;

/** The group's summary without the session key it was built from. */
export type GroupDigest = Omit<DigestView, 'sessionKey'>;

export type ReviewStatus = 'draft' | 'shared' | 'published';

export type TabReview =
  | { readonly status: 'none' }
  | (Omit<DigestReviewView, 'sessionKey' | 'builtAt' | 'notice'> & {
      readonly status: ReviewStatus;
      readonly builtAt: string;
      /** Once published: what the group was given, and where its document is. */
      readonly digest?: GroupDigest;
      readonly markdownPath?: string;
    });

export function groupDigestOf(view: DigestView): GroupDigest {
  const { sessionKey: _key, ...rest } = view;
  return rest;
}

export function markdownPathOf(token: string): string {
  return `/digest/${encodeURIComponent(token)}.md`;
}

export async function tabReviewOf(deps: ServiceDeps, session: Session, reviewer: Person, page: number): Promise<TabReview> {
  const stored = await loadDigestState(deps.store, session.sessionKey);
  const content = stored ? await loadDraft(deps.store, stored.state) : undefined;
  if (!stored || !content) return { status: 'none' };
  const reviewerWho = whoOf(reviewer);
  const { sessionKey: _key, builtAt, notice: _notice, ...view } = await reviewView(deps, session, stored.state, content, { page, pageSize: TAB_REVIEW_PAGE_SIZE, ...(reviewerWho ? { reviewerWho } : {}) });
  const status: ReviewStatus = view.published ? 'published' : stored.state.roundVersion !== undefined ? 'shared' : 'draft';
  const digest = view.published ? await digestViewFor(deps, session) : undefined;
  const token = stored.state.linkToken;
  return {
    ...view,
    status,
    builtAt: builtAt.toISOString(),
    ...(digest ? { digest: groupDigestOf(digest) } : {}),
    ...(view.published && token ? { markdownPath: markdownPathOf(token) } : {}),
  };
}

/** The published summary for anyone in the meeting; undefined until a facilitator approved it. */
export async function publishedDigestOf(deps: ServiceDeps, session: Session): Promise<{ readonly digest: GroupDigest; readonly markdownPath?: string } | undefined> {
  const view = await digestViewFor(deps, session);
  if (!view) return undefined;
  const token = (await loadDigestState(deps.store, session.sessionKey))?.state.linkToken;
  return { digest: groupDigestOf(view), ...(token ? { markdownPath: markdownPathOf(token) } : {}) };
}

/** The summary named by the token in its links; undefined for a wrong token or a draft. */
export async function digestOfToken(deps: ServiceDeps, token: unknown): Promise<{ readonly digest: GroupDigest; readonly markdownPath: string } | undefined> {
  const found = await publishedDigestByToken(deps, token);
  return found && typeof token === 'string' ? { digest: groupDigestOf(found.view), markdownPath: markdownPathOf(token) } : undefined;
}

export interface OrganiserPayment {
  /** The line's key, sent back when the organiser changes it. */
  readonly who: string;
  readonly teamsName?: string;
  readonly whoIsThis?: WhoIsThis;
  readonly line: PaymentLine;
}

export interface OrganiserView {
  readonly payments: { readonly rate?: PaymentRate; readonly rows: readonly OrganiserPayment[] };
  readonly accessNeeds: readonly { readonly name?: string; readonly needs: readonly AccessNeed[]; readonly other?: string; readonly enteredBy: 'self' | 'facilitator'; readonly updatedAt: string }[];
  readonly attendance: readonly {
    readonly name?: string;
    readonly present: boolean;
    readonly firstSeenAt: string;
    readonly answeredCard: boolean;
    readonly joinedByEvent: boolean;
    readonly markedByFacilitator: boolean;
  }[];
  readonly actions: readonly {
    readonly id: string;
    readonly what: string;
    readonly owner?: string;
    readonly due?: string;
    readonly status: ActionStatus;
    readonly statusNote?: string;
    readonly sources: number;
    readonly updatedAt: string;
  }[];
  /** The team's answers to the six questions asked before the session. */
  readonly intentions: { readonly answers: Intentions; readonly answered: number };
}

const byName = (a: { readonly name?: string }, b: { readonly name?: string }) => (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff', 'en-GB');

export async function organiserViewOf(deps: ServiceDeps, session: Session): Promise<OrganiserView> {
  const [payments, needs, attendance, actions, intentions] = await Promise.all([
    organiserPayments(deps, session),
    accessNeedsForOrganiser(deps, session),
    loadAttendance(deps, session.sessionKey),
    loadActions(deps.store, session.sessionKey),
    intentionsFor(deps, session),
  ]);
  return {
    intentions: { answers: intentions.answers, answered: intentions.answered },
    payments: {
      ...(payments.rate ? { rate: payments.rate } : {}),
      rows: payments.rows
        .map((r) => ({ who: r.who, line: r.line, ...(r.displayName ? { teamsName: r.displayName } : {}), ...(r.whoIsThis ? { whoIsThis: r.whoIsThis } : {}) }))
        .sort((a, b) => byName({ name: a.whoIsThis?.name ?? a.teamsName }, { name: b.whoIsThis?.name ?? b.teamsName })),
    },
    accessNeeds: needs
      .map((n) => ({ needs: n.needs, enteredBy: n.enteredBy, updatedAt: n.updatedAt, ...(n.name ? { name: n.name } : {}), ...(n.other ? { other: n.other } : {}) }))
      .sort(byName),
    attendance: attendance
      .map((r) => ({
        present: r.present,
        firstSeenAt: r.firstSeenAt,
        answeredCard: r.answeredCard,
        joinedByEvent: r.joinedByEvent,
        markedByFacilitator: r.markedByFacilitator,
        ...(r.name ? { name: r.name } : {}),
      }))
      .sort(byName),
    actions: actions.map((a) => ({
      id: a.id,
      what: a.what,
      status: a.status,
      sources: a.sources.length,
      updatedAt: a.updatedAt,
      ...(a.owner ? { owner: a.owner } : {}),
      ...(a.due ? { due: a.due } : {}),
      ...(a.statusNote ? { statusNote: a.statusNote } : {}),
    })),
  };
}
