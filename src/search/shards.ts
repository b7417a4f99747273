/**
 * Which search shard each paper goes to. Pagefind keeps a whole index in memory while it
 * writes it (4 GB at 30,000 papers in one index, docs/performance.md), and adding a single
 * page changes most of an index's files, so the index is built in shards of at most a fixed
 * number of papers: memory is bounded by the shard size, and one more day changes few shards.
 *
 * Papers are ordered by the day they were first listed, then by slug, and cut into full shards
 * of SHARD_SIZE: the papers of a new day sort after all others, so the full shards keep their
 * papers. The papers after the last full shard are cut into smaller shards, each half the one
 * before (4,000, 2,000, 1,000 and 500 papers of a full 8,000), then one of the rest, like the
 * digits of a binary number: one more day changes the last shard, and every few days a run of
 * the small ones becomes one larger shard. A rebuild then indexes a few hundred papers on most
 * days instead of, on average, half a full shard; a shard's papers change otherwise only when one
 * of them does (a later listing adds a day or upvotes to it). An archive smaller than a full
 * shard is one shard.
 */
import type { PaperView } from '../papers/view.ts';

/**
 * Papers per full shard. Measured at 30,000 papers (docs/performance.md): the indexer's peak grows
 * with the shard, and every shard adds its entry, metadata and one index chunk per word to a
 * search.
 */
export const SHARD_SIZE = 8000;
/** The smaller shards after the full ones: halves of a full shard down to a sixteenth. */
const HALVINGS = 4;

type Shardable = Pick<PaperView, 'slug' | 'firstSeen'>;

const byFirstSeen = (a: Shardable, b: Shardable) => (a.firstSeen < b.firstSeen ? -1 : a.firstSeen > b.firstSeen ? 1 : a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);

/** The papers of each shard, first shard first; none for no papers. */
export function shardPapers<T extends Shardable>(papers: readonly T[], shardSize: number = SHARD_SIZE): T[][] {
  // A size from the environment that is not a whole number of papers would cut no shard at all.
  const size = Number.isFinite(shardSize) && shardSize >= 1 ? Math.floor(shardSize) : SHARD_SIZE;
  const ordered = [...papers].sort(byFirstSeen);
  const shards: T[][] = [];
  let start = 0;
  const cut = (count: number) => {
    shards.push(ordered.slice(start, start + count));
    start += count;
  };
  while (ordered.length - start >= size) cut(size);
  // An archive smaller than a full shard stays one: a word is then searched in one index, where
  // Pagefind finds it as typed (merged with shards that lack it, it also matches shorter words
  // there, and a rare word's search is no longer few enough to suggest a commoner one).
  const halve = start > 0;
  for (let k = 1; halve && k <= HALVINGS; k++) {
    const smaller = Math.floor(size / 2 ** k);
    if (smaller >= 1 && ordered.length - start >= smaller) cut(smaller);
  }
  if (start < ordered.length) cut(ordered.length - start);
  return shards;
}

/**
 * How many of the newest shards the search page searches first: those holding at least half
 * as many papers as the largest shard between them. The newest shards are the small ones, and
 * the last fills up day by day, so as many are searched together as make up that half. A reader triaging new papers then
 * loads the metadata of a fraction of the archive (Pagefind's metadata grows with every
 * paper: about 7 bytes each, docs/performance.md), and a search that finds too little there
 * is widened to all shards (client/search.ts).
 */
export function newestShardsToSearch(shards: ReadonlyArray<{ papers?: number }>): number {
  // An entry from before shards counted their papers (a cached copy after a deploy): all of them.
  if (!shards.every((s): s is { papers: number } => Number.isInteger(s.papers))) return shards.length;
  const full = Math.max(0, ...shards.map((s) => s.papers));
  let held = 0;
  let count = 0;
  while (count < shards.length && held * 2 < full) held += shards[shards.length - ++count]!.papers!;
  return Math.max(count, Math.min(1, shards.length));
}
