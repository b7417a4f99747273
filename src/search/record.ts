/**
 * What the search index knows of a paper. Records go to Pagefind's Node API straight
 * from the collection, so the index needs no second pass over tens of thousands of
 * HTML files, and holds exactly the title and abstract (no navigation or page chrome).
 */
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

/**
 * @param topicNames display names of the paper's topics, most central first
 * @param url the paper page's path below the site's base (`papers/<slug>/`)
 */
export function searchRecord(paper: PaperView, topicNames: string[], url: string): SearchRecord {
  return {
    url,
    content: `${paper.title}.\n\n${paper.abstract}`,
    language: 'en',
    meta: { title: paper.title, date: resultDate(paper), topics: topicNames.join(', ') },
    filters: {
      topic: topicNames,
      year: [publicationYear(paper)],
      day: paper.days,
      ...(paper.org ? { organisation: [paper.org.name] } : {}),
      code: [paper.hasCode ? 'yes' : 'no'],
    },
    // No `sort`: the sort orders are files of their own (src/search/orders.ts).
  };
}
