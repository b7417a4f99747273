/**
 * `node scripts/build-search.ts [dist]`: the Pagefind index of the site in `<dist>/pagefind/`,
 * from the paper files (src/search/build-index.ts); shards whose papers did not change since
 * the last run into the same folder are left as they are. Started by scripts/build-site.ts, it
 * tells it, as soon as it knows, how many shards and papers it has to index and how much memory
 * it holds.
 */
import { join } from 'node:path';
import { BUILD_CACHE, env } from '../src/config.ts';
import { BrokenPaperFilesError } from '../src/papers/read.ts';
import { buildSearchIndex, type SearchIndexPlan, type SearchStepPlan } from '../src/search/build-index.ts';

const dist = process.argv[2] ?? 'dist';
try {
  const r = await buildSearchIndex({ papersDir: env.papersDir(), dist, maxFragments: env.maxFragments(), shardSize: env.searchShardSize(), papersCacheDir: BUILD_CACHE.papers, onPlan: tellParent });
  console.log(`search index: ${r.papers} papers in ${r.shards} shard(s) in ${join(dist, 'pagefind')}; ${r.rebuilt} shard(s) indexed, ${r.shards - r.rebuilt} unchanged`);
} catch (error) {
  // Broken paper files: the message names every one; a stack trace into the reader would bury it.
  if (!(error instanceof BrokenPaperFilesError)) throw error;
  console.error(`search index: ${error.message}`);
  process.exitCode = 1;
}

/**
 * The plan and the memory this process holds, to the build that started this step over its IPC
 * channel (none when run alone); the channel is let go once it is sent.
 */
function tellParent(plan: SearchIndexPlan): void {
  const message: SearchStepPlan = { ...plan, rssBytes: process.memoryUsage().rss };
  process.send?.(message, (error: Error | null) => {
    // A build that is gone has no channel left to let go.
    if (!error && process.connected) process.disconnect();
  });
}
