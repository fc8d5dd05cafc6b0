/**
 * The lint's rules for text. TextBlock text and fact titles/values are markdown; our catalogue
 * strings never hold links, web addresses or `{{…}}`, so when one appears there it can only be
 * someone's words, which belong in a RichTextBlock (plainText) instead.
 */

const MARKDOWN_LINK = /(?:^|[^\\])!?\[[^\]]*\]\(/;
const WEB_ADDRESS = /\b(?:https?:\/\/|www\.|mailto:)/i;
const RFC3339 = String.raw`\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2})`;
const TIME_OR_DATE = new RegExp(String.raw`\{\{(?:TIME\(${RFC3339}\)|DATE\(${RFC3339}(?:, ?(?:COMPACT|SHORT|LONG))?\))\}\}`, 'g');

/** Text a renderer reads as markdown: only our own sentences belong here. */
export function lintMarkdownText(text: unknown, at: string, out: string[]): void {
  if (typeof text !== 'string') {
    out.push(`${at}: must be a string.`);
    return;
  }
  if (MARKDOWN_LINK.test(text)) out.push(`${at}: has a markdown link; show people's words with plainText(), not in markdown.`);
  if (WEB_ADDRESS.test(text)) {
    out.push(`${at}: has a web address, which Teams turns into a link; use plainText() or an Action.OpenUrl button.`);
  }
  lintMacros(text, at, out);
}

/** Teams shows a malformed `{{…}}` to people as it is, so only well-formed TIME/DATE may appear. */
export function lintMacros(text: string, at: string, out: string[]): void {
  if (text.replace(TIME_OR_DATE, '').includes('{{')) {
    out.push(`${at}: has a {{…}} that is not a well-formed TIME or DATE in UTC without milliseconds.`);
  }
}
