/**
 * The daily rebuild does only what changed: after one more day is ingested, `npm run build`
 * leaves every page and search shard whose content did not change as it was (same bytes, same
 * file: not rewritten), writes the pages and shards that changed, and gives exactly the `dist/`
 * a clean build of the same papers gives. Real ingests and real builds (`astro build` with its
 * incremental cache, Pagefind, the offline step) in scratch copies of the project, on a small
 * generated archive split into several search shards.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus, writeListings } from '../../bench/generate-listings.ts';
import { createScratchProject } from '../../bench/scratch-project.ts';
import { root } from '../support/built-site.ts';
import { BUILD_CACHE } from '../../src/config.ts';
import { readPaperViews } from '../../src/papers/read.ts';
import type { PaperView } from '../../src/papers/view.ts';
import { relatable } from '../../src/analysis/related-ahead.ts';
import { relatedPapers } from '../../src/analysis/related.ts';

const PAPERS = 160;
// Enough for the largest topics to have older pages (25 papers a page) that a new day adds to.
const PAPERS_WITH_OLDER_PAGES = 320;
const SHARD_SIZE = '40';

interface FileState {
  hash: string;
  ino: number;
  mtimeMs: number;
}
type DistState = Map<string, FileState>;

function distState(dist: string): DistState {
  const state: DistState = new Map();
  for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const s = statSync(path);
    state.set(relative(dist, path), { hash: createHash('sha256').update(readFileSync(path)).digest('hex'), ino: s.ino, mtimeMs: s.mtimeMs });
  }
  return state;
}

async function npm(project: string, script: 'ingest' | 'build', args: string[] = [], settings: NodeJS.ProcessEnv = {}): Promise<string> {
  const env: NodeJS.ProcessEnv = { ...process.env, OG_IMAGES: 'off', SEARCH_SHARD_SIZE: SHARD_SIZE, PATH: `${join(project, 'node_modules/.bin')}:${process.env.PATH}` };
  for (const key of ['PAPERS_DIR', 'BASE_PATH', 'SITE_URL', 'PARALLEL_BUILD', 'SEARCH_BESIDE_PAPERS']) delete env[key];
  Object.assign(env, settings);
  const command =
    script === 'ingest' ? ['scripts/ingest.ts', '--no-progress', 'content/listings'] : ['scripts/build-site.ts', ...args];
  const { stdout, stderr } = await promisify(execFile)(process.execPath, command, { cwd: project, env, maxBuffer: 256 << 20 });
  return stdout + stderr;
}

/** A scratch copy of the project with the generated listings; `withNextDay` adds the day after them. */
function project(withNextDay: boolean, papers = PAPERS): { dir: string; addNextDay: () => void } {
  const dir = join(mkdtempSync(join(tmpdir(), 'paper-digest-incremental-')), 'project');
  createScratchProject(root, dir);
  const { listings, generator } = generateCorpus(papers, { seed: 7 });
  const nextDay = generator.nextDay();
  writeListings(join(dir, 'content/listings'), withNextDay ? [...listings, nextDay] : listings);
  return { dir, addNextDay: () => writeListings(join(dir, 'content/listings'), [nextDay]) };
}

const unchanged = (a: FileState | undefined, b: FileState | undefined) => a !== undefined && b !== undefined && a.hash === b.hash;
const untouched = (a: FileState | undefined, b: FileState | undefined) => a !== undefined && b !== undefined && a.ino === b.ino && a.mtimeMs === b.mtimeMs;
const shardOf = (file: string) => /^pagefind\/shards\/(\d+)\//.exec(file)?.[1];

describe('the rebuild after one more day', () => {
  let incremental: string;
  let clean: string;
  let before: DistState;
  let after: DistState;
  let changedPapers: string[];
  let entryBefore: { shards: Array<{ path: string; hash: string }> };
  let entryAfter: { shards: Array<{ path: string; hash: string }> };
  let cleanBuildLog: string;
  let rebuildLog: string;

  beforeAll(async () => {
    const a = project(false);
    incremental = a.dir;
    await npm(incremental, 'ingest');
    await npm(incremental, 'build');
    before = distState(join(incremental, 'dist'));
    entryBefore = JSON.parse(readFileSync(join(incremental, 'dist/pagefind/pagefind-entry.json'), 'utf8'));
    const papersBefore = new Map(readdirSync(join(incremental, 'content/papers')).map((n) => [n, readFileSync(join(incremental, 'content/papers', n), 'utf8')]));
    a.addNextDay();
    await npm(incremental, 'ingest');
    changedPapers = readdirSync(join(incremental, 'content/papers'))
      .filter((n) => papersBefore.get(n) !== readFileSync(join(incremental, 'content/papers', n), 'utf8'))
      .map((n) => n.slice(0, -3));
    rebuildLog = await npm(incremental, 'build');
    after = distState(join(incremental, 'dist'));
    entryAfter = JSON.parse(readFileSync(join(incremental, 'dist/pagefind/pagefind-entry.json'), 'utf8'));

    clean = project(true).dir;
    await npm(clean, 'ingest');
    cleanBuildLog = await npm(clean, 'build');
  }, 900_000);

  afterAll(() => {
    for (const dir of [incremental, clean]) if (dir) rmSync(join(dir, '..'), { recursive: true, force: true });
  });

  it('shows on every paper page the related papers worked out from the paper files, worked out ahead of the pages', async () => {
    const papers = await readPaperViews(join(clean, 'content/papers'));
    const expected = relatedPapers(papers.map(relatable));
    const dist = join(clean, 'dist');
    const shown = (slug: string) => {
      const section = /<section aria-labelledby="related-h"[\s\S]*?<\/section>/.exec(readFileSync(join(dist, 'papers', slug, 'index.html'), 'utf8'))?.[0] ?? '';
      return [...section.matchAll(/href="\/papers\/([^/"]+)\/"/g)].map((m) => m[1]);
    };
    expect(expected.size).toBe(papers.length);
    expect([...expected].filter(([slug, related]) => JSON.stringify(shown(slug)) !== JSON.stringify(related))).toEqual([]);
    expect([...expected.values()].some((related) => related.length > 0)).toBe(true);
    expect(cleanBuildLog).toContain('related papers: worked out ahead');
  });

  it('starts astro build at once, the search step indexing beside it the papers of the shards the day changed', () => {
    expect(cleanBuildLog).toMatch(/search index: \d+ papers in (\d+) of \1 shard\(s\) to index, [\d.]+ GB held; astro build starts beside it/);
    const startedBeside = /search index: (\d+) papers in (\d+) of (\d+) shard\(s\) to index, [\d.]+ GB held; indexed beside astro build, started at once/;
    const [, papers, toIndex, shards] = startedBeside.exec(rebuildLog) ?? [];
    expect(Number(toIndex)).toBeGreaterThan(0);
    expect(Number(toIndex)).toBeLessThan(Number(shards));
    expect(Number(papers)).toBeLessThan(readdirSync(join(incremental, 'content/papers')).length);
    expect(rebuildLog).toMatch(new RegExp(`search index: \\d+ papers in ${shards} shard\\(s\\) in [^;]+; ${toIndex} shard\\(s\\) indexed`));
  });

  it('leaves every page and search file whose bytes did not change untouched: not rewritten', () => {
    // Pages without a cache key (home, search, about, feeds, sitemap…) are few and rendered every time.
    const keyed = /^(papers|topics|archive|digests)\/|^pagefind\//;
    const same = [...before.keys()].filter((f) => keyed.test(f) && unchanged(before.get(f), after.get(f)));
    const rewritten = same.filter((f) => !untouched(before.get(f), after.get(f)));
    // In so small an archive a new day changes most papers' related papers; some pages stay.
    expect(same.filter((f) => f.startsWith('papers/')).length).toBeGreaterThan(0);
    expect(same.filter((f) => f.startsWith('pagefind/shards/')).length).toBeGreaterThan(0);
    expect(rewritten).toEqual([]);
  });

  it('writes the page of every paper the new day added or changed', () => {
    expect(changedPapers.length).toBeGreaterThan(0);
    for (const slug of changedPapers) {
      const file = `papers/${slug}/index.html`;
      expect(after.has(file), file).toBe(true);
      expect(before.has(file) && unchanged(before.get(file), after.get(file)), `${file} unchanged`).toBe(false);
    }
  });

  it('re-indexes only the search shards whose papers changed, leaving the others file for file', () => {
    const kept = entryAfter.shards.filter((s, n) => entryBefore.shards[n]?.hash === s.hash).map((s) => s.path.split('/')[1]!);
    expect(entryAfter.shards.length).toBeGreaterThan(2);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(entryAfter.shards.length);
    for (const n of kept) {
      const files = [...before.keys()].filter((f) => shardOf(f) === n);
      expect(files.length).toBeGreaterThan(0);
      expect(files.filter((f) => !untouched(before.get(f), after.get(f)))).toEqual([]);
      expect([...after.keys()].filter((f) => shardOf(f) === n).sort()).toEqual(files.sort());
    }
  });

  it('gives the same dist/ as a clean build of the same papers: same files, same bytes', () => {
    const fresh = distState(join(clean, 'dist'));
    expect([...after.keys()].sort()).toEqual([...fresh.keys()].sort());
    const differing = [...fresh.keys()].filter((f) => fresh.get(f)!.hash !== after.get(f)?.hash);
    expect(differing).toEqual([]);
  });
});

describe('rebuilds after papers left the archive, and after a build went elsewhere', () => {
  let incremental: string;
  let clean: string;
  let firstRemoved: string[];
  let laterRemoved: string[];
  let afterRemoval: DistState;
  let output: string;

  beforeAll(async () => {
    incremental = project(true).dir;
    const papers = join(incremental, 'content/papers');
    await npm(incremental, 'ingest');
    await npm(incremental, 'build');
    const names = readdirSync(papers).filter((n) => n.endsWith('.md')).sort();
    [firstRemoved, laterRemoved] = [names.slice(0, 3), names.slice(3, 5)];
    for (const name of firstRemoved) rmSync(join(papers, name));
    await npm(incremental, 'build');
    afterRemoval = distState(join(incremental, 'dist'));
    // Then more papers leave and another folder is built first: Astro's record of what it
    // built is that folder's, which already has the new papers, so its cache keys would say
    // every page of dist/ is up to date.
    for (const name of laterRemoved) rmSync(join(papers, name));
    await npm(incremental, 'build', ['--out-dir', 'elsewhere']);
    // And the search index's shards are lost, its entry kept: every shard is indexed again, with
    // more papers than the step may index beside `astro build`, so after it.
    rmSync(join(incremental, BUILD_CACHE.search, 'pagefind/shards'), { recursive: true, force: true });
    output = await npm(incremental, 'build', [], { SEARCH_BESIDE_PAPERS: '1' });

    clean = project(true).dir;
    await npm(clean, 'ingest');
    for (const name of [...firstRemoved, ...laterRemoved]) rmSync(join(clean, 'content/papers', name));
    await npm(clean, 'build');
  }, 900_000);

  afterAll(() => {
    for (const dir of [incremental, clean]) if (dir) rmSync(join(dir, '..'), { recursive: true, force: true });
  });

  it('removes the pages of papers no longer in the archive', () => {
    for (const name of firstRemoved) expect(afterRemoval.has(`papers/${name.slice(0, -3)}/index.html`), name).toBe(false);
    expect(afterRemoval.has(`papers/${laterRemoved[0]!.slice(0, -3)}/index.html`)).toBe(true);
  });

  it('gives the same dist/ as a clean build: nothing left over from before', () => {
    const after = distState(join(incremental, 'dist'));
    const fresh = distState(join(clean, 'dist'));
    expect([...after.keys()].sort()).toEqual([...fresh.keys()].sort());
    expect([...fresh.keys()].filter((f) => fresh.get(f)!.hash !== after.get(f)?.hash)).toEqual([]);
    expect(output).not.toMatch(/error/i);
    expect(output).toMatch(/search index: \d+ papers in (\d+) shard\(s\) in [^;]+; \1 shard\(s\) indexed, 0 unchanged/);
  });

  it('indexes after astro build, started at once, a search index with more papers to index than may be indexed beside it', () => {
    expect(output).toMatch(/search index: \d+ papers in (\d+) of \1 shard\(s\) to index, [\d.]+ GB held; indexed after astro build, started at once/);
    // The step's indexing comes after the build's pages.
    const pagesBuilt = output.search(/page\(s\) built in/);
    expect(pagesBuilt).toBeGreaterThan(0);
    expect(output.indexOf('shard(s) indexed, 0 unchanged')).toBeGreaterThan(pagesBuilt);
  });
});

describe('the older pages of topics and archive months after one more day', () => {
  let dir: string;
  let before: DistState;
  let after: DistState;
  let changedPapers: Set<string>;
  let updatedPapers: Set<string>;
  let newPapers: PaperView[];
  let sortDateOf: Map<string, string>;
  const slugsBefore = new Map<string, string[]>();

  /** A topic's or archive month's numbered pages (`topics/x/3/index.html` → list `topics/x`, page 3). */
  const numbered = (f: string) => {
    const m = /^(topics\/[^/]+|archive\/\d{4}\/\d{2})\/(\d+)\/index\.html$/.exec(f);
    return m ? { list: m[1]!, page: Number(m[2]) } : null;
  };
  const papersOn = (file: string) => [...new Set([...readFileSync(join(dir, 'dist', file), 'utf8').matchAll(/href="\/papers\/([^/"]+)\/"/g)].map((m) => m[1]!))];

  beforeAll(async () => {
    const p = project(false, PAPERS_WITH_OLDER_PAGES);
    dir = p.dir;
    await npm(dir, 'ingest');
    await npm(dir, 'build');
    before = distState(join(dir, 'dist'));
    for (const f of before.keys()) if (numbered(f)) slugsBefore.set(f, papersOn(f));
    const files = join(dir, 'content/papers');
    const papersBefore = new Map(readdirSync(files).map((n) => [n, readFileSync(join(files, n), 'utf8')]));
    p.addNextDay();
    await npm(dir, 'ingest');
    changedPapers = new Set(readdirSync(files).filter((n) => papersBefore.get(n) !== readFileSync(join(files, n), 'utf8')).map((n) => n.slice(0, -3)));
    updatedPapers = new Set([...changedPapers].filter((slug) => papersBefore.has(`${slug}.md`)));
    const views = await readPaperViews(files);
    sortDateOf = new Map(views.map((p) => [p.slug, p.sortDate]));
    newPapers = views.filter((p) => changedPapers.has(p.slug) && !updatedPapers.has(p.slug));
    await npm(dir, 'build');
    after = distState(join(dir, 'dist'));
  }, 900_000);

  afterAll(() => {
    if (dir) rmSync(join(dir, '..'), { recursive: true, force: true });
  });

  it('leaves a numbered page untouched when no paper the day added or changed is on it or on an older page', () => {
    const pages = [...after.keys()].flatMap((f) => (numbered(f) ? [{ file: f, ...numbered(f)!, papers: papersOn(f) }] : []));
    // The lowest page of each list that holds a new or changed paper: a new paper moves the later ones.
    const firstChanged = new Map<string, number>();
    for (const { list, page, papers } of pages) if (papers.some((s) => changedPapers.has(s))) firstChanged.set(list, Math.min(firstChanged.get(list) ?? Infinity, page));
    // …and the last numbered page before the day, which gains a "newer" link when the newest page hands a full page on.
    const last = (state: DistState) => {
      const pageOf = new Map<string, number>();
      for (const f of state.keys()) if (numbered(f)) pageOf.set(numbered(f)!.list, Math.max(pageOf.get(numbered(f)!.list) ?? 0, numbered(f)!.page));
      return pageOf;
    };
    const [lastBefore, lastAfter] = [last(before), last(after)];
    const handedOn = (list: string, page: number) => page === lastBefore.get(list) && lastAfter.get(list)! > page;
    const kept = pages.filter(({ list, page }) => before.has(`${list}/${page}/index.html`) && page < (firstChanged.get(list) ?? Infinity) && !handedOn(list, page));
    // Lists the day added papers to, with older pages: the case numbering from the oldest is for.
    const grown = new Set(kept.filter(({ list }) => !unchanged(before.get(`${list}/index.html`), after.get(`${list}/index.html`))).map(({ list }) => list));
    expect(grown.size).toBeGreaterThan(0);
    expect(kept.filter(({ file, papers }) => JSON.stringify(papers) !== JSON.stringify(slugsBefore.get(file)))).toEqual([]);
    expect(kept.filter(({ file }) => !untouched(before.get(file), after.get(file))).map(({ file }) => file)).toEqual([]);
  });

  it.each([
    ['a topic', 'topics/', (p: PaperView) => p.topics.map((t) => `topics/${t}`)],
    ['an archive month', 'archive/', (p: PaperView) => [`archive/${p.sortDate.slice(0, 4)}/${p.sortDate.slice(5, 7)}`]],
  ] as const)("leaves every older page of %s as it was, however long ago the day's new papers were published", (_, prefix, listsOf) => {
    const olderPages = [...before.keys()].flatMap((f) => (numbered(f)?.list.startsWith(prefix) ? [{ file: f, ...numbered(f)! }] : []));
    // The case at stake: a new paper of a list published before papers already on that list's older pages.
    const latestOnOlderPages = (list: string) => olderPages.filter((p) => p.list === list).flatMap(({ file }) => slugsBefore.get(file)!.map((s) => sortDateOf.get(s)!)).sort().at(-1)!;
    const olderThanTheirLists = newPapers.filter((p) => listsOf(p).some((list) => olderPages.some((page) => page.list === list) && p.sortDate < latestOnOlderPages(list)));
    expect(olderThanTheirLists).not.toEqual([]);
    // A page holding a paper the day updated changes (its card does), and the last one gains a "newer" link when the newest page hands a full page on.
    const handedOn = ({ list, page }: { list: string; page: number }) => !before.has(`${list}/${page + 1}/index.html`) && after.has(`${list}/${page + 1}/index.html`);
    const kept = olderPages.filter((p) => !slugsBefore.get(p.file)!.some((s) => updatedPapers.has(s)) && !handedOn(p));
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.filter(({ file }) => !untouched(before.get(file), after.get(file))).map(({ file }) => file)).toEqual([]);
  });
});
