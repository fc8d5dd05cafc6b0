/**
 * The JSON the "After the meeting" routes answer with (bot/http/tabApiAfter*.ts), as the tab
 * reads it. The server builds it in bot/services/afterViews.ts: keep the two in step. Shapes that
 * live in the pure core are imported from there rather than copied.
 */
import type { AccessNeed } from '../../../bot/core/accessNeeds';
import type { ActionStatus } from '../../../bot/core/actions';
import type { DigestView } from '../../../bot/core/digestView';
import type { Rung } from '../../../bot/core/ladder';
import type { PaymentLine, PaymentRate, WhoIsThis } from '../../../bot/core/payments';
import type { Intentions } from '../../../bot/core/preparationIntentions';

export type GroupDigest = Omit<DigestView, 'sessionKey'>;

export interface PublishedDigest {
  readonly digest: GroupDigest;
  readonly markdownPath?: string;
}

export type ItemKind = 'reason' | 'missed' | 'note' | 'step';

export interface ReviewItem {
  readonly itemId: string;
  readonly kind: ItemKind;
  readonly text: string;
  readonly original?: string;
  readonly hidden: boolean;
  readonly credit?: { readonly shown: boolean };
}

export type ReviewStatus = 'draft' | 'shared' | 'published';

export interface DraftReview {
  readonly status: ReviewStatus;
  readonly version: number;
  readonly builtAt: string;
  readonly published: boolean;
  readonly overview: readonly string[];
  readonly items: readonly ReviewItem[];
  readonly page: number;
  readonly pageSize: number;
  readonly totalItems: number;
  readonly hiddenCount: number;
  readonly rung?: Rung;
  readonly channelAvailable: boolean;
  readonly channelChosen: boolean;
  readonly roundPosted: boolean;
  readonly digest?: GroupDigest;
  readonly markdownPath?: string;
}

export type TabReview = { readonly status: 'none' } | DraftReview;

export interface OrganiserPayment {
  readonly who: string;
  readonly teamsName?: string;
  readonly whoIsThis?: WhoIsThis;
  readonly line: PaymentLine;
}

export interface OrganiserAction {
  readonly id: string;
  readonly what: string;
  readonly owner?: string;
  readonly due?: string;
  readonly status: ActionStatus;
  readonly statusNote?: string;
  readonly sources: number;
  readonly updatedAt: string;
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
  readonly actions: readonly OrganiserAction[];
  readonly intentions: { readonly answers: Intentions; readonly answered: number };
}

/** What the server said about a change: done, or refused with its plain reason. */
export type Outcome = { readonly ok: true; readonly message: string } | { readonly ok: false; readonly status: number; readonly message: string };

export type Loaded<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly status: number; readonly message: string };
