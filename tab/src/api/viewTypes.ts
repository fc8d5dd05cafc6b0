/**
 * The JSON the server's tab API answers with, as the tab reads it. The server builds these in
 * bot/services/tabViews.ts (side panel) and bot/services/stageView.ts (stage); keep them in step.
 * Fields the server may not send yet are optional, and the tab shows them only when present.
 */

export type AgendaKind = 'welcome' | 'icebreaker' | 'purpose' | 'ways' | 'topic' | 'break' | 'recap' | 'senseCheck' | 'wrapUp';

export interface AgendaItem {
  readonly id: string;
  readonly kind: AgendaKind;
  readonly title: string;
  readonly minutes: number;
  readonly question?: string;
}

export interface Purpose {
  readonly outcome: string;
  readonly openToUnexpected: { readonly open: boolean; readonly note?: string };
  readonly responsible?: string;
  readonly capture?: string;
}

export interface NextBreak {
  readonly itemId?: string;
  readonly title: string;
  readonly startsAt: string;
  readonly endsAt: string;
}

export interface FrameworkView {
  readonly agenda: readonly AgendaItem[];
  readonly started: boolean;
  readonly ended: boolean;
  readonly paused: boolean;
  readonly currentItemId?: string;
  readonly currentEndsAt?: string;
  /** Seconds left on the current item when the server answered; negative once it ran over. */
  readonly remainingSeconds: number;
  readonly nextBreak?: NextBreak;
  /** For the framework editor: the version a save must name (0 while the default plan applies). Absent on the stage. */
  readonly agendaVersion?: number;
  /** The meeting's planned length, for the time check. Sent to facilitators only. */
  readonly meetingMinutes?: number;
}

export interface NamedPerson {
  readonly rowKey: string;
  readonly name: string;
}

export interface QuietVoices {
  readonly quiet: readonly NamedPerson[];
  readonly quietWithoutName: number;
  readonly left: readonly NamedPerson[];
  readonly present: number;
  readonly hadSay: number;
  readonly countsChat: boolean;
}

export interface Tally {
  readonly answered: number;
  readonly expected?: number;
  readonly split?: Readonly<Record<string, number>>;
}

export interface SenseCheckSummary {
  readonly id: string;
  readonly statements: readonly string[];
  readonly status: 'open' | 'closed';
  readonly openedAt: string;
  readonly tallies: readonly Tally[];
}

export type RecordingClearance =
  | { readonly clear: true }
  | { readonly clear: false; readonly notAnswered: number; readonly saidNo: number; readonly needsConfirmation: boolean };

export interface ConsentSummary {
  readonly answered: number;
  readonly expected: number;
  readonly clearance?: RecordingClearance;
}

export interface FacilitatorView {
  readonly quietVoices: QuietVoices;
  readonly anonymous: { readonly notes: number; readonly pauses: number };
  readonly purposeAnswers: number;
  readonly senseChecks: readonly SenseCheckSummary[];
  readonly consent?: ConsentSummary;
  /** Someone's access needs (or the setup) ask for more breaks: the time check is stricter. */
  readonly needsMoreBreaks: boolean;
}

export interface SessionView {
  readonly role: 'facilitator' | 'participant';
  readonly purpose: Purpose;
  readonly safeguardingContact?: string;
  readonly framework: FrameworkView;
  readonly facilitator?: FacilitatorView;
  /** Public consent count ("N of M have answered"), when the server sends it to everyone. */
  readonly consent?: ConsentSummary;
  readonly serverTime: string;
  readonly version: string;
}

export type StageState = 'notStarted' | 'running' | 'paused' | 'onBreak' | 'ended';

export interface StageView {
  readonly purpose: string;
  readonly agenda: readonly AgendaItem[];
  readonly state: StageState;
  readonly current?: { readonly itemId: string; readonly title: string; readonly endsAt?: string; readonly remainingSeconds: number };
  readonly nextBreak?: NextBreak;
  readonly serverTime: string;
  readonly version: string;
}

/** An Adaptive Card as JSON; rendered by the card host in cards/. */
export type CardJson = Readonly<Record<string, unknown>>;

/** What an action answers: a line of text, a card for this person only, or a refusal. */
export interface ActionAnswer {
  readonly ok: boolean;
  readonly message?: string;
  readonly card?: CardJson;
}

export interface StageLink {
  readonly path: string;
  readonly expiresAt: string;
}
