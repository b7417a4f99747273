/**
 * The choices of the search page's filters, with how many papers each one holds: written into
 * the page at build time, so a first search loads no filter index. Each choice's value is what
 * the index holds and the URL carries (a slug: `topic=vision`, `organisation=z-ai`); its label
 * is what a reader reads.
 */
import type { PaperView } from '../papers/view.ts';
import type { TopicGroup } from '../analysis/topic-groups.ts';
import { organisationSlug, publicationYear, UNKNOWN_YEAR, type CheckboxFilter, type SearchFilter } from './record.ts';

export interface FilterOption {
  /** The value the search index holds (see record.ts). */
  value: string;
  label: string;
  count: number;
}

/** The filters chosen from a list (`code` and `arxiv` are checkboxes). */
export type ListFilter = Exclude<SearchFilter, CheckboxFilter>;

export function filterOptions(papers: PaperView[], topics: TopicGroup[]): Record<ListFilter, FilterOption[]> {
  const tally = (entries: Array<[value: string, label: string]>) => {
    const counts = new Map<string, FilterOption>();
    for (const [value, label] of entries) {
      const option = counts.get(value) ?? { value, label, count: 0 };
      option.count += 1;
      counts.set(value, option);
    }
    return [...counts.values()];
  };
  const newestFirst = (a: FilterOption, b: FilterOption) => b.value.localeCompare(a.value);
  const same = (v: string): [string, string] => [v, v];
  return {
    // Topics in the taxonomy's order.
    topic: topics.filter((t) => t.papers.length > 0).map((t) => ({ value: t.slug, label: t.name, count: t.papers.length })),
    // Newest year first, papers of unknown date last.
    year: tally(papers.map((p) => same(publicationYear(p))))
      .sort((a, b) => Number(a.value === UNKNOWN_YEAR) - Number(b.value === UNKNOWN_YEAR) || newestFirst(a, b))
      .map((o) => (o.value === UNKNOWN_YEAR ? { ...o, label: 'Date unknown' } : o)),
    day: tally(papers.flatMap((p) => p.days.map(same))).sort(newestFirst),
    // Two spellings of one organisation share a slug, and so one choice, named as first met.
    organisation: tally(papers.flatMap((p): Array<[string, string]> => (p.org ? [[organisationSlug(p.org.name), p.org.name]] : []))).sort((a, b) =>
      a.label.localeCompare(b.label),
    ),
  };
}
