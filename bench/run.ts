/**
 * `npm run bench -- [--sizes 1000,10000,30000] [--out FILE] [--keep] …`: the real pipeline
 * at scale on synthetic listings, in a scratch copy of the project per size:
 *   1. ingest from scratch          `npm run ingest`
 *   2. full build                   `npm run build`, each of its steps timed
 *   3. ingest of one more day       `npm run ingest` with a 50-paper listing added
 *   4. rebuild after that day       `npm run build`
 * then the output (dist size, files, search index, a typical paper page) and a first and
 * second search in headless Chromium. Prints a table per size and writes all figures as
 * JSON (default `.bench/results-<time>.json`, ignored by git). Exits 1 when a phase fails
 * or a check of the output does not hold, so CI can run `--sizes 1000` as a smoke test.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { diffSnapshots, folderStats, snapshot } from './file-census.ts';
import { generateCorpus, writeListings } from './generate-listings.ts';
import { measureCommand } from './measure.ts';
import { expandScript } from './npm-scripts.ts';
import { bundledArticles, typicalPaperPage } from './page-weight.ts';
import { formatRun, formatSize, bytes, seconds } from './report.ts';
import type { BenchRun, PhaseResult, SizeResult } from './results.ts';
import { buildReference } from './baseline.ts';
import { createScratchProject } from './scratch-project.ts';
import { findSearchBundle, probeSearch } from './search-probe.ts';
import { probeTypoSearch, vocabularyFile } from './search-vocabulary.ts';
import { compareWithTargets } from './targets.ts';

const root = resolve(import.meta.dirname, '..');

const program = new Command('bench')
  .description('Benchmark ingest, build and search on synthetic listings at several sizes.')
  .option('--sizes <list>', 'numbers of papers, comma-separated', parseSizes, [1000, 10000, 30000])
  .option('--out <file>', 'where to write the JSON results (default .bench/results-<time>.json)')
  .option('--keep', 'keep the scratch projects (their paths are printed)')
  .option('--seed <n>', 'seed of the synthetic listings', (v) => Number.parseInt(v, 10), 1)
  .option('--first-query <text>', 'first search', 'diffusion')
  .option('--second-query <text>', 'second, different search', 'speech recognition')
  .option('--typo-query <text>', 'a first search with a typo, which the search page corrects', 'difusion')
  .option('--search-page <path>', 'URL path of the page with the search box (default /search/ if built, else /)')
  .option('--search-input <selector>', 'CSS selector of the search box')
  .option('--result-selector <selector>', 'CSS selector of one rendered search result')
  .option('--chromium <path>', 'Chromium to probe search with', process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')
  .option('--no-search', 'skip the browser probe')
  .option('--og-images', 'also render link-preview images in the builds (off by default: their cost is measured per paper instead)')
  .option('--scratch-dir <dir>', 'where scratch projects are made', tmpdir())
  .option('--baseline', 'also build a reference (a bare Astro site, one page per paper, then the Pagefind CLI over it) on the same papers, and report figures as ratios to it')
  .showHelpAfterError();

interface Options {
  sizes: number[];
  out?: string;
  keep?: boolean;
  seed: number;
  firstQuery: string;
  secondQuery: string;
  typoQuery: string;
  searchPage?: string;
  searchInput?: string;
  resultSelector?: string;
  chromium: string;
  search: boolean;
  ogImages?: boolean;
  scratchDir: string;
  baseline?: boolean;
}

function parseSizes(value: string): number[] {
  const sizes = value.split(',').map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new InvalidArgumentError('expected numbers of papers such as 1000,10000');
  return sizes;
}

program.parse();
/** Settings a maintainer may give the build that change what it writes or how it runs (docs/publishing.md): reported with the figures. */
const OUTPUT_SETTINGS = ['PAPER_PAGES', 'PAGEFIND_MAX_FRAGMENTS', 'SEARCH_SHARD_SIZE', 'PARALLEL_BUILD'];
const opts = program.opts<Options>();
const run: BenchRun = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model.trim() ?? 'unknown', memoryBytes: totalmem(), os: `Linux ${release()}`, node: process.version },
  versions: { astro: packageVersion('astro'), pagefind: packageVersion('pagefind'), chromium: null },
  commit: gitCommit(),
  options: { sizes: opts.sizes, seed: opts.seed, queries: [opts.firstQuery, opts.secondQuery] },
  settings: Object.fromEntries(OUTPUT_SETTINGS.flatMap((name) => (process.env[name] ? [[name, process.env[name]!]] : []))),
  sizes: [],
};
for (const papers of opts.sizes) {
  const result = await benchSize(papers);
  result.targets = compareWithTargets(result);
  run.sizes.push(result);
  run.versions.chromium ??= result.search?.browser ?? null;
  console.log(formatSize(result));
}
const og = await ogImageCost();
console.log(`\nLink-preview images: ${og.msPerPaper.toFixed(1)} ms per paper to render (${og.samples} samples), 0 for a paper whose card is cached; ${opts.ogImages ? 'included in' : 'left out of'} the builds above (OG_IMAGES=off).`);
(run as BenchRun & { ogImage?: typeof og }).ogImage = og;
const out = resolve(opts.out ?? join(root, '.bench', `results-${run.date.slice(0, 19).replace(/:/g, '-')}.json`));
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(run, null, 2)}\n`);
console.log(`\n${formatRun(run)}\n\nResults written to ${out}`);
process.exitCode = run.sizes.every((s) => s.phases.every((p) => p.ok) && s.checks.every((c) => c.ok)) ? 0 : 1;

async function benchSize(papers: number): Promise<SizeResult> {
  // A scratch folder given that does not exist yet is made, as `--out`'s folder is.
  mkdirSync(opts.scratchDir, { recursive: true });
  const scratch = mkdtempSync(join(opts.scratchDir, `paper-digest-bench-${papers}-`));
  const project = join(scratch, 'project');
  const logs = join(scratch, 'logs');
  mkdirSync(logs);
  console.log(`\n== ${papers} papers: scratch project ${project}`);
  createScratchProject(root, project);

  const generated = performance.now();
  const { listings, generator } = generateCorpus(papers, { seed: opts.seed });
  const extraDay = generator.nextDay();
  writeListings(join(project, 'content/listings'), listings);
  console.log(`generated ${listings.length} listings in ${seconds(performance.now() - generated)}`);

  const layouts: Record<string, number> = {};
  for (const l of listings) layouts[l.layout] = (layouts[l.layout] ?? 0) + 1;
  const result: SizeResult = {
    papers,
    listings: listings.length,
    records: listings.reduce((n, l) => n + l.records.length, 0),
    layouts,
    extraDay: { file: extraDay.file, records: extraDay.records.length, newPapers: extraDay.newPapers },
    phases: [],
    dist: null,
    searchIndex: null,
    paperPage: null,
    search: null,
    vocabulary: null,
    typoSearch: null,
    checks: [],
    targets: [],
    reference: null,
    scratch: opts.keep ? project : null,
    logs,
  };
  const paperFiles = () => readdirSync(join(project, 'content/papers')).filter((n) => n.endsWith('.md'));
  const check = (name: string, ok: boolean, detail: string) => result.checks.push({ name, ok, detail });
  const phase = async (name: string, script: string) => {
    const r = await runPhase(name, script, project, logs);
    result.phases.push(r);
    return r.ok;
  };

  try {
    if (!(await phase('ingest from scratch', 'ingest'))) return result;
    check('ingest writes one file per distinct paper', paperFiles().length === papers, `${paperFiles().length} files for ${papers} papers`);
    if (opts.baseline) {
      const dir = join(scratch, 'reference');
      result.reference = await buildReference({ projectRoot: root, dir, papersDir: join(project, 'content/papers'), env: stepEnv(dir), logFile: join(logs, 'reference.log'), loadAverage: loadavg()[0]! });
      for (const step of result.reference.steps) console.log(`  reference: ${step.label}: ${seconds(step.wallMs)}, peak ${bytes(step.peakRssBytes)}`);
      check('the reference builds', result.reference.ok, result.reference.ok ? 'built' : 'failed: see logs/reference.log');
      if (!opts.keep) rmSync(dir, { recursive: true, force: true });
    }
    if (!(await phase('full build', 'build'))) return result;
    measureOutput(result, project, paperFiles());
    if (opts.search) {
      await probe(result, project).catch((error: Error) => check('the search probe runs', false, error.message.split('\n')[0]!));
    }

    writeListings(join(project, 'content/listings'), [extraDay]);
    if (!(await phase('ingest one more day', 'ingest'))) return result;
    const total = papers + extraDay.newPapers;
    check('the extra day adds its new papers', paperFiles().length === total, `${paperFiles().length} files for ${total} papers`);
    if (!(await phase('rebuild after that day', 'build'))) return result;
    const pages = typicalPaperPage(join(project, 'dist'), paperFiles().map((n) => n.slice(0, -3)));
    const shown = everyPaperShown(join(project, 'dist'), pages?.paperPages ?? 0, total);
    check('the rebuild has a page for every paper', shown.ok, shown.detail);
    return result;
  } catch (error) {
    // Whatever went wrong, the figures measured so far are still reported.
    check('the benchmark runs to the end', false, (error as Error).message);
    return result;
  } finally {
    if (!opts.keep) rmSync(project, { recursive: true, force: true });
  }
}

async function runPhase(name: string, script: string, project: string, logs: string): Promise<PhaseResult> {
  const scripts = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')).scripts as Record<string, string>;
  const steps = expandScript(scripts, script);
  const before = snapshot(project);
  const phase: PhaseResult = { name, script, ok: true, loadAverage: loadavg()[0]!, wallMs: 0, cpuMs: 0, peakRssBytes: 0, steps: [], writes: { written: 0, deleted: 0, byFolder: {} } };
  for (const step of steps) {
    const { outputTail, ...m } = await measureCommand(step.command, { cwd: project, env: stepEnv(project), logFile: join(logs, `${name.replace(/\W+/g, '-')}.log`) });
    phase.steps.push({ label: step.label, ...m });
    phase.wallMs += m.wallMs;
    phase.cpuMs += m.cpuMs;
    phase.peakRssBytes = Math.max(phase.peakRssBytes, m.peakRssBytes);
    console.log(`  ${name}: ${step.label}: ${seconds(m.wallMs)}, peak ${bytes(m.peakRssBytes)}${m.exitCode === 0 ? '' : `, exit code ${m.exitCode}`}`);
    if (m.exitCode !== 0) {
      phase.ok = false;
      console.error(outputTail);
      break;
    }
  }
  phase.writes = diffSnapshots(before, snapshot(project));
  return phase;
}

/** The environment `npm run` gives a script, minus where the papers are and where the site is published (OUTPUT_SETTINGS pass, and are reported). */
function stepEnv(project: string): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('npm_')) delete env[key];
  // A default build: no scratch collection elsewhere, served at the root.
  delete env.PAPERS_DIR;
  delete env.BASE_PATH;
  delete env.SITE_URL;
  if (!opts.ogImages) env.OG_IMAGES = 'off';
  env.PATH = `${join(project, 'node_modules/.bin')}:${env.PATH ?? ''}`;
  return env;
}

/** Every paper has a page, or (with PAPER_PAGES) its article in a bundle the not-found page draws it from: counted, and none in both. */
function everyPaperShown(dist: string, pages: number, papers: number): { ok: boolean; detail: string } {
  const bundled = bundledArticles(dist);
  return {
    ok: pages + bundled.size === papers && ![...bundled].some((slug) => existsSync(join(dist, 'papers', slug, 'index.html'))),
    detail: `${pages} pages${bundled.size ? ` and ${bundled.size} bundled articles` : ''} for ${papers} papers`,
  };
}

function measureOutput(result: SizeResult, project: string, paperFiles: string[]): void {
  const dist = join(project, 'dist');
  result.dist = folderStats(dist);
  result.paperPage = typicalPaperPage(dist, paperFiles.map((n) => n.slice(0, -3)));
  const pages = result.paperPage?.paperPages ?? 0;
  result.checks.push({ name: 'the build has a page for every paper', ...everyPaperShown(dist, pages, paperFiles.length) });
  const bundle = findSearchBundle(dist);
  if (bundle) result.searchIndex = { path: `/${relative(dist, bundle)}/`, ...folderStats(bundle) };
  result.vocabulary = vocabularyFile(dist);
}

async function probe(result: SizeResult, project: string): Promise<void> {
  if (!existsSync(opts.chromium)) {
    result.checks.push({ name: 'search probe', ok: true, detail: `skipped: no Chromium at ${opts.chromium}` });
    return;
  }
  result.search = await probeSearch({
    distDir: join(project, 'dist'),
    queries: [opts.firstQuery, opts.secondQuery],
    chromium: opts.chromium,
    searchPage: opts.searchPage,
    searchInput: opts.searchInput,
    resultSelector: opts.resultSelector,
  });
  if (result.search.api) {
    const { first, second } = result.search.api;
    result.checks.push({ name: 'both searches find papers', ok: (first.results ?? 0) > 0 && (second.results ?? 0) > 0, detail: `${first.results} and ${second.results} results` });
  }
  if (result.search.ui) {
    const { first, second } = result.search.ui;
    result.checks.push({ name: 'the search page shows results', ok: first.ms !== null && second.ms !== null, detail: [first.note, second.note].filter(Boolean).join('; ') || 'shown' });
  }
  if (result.search.ui?.page === '/search/') {
    result.typoSearch = await probeTypoSearch({ distDir: join(project, 'dist'), query: opts.typoQuery, chromium: opts.chromium });
    result.checks.push({ name: 'the search page corrects a typo', ok: result.typoSearch.corrected !== null && result.typoSearch.ms !== null, detail: `"${opts.typoQuery}" → ${result.typoSearch.corrected ?? 'not corrected'}` });
  }
}

function packageVersion(name: string): string | null {
  try {
    return JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version as string;
  } catch {
    return null;
  }
}

function gitCommit(): string | null {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${head} + uncommitted changes` : head;
  } catch {
    return null;
  }
}

/** What a link-preview image costs to draw, measured here rather than inside the builds. */
async function ogImageCost(samples = 20): Promise<{ msPerPaper: number; samples: number }> {
  const { renderOgPng } = await import('../src/site/og-image.ts');
  const card = (i: number) => ({ title: `Scaling Sparse Mixture-of-Experts Language Models to Long Contexts, part ${i}`, topics: ['Efficient training & inference', 'Architectures'], date: 'Published Oct 13, 2025', siteName: 'Paper Digest' });
  await renderOgPng(card(-1)); // font loading and warm-up
  const start = performance.now();
  for (let i = 0; i < samples; i++) await renderOgPng(card(i));
  return { msPerPaper: (performance.now() - start) / samples, samples };
}
