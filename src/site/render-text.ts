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
