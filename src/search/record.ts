/**
 * What the search index knows of a paper. Records go to Pagefind's Node API straight
 * from the collection, so the index needs no second pass over tens of thousands of
 * HTML files, and holds exactly the title and abstract (no navigation or page chrome).
 *
 * The abstract is the content and the title is the `title` metadata: Pagefind (1.5 and
 * later) searches metadata too and ranks a title match 5× a match in the text, and its
 * excerpt then comes from the abstract alone, never repeating the title above it.
 * Every metadata value is searchable, so the record carries no more of it than a result
 * card must show (date, upvotes); the topics and the code badge come from the filters,
 * which are not searched.
 */
import slugify from '@sindresorhus/slugify';
import { formatDay } from '../site/format-date.ts';
import type { PaperView } from '../papers/view.ts';

export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** Filter names, as the search page's URL parameters and controls use them. */
export const SEARCH_FILTERS = ['topic', 'year', 'day', 'organisation', 'code'] as const;
export type SearchFilter = (typeof SEARCH_FILTERS)[number];

/** The `year` filter's value for a paper whose publication date no listing gave. */
export const UNKNOWN_YEAR = 'unknown';

/**
 * The year a paper was published, for the `year` filter. Unlike the archive, which must put
 * every paper in some month, a filter can say "unknown": filing a 2021 paper first listed in
 * 2025 under 2025 would tell a searcher something false.
 */
export function publicationYear(paper: Pick<PaperView, 'published'>): string {
  return paper.published ? paper.published.slice(0, 4) : UNKNOWN_YEAR;
}

/** The date a result shows: the publication date, or plainly the day it was first listed. */
export function resultDate(paper: Pick<PaperView, 'published' | 'firstSeen'>): string {
  return paper.published ? formatDay(paper.published) : `first listed ${formatDay(paper.firstSeen)}`;
}

/** The `organisation` filter's value: the name as a slug, so URLs read `organisation=z-ai`. */
export function organisationSlug(name: string): string {
  return slugify(name) || 'unnamed';
}

/**
 * @param url the paper page's path below the site's base (`papers/<slug>/`)
 */
export function searchRecord(paper: PaperView, url: string): SearchRecord {
  return {
    url,
    // Pagefind refuses a record without content: a paper with no abstract is found by its title.
    content: paper.abstract || paper.title,
    language: 'en',
    meta: { title: paper.title, date: resultDate(paper), ...(paper.upvotes !== null ? { upvotes: String(paper.upvotes) } : {}) },
    filters: {
      topic: paper.topics,
      year: [publicationYear(paper)],
      day: paper.days,
      ...(paper.org ? { organisation: [organisationSlug(paper.org.name)] } : {}),
      code: [paper.hasCode ? 'yes' : 'no'],
    },
    // No `sort`: the sort orders are files of their own (src/search/orders.ts).
  };
}
