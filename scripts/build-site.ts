/**
 * `node scripts/build-site.ts [--out-dir DIR]`: the site in `dist/` (or DIR). `astro build` and the search index
 * (scripts/build-search.ts) need nothing from each other, so they run side by side, one per
 * core; the index is written aside and moved in once Astro, which empties `dist/` when it
 * starts, has finished. Then the offline manifest and service worker, which need both.
 * Side by side the build takes about the longer of the two instead of their sum
 * (docs/performance.md); SEQUENTIAL_BUILD=1 runs them one after the other, for machines short
 * of memory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { env, siteUrlNotice } from '../src/config.ts';

const opts = new Command('build-site').option('--out-dir <dir>', 'where the site is written', 'dist').parse().opts<{ outDir: string }>();
const dist = opts.outDir;
// Inside the project (a fresh clone has no node_modules/.cache yet), so the final move is a rename.
mkdirSync(join('node_modules', '.cache'), { recursive: true });
const aside = mkdtempSync(join('node_modules', '.cache', 'paper-digest-search-'));

/** A step that failed: it has printed why; the build names it and stops the others. */
class StepFailed extends Error {}

/** The steps still running, by the name the build gives them in its messages. */
const running = new Map<ChildProcess, string>();

function step(name: string, script: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: 'inherit' });
    running.set(child, name);
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
  const astro = () => step('astro build', 'node_modules/astro/bin/astro.mjs', ['build', '--outDir', dist]);
  const search = () => step('the search index (scripts/build-search.ts)', 'scripts/build-search.ts', [aside]);
  // Side by side the two memory peaks add up; one after the other, the higher of the two.
  if (env.sequentialBuild()) await astro().then(search);
  else await Promise.all([astro(), search()]);
  rmSync(join(dist, 'pagefind'), { recursive: true, force: true });
  renameSync(join(aside, 'pagefind'), join(dist, 'pagefind'));
  await step('the offline step (scripts/build-offline.ts)', 'scripts/build-offline.ts', [dist]);
} catch (error) {
  if (!(error instanceof StepFailed)) throw error;
  // One failing step stops its siblings: the build ends with the failing step's message only.
  const stopped = await stopOthers();
  console.error(`The build stopped: ${error.message}${stopped.length > 0 ? `; ${stopped.join(' and ')} was stopped` : ''}.`);
  process.exitCode = 1;
} finally {
  rmSync(aside, { recursive: true, force: true });
}
// Last, where a maintainer reads first: a site built for localhost is not one to publish.
const notice = siteUrlNotice();
if (notice) console.warn(`\n${notice}`);
