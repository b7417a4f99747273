/**
 * `node scripts/build-search.ts [dist]`: the Pagefind index of the site, written to
 * `<dist>/pagefind/`, built through Pagefind's Node API from the paper files themselves
 * (PAPERS_DIR, default content/papers) rather than from the built HTML. It needs nothing
 * from `astro build`, so scripts/build-site.ts runs the two side by side.
 *
 * The index has no sort orders of its own: each order the search page offers is a file beside
 * it, named in `pagefind-entry.json` and fetched only when a reader picks it
 * (src/lib/search-orders.ts says why).
 *
 * PAGEFIND_MAX_FRAGMENTS caps the number of result-fragment files (Pagefind then bundles
 * several papers per file): a way under a static host's file-count limit, at the cost of
 * bigger downloads per result.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { readPaperViews } from '../src/lib/read-papers.ts';
import { SEARCH_ENTRY } from '../src/lib/offline/site-paths.ts';
import { pagefindIdsByUrl } from '../src/lib/pagefind-ids.ts';
import { orderFile, searchOrders } from '../src/lib/search-orders.ts';
import { searchRecord } from '../src/lib/search-record.ts';
import { loadTaxonomy } from '../src/lib/taxonomy.ts';
import { nameFromSlug } from '../src/lib/topic-index.ts';

const dist = process.argv[2] ?? 'dist';
const papers = await readPaperViews(process.env.PAPERS_DIR ?? 'content/papers');
const taxonomy = loadTaxonomy(process.env.TOPICS_FILE ?? 'content/topics.yaml');
const names = new Map([...taxonomy.topics, taxonomy.other].map((t) => [t.slug, t.name]));
const maxFragments = Number(process.env.PAGEFIND_MAX_FRAGMENTS) || undefined;

const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en', ...(maxFragments ? { maxFragments } : {}) });
if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
const urlOf = (slug: string) => `papers/${slug}/`;
const BATCH = 500;
for (let i = 0; i < papers.length; i += BATCH) {
  const batch = papers.slice(i, i + BATCH).map((p) => searchRecord(p, p.topics.map((t) => names.get(t) ?? nameFromSlug(t)), urlOf(p.slug)));
  const results = await Promise.all(batch.map((r) => index.addCustomRecord(r)));
  const failed = results.flatMap((r) => r.errors);
  if (failed.length > 0) throw new Error(`pagefind: ${failed.slice(0, 5).join('; ')}`);
}
const bundle = join(dist, 'pagefind');
const written = await index.writeFiles({ outputPath: bundle });
if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
await pagefind.close();

// The sort orders, each named by a hash of its content so that a copy never goes stale.
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
const entryPath = join(dist, SEARCH_ENTRY);
writeFileSync(entryPath, JSON.stringify({ ...JSON.parse(readFileSync(entryPath, 'utf8')), sorts }));
console.log(`search index: ${papers.length} papers indexed into ${join(dist, 'pagefind')}`);
