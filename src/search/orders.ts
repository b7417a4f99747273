/**
 * The orders the search page can sort results by, other than relevance: newest first and most
 * upvoted first. Pagefind can sort by itself, but it keeps every sort order in the metadata
 * that each reader downloads before the first search: at 30,000 papers that is 135 KB of the
 * 455 KB a first search cost. So the index carries no sort, and each order is a file of its
 * own (build-index.ts), fetched only when a reader picks that order.
 *
 * Such a file lists Pagefind's result ids (`en_1a2b3c4`), one per line, first to last; the
 * search page ranks results by their line. `pagefind-entry.json` names the files under
 * `sorts`, so they change together with the index they belong to.
 */
import { byNewest, type PaperView } from '../papers/view.ts';

export const SEARCH_ORDERS = ['newest', 'upvotes'] as const;
export type SearchOrder = (typeof SEARCH_ORDERS)[number];

type Sortable = Pick<PaperView, 'slug' | 'sortDate' | 'upvotes'>;

const byUpvotes = (a: Sortable, b: Sortable) => (b.upvotes ?? 0) - (a.upvotes ?? 0) || byNewest(a, b);

/** Each order as paper slugs, first to last. Ties: newer first, then more upvotes, then slug, so the files are stable. */
export function searchOrders(papers: readonly Sortable[]): Record<SearchOrder, string[]> {
  return {
    newest: [...papers].sort(byNewest).map((p) => p.slug),
    upvotes: [...papers].sort(byUpvotes).map((p) => p.slug),
  };
}

/** The text of an order file: the ids, one per line. Papers missing from the index are left out. */
export function orderFile(slugs: readonly string[], idOfSlug: ReadonlyMap<string, string>): string {
  return slugs.flatMap((slug) => idOfSlug.get(slug) ?? []).join('\n');
}

/** The rank of each id in an order file's text: 0 for the first line. */
export function ranksOfOrderFile(text: string): Map<string, number> {
  return new Map(text.split('\n').filter(Boolean).map((id, rank) => [id, rank]));
}
