/**
 * `node scripts/build-site.ts`: the site in `dist/`. `astro build` and the search index
 * (scripts/build-search.ts) need nothing from each other, so they run side by side, one per
 * core; the index is written aside and moved in once Astro, which empties `dist/` when it
 * starts, has finished. Then the offline manifest and service worker, which need both.
 * Side by side the build takes about the longer of the two instead of their sum
 * (docs/performance.md); SEQUENTIAL_BUILD=1 runs them one after the other, for machines short
 * of memory.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { env, siteUrlNotice } from '../src/config.ts';

const dist = 'dist';
// Inside the project (a fresh clone has no node_modules/.cache yet), so the final move is a rename.
mkdirSync(join('node_modules', '.cache'), { recursive: true });
const aside = mkdtempSync(join('node_modules', '.cache', 'paper-digest-search-'));

function run(script: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${script} ${args.join(' ')} exited with ${code}`))));
  });
}

try {
  const astro = () => run('node_modules/astro/bin/astro.mjs', ['build']);
  const search = () => run('scripts/build-search.ts', [aside]);
  // Side by side the two memory peaks add up; one after the other, the higher of the two.
  if (env.sequentialBuild()) await astro().then(search);
  else await Promise.all([astro(), search()]);
  rmSync(join(dist, 'pagefind'), { recursive: true, force: true });
  renameSync(join(aside, 'pagefind'), join(dist, 'pagefind'));
  await run('scripts/build-offline.ts', [dist]);
} finally {
  rmSync(aside, { recursive: true, force: true });
}
// Last, where a maintainer reads first: a site built for localhost is not one to publish.
const notice = siteUrlNotice();
if (notice) console.warn(`\n${notice}`);
