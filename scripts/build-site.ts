/**
 * `node scripts/build-site.ts [--out-dir DIR]`: the site in `dist/` (or DIR): the search index
 * (scripts/build-search.ts) and `astro build`, which works every paper's related papers out in a
 * worker thread as it starts (src/analysis/related-ahead.ts), then the offline manifest and
 * service worker, which need both. The index and the site need nothing from each other, but
 * their memory peaks add up when they run side by side (at 30,000 papers 3.5 GB instead of
 * 2.2 GB when the whole index is built, docs/performance.md). The search step says first how
 * many papers it will index: a few (a day added to an indexed archive), and `astro build`
 * starts beside it on the other core; many (a first build), and `astro build` waits for it.
 * PARALLEL_BUILD=1 runs them side by side whatever the search step indexes.
 *
 * A rebuild does only what changed. Astro builds incrementally (astro.config.mjs): a page whose
 * cache key did not change is left in `dist/` as it was, and files the build no longer makes
 * are removed here (src/site/built-pages.ts); a folder that is not the last build's output is
 * emptied first, so that build starts clean. The search index is built in shards in a cache
 * folder that outlives `dist/` (`node_modules/.cache/paper-digest-search/`), where unchanged
 * shards stay from one build to the next, and mirrored into `dist/pagefind/` by hard links
 * (src/utils/mirror-folder.ts) as soon as it is done: an unchanged shard's files are not touched.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { setPriority } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { BUILD_CACHE, env, siteUrlNotice } from '../src/config.ts';
import type { SearchPlan } from '../src/search/build-index.ts';
import { SEARCH_ENTRY } from '../src/search/entry.ts';
import { SHARD_SIZE } from '../src/search/shards.ts';
import { mirrorFolder } from '../src/utils/mirror-folder.ts';
import { builtPages, fileStates, forgetLastBuild, isLastBuildOutput, recordLastBuild, removeStaleFiles } from '../src/site/built-pages.ts';
import { MANIFEST_PATH } from '../src/offline/manifest.ts';

const opts = new Command('build-site').option('--out-dir <dir>', 'where the site is written', 'dist').parse().opts<{ outDir: string }>();
const dist = opts.outDir;
const searchCache = BUILD_CACHE.search;
mkdirSync(searchCache, { recursive: true });
// Written by the steps after Astro's: not Astro's to remove.
const laterSteps = (file: string) => file.startsWith('pagefind/') || file === 'sw.js' || file === MANIFEST_PATH;

/**
 * At most half a full shard's papers to index, the search step runs beside `astro build`: the
 * indexer's memory grows with the papers it indexes, and a day's shards (a few hundred papers on
 * average, src/search/shards.ts) add little to the site's peak, where a whole shard would not.
 */
const searchBesideSite = () => Math.floor((env.searchShardSize() ?? SHARD_SIZE) / 2);

/** A step that failed: it has printed why; the build names it and stops the others. */
class StepFailed extends Error {}

/** The steps still running, by the name the build gives them in its messages. */
const running = new Map<ChildProcess, string>();

type OnMessage = (message: unknown, reply: (answer: string) => void) => void;

function step(name: string, script: string, args: string[], { onMessage, nice }: { onMessage?: OnMessage; nice?: number } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    // A step that reports as it goes gets a message channel beside the inherited output.
    const child = spawn(process.execPath, [script, ...args], { stdio: onMessage ? ['inherit', 'inherit', 'inherit', 'ipc'] : 'inherit' });
    running.set(child, name);
    if (onMessage) child.on('message', (message) => onMessage(message, (answer) => child.connected && child.send(answer)));
    if (nice !== undefined && child.pid !== undefined) setPriority(child.pid, nice);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      running.delete(child);
      if (code === 0) resolve();
      else reject(new StepFailed(signal ? `${name} was stopped (${signal})` : `${name} failed`));
    });
  });
}

/** Stops the steps still running and waits until they have exited, so none is left behind. */
async function stopOthers(): Promise<string[]> {
  const stopped = [...running];
  await Promise.all(
    stopped.map(
      ([child]) =>
        new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  );
  return stopped.map(([, name]) => name);
}

try {
  if (!isLastBuildOutput(dist)) rmSync(dist, { recursive: true, force: true });
  forgetLastBuild();
  const astro = async () => {
    const before = fileStates(dist, laterSteps);
    await step('astro build', 'node_modules/astro/bin/astro.mjs', ['build', '--outDir', dist]);
    const stale = removeStaleFiles(dist, before, builtPages());
    if (stale.length > 0) console.log(`removed ${stale.length} file(s) the build no longer makes`);
  };
  // An archive indexed before: a day's rebuild re-indexes a few shards, so the site starts at once beside the index.
  const site = env.parallelBuild() || existsSync(join(searchCache, SEARCH_ENTRY)) ? astro() : null;
  const onMessage: OnMessage = (message, reply) => {
    if (message === null || typeof message !== 'object' || !('searchPlan' in message)) return;
    const { papersToIndex, shards } = message.searchPlan as SearchPlan;
    const beside = site !== null && (env.parallelBuild() || papersToIndex <= searchBesideSite());
    console.log(`search index: ${papersToIndex} paper(s) to index${site === null ? '' : beside ? ', beside astro build' : ', after astro build'} (${shards} shard(s) in all)`);
    // Many papers to index while the site builds: the indexer waits for it, their memory peaks apart.
    if (site === null || beside) reply('go');
    else void site.finally(() => reply('go')).catch(() => {});
  };
  // Beside `astro build`, whose one thread is the build's longest path, the index takes the time that thread leaves over.
  const search = step('the search index (scripts/build-search.ts)', 'scripts/build-search.ts', [searchCache], { onMessage, nice: 10 }).then(() => {
    const mirrored = mirrorFolder(join(searchCache, 'pagefind'), join(dist, 'pagefind'));
    console.log(`search index in ${dist}/pagefind: ${mirrored.linked} file(s) linked, ${mirrored.kept} unchanged, ${mirrored.removed} removed`);
  });
  if (site !== null) await Promise.all([site, search]);
  else {
    await search;
    await astro();
  }
  await step('the offline step (scripts/build-offline.ts)', 'scripts/build-offline.ts', [dist]);
  recordLastBuild(dist);
} catch (error) {
  if (!(error instanceof StepFailed)) throw error;
  // One failing step stops its siblings: the build ends with the failing step's message only.
  const stopped = await stopOthers();
  console.error(`The build stopped: ${error.message}${stopped.length > 0 ? `; ${stopped.join(' and ')} was stopped` : ''}.`);
  process.exitCode = 1;
}
// Last, where a maintainer reads first: a site built for localhost is not one to publish.
const notice = siteUrlNotice();
if (notice) console.warn(`\n${notice}`);
