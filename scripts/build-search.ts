/**
 * `node scripts/build-search.ts [dist]`: the Pagefind index of the site, written to
 * `<dist>/pagefind/`, built through Pagefind's Node API from the paper files themselves
 * (PAPERS_DIR, default content/papers) rather than from the built HTML. It needs nothing
 * from `astro build`, so scripts/build-site.ts runs the two side by side.
 *
 * PAGEFIND_MAX_FRAGMENTS caps the number of result-fragment files (Pagefind then bundles
 * several papers per file): a way under a static host's file-count limit, at the cost of
 * bigger downloads per result.
 */
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { readPaperViews } from '../src/lib/read-papers.ts';
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
const BATCH = 500;
for (let i = 0; i < papers.length; i += BATCH) {
  const batch = papers.slice(i, i + BATCH).map((p) => searchRecord(p, p.topics.map((t) => names.get(t) ?? nameFromSlug(t)), `papers/${p.slug}/`));
  const results = await Promise.all(batch.map((r) => index.addCustomRecord(r)));
  const failed = results.flatMap((r) => r.errors);
  if (failed.length > 0) throw new Error(`pagefind: ${failed.slice(0, 5).join('; ')}`);
}
const written = await index.writeFiles({ outputPath: join(dist, 'pagefind') });
if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
await pagefind.close();
console.log(`search index: ${papers.length} papers indexed into ${join(dist, 'pagefind')}`);
