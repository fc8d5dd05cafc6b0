/**
 * "What Coproduce keeps about you" in Teams. Always an answer only its person sees: a reply in
 * their 1:1 chat, or the invoke response to their own press in a shared chat. In a shared chat
 * the typed command gets only `myDataPromptCard`, whose button brings this card privately.
 * Counts and our own words in TextBlocks; anything someone typed goes in plain text runs.
 */
import type { ConsentScope } from '../core/consentScopes';
import type { ChoiceState } from '../core/withdrawalChoices';
import { fillIn, myDataStrings } from './strings/myData.en-GB';
import { cardDate, plainText, textRun } from './text';
import type { AdaptiveCard, CardAction, CardElement } from './types';

const text = myDataStrings.card;
/** Keeps the card well inside Teams' size limit; the download has every session. */
export const MAX_SESSIONS_SHOWN = 5;

export interface SessionSummary {
  /** `YYYY-MM-DD`. */
  readonly occurrence?: string;
  readonly purpose?: string;
  /** In card order; absent when they have no consent row in the session. */
  readonly choices?: Readonly<Partial<Record<ConsentScope, ChoiceState>>>;
  readonly name?: string;
  readonly byFacilitator: boolean;
  readonly seen: boolean;
  readonly answers: number;
  readonly purposeAnswered: boolean;
}

export interface MyDataView {
  readonly sessions: readonly SessionSummary[];
  readonly personalChat: boolean;
  /** In their 1:1 chat: downloading is offered here. */
  readonly personal: boolean;
  /** Put on every button in a shared chat, so the press is checked against this chat's session. */
  readonly sessionKey?: string;
}

export function buttonData(sessionKey: string | undefined, extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  return { ...(sessionKey ? { sessionKey } : {}), ...extra };
}

function sessionHeading(occurrence: string | undefined): string {
  return occurrence && /^\d{4}-\d{2}-\d{2}$/.test(occurrence)
    ? fillIn(text.session, { date: cardDate(new Date(`${occurrence}T12:00:00Z`), 'LONG') })
    : text.sessionNoDate;
}

function sessionBlock(session: SessionSummary): CardElement {
  const items: CardElement[] = [{ type: 'TextBlock', text: sessionHeading(session.occurrence), weight: 'Bolder', wrap: true }];
  if (session.purpose) items.push({ type: 'RichTextBlock', inlines: [textRun(`${myDataStrings.page.about} `, { isSubtle: true }), ...plainText(session.purpose).inlines] });
  if (session.choices) {
    items.push({ type: 'TextBlock', text: text.consent, wrap: true, spacing: 'Small' });
    if (session.name) items.push({ type: 'RichTextBlock', inlines: [textRun(`${myDataStrings.page.namedAs} `, { isSubtle: true }), textRun(session.name)] });
    const facts = (Object.entries(session.choices) as [ConsentScope, ChoiceState][]).map(([scope, state]) => ({ title: myDataStrings.scopes[scope], value: myDataStrings.choice[state] }));
    items.push({ type: 'FactSet', facts });
    if (session.byFacilitator) items.push({ type: 'TextBlock', text: text.consentByFacilitator, wrap: true, isSubtle: true, size: 'Small' });
  }
  if (session.seen) items.push({ type: 'TextBlock', text: text.attendance, wrap: true });
  if (session.answers > 0) items.push({ type: 'TextBlock', text: fillIn(text.senseChecks, { count: session.answers }), wrap: true });
  if (session.purposeAnswered) items.push({ type: 'TextBlock', text: text.purpose, wrap: true });
  return { type: 'Container', style: 'emphasis', spacing: 'Medium', items };
}

export function myDataCard(view: MyDataView): AdaptiveCard {
  const body: CardElement[] = [
    { type: 'TextBlock', text: text.title, style: 'heading', size: 'Medium', weight: 'Bolder', wrap: true },
    { type: 'TextBlock', text: text.onlyYou, wrap: true, isSubtle: true },
  ];
  const nothing = view.sessions.length === 0 && !view.personalChat;
  if (nothing) body.push({ type: 'TextBlock', text: text.nothing, wrap: true });
  if (view.sessions.length > 0) body.push({ type: 'TextBlock', text: fillIn(text.sessions, { count: view.sessions.length }), wrap: true });
  body.push(...view.sessions.slice(0, MAX_SESSIONS_SHOWN).map(sessionBlock));
  const hidden = view.sessions.length - MAX_SESSIONS_SHOWN;
  if (hidden > 0) body.push({ type: 'TextBlock', text: fillIn(text.moreSessions, { count: hidden }), wrap: true });
  if (view.personalChat) body.push({ type: 'TextBlock', text: text.personalChat, wrap: true, spacing: 'Medium' });
  if (!nothing) body.push({ type: 'TextBlock', text: view.personal ? text.downloadHint : text.downloadElsewhere, wrap: true, spacing: 'Medium' });
  body.push({ type: 'TextBlock', text: text.notFound, wrap: true, weight: 'Bolder', spacing: 'Medium' });
  for (const limit of myDataStrings.cannotReach) body.push({ type: 'TextBlock', text: `- ${limit}`, wrap: true, size: 'Small', spacing: 'Small' });

  const actions: CardAction[] = [];
  if (view.personal && !nothing) actions.push({ type: 'Action.Execute', verb: 'myData.export', title: text.downloadButton, data: buttonData(view.sessionKey) });
  if (!nothing) actions.push({ type: 'Action.Execute', verb: 'myData.erase', title: text.eraseButton, style: 'destructive', data: buttonData(view.sessionKey) });
  return { type: 'AdaptiveCard', version: '1.5', fallbackText: `${text.title}. ${text.onlyYou}`, body, ...(actions.length > 0 ? { actions } : {}) };
}

/** The public answer to `my data` in a shared chat: a button, and nothing about anyone. */
export function myDataPromptCard(sessionKey: string | undefined): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    fallbackText: text.sharedPrompt,
    body: [
      { type: 'TextBlock', text: text.title, weight: 'Bolder', wrap: true },
      { type: 'TextBlock', text: text.sharedPrompt, wrap: true },
    ],
    actions: [{ type: 'Action.Execute', verb: 'myData.show', title: text.showButton, data: buttonData(sessionKey) }],
  };
}
