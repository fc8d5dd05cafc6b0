/**
 * `my data` and its buttons: a person sees everything Coproduce keeps about them, downloads it
 * through a one-time link, or deletes it. Identity is always the person who typed or pressed
 * (from the activity), never card data. Everything answers that person only: in their 1:1 chat,
 * or in their own invoke response in a shared chat, where the typed command gets just a button.
 */
import { holdsAnything, type PersonalData } from '../core/personalExport';
import { say, tellPresser, type Turn } from '../core/turn';
import { choiceStates } from '../core/withdrawalChoices';
import { downloadLinkCard, eraseConfirmCard, erasedCard } from '../cards/myDataActionCards';
import { myDataCard, myDataPromptCard, type MyDataView } from '../cards/myDataCard';
import { myDataStrings } from '../cards/strings/myData.en-GB';
import type { StoredSession } from '../core/sessionStore';
import type { Capability } from './capability';
import { whoOf } from './consentSessions';
import type { ServiceDeps } from './deps';
import { collectPersonalData, type DataSubject } from './myDataCollect';
import { DOWNLOAD_MINUTES, downloadUrl, issueDownloadCode } from './myDataDownloads';
import { eraseMyData } from './myDataErase';

function subjectOf(turn: Turn): DataSubject | undefined {
  const who = whoOf(turn.actor);
  return who ? { who, ...(turn.actor.userId ? { userId: turn.actor.userId } : {}) } : undefined;
}

/** The chat's own session (checked by the dispatcher) is searched too, even if not indexed yet. */
function alsoSessions(session: StoredSession | undefined): string[] {
  return session ? [session.session.sessionKey] : [];
}

export function myDataView(data: PersonalData, personal: boolean, sessionKey: string | undefined): MyDataView {
  return {
    sessions: data.sessions.filter(holdsAnything).map((s) => ({
      ...(s.occurrence ? { occurrence: s.occurrence } : {}),
      ...(s.purpose ? { purpose: s.purpose } : {}),
      ...(s.consent ? { choices: choiceStates(s.consent.events), ...(s.consent.name ? { name: s.consent.name } : {}) } : {}),
      byFacilitator: s.consent?.events.some((e) => e.actorSubjectId !== e.subjectId) ?? false,
      seen: s.attendance.length > 0,
      answers: s.senseCheckAnswers.length,
      purposeAnswered: s.purposeAnswer !== undefined,
    })),
    personalChat: data.personalChat !== undefined,
    personal,
    ...(sessionKey ? { sessionKey } : {}),
  };
}

async function showCard(deps: ServiceDeps, turn: Turn, subject: DataSubject, session: StoredSession | undefined) {
  const data = await collectPersonalData(deps, subject, alsoSessions(session));
  deps.logger.info({ sessions: data.sessions.length, surface: turn.surface }, 'personal data shown');
  const personal = turn.surface === 'personal';
  // In a 1:1 chat buttons carry no session: there they would count as a facilitator's card.
  return myDataCard(myDataView(data, personal, personal ? undefined : session?.session.sessionKey));
}

export const myDataCapability: Capability = {
  commands: {
    'my data': {
      withoutSession: async ({ turn, session, deps }) => {
        const subject = subjectOf(turn);
        if (!subject) return say(myDataStrings.card.notIdentified);
        if (turn.surface !== 'personal') return { card: myDataPromptCard(session?.session.sessionKey) };
        return { card: await showCard(deps, turn, subject, undefined) };
      },
    },
  },
  verbs: {
    'myData.show': {
      withoutSession: async ({ turn, session, deps }) => {
        const subject = subjectOf(turn);
        if (!subject) return tellPresser(myDataStrings.card.notIdentified);
        return { kind: 'card', card: await showCard(deps, turn, subject, session) };
      },
    },
    'myData.export': {
      withoutSession: async ({ turn, session, deps }) => {
        const subject = subjectOf(turn);
        if (!subject) return tellPresser(myDataStrings.card.notIdentified);
        if (!deps.publicUrl) return { kind: 'card', card: downloadLinkCard(undefined, DOWNLOAD_MINUTES) };
        const code = await issueDownloadCode(deps, { ...subject, alsoSessions: alsoSessions(session) }, turn.now);
        deps.logger.info({ surface: turn.surface }, 'personal data download link made');
        return { kind: 'card', card: downloadLinkCard(downloadUrl(deps.publicUrl, code), DOWNLOAD_MINUTES) };
      },
    },
    'myData.erase': {
      withoutSession: async ({ turn, data, session, deps }) => {
        const subject = subjectOf(turn);
        if (!subject) return tellPresser(myDataStrings.card.notIdentified);
        const personal = turn.surface === 'personal';
        if (data.confirm !== 'yes') return { kind: 'card', card: eraseConfirmCard(personal ? undefined : session?.session.sessionKey) };
        const outcome = await eraseMyData(deps, subject, alsoSessions(session), personal ? 'personalChat' : 'card', turn.now);
        return { kind: 'card', card: erasedCard(outcome.sessions) };
      },
    },
  },
};
