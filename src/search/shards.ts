/**
 * Which search shard each paper goes to. Pagefind keeps a whole index in memory while it
 * writes it (4 GB at 30,000 papers in one index, docs/performance.md), and adding a single
 * page changes most of an index's files, so the index is built in shards of a fixed number of
 * papers: memory is bounded by the shard size, and one more day changes few shards.
 *
 * Papers are ordered by the day they were first listed, then by slug, and cut into slices of
 * SHARD_SIZE: the papers of a new day sort after all others, so they land in the last shard
 * (or start a new one), and the older shards keep their papers. A shard changes only when
 * one of its papers does (a later listing adds a day or upvotes to it).
 */
import type { PaperView } from '../papers/view.ts';

/**
 * Papers per shard. Measured at 30,000 papers (docs/performance.md): the indexer's peak grows
 * with the shard, and every shard adds its entry, metadata and one index chunk per word to a
 * search.
 */
export const SHARD_SIZE = 8000;

type Shardable = Pick<PaperView, 'slug' | 'firstSeen'>;

const byFirstSeen = (a: Shardable, b: Shardable) => (a.firstSeen < b.firstSeen ? -1 : a.firstSeen > b.firstSeen ? 1 : a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);

/** The papers of each shard, first shard first; none for no papers. */
export function shardPapers<T extends Shardable>(papers: readonly T[], size: number = SHARD_SIZE): T[][] {
  const ordered = [...papers].sort(byFirstSeen);
  const shards: T[][] = [];
  for (let i = 0; i < ordered.length; i += size) shards.push(ordered.slice(i, i + size));
  return shards;
}

/**
 * How many of the newest shards the search page searches first: those holding at least half
 * a full shard's papers between them. The newest shard fills up day by day; while it is
 * nearly empty, the one before it is searched with it. A reader triaging new papers then
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
