/**
 * The frame of our own web pages (withdrawal, "my data"): server-rendered HTML with no script, so
 * it works on any phone and under the strictest Content-Security-Policy. The one style sheet is
 * allowed by its hash. Everything dynamic goes through `escapeHtml`.
 */
import { createHash } from 'node:crypto';

const STYLE = [
  'html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:112.5%;line-height:1.5;color:#111;background:#fff}',
  'body{margin:0;padding:1rem}',
  'main{max-width:40rem;margin:0 auto}',
  'h1{font-size:1.6rem;line-height:1.25}h2{font-size:1.25rem;margin-top:2rem}h3{font-size:1.1rem}',
  'p,li{max-width:36rem}',
  'ul.choices{list-style:none;padding:0}ul.choices li{border:1px solid #555;border-radius:6px;padding:.75rem;margin:.5rem 0}',
  'form{margin:.75rem 0}',
  'button,input[type=submit]{font:inherit;min-height:44px;padding:.5rem 1rem;border:2px solid #0b3a6f;border-radius:6px;background:#0b3a6f;color:#fff;cursor:pointer}',
  'button.secondary{background:#fff;color:#0b3a6f}',
  'button.danger{background:#8a1111;border-color:#8a1111}',
  'input[type=text]{font:inherit;min-height:44px;padding:.25rem .5rem;border:2px solid #111;border-radius:6px;width:100%;max-width:30rem;box-sizing:border-box}',
  'label{display:block;font-weight:600;margin-bottom:.25rem}',
  ':focus-visible{outline:4px solid #111;outline-offset:3px;box-shadow:0 0 0 7px #ffd400}',
  '.status{border-left:6px solid #0b6b2e;background:#eef7f0;padding:.75rem}',
  '.quiet{color:#333}',
  '@media (forced-colors:active){button,input[type=submit]{border:2px solid ButtonText}:focus-visible{outline-color:Highlight}}',
].join('');

const STYLE_HASH = createHash('sha256').update(STYLE, 'utf8').digest('base64');

/** No scripts, no images, no frames, forms only to ourselves. */
export const PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${STYLE_HASH}'`,
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

export function htmlPage(title: string, main: string): string {
  return [
    '<!doctype html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex, nofollow">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(title)} - Coproduce</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<main>\n<h1>${escapeHtml(title)}</h1>\n${main}\n</main>`,
    '</body>',
    '</html>',
  ].join('\n');
}

export function paragraph(text: string, className?: string): string {
  return `<p${className ? ` class="${className}"` : ''}>${escapeHtml(text)}</p>`;
}

export function list(items: readonly string[]): string {
  return `<ul>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
}

export type ButtonStyle = 'primary' | 'secondary' | 'danger';

/**
 * A form that posts the personal code back in a hidden field. Forms, never links, change
 * anything: crawlers and link previews follow links, they do not submit forms.
 */
export function postForm(action: string, code: string, button: string, fields: Readonly<Record<string, string>> = {}, style: ButtonStyle = 'primary'): string {
  const hidden = Object.entries({ code, ...fields })
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('');
  const className = style === 'primary' ? '' : ` class="${style}"`;
  return `<form method="post" action="${escapeHtml(action)}">${hidden}<button type="submit"${className}>${escapeHtml(button)}</button></form>`;
}

/** `YYYY-MM-DD` as "26 November 2026"; undefined for anything else. */
export function dateInWords(occurrence: string | undefined): string | undefined {
  if (!occurrence || !/^\d{4}-\d{2}-\d{2}$/.test(occurrence)) return undefined;
  const date = new Date(`${occurrence}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return undefined;
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** An ISO time as "26 November 2026"; undefined when unreadable. */
export function dayOf(iso: string | undefined): string | undefined {
  return iso ? dateInWords(iso.slice(0, 10)) : undefined;
}
