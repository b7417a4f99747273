/**
 * `pagefind/pagefind-entry.json`: the one fixed-name file of the search index. It is the first
 * shard's Pagefind entry (its metadata hash and WebAssembly per language), plus what
 * build-index.ts adds: the shards the search page merges, with the hash of what each was built
 * from, the sort-order files and the vocabulary. The search page and the service worker both
 * start from it.
 */
export const SEARCH_ENTRY = 'pagefind/pagefind-entry.json';

/** A Pagefind bundle's metadata file for a language's hash in its entry: what Pagefind loads before searching it. */
export function metaFile(hash: string): string {
  return `pagefind.${hash}.pf_meta`;
}

/** The folder of the shards, inside `pagefind/`: each shard a Pagefind bundle of its own. */
export const SEARCH_SHARDS = 'shards';

/** A shard's folder relative to `pagefind/`, with a trailing slash: `shards/0/`. */
export function shardPath(n: number): string {
  return `${SEARCH_SHARDS}/${n}/`;
}

export interface SearchShard {
  /** Relative to `pagefind/`, ending in `/`. */
  path: string;
  /** Of the records and settings it was built from (build-index.ts). */
  hash: string;
  /** How many papers it holds: the search page searches the newest shards first (client/search.ts). */
  papers: number;
}

export interface PagefindEntry {
  version: string;
  languages: Record<string, { hash: string; wasm?: string | null; page_count?: number }>;
  /** The index's shards, the first one holding Pagefind's code (build-index.ts). */
  shards?: SearchShard[];
  /** The sort-order files build-index.ts adds, relative to the bundle. */
  sorts?: Record<string, string>;
  /** The search vocabulary (vocabulary.ts), relative to the bundle. */
  vocabulary?: string;
}
