/**
 * `pagefind/pagefind-entry.json`: the one fixed-name file of the search index. It names the
 * current index (its metadata hash and WebAssembly per language) and, added by build-index.ts,
 * the sort-order files and the vocabulary. The search page and the service worker both start
 * from it.
 */
export const SEARCH_ENTRY = 'pagefind/pagefind-entry.json';

export interface PagefindEntry {
  version: string;
  languages: Record<string, { hash: string; wasm?: string | null; page_count?: number }>;
  /** The sort-order files build-index.ts adds, relative to the bundle. */
  sorts?: Record<string, string>;
  /** The search vocabulary (vocabulary.ts), relative to the bundle. */
  vocabulary?: string;
}
