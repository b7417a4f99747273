/**
 * `node scripts/build-search.ts [dist]`: the Pagefind index of the built site, from the
 * records the build wrote to `dist/search-records.json` (one per paper), through
 * Pagefind's Node API. Run after `astro build`; removes the records file when done.
 *
 * PAGEFIND_MAX_FRAGMENTS caps the number of result-fragment files (Pagefind then bundles
 * several papers per file): a way under a static host's file-count limit, at the cost of
 * bigger downloads per result.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { SearchRecord } from '../src/lib/search-record.ts';

const dist = process.argv[2] ?? 'dist';
const recordsFile = join(dist, 'search-records.json');
const records = JSON.parse(readFileSync(recordsFile, 'utf8')) as SearchRecord[];
const maxFragments = Number(process.env.PAGEFIND_MAX_FRAGMENTS) || undefined;

const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en', ...(maxFragments ? { maxFragments } : {}) });
if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
const BATCH = 500;
for (let i = 0; i < records.length; i += BATCH) {
  const results = await Promise.all(records.slice(i, i + BATCH).map((r) => index.addCustomRecord(r)));
  const failed = results.flatMap((r) => r.errors);
  if (failed.length > 0) throw new Error(`pagefind: ${failed.slice(0, 5).join('; ')}`);
}
const written = await index.writeFiles({ outputPath: join(dist, 'pagefind') });
if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
await pagefind.close();
rmSync(recordsFile);
console.log(`search index: ${records.length} papers indexed into ${join(dist, 'pagefind')}`);
