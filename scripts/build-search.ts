/**
 * `node scripts/build-search.ts [dist]`: the Pagefind index of the site in `<dist>/pagefind/`,
 * from the paper files (src/search/build-index.ts); shards whose papers did not change since
 * the last run into the same folder are left as they are. Started by scripts/build-site.ts, it
 * tells it, as soon as it knows, how many shards and papers it has to index and how much memory
 * it holds, and indexes them or leaves them for a later run, as the build answers.
 */
import { join } from 'node:path';
import { BUILD_CACHE, env } from '../src/config.ts';
import { BrokenPaperFilesError } from '../src/papers/read.ts';
import { buildSearchIndex, type SearchIndexPlan, type SearchStepAnswer, type SearchStepPlan } from '../src/search/build-index.ts';

const dist = process.argv[2] ?? 'dist';
try {
  const r = await buildSearchIndex({ papersDir: env.papersDir(), dist, maxFragments: env.maxFragments(), shardSize: env.searchShardSize(), papersCacheDir: BUILD_CACHE.papers, onPlan: askParent });
  if (!r.deferred) console.log(`search index: ${r.papers} papers in ${r.shards} shard(s) in ${join(dist, 'pagefind')}; ${r.rebuilt} shard(s) indexed, ${r.shards - r.rebuilt} unchanged`);
} catch (error) {
  // Broken paper files: the message names every one; a stack trace into the reader would bury it.
  if (!(error instanceof BrokenPaperFilesError)) throw error;
  console.error(`search index: ${error.message}`);
  process.exitCode = 1;
}

/**
 * The plan and the memory this process holds, to the build that started this step over its IPC
 * channel, and its answer: index now (true), or leave it for a later run. Run alone, with no
 * channel, or when the build is gone before it answers, the step indexes. The channel is let go
 * once answered.
 */
function askParent(plan: SearchIndexPlan): Promise<boolean> {
  if (!process.send) return Promise.resolve(true);
  const message: SearchStepPlan = { ...plan, rssBytes: process.memoryUsage().rss };
  return new Promise((resolve) => {
    const answered = (indexNow: boolean) => {
      resolve(indexNow);
      if (process.connected) process.disconnect();
    };
    process.once('message', (answer: SearchStepAnswer) => answered(answer.indexNow));
    process.once('disconnect', () => resolve(true));
    process.send!(message, (error: Error | null) => {
      if (error) answered(true);
    });
  });
}
