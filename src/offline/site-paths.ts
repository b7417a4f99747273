/**
 * How the service worker treats each address of the site, decided from the path alone
 * (relative to the site's base, without the query string), so the build step that lists
 * the offline files and the worker that serves them agree on what is what.
 */

import { SEARCH_ENTRY } from '../search/entry.ts';

export type Route =
  /** A page (navigation): network first, kept once seen, the saved copy when offline. */
  | 'page'
  /** Named by its content hash (Astro's `_astro/` assets, Pagefind's chunks and metadata): a copy never goes stale. */
  | 'immutable'
  /** `pagefind/pagefind-entry.json`: the one fixed-name file that says which index is current. */
  | 'search-entry'
  /** Pagefind's fixed-name code (`pagefind.js`, its worker, the WebAssembly): tied to the Pagefind version. */
  | 'search-runtime'
  /** Anything else (favicon, feeds, sitemap): network, else a cached copy if there is one. */
  | 'other';

export function routeOf(path: string, isNavigation: boolean): Route {
  if (isNavigation) return 'page';
  if (path === SEARCH_ENTRY || SHARD_ENTRY.test(path)) return 'search-entry';
  if (isImmutable(path)) return 'immutable';
  if (isSearchRuntime(path)) return 'search-runtime';
  return 'other';
}

// A shard of the index (src/search/shards.ts) is a Pagefind bundle in `pagefind/shards/<n>/`.
const SHARD = String.raw`(?:shards\/\d+\/)?`;
const SHARD_ENTRY = /^pagefind\/shards\/\d+\/pagefind-entry\.json$/;
const SHARD_META = new RegExp(String.raw`^pagefind\/${SHARD}pagefind\.[^/]+\.pf_meta$`);

export function isImmutable(path: string): boolean {
  return /^_astro\/[^/]+$/.test(path) || isSearchChunk(path) || SHARD_META.test(path);
}

/** Index, fragment and filter chunks, the sort orders and the vocabulary: the bulk of the index, loaded as searches need them. */
export function isSearchChunk(path: string): boolean {
  return new RegExp(String.raw`^pagefind\/(?:${SHARD}(index|fragment|filter)|sort|vocabulary)\/[^/]+$`).test(path);
}

/** A shard's entry and metadata: what the search page loads of a shard before searching it. */
export function isSearchShardStart(path: string): boolean {
  return SHARD_ENTRY.test(path) || SHARD_META.test(path);
}

export function isSearchRuntime(path: string): boolean {
  return new RegExp(String.raw`^pagefind\/${SHARD}(pagefind\.js|pagefind-worker\.js|wasm\.[^/]+\.pagefind)$`).test(path);
}

/** A paper's page (`papers/<slug>/`): what a reader's saved papers ask the worker to keep. */
export function isPaperPage(path: string): boolean {
  return /^papers\/[a-z0-9]+(?:-[a-z0-9]+)*\/$/.test(path);
}

/** The address (relative to the base) a built file is served at: `papers/x/index.html` → `papers/x/`. */
export function urlPathOfFile(file: string): string {
  return file === 'index.html' ? '' : file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
}

/** Astro's hashed assets a page links to (`…/_astro/Base.x1.css`), as paths relative to the base. */
export function assetsOfPage(html: string): string[] {
  return [...new Set([...html.matchAll(/\/(_astro\/[\w.~-]+)/g)].map((m) => m[1]!))];
}
