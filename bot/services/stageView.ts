/**
 * The meeting stage: the framework large enough for everyone, the current item and its time, the
 * break state and the purpose. Anyone holding the stage link can read it, anonymous joiners
 * included, so it carries no personal data at all: no names, no ids of people, no session key,
 * no meeting or chat id, nothing facilitators alone may see. Built field by field from the
 * framework view, never by copying a larger object, so nothing new can slip in unnoticed.
 */
import type { AgendaKind } from '../core/agenda';
import { loadSession } from '../core/sessionStore';
import { sessionOfStageToken } from '../core/stageTokens';
import type { ServiceDeps } from './deps';
import { frameworkViewOf, versionOf, type VersionedView } from './tabViews';

export type StageState = 'notStarted' | 'running' | 'paused' | 'onBreak' | 'ended';

export interface StageItem {
  readonly id: string;
  readonly kind: AgendaKind;
  readonly title: string;
  readonly minutes: number;
  readonly question?: string;
}

export interface StageView {
  /** What the session hopes to achieve. */
  readonly purpose: string;
  readonly agenda: readonly StageItem[];
  readonly state: StageState;
  readonly current?: {
    readonly itemId: string;
    readonly title: string;
    /** ISO; absent while paused. */
    readonly endsAt?: string;
    /** Seconds left when this was read; negative once the item has run over. */
    readonly remainingSeconds: number;
  };
  readonly nextBreak?: { readonly title: string; readonly startsAt: string; readonly endsAt: string };
}

/** The stage view for a stage token, or undefined when the token is unknown, replaced or expired. */
export async function stageViewOfToken(deps: ServiceDeps, token: unknown, now: Date): Promise<VersionedView<StageView> | undefined> {
  const sessionKey = await sessionOfStageToken(deps.store, token, now);
  const stored = sessionKey ? await loadSession(deps.store, sessionKey) : undefined;
  if (!stored) return undefined;
  const framework = await frameworkViewOf(deps, stored.session, now);
  const current = framework.agenda.find((item) => item.id === framework.currentItemId);
  const state: StageState = framework.ended
    ? 'ended'
    : !framework.started
      ? 'notStarted'
      : framework.paused
        ? 'paused'
        : current?.kind === 'break'
          ? 'onBreak'
          : 'running';
  const view: StageView = {
    purpose: stored.session.purpose.outcome,
    agenda: framework.agenda.map((item) => ({
      id: item.id,
      kind: item.kind,
      title: item.title,
      minutes: item.minutes,
      ...(item.question ? { question: item.question } : {}),
    })),
    state,
    ...(current
      ? {
          current: {
            itemId: current.id,
            title: current.title,
            ...(framework.currentEndsAt ? { endsAt: framework.currentEndsAt } : {}),
            remainingSeconds: framework.remainingSeconds,
          },
        }
      : {}),
    ...(framework.nextBreak ? { nextBreak: { title: framework.nextBreak.title, startsAt: framework.nextBreak.startsAt, endsAt: framework.nextBreak.endsAt } } : {}),
  };
  return { view, version: versionOf(view) };
}
