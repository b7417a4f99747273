/** The choices of the search page's filters, with how many papers each one holds. */
import type { PaperView } from '../papers/view.ts';
import { publicationYear, UNKNOWN_YEAR, type CheckboxFilter, type SearchFilter } from './record.ts';
import type { TopicGroup } from '../analysis/topic-groups.ts';

export interface FilterOption {
  /** The value the search index holds (see record.ts). */
  value: string;
  label: string;
  count: number;
}

/** The filters chosen from a list (`code` and `arxiv` are checkboxes). */
export type ListFilter = Exclude<SearchFilter, CheckboxFilter>;

export function filterOptions(papers: PaperView[], topics: TopicGroup[]): Record<ListFilter, FilterOption[]> {
  const tally = (values: string[]) => {
    const counts = new Map<string, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    return counts;
  };
  const list = (counts: Map<string, number>, order: (a: string, b: string) => number) =>
    [...counts].sort(([a], [b]) => order(a, b)).map(([value, count]) => ({ value, label: value, count }));
  const newestFirst = (a: string, b: string) => b.localeCompare(a);
  return {
    // Topics in the taxonomy's order, by name (what the index holds).
    topic: topics.filter((t) => t.papers.length > 0).map((t) => ({ value: t.name, label: t.name, count: t.papers.length })),
    // Newest year first, papers of unknown date last.
    year: list(tally(papers.map(publicationYear)), (a, b) => Number(a === UNKNOWN_YEAR) - Number(b === UNKNOWN_YEAR) || newestFirst(a, b)).map((o) =>
      o.value === UNKNOWN_YEAR ? { ...o, label: 'Date unknown' } : o,
    ),
    day: list(tally(papers.flatMap((p) => p.days)), newestFirst),
    organisation: list(tally(papers.flatMap((p) => (p.org ? [p.org.name] : []))), (a, b) => a.localeCompare(b)),
  };
}
