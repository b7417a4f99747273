/**
 * What the search index knows of a paper. Records go to Pagefind's Node API straight
 * from the collection, so the index needs no second pass over tens of thousands of
 * HTML files, and holds exactly the title, the author names and the abstract (no navigation
 * or page chrome).
 *
 * The abstract is the content and the title is the `title` metadata: Pagefind (1.5 and
 * later) searches metadata too and ranks a title match 5× a match in the text, and its
 * excerpt then comes from the abstract alone, never repeating the title above it. Author
 * names are the `authors` metadata, so a search for a name finds the author's papers.
 * Every metadata value is searchable, so the record carries no more of it than a result
 * card must show (date, upvotes, authors); the topics and the badges come from the filters,
 * which are not searched.
 */
import slugify from '@sindresorhus/slugify';
import { paperDateText } from '../utils/format-date.ts';
import type { PaperView } from '../papers/view.ts';

export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/**
 * The search filters in the order the search page shows them: each name is the index's filter,
 * the page's URL parameter and its control; the label is what the page calls it.
 */
export const SEARCH_FILTERS = [
  { name: 'topic', label: 'Topic' },
  { name: 'year', label: 'Year' },
  { name: 'day', label: 'Digest day' },
  { name: 'organisation', label: 'Organisation' },
  { name: 'code', label: 'Has code', checkbox: true },
  { name: 'arxiv', label: 'Has arXiv id', checkbox: true },
] as const;
export type SearchFilter = (typeof SEARCH_FILTERS)[number]['name'];
/** The filters that are a yes-or-any checkbox rather than a list of choices. */
export type CheckboxFilter = Extract<(typeof SEARCH_FILTERS)[number], { checkbox: true }>['name'];

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

/** The `organisation` filter's value: the name as a slug, so URLs read `organisation=z-ai`. */
export function organisationSlug(name: string): string {
  return slugify(name, { decamelize: false }) || 'unnamed';
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
    meta: {
      title: paper.title,
      date: paperDateText(paper),
      ...(paper.upvotes !== null ? { upvotes: String(paper.upvotes) } : {}),
      ...(paper.authors && paper.authors.length > 0 ? { authors: paper.authors.join(', ') } : {}),
    },
    filters: {
      topic: paper.topics,
      year: [publicationYear(paper)],
      day: paper.days,
      ...(paper.org ? { organisation: [organisationSlug(paper.org.name)] } : {}),
      code: [paper.hasCode ? 'yes' : 'no'],
      arxiv: [paper.arxiv ? 'yes' : 'no'],
    } satisfies Partial<Record<SearchFilter, string[]>>,
    // No `sort`: the sort orders are files of their own (src/search/orders.ts).
  };
}
