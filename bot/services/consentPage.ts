/**
 * The withdrawal page's use cases, reached with a personal code and no Teams sign-in. The code is
 * the only credential: it names one person in one session, and every answer is about that person
 * only. Any code that does not resolve (unknown, malformed, revoked, or its person erased) gives
 * `undefined`, and the page says the same thing for all of them.
 */
import { sha256, type ConsentEvent } from '../core/consentLedger';
import { peopleOfSession, type ConsentPerson } from '../core/consentPeople';
import { eventsOfSubject, recordChoices } from '../core/consentRecords';
import type { ConsentScope } from '../core/consentScopes';
import { isScope } from '../core/consentScopes';
import { personalExport, type PersonalData } from '../core/personalExport';
import type { Session } from '../core/session';
import { loadSession } from '../core/sessionStore';
import { choiceStates, latestWording, withdrawalChoices, type ChoiceState, type WithdrawalTarget } from '../core/withdrawalChoices';
import { resolveWithdrawalCode } from '../core/withdrawalTokens';
import { exportWords, myDataStrings } from '../cards/strings/myData.en-GB';
import { afterConsentWritten } from './consentAfter';
import type { ServiceDeps } from './deps';
import { collectPersonalData } from './myDataCollect';
import { eraseMyData, type ErasureOutcome } from './myDataErase';

export interface ChoicesView {
  /** Posted back by every form on the page. */
  readonly code: string;
  readonly occurrence?: string;
  readonly purpose?: string;
  readonly states: Readonly<Record<ConsentScope, ChoiceState>>;
}

export type WithdrawNotice =
  | { readonly kind: 'withdrawn'; readonly scopes: readonly ConsentScope[] }
  | { readonly kind: 'declined' }
  | { readonly kind: 'unchanged' };

interface CodeHolder {
  readonly code: string;
  readonly sessionKey: string;
  readonly person: ConsentPerson;
  readonly events: readonly ConsentEvent[];
  readonly session?: Session;
}

/** The wording of the page itself, for someone who withdraws having never answered on a card. */
const PAGE_WORDING = {
  variant: 'standard' as const,
  hash: sha256([myDataStrings.page.title, myDataStrings.page.changeMind, myDataStrings.page.afterwards, myDataStrings.page.withdrawAll].join('\n')),
};

async function holderOf(deps: ServiceDeps, code: unknown): Promise<CodeHolder | undefined> {
  const target = await resolveWithdrawalCode(deps.store, code);
  if (!target || typeof code !== 'string') return undefined;
  // The person row is keyed by who they are; the code knows only the subject id.
  const person = (await peopleOfSession(deps.store, target.sessionKey)).find((p) => p.subjectId === target.subjectId);
  if (!person) return undefined;
  const events = await eventsOfSubject(deps.store, target.sessionKey, target.subjectId);
  const stored = await loadSession(deps.store, target.sessionKey);
  return { code, sessionKey: target.sessionKey, person, events, ...(stored ? { session: stored.session } : {}) };
}

function viewOf(holder: CodeHolder, events: readonly ConsentEvent[]): ChoicesView {
  return {
    code: holder.code,
    ...(holder.session ? { occurrence: holder.session.occurrence, purpose: holder.session.purpose.outcome } : {}),
    states: choiceStates(events),
  };
}

export async function choicesByCode(deps: ServiceDeps, code: unknown): Promise<ChoicesView | undefined> {
  const holder = await holderOf(deps, code);
  return holder && viewOf(holder, holder.events);
}

export function withdrawalTargetOf(value: unknown): WithdrawalTarget | undefined {
  return value === 'all' || isScope(value) ? value : undefined;
}

/** Records the withdrawal with method 'link', as the person themselves; a repeat records nothing. */
export async function withdrawByCode(deps: ServiceDeps, code: unknown, target: WithdrawalTarget, now: Date): Promise<{ readonly view: ChoicesView; readonly notice: WithdrawNotice } | undefined> {
  const holder = await holderOf(deps, code);
  if (!holder) return undefined;
  const choices = withdrawalChoices(holder.events, target);
  if (Object.keys(choices).length === 0) return { view: viewOf(holder, holder.events), notice: { kind: 'unchanged' } };
  const { subjectId } = holder.person;
  const recorded = await recordChoices(deps.store, {
    sessionKey: holder.sessionKey,
    subjectId,
    actorSubjectId: subjectId,
    method: 'link',
    wording: latestWording(holder.events, PAGE_WORDING),
    choices,
    now,
  });
  if (holder.session) await afterConsentWritten(deps, holder.session, holder.person, recorded.written, now);
  deps.logger.info({ written: recorded.written.length, target: target === 'all' ? 'all' : 'one' }, 'consent withdrawn by link');
  const withdrawn = recorded.written.filter((e) => e.kind === 'withdraw').map((e) => e.scope);
  const notice: WithdrawNotice =
    recorded.written.length === 0 ? { kind: 'unchanged' } : withdrawn.length > 0 ? { kind: 'withdrawn', scopes: withdrawn } : { kind: 'declined' };
  return { view: viewOf(holder, recorded.all), notice };
}

/** Everything we keep about the code's person, in every session we know they were in. */
export async function personalDataByCode(deps: ServiceDeps, code: unknown): Promise<PersonalData | undefined> {
  const holder = await holderOf(deps, code);
  return holder && collectPersonalData(deps, { who: holder.person.who }, [holder.sessionKey]);
}

/** The download, as pretty-printed JSON, straight to the person who asked on the page. */
export async function exportByCode(deps: ServiceDeps, code: unknown, now: Date): Promise<string | undefined> {
  const data = await personalDataByCode(deps, code);
  if (!data) return undefined;
  deps.logger.info({ sessions: data.sessions.length, via: 'link' }, 'personal data exported');
  return JSON.stringify(personalExport(data, now, exportWords), null, 2);
}

export async function eraseByCode(deps: ServiceDeps, code: unknown, now: Date): Promise<ErasureOutcome | undefined> {
  const holder = await holderOf(deps, code);
  return holder && eraseMyData(deps, { who: holder.person.who }, [holder.sessionKey], 'link', now);
}
