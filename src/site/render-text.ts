import { findUrls } from '../listing/urls.ts';
import { readableParagraphs } from './paragraphs.ts';

// Turns a paper's raw abstract text into safe HTML. The text comes from scraped
// listings, so it is untrusted and is NOT Markdown: `$x$`, `\%`, `*` and `_` must show
// literally and any markup must show as text. Everything is escaped; the only markup
// we emit is <p> and anchors for http(s) URLs.

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for use in element content and in double- or single-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

/** True for a well-formed http(s) URL with a host: the only URLs we turn into links. */
export function isHttpUrl(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const parsed = new URL(url);
  return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname !== '';
}

// The same scanner that fills a paper's `urls`, so what is stored is what is linked.
function linkify(paragraph: string): string {
  let html = '';
  let cursor = 0;
  for (const { url, start, end } of findUrls(paragraph)) {
    if (!isHttpUrl(url)) continue;
    html += escapeHtml(paragraph.slice(cursor, start));
    html += `<a href="${escapeHtml(url)}" rel="noopener noreferrer">${escapeHtml(paragraph.slice(start, end))}</a>`;
    cursor = end;
  }
  return html + escapeHtml(paragraph.slice(cursor));
}

/** Paragraphs are separated by blank (or whitespace-only) lines, and long ones cut between sentences; empty input gives ''. */
export function renderTextAsHtml(text: string): string {
  return readableParagraphs(text)
    .map((paragraph) => `<p>${linkify(paragraph)}</p>`)
    .join('\n');
}

const ELLIPSIS = '…';

/**
 * Plain-text preview of at most `maxChars` characters (ellipsis included), cut at a
 * word boundary. Returns text, not HTML: let the template escape it.
 */
export function excerpt(text: string, maxChars: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= maxChars) return flat;
  if (maxChars < 1) return '';

  const budget = maxChars - ELLIPSIS.length;
  const lastSpace = flat.lastIndexOf(' ', budget);
  // One giant word: a hard cut beats returning nothing.
  let cut = lastSpace > 0 ? lastSpace : budget;
  // Never split a surrogate pair (emoji, rare CJK) in half.
  if (/[\uD800-\uDBFF]/.test(flat.charAt(cut - 1))) cut -= 1;
  const head = flat.slice(0, cut).replace(/[\s,;:.\-–—]+$/, '');
  return head + ELLIPSIS;
}
