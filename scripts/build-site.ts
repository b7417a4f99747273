/**
 * `node scripts/build-site.ts [--out-dir DIR]`: the site in `dist/` (or DIR): the search index
 * (scripts/build-search.ts), then `astro build`, which works every paper's related papers out
 * in a worker thread as it starts (src/analysis/related-ahead.ts), then the offline manifest and
 * service worker, which need both (src/offline/build.ts, in this process; the search index's
 * part of it is worked out once the index is in place, while the pages are rendered as a rule). The index and the site need nothing from each other, but
 * their memory peaks add up side by side (docs/performance.md): `astro build` starts when the
 * index is done, or as soon as the search step says it has little left to index and holds little
 * memory (EARLY_START). On a day's rebuild, when the last build's search step held little,
 * `astro build` starts at once, and the search step indexes beside it if it has little to index,
 * else after it. PARALLEL_BUILD=1 runs the two side by side from the start. Started by
 * `npm run build` beside ingest (scripts/build.ts), it touches `dist/` and starts the steps that
 * read the papers once ingest is done; a day's `astro build` meanwhile loads its config and
 * modules, then asks (src/site/build-gates.ts).
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
import { setPriority } from 'node:os';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { BUILD_CACHE, env, siteUrlNotice } from '../src/config.ts';
import { mirrorFolder } from '../src/utils/mirror-folder.ts';
import { codeAndWords, errorCode } from '../src/utils/file-errors.ts';
import { builtPages, fileStates, forgetLastBuild, isLastBuildOutput, recordLastBuild, removeStaleFiles } from '../src/site/built-pages.ts';
import { MANIFEST_PATH } from '../src/offline/manifest.ts';
import { buildOffline, offlineAhead, type OfflineAhead } from '../src/offline/build.ts';
import type { SearchStepAnswer, SearchStepPlan } from '../src/search/build-index.ts';
import { BUILD_GATES_ENV, GATES, papersReady } from '../src/site/build-gates.ts';

const opts = new Command('build-site').option('--out-dir <dir>', 'where the site is written', 'dist').parse().opts<{ outDir: string }>();
const dist = opts.outDir;
const searchCache = BUILD_CACHE.search;
mkdirSync(searchCache, { recursive: true });
// Written by the steps after Astro's: not Astro's to remove.
const laterSteps = (file: string) => file.startsWith('pagefind/') || file === 'sw.js' || file === MANIFEST_PATH;

/**
 * When `astro build` starts beside the search step: with at most 4,000 papers left to index (a
 * day's rebuild indexes the newest, small shards: a few hundred to a few thousand papers), done
 * within the first seconds of `astro build`, and with the step's own process holding at most
 * 600 MB when it has read the papers (Pagefind's indexer, about 0.3 GB for 4,000 papers, comes
 * on top). The indexing and `astro build`'s start then add up to less than the latter's own peak:
 * at 30,000 papers (2,049 papers to index, 0.4 GB held) the rebuild is 3 s shorter at the same
 * peak. At 100,000 papers the step holds over 1 GB, and a first build indexes full shards of
 * 8,000 papers: beside `astro build`, either took the peak over its target (docs/performance.md).
 * SEARCH_BESIDE_PAPERS sets the number of papers.
 */
const EARLY_START = { papers: env.searchBesidePapers() ?? 4000, rssBytes: 600 * 2 ** 20 };

/**
 * The search step's niceness when it runs beside `astro build` from the start: both cores are
 * busy then (Astro's thread, its related-papers worker, the step), and Astro's thread is the
 * build's longest path, while the step has seconds to spare before its index is needed at the
 * end. At 30,000 papers a day's rebuild took 15.8–17.4 s at niceness 10 against 17.4–19.0 s at 0;
 * at 10 the step then often ended with `astro build`, and its index went into place after it,
 * where at 5 it ends about a second before (the rebuild 14.6–16.4 s at 5, 15.1–16.5 s at 10, by hand).
 */
const SEARCH_BESIDE_NICENESS = 5;

/**
 * The search step's plan as the last build received it. When that step held at most
 * EARLY_START's memory and its index is there to update, `astro build` starts at once rather than
 * after this build's step has read every paper (2 s at 30,000 papers); the step then indexes
 * beside it, or, with more than EARLY_START's papers to index, leaves them until it is done.
 */
const LAST_PLAN = join(searchCache, 'last-plan.json');

/** A plan as recorded: with the papers folder it was made for (builds of other folders share the cache). */
type RecordedPlan = SearchStepPlan & { papersDir: string };

function lastPlan(): RecordedPlan | null {
  try {
    return JSON.parse(readFileSync(LAST_PLAN, 'utf8')) as RecordedPlan;
  } catch {
    return null;
  }
}

/** Records the plan for the next build: a hint, so a file system that refuses it only costs that build its early start. */
function recordPlan(plan: RecordedPlan): void {
  try {
    writeFileSync(LAST_PLAN, JSON.stringify(plan));
  } catch {}
}

/** A step that failed: it has printed why; the build names it and stops the others. */
class StepFailed extends Error {}

/** Ingest, run beside this build by scripts/build.ts, failed: the build stops before it reads the papers or touches `dist/`. */
class IngestFailed extends Error {}

/** The steps still running, by the name the build gives them in its messages. */
const running = new Map<ChildProcess, string>();

/** How a step runs: `onMessage` gets what it sends over an IPC channel, if given one, and the step to answer. */
interface StepOptions {
  onMessage?: (message: unknown, child: ChildProcess) => void;
  env?: Record<string, string>;
  /** Its scheduling priority (niceness, 0 by default; higher yields the CPU to the others). */
  niceness?: number;
}

/** Runs a script as a step. */
function step(name: string, script: string, args: string[], { onMessage, env, niceness }: StepOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      stdio: onMessage ? ['inherit', 'inherit', 'inherit', 'ipc'] : 'inherit',
      env: env && { ...process.env, ...env },
    });
    if (onMessage) child.on('message', (message) => onMessage(message, child));
    running.set(child, name);
    if (niceness !== undefined && child.pid !== undefined) {
      try {
        setPriority(child.pid, niceness);
      } catch {
        // Only a matter of speed: a system that refuses runs the step at the usual priority.
      }
    }
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
  // Astro starts once the index is done, as soon as the search step says it has little left to
  // index, or at once on a day's rebuild (LAST_PLAN): that indexing then overlaps the start of
  // `astro build`, whose memory is still low, rather than its peak. Astro leaves `pagefind/`
  // alone: the index goes into place while the pages are built.
  const last = lastPlan();
  const papersDir = resolve(env.papersDir());
  const atOnce = !env.parallelBuild() && last?.papersDir === papersDir && last.rssBytes <= EARLY_START.rssBytes && existsSync(join(searchCache, 'pagefind', 'pagefind-entry.json'));
  // Answered to `astro build`'s questions (src/site/build-gates.ts): it reads the papers once they
  // are ready and `dist/` is prepared, and writes once `before`, what `dist/` held before it
  // wrote there (src/site/built-pages.ts), has been read.
  const papersGate = Promise.withResolvers<void>();
  const distRead = Promise.withResolvers<Map<string, string>>();
  const astro = async () => {
    const built = step('astro build', 'node_modules/astro/bin/astro.mjs', ['build', '--outDir', dist], {
      env: { [BUILD_GATES_ENV]: '1' },
      onMessage: (message, child) => {
        const answer = (when: Promise<unknown>, reply: string) => when.then(() => child.connected && child.send(reply, () => {}), () => {});
        if (message === GATES.papers.ask) answer(papersGate.promise, GATES.papers.ready);
        else if (message === GATES.output.ask) answer(distRead.promise, GATES.output.answer);
      },
    });
    await built;
    const stale = removeStaleFiles(dist, await distRead.promise, builtPages());
    if (stale.length > 0) console.log(`removed ${stale.length} file(s) the build no longer makes`);
  };
  // On a day's rebuild `astro build` starts before ingest is done (`npm run build` runs the two
  // together): it loads its config and modules meanwhile, and asks before it reads the papers.
  const earlyAstro = atOnce ? astro() : undefined;
  // Awaited below, or stopped if ingest failed: not a rejection left unhandled meanwhile.
  earlyAstro?.catch(() => {});
  if (!(await papersReady())) throw new IngestFailed();
  if (!isLastBuildOutput(dist)) rmSync(dist, { recursive: true, force: true });
  forgetLastBuild();
  papersGate.resolve();
  // `onPlan` answers the step's plan: index now, or leave it for a later run.
  const search = (onPlan?: (plan: SearchStepPlan) => boolean, niceness?: number) =>
    step('the search index (scripts/build-search.ts)', 'scripts/build-search.ts', [searchCache], {
      niceness,
      onMessage:
        onPlan &&
        ((message, child) => {
          const answer: SearchStepAnswer = { indexNow: onPlan(message as SearchStepPlan) };
          // A step gone meanwhile has no channel to answer on; its exit says why.
          if (child.connected) child.send(answer, () => {});
        }),
    });
  const mirror = () => {
    let mirrored;
    try {
      mirrored = mirrorFolder(join(searchCache, 'pagefind'), join(dist, 'pagefind'));
    } catch (error) {
      // A file system refusal (a full disk, no permission): one line, as a failing step gives.
      if (errorCode(error) === null) throw error;
      throw new StepFailed(`putting the search index into ${dist}/pagefind failed (${codeAndWords(error)})`);
    }
    console.log(`search index in ${dist}/pagefind: ${mirrored.linked} file(s) linked, ${mirrored.kept} unchanged, ${mirrored.removed} removed`);
  };
  // Side by side the two memory peaks add up; one after the other, the higher of the two.
  // The offline manifest and service worker, in this process, from what was worked out ahead if it was.
  const offline = async (ahead?: Promise<OfflineAhead>) => {
    try {
      console.log(await buildOffline(dist, BUILD_CACHE.offlineHashes, await ahead));
    } catch (error) {
      if (errorCode(error) === null) throw error;
      throw new StepFailed(`the offline step failed (${codeAndWords(error)})`);
    }
  };
  if (env.parallelBuild()) {
    distRead.resolve(fileStates(dist, laterSteps));
    await Promise.all([astro(), search().then(mirror)]);
    await offline();
  } else {
    const astroMayStart = Promise.withResolvers<void>();
    let searchEnded = false;
    let searchAfter = false;
    const searched = search((plan) => {
      // A message can come in after the step's exit: a step that failed meanwhile starts nothing.
      if (searchEnded) return false;
      recordPlan({ ...plan, papersDir });
      const what = `${plan.papersToIndex} papers in ${plan.toIndex} of ${plan.shards} shard(s) to index, ${(plan.rssBytes / 2 ** 30).toFixed(2)} GB held`;
      const beside = plan.papersToIndex <= EARLY_START.papers && plan.rssBytes <= EARLY_START.rssBytes;
      if (atOnce) {
        console.log(`search index: ${what}; indexed ${beside ? 'beside' : 'after'} astro build, started at once`);
        searchAfter = !beside;
        return beside;
      }
      console.log(`search index: ${what}; astro build starts ${beside ? 'beside' : 'after'} it`);
      if (beside) astroMayStart.resolve();
      return true;
    }, atOnce ? SEARCH_BESIDE_NICENESS : undefined);
    // Walked while the search step reads the papers, or, on a day's rebuild, while `astro build` starts.
    distRead.resolve(fileStates(dist, laterSteps));
    const ended = () => (searchEnded = true);
    searched.then(ended, ended);
    searched.then(() => astroMayStart.resolve(), () => {});
    const built = earlyAstro ?? astroMayStart.promise.then(astro);
    // A step that left its indexing for later runs again once `astro build` is done. The mirror
    // waits a turn of the event loop, so that an `astro build` started only now is under way
    // before the mirror's synchronous work.
    const indexed = searched
      .then(() => (searchAfter ? built.then(() => search()) : undefined))
      .then(() => new Promise(setImmediate))
      .then(mirror);
    // The search index's part of the offline step, once the index is in place: while `astro build` renders the pages, as a rule.
    const ahead = indexed.then(() => offlineAhead(dist, BUILD_CACHE.offlineHashes));
    ahead.catch(() => {});
    await Promise.all([built, indexed]);
    await offline(ahead);
  }
  recordLastBuild(dist);
} catch (error) {
  // One failing step stops its siblings, whatever failed: no step is left running on its own.
  const stopped = await stopOthers();
  // Ingest's own message, printed by scripts/build.ts, says why; `dist/` is as it was.
  if (error instanceof IngestFailed) process.exit(1);
  if (!(error instanceof StepFailed)) throw error;
  // The build ends with the failing step's message only.
  console.error(`The build stopped: ${error.message}${stopped.length > 0 ? `; ${stopped.join(' and ')} was stopped` : ''}.`);
  process.exitCode = 1;
}
// Last, where a maintainer reads first: a site built for localhost is not one to publish.
const notice = siteUrlNotice();
if (notice) console.warn(`\n${notice}`);
