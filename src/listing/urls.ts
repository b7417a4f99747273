/**
 * Finds the links in listing text. Captured abstracts carry URLs in every state of
 * disrepair: glued to the word before (`ohttps://…`), followed by sentence punctuation,
 * LaTeX escapes (`Strip\_MLP`), arXiv's `{this https URL}` placeholder or a repeated copy
 * in braces. Both the URL list in a paper's frontmatter and the safe HTML renderer use
 * this one scanner, so what is stored and what is linked never disagree.
 */

/** One URL found in a text: the cleaned address and the span of the raw text it came from. */
export interface UrlMatch {
  /** Cleaned, absolute http(s) URL. */
  url: string;
  /** Offset of the first character of the raw match. */
  start: number;
  /** Offset one past the last character that belongs to the URL (debris excluded). */
  end: number;
}

// A scheme anywhere (even glued to a word), or a bare host we know hosts code or models.
const URL_START = /https?:\/\/|\b(?:(?:hf\.co|huggingface\.co|github\.com)\/|www\.)/gi;
// Characters that can never be part of a URL in running text.
const URL_STOP = /[\s<>"'`{}|\\^\u00a0\u3000]/;
// Sentence punctuation: at the end of a match it closes the sentence, not the URL.
const TRAILING_PUNCTUATION = `.,;:!?*'"`;

export function findUrls(text: string): UrlMatch[] {
  const matches: UrlMatch[] = [];
  URL_START.lastIndex = 0;
  for (let m = URL_START.exec(text); m !== null; m = URL_START.exec(text)) {
    const start = m.index;
    const end = scanEnd(text, start);
    const raw = text.slice(start, end);
    const trimmed = trimDebris(raw);
    URL_START.lastIndex = Math.max(end, start + 1);
    if (!isPlausible(trimmed)) continue;
    const url = cleanUrl(/^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
    matches.push({ url, start, end: start + trimmed.length });
  }
  return matches;
}

/** The distinct URLs of a text, in order of first appearance. */
export function uniqueUrls(text: string): string[] {
  return [...new Set(findUrls(text).map((m) => m.url))];
}

function scanEnd(text: string, start: number): number {
  let i = start;
  while (i < text.length) {
    const ch = text[i]!;
    // `\_` is a LaTeX escape of `_` inside a URL; any other backslash ends it.
    if (ch === '\\' && text[i + 1] === '_') {
      i += 2;
      continue;
    }
    if (URL_STOP.test(ch)) break;
    // A second scheme glued on (`…/a{https://…` was cut at `{`; `…/ahttps://…` is cut here).
    if (i > start + 8 && /^https?:\/\//i.test(text.slice(i, i + 8))) break;
    i++;
  }
  return i;
}

/**
 * Drops sentence punctuation and unmatched closing brackets from the end, one character
 * at a time from the right, with the bracket counts kept up to date: re-running a regex
 * or recounting brackets per character would be quadratic on hostile text such as a URL
 * followed by a megabyte of `.)`.
 */
function trimDebris(raw: string): string {
  const unmatched = { ')': count(raw, ')') - count(raw, '('), ']': count(raw, ']') - count(raw, '[') };
  let end = raw.length;
  while (end > 0) {
    const ch = raw[end - 1]!;
    if (TRAILING_PUNCTUATION.includes(ch)) end--;
    // A closing bracket belongs to the URL only when the URL opened it (Wikipedia-style paths).
    else if ((ch === ')' || ch === ']') && unmatched[ch] > 0) {
      unmatched[ch]--;
      end--;
    } else break;
  }
  return raw.slice(0, end);
}

function count(s: string, ch: string): number {
  return s.split(ch).length - 1;
}

function isPlausible(url: string): boolean {
  const rest = url.replace(/^https?:\/\//i, '');
  // Needs a host with a dot and something after it; `https://` alone or `https://x` is debris.
  return /^[^/?#]+\.[^/?#]+/.test(rest);
}

/** The URL as it should be stored and linked: LaTeX `\_` escapes undone. */
export function cleanUrl(url: string): string {
  return url.replace(/\\_/g, '_');
}
