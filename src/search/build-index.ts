/**
 * The Pagefind index of the site, written to `<dist>/pagefind/`, built through Pagefind's Node
 * API from the paper files themselves rather than from the built HTML. It needs nothing from
 * `astro build`, so scripts/build-site.ts runs the two side by side.
 *
 * The index has no sort orders of its own: each order the search page offers is a file beside
 * it, named in `pagefind-entry.json` and fetched only when a reader picks it (orders.ts says why).
 * The vocabulary for typo correction is another such file, from the same records
 * (build-vocabulary.ts).
 *
 * `maxFragments` caps the number of result-fragment files (Pagefind then bundles several papers
 * per file): a way under a static host's file-count limit, at the cost of bigger downloads per
 * result.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { readPaperViews } from '../papers/read.ts';
import type { PaperView } from '../papers/view.ts';
import { SEARCH_ENTRY, type PagefindEntry } from './entry.ts';
import { orderFile, searchOrders } from './orders.ts';
import { pagefindIdsByUrl } from './pagefind-ids.ts';
import { searchRecord } from './record.ts';
import { writeVocabulary } from './build-vocabulary.ts';

export interface SearchIndexOptions {
  papersDir: string;
  /** The site folder; the index goes to its `pagefind/`. */
  dist: string;
  maxFragments?: number | undefined;
}

const BATCH = 500;
const urlOf = (slug: string) => `papers/${slug}/`;

/** Builds the index, its sort orders and its vocabulary; returns how many papers it holds. */
export async function buildSearchIndex({ papersDir, dist, maxFragments }: SearchIndexOptions): Promise<number> {
  const papers = await readPaperViews(papersDir);
  const recordOf = (p: PaperView) => searchRecord(p, urlOf(p.slug));
  const bundle = join(dist, 'pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en', ...(maxFragments ? { maxFragments } : {}) });
    if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
    for (let i = 0; i < papers.length; i += BATCH) {
      const batch = papers.slice(i, i + BATCH).map(recordOf);
      const results = await Promise.all(batch.map((r) => index.addCustomRecord(r)));
      const failed = results.flatMap((r) => r.errors);
      if (failed.length > 0) throw new Error(`pagefind: ${failed.slice(0, 5).join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath: bundle });
    if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
  } finally {
    // Pagefind's indexer is a child process: it must end whatever happened, or Node waits on it.
    await pagefind.close();
  }
  const sorts = await writeSortOrders(papers, bundle);
  const vocabulary = writeVocabulary(papers.map(recordOf), bundle).file;
  addToEntry(dist, { sorts, vocabulary });
  return papers.length;
}

/** The sort orders, each named by a hash of its content so that a copy never goes stale. */
async function writeSortOrders(papers: PaperView[], bundle: string): Promise<Record<string, string>> {
  const ids = await pagefindIdsByUrl(bundle);
  const missing = papers.filter((p) => !ids.has(urlOf(p.slug)));
  if (missing.length > 0) throw new Error(`pagefind: ${missing.length} papers have no fragment in ${bundle}, e.g. ${missing[0]!.slug}`);
  const idOfSlug = new Map(papers.map((p) => [p.slug, ids.get(urlOf(p.slug))!]));
  const sorts: Record<string, string> = {};
  mkdirSync(join(bundle, 'sort'), { recursive: true });
  for (const [order, slugs] of Object.entries(searchOrders(papers))) {
    const text = orderFile(slugs, idOfSlug);
    const file = `sort/${order}.${createHash('sha256').update(text).digest('hex').slice(0, 10)}.txt`;
    writeFileSync(join(bundle, file), text);
    sorts[order] = file;
  }
  return sorts;
}

/** Names the files written beside the index in its entry file, which Pagefind wrote. */
function addToEntry(dist: string, fields: Pick<PagefindEntry, 'sorts' | 'vocabulary'>): void {
  const entryPath = join(dist, SEARCH_ENTRY);
  writeFileSync(entryPath, JSON.stringify({ ...JSON.parse(readFileSync(entryPath, 'utf8')), ...fields }));
}
