/**
 * `node scripts/build-related.ts <file>`: every paper's related papers, worked out from the paper
 * files into `file` for `astro build` (src/analysis/related-file.ts), so that the build does not
 * spend its own time on them.
 */
import { BUILD_CACHE, env } from '../src/config.ts';
import { relatable, writeRelatedFile } from '../src/analysis/related-file.ts';
import { BrokenPaperFilesError, readPaperViews } from '../src/papers/read.ts';

const file = process.argv[2] ?? BUILD_CACHE.related;
try {
  const papers = await readPaperViews(env.papersDir(), { cacheDir: BUILD_CACHE.papers });
  await writeRelatedFile(file, papers.map(relatable));
} catch (error) {
  // Broken paper files: the build names them (Astro's loader and the search index both stop on
  // them); with no file written, the pages would work related papers out themselves.
  if (!(error instanceof BrokenPaperFilesError)) throw error;
}
