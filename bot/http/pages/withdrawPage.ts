/**
 * The withdrawal page: one person's own choices for one session (scope names and their answer,
 * nothing about anyone else), a "Withdraw" button for each thing they agreed to, "Withdraw
 * everything", and the way to their data. Every button is a form that posts the code back.
 */
import { CONSENT_SCOPES } from '../../core/consentScopes';
import { myDataStrings, fillIn } from '../../cards/strings/myData.en-GB';
import type { ChoicesView, WithdrawNotice } from '../../services/consentPage';
import { dateInWords, escapeHtml, htmlPage, paragraph, postForm } from './layout';

const text = myDataStrings.page;

function noticeText(notice: WithdrawNotice): string {
  if (notice.kind === 'unchanged') return text.unchanged;
  if (notice.kind === 'declined') return text.declined;
  return fillIn(text.withdrawn, { scopes: notice.scopes.map((s) => myDataStrings.scopes[s]).join(', ') });
}

export function withdrawPage(view: ChoicesView, notice?: WithdrawNotice): string {
  const date = dateInWords(view.occurrence);
  const parts: string[] = [];
  if (notice) parts.push(`<div class="status" role="status"><p>${escapeHtml(noticeText(notice))}</p></div>`);
  parts.push(paragraph(date ? fillIn(text.intro, { date }) : text.introNoDate));
  if (view.purpose) parts.push(`<p>${escapeHtml(text.about)} <q>${escapeHtml(view.purpose)}</q></p>`);
  parts.push(paragraph(text.private), paragraph(text.changeMind));

  parts.push(`<h2>${escapeHtml(text.choicesHeading)}</h2>`, '<ul class="choices">');
  for (const scope of CONSENT_SCOPES) {
    const state = view.states[scope];
    const name = myDataStrings.scopes[scope];
    const button = state === 'agree' ? postForm('/withdraw', view.code, fillIn(text.withdrawOne, { scope: name }), { scope }) : '';
    parts.push(`<li><h3>${escapeHtml(name)}</h3>${paragraph(myDataStrings.choice[state])}${button}</li>`);
  }
  parts.push('</ul>');
  const anythingLeft = CONSENT_SCOPES.some((scope) => view.states[scope] !== 'notNow');
  parts.push(anythingLeft ? postForm('/withdraw', view.code, text.withdrawAll, { scope: 'all' }) : paragraph(text.nothingToWithdraw));
  parts.push(paragraph(text.afterwards, 'quiet'));

  parts.push(`<h2>${escapeHtml(text.dataHeading)}</h2>`, paragraph(text.dataBody), postForm('/my-data', view.code, text.dataButton, {}, 'secondary'));
  return htmlPage(text.title, parts.join('\n'));
}
