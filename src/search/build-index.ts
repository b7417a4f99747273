/**
 * The Pagefind index of the site, written to `<dist>/pagefind/`, built through Pagefind's Node
 * API from the paper files themselves rather than from the built HTML. It needs nothing from
 * `astro build`, so scripts/build-site.ts runs the two side by side.
 *
 * The index is split into shards (shards.ts): each a Pagefind bundle of its own under
 * `pagefind/shards/<n>/`, built one after another with the indexer's memory released in
 * between, so the peak is that of one shard whatever the size of the archive; the search page
 * loads the newest and merges the others it needs (Pagefind's multisite `mergeIndex`). A shard whose
 * records are those it was built from (by content hash) is left as it is, files and mtimes,
 * so a rebuild after one more day re-indexes only the shards that changed.
 *
 * The index has no sort orders of its own: each order the search page offers is a file beside
 * it, named in `pagefind-entry.json` and fetched only when a reader picks it (orders.ts says why).
 * The vocabulary for typo correction is another such file, from the same records
 * (build-vocabulary.ts).
 *
 * `maxFragments` caps the number of result-fragment files per shard (Pagefind then bundles
 * several papers per file): a way under a static host's file-count limit, at the cost of bigger
 * downloads per result.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { readPaperViews } from '../papers/read.ts';
import type { PaperView } from '../papers/view.ts';
import { SEARCH_ENTRY, SEARCH_SHARDS, shardPath, type PagefindEntry, type SearchShard } from './entry.ts';
import { orderFile, searchOrders } from './orders.ts';
import { pagefindIdsByUrl } from './pagefind-ids.ts';
import { searchRecord, type SearchRecord } from './record.ts';
import { shardPapers } from './shards.ts';
import { countWords, VocabularyCounter, writeVocabulary } from './build-vocabulary.ts';
import { VOCABULARY_DIR } from './vocabulary.ts';

export interface SearchIndexOptions {
  papersDir: string;
  /** The site folder; the index goes to its `pagefind/`. */
  dist: string;
  maxFragments?: number | undefined;
  /** Papers per shard; SHARD_SIZE unless set. */
  shardSize?: number | undefined;
  /** Where parsed paper files are kept between runs (src/papers/read.ts); none when unset. */
  papersCacheDir?: string | undefined;
  /**
   * Told which shards will be indexed, once the papers are read and before any indexing starts;
   * an answer of false leaves the indexing to a later run, and nothing is written.
   */
  onPlan?: ((plan: SearchIndexPlan) => void | boolean | Promise<boolean>) | undefined;
}

/** What a run is about to do: index `toIndex` of `shards` shards, holding `papersToIndex` papers, leaving the others as they are. */
export interface SearchIndexPlan {
  shards: number;
  toIndex: number;
  papersToIndex: number;
}

/** The plan as scripts/build-search.ts tells it, with the memory its process holds then. */
export interface SearchStepPlan extends SearchIndexPlan {
  rssBytes: number;
}

/** The build's answer to the plan: index now, or leave it for a later run (scripts/build-site.ts). */
export interface SearchStepAnswer {
  indexNow: boolean;
}

export interface SearchIndexReport {
  papers: number;
  shards: number;
  /** Shards written this run; the others were left untouched. */
  rebuilt: number;
  /** Set when `onPlan` left the indexing to a later run: nothing was written. */
  deferred?: true;
}

const BATCH = 500;
const urlOf = (slug: string) => `papers/${slug}/`;

/** Builds the shards that changed, the sort orders and the entry; returns what it did. */
export async function buildSearchIndex({ papersDir, dist, maxFragments, shardSize, papersCacheDir, onPlan }: SearchIndexOptions): Promise<SearchIndexReport> {
  const papers = await readPaperViews(papersDir, { cacheDir: papersCacheDir });
  // A shard's records are made again where they are needed rather than all kept at once.
  const recordsOf = (slice: PaperView[]) => slice.map((p) => searchRecord(p, urlOf(p.slug)));
  const bundle = join(dist, 'pagefind');
  const previous = readEntry(dist);
  const slices = shardPapers(papers, shardSize);
  if (slices.length === 0) slices.push([]); // An empty index still loads.
  const shards: SearchShard[] = slices.map((slice, n) => ({ path: shardPath(n), hash: shardHash(recordsOf(slice), maxFragments), papers: slice.length }));
  const toIndex = shards.map((shard, n) => previous?.shards?.[n]?.hash !== shard.hash || !existsSync(join(bundle, shard.path, 'pagefind-entry.json')));
  const plan = { shards: shards.length, toIndex: toIndex.filter(Boolean).length, papersToIndex: shards.reduce((n, shard, i) => n + (toIndex[i] ? shard.papers : 0), 0) };
  if ((await onPlan?.(plan)) === false) return { papers: papers.length, shards: shards.length, rebuilt: 0, deferred: true };
  const words = new VocabularyCounter();
  for (const [n, shard] of shards.entries()) {
    if (toIndex[n]) await writeShard(recordsOf(slices[n]!), join(bundle, shard.path), maxFragments);
    words.merge(await shardWords(() => recordsOf(slices[n]!), shard.hash));
  }
  const rebuilt = toIndex.filter(Boolean).length;
  // Shards beyond the last (the archive shrank) go.
  for (const name of existsSync(join(bundle, SEARCH_SHARDS)) ? readdirSync(join(bundle, SEARCH_SHARDS)) : []) {
    if (!shards.some((s) => s.path === `${SEARCH_SHARDS}/${name}/`)) rmSync(join(bundle, SEARCH_SHARDS, name), { recursive: true, force: true });
  }
  const sorts = await writeSortOrders(papers, bundle, shards);
  const vocabulary = writeVocabulary(words, bundle).file;
  // Named by its content: an older one is no longer named in the entry.
  for (const name of readdirSync(join(bundle, VOCABULARY_DIR))) if (`${VOCABULARY_DIR}/${name}` !== vocabulary) rmSync(join(bundle, VOCABULARY_DIR, name), { force: true });
  writeEntry(dist, previous, { ...JSON.parse(readFileSync(join(bundle, shards[0]?.path ?? '', 'pagefind-entry.json'), 'utf8')), shards, sorts, vocabulary });
  return { papers: papers.length, shards: shards.length, rebuilt };
}

/**
 * What a shard is built from: its records, in order, and the settings and Pagefind version
 * that shape its files. Equal hashes mean equal shards: Pagefind writes the same bytes for the
 * same records (fragment names are content hashes since 1.3).
 */
function shardHash(records: SearchRecord[], maxFragments: number | undefined): string {
  const hash = createHash('sha256').update(JSON.stringify({ pagefind: pagefindVersion(), maxFragments: maxFragments ?? null }));
  for (const r of records) hash.update(JSON.stringify(r)).update('\n');
  return hash.digest('hex').slice(0, 16);
}

/**
 * One shard, written beside its place and then swapped in, so a failed run leaves the old
 * shard whole. The indexer is closed after each shard: its memory (about 0.8 GB for the
 * records and 4 GB while writing at 30,000 papers in one index) is given back before the next.
 */
async function writeShard(records: SearchRecord[], dir: string, maxFragments: number | undefined): Promise<void> {
  const temp = `${dir.replace(/\/$/, '')}.new`;
  rmSync(temp, { recursive: true, force: true });
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en', ...(maxFragments ? { maxFragments } : {}) });
    if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
    for (let i = 0; i < records.length; i += BATCH) {
      const results = await Promise.all(records.slice(i, i + BATCH).map((r) => index.addCustomRecord(r)));
      const failed = results.flatMap((r) => r.errors);
      if (failed.length > 0) throw new Error(`pagefind: ${failed.slice(0, 5).join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath: temp });
    if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
    await index.deleteIndex();
  } finally {
    // Pagefind's indexer is a child process: it must end whatever happened, or Node waits on it.
    await pagefind.close();
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, '..'), { recursive: true });
  renameSync(temp, dir);
}

/** The sort orders, each named by a hash of its content so that a copy never goes stale; unchanged files are not rewritten. */
async function writeSortOrders(papers: PaperView[], bundle: string, shards: SearchShard[]): Promise<Record<string, string>> {
  const ids = new Map<string, string>();
  for (const shard of shards) for (const [url, id] of await shardIds(join(bundle, shard.path), shard.hash)) ids.set(url, id);
  const missing = papers.filter((p) => !ids.has(urlOf(p.slug)));
  if (missing.length > 0) throw new Error(`pagefind: ${missing.length} papers have no fragment in ${bundle}, e.g. ${missing[0]!.slug}`);
  const idOfSlug = new Map(papers.map((p) => [p.slug, ids.get(urlOf(p.slug))!]));
  const sorts: Record<string, string> = {};
  mkdirSync(join(bundle, 'sort'), { recursive: true });
  for (const [order, slugs] of Object.entries(searchOrders(papers))) {
    const text = orderFile(slugs, idOfSlug);
    const file = `sort/${order}.${createHash('sha256').update(text).digest('hex').slice(0, 10)}.txt`;
    if (!existsSync(join(bundle, file))) writeFileSync(join(bundle, file), text);
    sorts[order] = file;
  }
  const kept = new Set(Object.values(sorts).map((f) => f.slice('sort/'.length)));
  for (const name of readdirSync(join(bundle, 'sort'))) if (!kept.has(name)) rmSync(join(bundle, 'sort', name), { force: true });
  return sorts;
}

/**
 * What a build works out per shard and keeps between builds in `node_modules/.cache/<folder>/`,
 * by shard hash (equal hashes are equal shards, so a folder can serve any number of sites): read
 * back when there, else worked out and kept. An entry is touched when used; one unused for a week
 * is removed when another is written.
 */
const KEPT_MS = 7 * 24 * 3600 * 1000;

async function keptPerShard<T, J>(folder: string, name: string, work: () => T | Promise<T>, toJson: (value: T) => J, fromJson: (json: J) => T): Promise<T> {
  const dir = join('node_modules', '.cache', folder);
  const file = join(dir, `${name}.json`);
  try {
    const value = fromJson(JSON.parse(readFileSync(file, 'utf8')) as J);
    const now = new Date();
    utimesSync(file, now, now);
    return value;
  } catch {
    const value = await work();
    mkdirSync(dir, { recursive: true });
    for (const old of readdirSync(dir)) if (Date.now() - statSync(join(dir, old)).mtimeMs > KEPT_MS) rmSync(join(dir, old), { force: true });
    writeFileSync(file, JSON.stringify(toJson(value)));
    return value;
  }
}

/** A shard's result ids by URL: reading them back from its fragments means unzipping one file per paper (30,000 at 30,000 papers). */
function shardIds(dir: string, hash: string): Promise<Map<string, string>> {
  return keptPerShard('paper-digest-search-ids', hash, () => pagefindIdsByUrl(dir), (ids) => Object.fromEntries(ids), (json: Record<string, string>) => new Map(Object.entries(json)));
}

/**
 * A shard's words, counted for the vocabulary, kept also by the counting code's own hash:
 * counting every record's words took 1.6 s of every build at 30,000 papers, of which an
 * unchanged shard now takes none.
 */
const COUNTING_SOURCES = [new URL('./build-vocabulary.ts', import.meta.url), new URL('./vocabulary.ts', import.meta.url)];
let countingVersion: string | undefined;

function shardWords(records: () => SearchRecord[], hash: string): Promise<VocabularyCounter> {
  countingVersion ??= COUNTING_SOURCES.reduce((h, file) => h.update(readFileSync(file)), createHash('sha256')).digest('hex').slice(0, 12);
  return keptPerShard('paper-digest-search-words', `${hash}-${countingVersion}`, () => countWords(records()), (counter) => counter.toCounts(), VocabularyCounter.fromCounts);
}

function readEntry(dist: string): PagefindEntry | null {
  try {
    return JSON.parse(readFileSync(join(dist, SEARCH_ENTRY), 'utf8')) as PagefindEntry;
  } catch {
    return null;
  }
}

/**
 * Written only when it changes, so an unchanged index leaves every file of it untouched; and as
 * a new file renamed into place, never rewritten in place: the file is hard-linked into the
 * published site until the build mirrors the new index there, which must keep the old entry.
 */
function writeEntry(dist: string, previous: PagefindEntry | null, entry: PagefindEntry): void {
  if (previous && JSON.stringify(previous) === JSON.stringify(entry)) return;
  // The new file is written outside the index's folder, so a run stopped half-way leaves nothing there.
  const temp = join(dist, '.pagefind-entry.json.new');
  writeFileSync(temp, JSON.stringify(entry));
  renameSync(temp, join(dist, SEARCH_ENTRY));
}

let version: string | undefined;
function pagefindVersion(): string {
  // The package exports only its entry point (lib/index.js); package.json is two folders up.
  version ??= (JSON.parse(readFileSync(join(fileURLToPath(import.meta.resolve('pagefind')), '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
  return version;
}
