/**
 * `npm run eval:search [-- --dist dist] [-- --base /] [-- --json] [-- --verbose] [-- --check]`:
 * how often search puts the intended paper in its first five results, for queries with one
 * typo in a distinctive title word and for the same queries spelt right, on a built site
 * (`npm run build` first) in headless Chromium (src/search/search-eval.ts). Targets: 90% and
 * 95%; with --check the exit code is 1 when either is missed.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { env } from '../src/config.ts';
import { readPaperFolder } from '../src/papers/read.ts';
import { SEARCH_ENTRY } from '../src/search/entry.ts';
import { evaluateSearch } from '../src/search/search-eval.ts';
import { typoSet } from '../src/search/typo-set.ts';

const TARGET_TYPO = 0.9;
const TARGET_CORRECT = 0.95;

const { values: opts } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    base: { type: 'string', default: process.env.BASE_PATH || '/' },
    papers: { type: 'string', default: env.papersDir() },
    chromium: { type: 'string', default: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
    seed: { type: 'string', default: '1' },
    json: { type: 'boolean', default: false },
    verbose: { type: 'boolean', short: 'v', default: false },
    check: { type: 'boolean', default: false },
  },
});

if (!existsSync(join(opts.dist, SEARCH_ENTRY))) {
  console.error(`${opts.dist}: no search index (${SEARCH_ENTRY} is missing). Build the site first: npm run build`);
  process.exit(1);
}
const base = `/${opts.base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
const papers = (await readPaperFolder(opts.papers)).map((p) => ({ slug: p.slug, title: p.data.title, abstract: p.body }));
const set = typoSet(papers, Number(opts.seed));
const result = await evaluateSearch(set, { dist: opts.dist, basePath: base, chromium: opts.chromium });
const met = result.typo >= TARGET_TYPO && result.correct >= TARGET_CORRECT;

if (opts.json) {
  console.log(JSON.stringify({ papers: papers.length, ...result, targets: { typo: TARGET_TYPO, correct: TARGET_CORRECT }, met }, null, 2));
} else {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const withOther = set.filter((q) => q.correct.includes(' ')).length;
  console.log(`search eval on ${opts.dist} (base ${base}): ${set.length} of ${papers.length} papers have a distinctive title word (used by ≤ 5 papers)`);
  console.log(`  queries: the word alone for ${set.length - withOther}, with another title word for ${withOther}; one edit each in the typo set`);
  console.log(`  typo queries, intended paper in the top 5:    ${pct(result.typo)} (target ≥ ${pct(TARGET_TYPO)})`);
  console.log(`  correct spelling, intended paper in the top 5: ${pct(result.correct)} (target ≥ ${pct(TARGET_CORRECT)})`);
  console.log(`  corrected by the page: ${pct(result.typoCorrected)} of typo queries, ${pct(result.correctCorrected)} of correct ones`);
  console.log(`  by edit: ${Object.entries(result.byEdit).map(([edit, e]) => `${edit} ${pct(e.found / e.queries)} of ${e.queries}`).join(', ')}`);
  const misses = opts.verbose ? result.misses : result.misses.slice(0, 10);
  if (misses.length > 0) console.log(`  misses${opts.verbose ? '' : ` (first ${misses.length} of ${result.misses.length}; --verbose for all)`}:`);
  for (const m of misses) console.log(`    ${m.kind} "${m.query}"${m.corrected ? ` → "${m.corrected}"` : ''}: ${m.slug} not in [${m.top.join(', ')}]`);
}
if (opts.check && !met) process.exitCode = 1;
