/**
 * `node scripts/build-site.ts`: the site in `dist/`. `astro build` and the search index
 * (scripts/build-search.ts) need nothing from each other, so they run side by side, one per
 * core. The index is built in a cache folder that outlives `dist/`
 * (`node_modules/.cache/paper-digest-search/`), where its unchanged shards stay from one build
 * to the next, and is mirrored into `dist/pagefind/` by hard links once Astro has finished
 * (src/utils/mirror-folder.ts). Then the offline manifest and service worker, which need both.
 *
 * Astro builds incrementally (astro.config.mjs): `dist/` is kept, pages whose cache key did not
 * change are left untouched, and pages it built last time and not this time are removed here
 * (src/site/built-pages.ts). Without a record of the last build (a fresh clone, a cleared
 * cache), `dist/` is emptied first, so the build starts clean.
 * Side by side the build takes about the longer of the two instead of their sum
 * (docs/performance.md); SEQUENTIAL_BUILD=1 runs them one after the other, for machines short
 * of memory.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { env } from '../src/config.ts';
import { mirrorFolder } from '../src/utils/mirror-folder.ts';
import { builtPages, stalePages } from '../src/site/built-pages.ts';

const dist = 'dist';
const searchCache = join('node_modules', '.cache', 'paper-digest-search');
mkdirSync(searchCache, { recursive: true });

function run(script: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${script} ${args.join(' ')} exited with ${code}`))));
  });
}

const before = builtPages();
if (before === null) rmSync(dist, { recursive: true, force: true });
const astro = async () => {
  await run('node_modules/astro/bin/astro.mjs', ['build']);
  const stale = before ? stalePages(before, builtPages() ?? new Set()) : [];
  for (const file of stale) {
    rmSync(join(dist, file), { force: true });
    try {
      rmdirSync(dirname(join(dist, file))); // `papers/<slug>/`, if nothing else is in it
    } catch {}
  }
  if (stale.length > 0) console.log(`removed ${stale.length} page(s) no longer built`);
};
const search = () => run('scripts/build-search.ts', [searchCache]);
// Side by side the two memory peaks add up; one after the other, the higher of the two.
if (env.sequentialBuild()) await astro().then(search);
else await Promise.all([astro(), search()]);
const mirrored = mirrorFolder(join(searchCache, 'pagefind'), join(dist, 'pagefind'));
console.log(`search index in ${dist}/pagefind: ${mirrored.linked} file(s) linked, ${mirrored.kept} unchanged, ${mirrored.removed} removed`);
await run('scripts/build-offline.ts', [dist]);
