/** The paper as pages see it: frontmatter plus the raw abstract and a few derived facts. */
import type { PaperFields } from './schema.ts';
import { arxivIdFromUrls } from '../listing/arxiv.ts';
import { findUrls } from '../listing/urls.ts';
import { excerpt } from '../utils/excerpt.ts';
import { removeUnsafeCharacters } from '../utils/safe-text.ts';

/** The frontmatter fields (topics as shown, whoever chose them) and what pages derive from them. */
export interface PaperView extends Omit<PaperFields, 'autoTopics'> {
  slug: string;
  /** The arXiv identifier: the paper file's, else the one arXiv paper the abstract links to; null if neither. */
  arxiv: string | null;
  /** Raw abstract text (paragraphs separated by blank lines); may be empty. */
  abstract: string;
  /** Capture date of the first listing the paper appeared in. */
  firstSeen: string;
  /** The date the paper is filed under: publication date, else first capture. */
  sortDate: string;
  hasCode: boolean;
  /** Capture days the paper appeared on, oldest first, each once. */
  days: string[];
  /** "Z.ai", "Ada Lovelace and Alan Turing", "Ada Lovelace and 4 others" or "5 authors": what the listings told; null if nothing. */
  byline: string | null;
  /** The start of the abstract for lists, computed once rather than on every list page. */
  summary: string;
}

// Hosts where a link in an abstract means "the code is out".
const CODE_HOSTS = /^https?:\/\/(?:www\.)?(?:github\.com|gitlab\.com|bitbucket\.org|codeberg\.org)\//i;

export function isCodeUrl(url: string): boolean {
  return CODE_HOSTS.test(url);
}

export interface PaperViewInput {
  slug: string;
  body: string;
  data: Omit<PaperView, 'slug' | 'abstract' | 'firstSeen' | 'sortDate' | 'hasCode' | 'days' | 'byline' | 'summary'>;
}

/** A paper file's title and body as pages show them: hand-edited files may hold text that cannot appear in XML or HTML, removed here. */
export function shownText(title: string, body: string): { title: string; body: string } {
  return { title: removeUnsafeCharacters(title), body: removeUnsafeCharacters(body) };
}

/** The capture date of a paper's first listing ('' for none): its `firstSeen`. */
export function firstListed(listings: ReadonlyArray<{ captureDate: string }>): string {
  return listings.reduce((min, l) => (l.captureDate < min ? l.captureDate : min), listings[0]?.captureDate ?? '');
}

export function toPaperView({ slug, body: rawBody, data: raw }: PaperViewInput): PaperView {
  const { title, body } = shownText(raw.title, rawBody);
  const data = { ...raw, title, org: raw.org ? { ...raw.org, name: removeUnsafeCharacters(raw.org.name) } : null };
  const firstSeen = firstListed(data.listings);
  return {
    ...data,
    slug,
    arxiv: data.arxiv ?? arxivIdFromUrls([...data.urls, ...findUrls(body).map((m) => m.url)]),
    abstract: body.trim(),
    firstSeen,
    sortDate: data.published ?? firstSeen,
    hasCode: data.urls.some(isCodeUrl) || Boolean(data.github && isCodeUrl(data.github)),
    days: [...new Set(data.listings.map((l) => l.captureDate))].sort(),
    summary: excerpt(body.trim(), 260),
    byline: byline(data),
  };
}

/** Who wrote or submitted it, short enough for a list: the organisation, else the first names, else the count. */
function byline(data: Pick<PaperFields, 'org' | 'authors' | 'authorsCount'>): string | null {
  if (data.org) return data.org.name;
  return authorsByline(data.authors ?? []) ?? (data.authorsCount !== null ? `${data.authorsCount} ${data.authorsCount === 1 ? 'author' : 'authors'}` : null);
}

/** The first names of a list of authors, as lists show them (search results too). */
export function authorsByline(names: readonly string[]): string | null {
  if (names.length === 1) return names[0]!;
  if (names.length === 2) return `${names[0]} and ${names[1]}`;
  if (names.length > 2) return `${names[0]} and ${names.length - 1} others`;
  return null;
}

type Sortable = Pick<PaperView, 'slug' | 'sortDate' | 'upvotes'>;

/** Newest first; ties: more upvotes first, then by slug, so every list and order file is stable from build to build. */
export function byNewest(a: Sortable, b: Sortable): number {
  return b.sortDate.localeCompare(a.sortDate) || (b.upvotes ?? 0) - (a.upvotes ?? 0) || a.slug.localeCompare(b.slug);
}

/**
 * Latest listed first (by the day a digest first listed the paper), then newest first. A list in
 * this order grows at its head only, however long ago a day's papers were published, so its pages
 * numbered from the oldest keep their papers (src/site/list-pages.ts); and a paper published years
 * ago that a digest lists today comes first, where a reader following the list sees it.
 */
export function byLatestListed(a: Sortable & Pick<PaperView, 'firstSeen'>, b: Sortable & Pick<PaperView, 'firstSeen'>): number {
  return b.firstSeen.localeCompare(a.firstSeen) || byNewest(a, b);
}
