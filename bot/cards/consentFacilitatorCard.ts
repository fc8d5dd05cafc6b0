/**
 * The facilitators' private consent view (their 1:1 chat or their own invoke response, never the
 * meeting chat): whether it is clear to record, who has not answered, who said "not now" and to
 * what, with answers a facilitator recorded marked as such. Names are people's words: plain text.
 */
import type { ConsentMethod, ConsentScope } from '../core/consentScopes';
import type { RecordingClearance } from '../core/consentState';
import type { ConsentWording } from './consentWording';
import { consentStrings, fillConsent } from './strings/consent.en-GB';
import { plainText, textRun } from './text';
import type { AdaptiveCard, CardAction, CardElement, TextRun } from './types';

const text = consentStrings.facilitators;
/** Keeps the card well inside Teams' size budget in a large meeting. */
export const MAX_NAMES_LISTED = 40;
const methods = consentStrings.record.methods;

export interface SaidNotNow {
  readonly name?: string;
  readonly scopes: readonly ConsentScope[];
  /** How a facilitator recorded their latest answer, when one did. */
  readonly recordedBy?: ConsentMethod;
}

export interface ConsentOverview {
  readonly sessionKey: string;
  readonly clearance: RecordingClearance;
  readonly notAnswered: { readonly names: readonly string[]; readonly unnamed: number };
  readonly saidNotNow: readonly SaidNotNow[];
  /** A line about what the press just did (our own words). */
  readonly notice?: string;
}

function recordedMark(method: ConsentMethod | undefined): string {
  if (!method) return '';
  const how = method in methods ? methods[method as keyof typeof methods].toLowerCase() : '';
  return how ? ` (${text.recordedBy}: ${how})` : ` (${text.recordedBy})`;
}

function more(count: number): CardElement {
  return { type: 'TextBlock', text: fillConsent(text.andMore, { count }), wrap: true, isSubtle: true };
}

function clearanceLines(clearance: RecordingClearance): CardElement[] {
  if (clearance.clear) return [{ type: 'TextBlock', text: text.clear, wrap: true, color: 'Good', weight: 'Bolder' }];
  const { notAnswered, saidNo, needsConfirmation } = clearance;
  const headline = notAnswered === 0 ? text.notClear : notAnswered === 1 ? text.notClearOne : fillConsent(text.notClearMany, { count: notAnswered });
  const lines: CardElement[] = [{ type: 'TextBlock', text: headline, wrap: true, color: 'Attention', weight: 'Bolder' }];
  if (saidNo > 0) lines.push({ type: 'TextBlock', text: fillConsent(text.saidNoCount, { count: saidNo }), wrap: true });
  if (needsConfirmation) lines.push({ type: 'TextBlock', text: text.needsConfirmation, wrap: true });
  return lines;
}

export function consentOverviewCard(view: ConsentOverview, wording: ConsentWording): AdaptiveCard {
  const body: CardElement[] = [
    { type: 'TextBlock', text: text.title, style: 'heading', size: 'Medium', weight: 'Bolder', wrap: true },
    { type: 'TextBlock', text: text.onlyYou, wrap: true, isSubtle: true, size: 'Small', spacing: 'None' },
    ...(view.notice ? [{ type: 'TextBlock' as const, text: view.notice, wrap: true }] : []),
    ...clearanceLines(view.clearance),
    { type: 'TextBlock', text: text.notAnsweredHeading, weight: 'Bolder', wrap: true, spacing: 'Medium' },
  ];
  const { names, unnamed } = view.notAnswered;
  if (names.length === 0 && unnamed === 0) body.push({ type: 'TextBlock', text: text.everyoneAnswered, wrap: true });
  for (const name of names.slice(0, MAX_NAMES_LISTED)) body.push(plainText(name));
  if (names.length > MAX_NAMES_LISTED) body.push(more(names.length - MAX_NAMES_LISTED));
  if (unnamed > 0) body.push({ type: 'TextBlock', text: fillConsent(text.unnamed, { count: unnamed }), wrap: true });

  body.push({ type: 'TextBlock', text: text.saidNoHeading, weight: 'Bolder', wrap: true, spacing: 'Medium' });
  if (view.saidNotNow.length === 0) body.push({ type: 'TextBlock', text: text.nobodyNotNow, wrap: true });
  for (const person of view.saidNotNow.slice(0, MAX_NAMES_LISTED)) {
    const scopes = person.scopes.map((s) => wording.words.scopes[s].toLowerCase()).join('; ');
    const runs: TextRun[] = [
      textRun(person.name ?? text.someone, { weight: 'Bolder' }),
      textRun(`${recordedMark(person.recordedBy)}: ${scopes}`),
    ];
    body.push({ type: 'RichTextBlock', inlines: runs });
  }
  if (view.saidNotNow.length > MAX_NAMES_LISTED) body.push(more(view.saidNotNow.length - MAX_NAMES_LISTED));

  const actions: CardAction[] = [];
  if (!view.clearance.clear && view.clearance.needsConfirmation) {
    actions.push({ type: 'Action.Execute', verb: 'consent.confirmClearToRecord', title: text.confirmButton, style: 'positive', data: { sessionKey: view.sessionKey, step: 'confirm' } });
  }
  actions.push(
    { type: 'Action.Execute', verb: 'consent.recordForSomeone', title: text.recordButton, data: { sessionKey: view.sessionKey } },
    { type: 'Action.Execute', verb: 'consent.confirmClearToRecord', title: text.refreshButton, data: { sessionKey: view.sessionKey } },
  );
  return { type: 'AdaptiveCard', version: '1.5', fallbackText: `${text.title}. ${text.onlyYou}`, body, actions };
}

export interface WithdrawalAlert {
  readonly sessionKey: string;
  readonly name?: string;
  readonly scopes: readonly ConsentScope[];
  readonly recordedBy?: ConsentMethod;
}

/** Sent at once to each facilitator's 1:1 chat when someone takes back a yes. */
export function withdrawalAlertCard(alert: WithdrawalAlert, wording: ConsentWording): AdaptiveCard {
  const who = alert.name ? [plainText(alert.name, { weight: 'Bolder' })] : [];
  const mark = recordedMark(alert.recordedBy).trim();
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    fallbackText: `${text.withdrawnTitle}. ${text.withdrawnAction}`,
    body: [
      { type: 'TextBlock', text: text.withdrawnTitle, style: 'heading', size: 'Medium', weight: 'Bolder', wrap: true, color: 'Attention' },
      ...who,
      ...(mark ? [{ type: 'TextBlock' as const, text: mark, wrap: true, isSubtle: true, size: 'Small' as const }] : []),
      { type: 'TextBlock', text: text.withdrawnScopes, wrap: true },
      ...alert.scopes.map((s): CardElement => ({ type: 'TextBlock', text: `- ${wording.words.scopes[s]}`, wrap: true, spacing: 'None' })),
      { type: 'TextBlock', text: text.withdrawnAction, wrap: true, weight: 'Bolder' },
    ],
    actions: [{ type: 'Action.Execute', verb: 'consent.confirmClearToRecord', title: text.checkButton, data: { sessionKey: alert.sessionKey } }],
  };
}
