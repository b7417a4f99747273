/**
 * Long lists (a topic's papers, a month's) in pages numbered from the oldest, so that a page
 * keeps its papers as the list grows. Numbered from the newest, as Astro's `paginate()` numbers
 * them, one new paper moves every paper one place and changes every page of its list: at 30,000
 * papers one more day re-rendered 1,748 of 1,754 topic pages and 450 archive pages, every build.
 *
 * The list's own address shows its newest papers: the last full page's worth and the ones after
 * it (between `size` and `2 × size − 1` papers). Page 1 holds the oldest `size` papers, page 2 the
 * next, and so on, up to the page just older than the newest: one more paper changes the
 * newest page only, and once in `size` papers the newest page gives a full page away to a new
 * number. Each paper is numbered by its place from the oldest, which stays as it is too.
 */

export interface ListPage<T> {
  /** 1 for the oldest page; null for the newest, at the list's own address. */
  number: number | null;
  /** The page's items, newest first. */
  items: T[];
  /** The place from the oldest of the page's first (newest) item: the list counts down from it. */
  first: number;
  /** The next newer page's number (null: the newest page); undefined on the newest page itself. */
  newer?: number | null;
  /** The next older page's number; undefined on the oldest page. */
  older?: number;
}

/** How a list is ordered, in words: its oldest end, and its order. */
export interface ListOrderWords {
  oldest: string;
  newestFirst: string;
}

export const BY_PUBLICATION: ListOrderWords = { oldest: 'oldest', newestFirst: 'newest first' };
export const BY_LISTING: ListOrderWords = { oldest: 'first listed', newestFirst: 'latest listed first' };

/** What an older page holds, in words: "The topic's 25 oldest papers, newest first", "Papers 26 to 50 of the topic, counted from its oldest, newest first". */
export function olderPapersNote(page: Pick<ListPage<unknown>, 'items' | 'first'>, list: string, words: ListOrderWords = BY_PUBLICATION): string {
  const from = page.first - page.items.length + 1;
  return from === 1
    ? `The ${list}'s ${page.items.length} ${words.oldest} papers, ${words.newestFirst}`
    : `Papers ${from} to ${page.first} of the ${list}, counted from its ${words.oldest}, ${words.newestFirst}`;
}

/** Splits a list given newest first into pages numbered from the oldest. */
export function pagesFromOldest<T>(newestFirst: readonly T[], size: number): Array<ListPage<T>> {
  const total = newestFirst.length;
  const numbered = Math.max(0, Math.floor(total / size) - 1);
  // The item at place p from the oldest (1-based) is at index total - p newest first.
  const slice = (fromPlace: number, toPlace: number) => newestFirst.slice(total - toPlace, total - fromPlace + 1);
  const pages: Array<ListPage<T>> = [];
  for (let n = 1; n <= numbered; n++) {
    pages.push({ number: n, items: slice((n - 1) * size + 1, n * size), first: n * size, newer: n < numbered ? n + 1 : null, ...(n > 1 && { older: n - 1 }) });
  }
  pages.push({ number: null, items: slice(numbered * size + 1, total), first: total, ...(numbered > 0 && { older: numbered }) });
  return pages;
}
