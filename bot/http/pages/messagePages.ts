/**
 * Short pages that say one thing: a link that does not work (always the same words, whatever was
 * wrong with it, so the page reveals nothing), the form for typing a code, and the limits.
 */
import { myDataStrings, fillIn } from '../../cards/strings/myData.en-GB';
import { DOWNLOAD_MINUTES } from '../../services/myDataDownloads';
import { escapeHtml, htmlPage, paragraph } from './layout';

const text = myDataStrings.page;

/** A form for people who were given a code (read out, printed) rather than a link. Reading only. */
function codeForm(): string {
  return [
    '<form method="get" action="/withdraw">',
    `<label for="code">${escapeHtml(text.codeLabel)}</label>`,
    `<p class="quiet" id="code-hint">${escapeHtml(text.codeHint)}</p>`,
    '<input type="text" id="code" name="code" autocomplete="off" autocapitalize="none" spellcheck="false" aria-describedby="code-hint">',
    `<p><button type="submit">${escapeHtml(text.codeButton)}</button></p>`,
    '</form>',
  ].join('\n');
}

export function linkNotWorkingPage(): string {
  return htmlPage(text.notWorkingTitle, [paragraph(text.notWorking), paragraph(text.notWorkingHelp), codeForm()].join('\n'));
}

export function codeEntryPage(): string {
  return htmlPage(text.title, [paragraph(text.changeMind), codeForm()].join('\n'));
}

export function downloadGonePage(): string {
  return htmlPage(text.downloadGoneTitle, paragraph(fillIn(text.downloadGone, { minutes: DOWNLOAD_MINUTES })));
}

export function tooManyPage(): string {
  return htmlPage(text.tooManyTitle, paragraph(text.tooMany));
}

export function tooLargePage(): string {
  return htmlPage(text.tooLargeTitle, paragraph(text.tooLarge));
}

export function errorPage(): string {
  return htmlPage(text.errorTitle, paragraph(text.error));
}
