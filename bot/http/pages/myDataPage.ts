/**
 * "What Coproduce keeps about you" on the withdrawal page: the same read model as the card and
 * the download, every value escaped, followed by what we cannot find or delete, and the forms to
 * download or delete it all.
 */
import { CONSENT_SCOPES } from '../../core/consentScopes';
import { holdsAnything, isEmpty, type PersonalData, type SessionData } from '../../core/personalExport';
import { choiceStates } from '../../core/withdrawalChoices';
import { myDataStrings, fillIn } from '../../cards/strings/myData.en-GB';
import { dateInWords, dayOf, escapeHtml, htmlPage, list, paragraph, postForm } from './layout';

const text = myDataStrings.page;
const card = myDataStrings.card;

function sessionSection(session: SessionData): string {
  const date = dateInWords(session.occurrence);
  const parts = [`<h2>${escapeHtml(date ? fillIn(card.session, { date }) : card.sessionNoDate)}</h2>`];
  if (session.purpose) parts.push(`<p>${escapeHtml(text.about)} <q>${escapeHtml(session.purpose)}</q></p>`);
  if (session.consent) {
    parts.push(`<h3>${escapeHtml(card.consent)}</h3>`);
    if (session.consent.name) parts.push(`<p>${escapeHtml(text.namedAs)} ${escapeHtml(session.consent.name)}</p>`);
    const states = choiceStates(session.consent.events);
    parts.push(list(CONSENT_SCOPES.map((scope) => `${myDataStrings.scopes[scope]}: ${myDataStrings.choice[states[scope]]}`)));
    if (session.consent.events.some((e) => e.actorSubjectId !== e.subjectId)) parts.push(paragraph(card.consentByFacilitator));
  }
  const first = session.attendance.map((a) => a.firstSeenAt).sort()[0];
  if (first) {
    const day = dayOf(first);
    parts.push(paragraph(day ? fillIn(text.seen, { date: day }) : card.attendance));
  }
  if (session.senseCheckAnswers.length > 0) {
    parts.push(`<h3>${escapeHtml(fillIn(text.answers, { count: session.senseCheckAnswers.length }))}</h3>`);
    const items = session.senseCheckAnswers.map((a) => {
      const missed = a.missed ? `<br>${escapeHtml(myDataStrings.missedLabel)} ${escapeHtml(a.missed)}` : '';
      return `<li><q>${escapeHtml(a.statement)}</q><br>${escapeHtml(myDataStrings.youSaid)} ${escapeHtml(myDataStrings.levels[a.level])}${missed}</li>`;
    });
    parts.push(`<ul>${items.join('')}</ul>`);
  }
  if (session.purposeAnswer) {
    const reason = session.purposeAnswer.reason ? `<br>${escapeHtml(myDataStrings.reasonLabel)} ${escapeHtml(session.purposeAnswer.reason)}` : '';
    parts.push(`<h3>${escapeHtml(text.purposeAnswer)}</h3><p>${escapeHtml(myDataStrings.verdicts[session.purposeAnswer.verdict])}${reason}</p>`);
  }
  return parts.join('\n');
}

export function myDataPage(code: string, data: PersonalData): string {
  const parts: string[] = [paragraph(text.private)];
  if (isEmpty(data)) parts.push(paragraph(card.nothing));
  for (const session of data.sessions.filter(holdsAnything)) parts.push(sessionSection(session));
  if (data.personalChat) parts.push(paragraph(card.personalChat));
  parts.push(`<h2>${escapeHtml(card.notFound)}</h2>`, list(myDataStrings.cannotReach));
  parts.push(`<h2>${escapeHtml(text.dataHeading)}</h2>`);
  parts.push(postForm('/my-data/export', code, text.downloadButton));
  parts.push(postForm('/my-data/erase', code, card.eraseButton, {}, 'danger'));
  parts.push(backToChoices(code));
  return htmlPage(card.title, parts.join('\n'));
}

/** Back to the choices: reading only, so a plain GET with the code, like the link itself. */
export function backToChoices(code: string): string {
  return `<form method="get" action="/withdraw"><input type="hidden" name="code" value="${escapeHtml(code)}"><button type="submit" class="secondary">${escapeHtml(text.backButton)}</button></form>`;
}

export function eraseConfirmPage(code: string): string {
  const e = myDataStrings.erase;
  const parts = [
    paragraph(e.confirmBody),
    paragraph(e.confirmWithdraw),
    paragraph(e.confirmKeep),
    postForm('/my-data/erase', code, e.confirmButton, { confirm: 'yes' }, 'danger'),
    postForm('/my-data', code, e.cancelButton, {}, 'secondary'),
  ];
  return htmlPage(e.confirmTitle, parts.join('\n'));
}

export function erasedPage(sessions: number): string {
  const e = myDataStrings.erase;
  const parts = [
    `<div class="status" role="status">${paragraph(sessions > 0 ? fillIn(e.doneSessions, { count: sessions }) : e.doneNothing)}</div>`,
    paragraph(e.doneLink),
    `<h2>${escapeHtml(e.limitsTitle)}</h2>`,
    list(myDataStrings.cannotReach),
  ];
  return htmlPage(e.doneTitle, parts.join('\n'));
}
