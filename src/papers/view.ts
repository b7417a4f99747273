/** The paper as pages see it: frontmatter plus the raw abstract and a few derived facts. */
import type { PaperFields, SiteFields } from './schema.ts';
import { arxivIdFromUrls } from './arxiv.ts';
import { findUrls } from '../listing/urls.ts';
import { excerpt } from '../utils/excerpt.ts';

/** The frontmatter fields (topics as shown, whoever chose them) and what pages derive from them. */
export interface PaperView extends Omit<PaperFields, 'autoTopics'> {
  slug: string;
  /** The arXiv id: the paper file's `arxiv` key, else the one paper its abstract links to on arXiv; null if unknown. */
  arxivId: string | null;
  /** Authors by name, in order, where the paper file names them; null if it does not. */
  authors: string[] | null;
  /** Raw abstract text (paragraphs separated by blank lines); may be empty. */
  abstract: string;
  /** Capture date of the first listing the paper appeared in. */
  firstSeen: string;
  /** The date the paper is filed under: publication date, else first capture. */
  sortDate: string;
  hasCode: boolean;
  /** Capture days the paper appeared on, oldest first, each once. */
  days: string[];
  /** "Z.ai" or "5 authors", whichever the listings told; null if neither (names, where known, are in `authors`). */
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
  data: Omit<PaperFields, 'autoTopics'> & Partial<SiteFields>;
}

export function toPaperView({ slug, body, data }: PaperViewInput): PaperView {
  const firstSeen = data.listings.reduce((min, l) => (l.captureDate < min ? l.captureDate : min), data.listings[0]?.captureDate ?? '');
  const { arxiv = null, authors = null, ...fields } = data;
  return {
    ...fields,
    slug,
    arxivId: arxiv ?? arxivIdFromUrls([...data.urls, ...findUrls(body).map((m) => m.url)]),
    authors: authors && authors.length > 0 ? authors : null,
    abstract: body.trim(),
    firstSeen,
    sortDate: data.published ?? firstSeen,
    hasCode: data.urls.some(isCodeUrl),
    days: [...new Set(data.listings.map((l) => l.captureDate))].sort(),
    summary: excerpt(body.trim(), 260),
    byline: data.org ? data.org.name : data.authorsCount !== null ? `${data.authorsCount} ${data.authorsCount === 1 ? 'author' : 'authors'}` : null,
  };
}

type Sortable = Pick<PaperView, 'slug' | 'sortDate' | 'upvotes'>;

/** Newest first; ties: more upvotes first, then by slug, so every list and order file is stable from build to build. */
export function byNewest(a: Sortable, b: Sortable): number {
  return b.sortDate.localeCompare(a.sortDate) || (b.upvotes ?? 0) - (a.upvotes ?? 0) || a.slug.localeCompare(b.slug);
}
