/**
 * The pages Astro's incremental build (astro.config.mjs) recorded as built, read from its
 * manifest (`incremental-build.json` in Astro's cache folder, `node_modules/.astro/`): every
 * path of a route that gives a cache key, with the file it wrote under `dist/`. Astro leaves
 * `dist/` as it is between builds (`emptyOutDir: false`), so a page it no longer builds (a
 * paper removed from the archive, a topic page no longer needed) would stay; comparing the
 * manifest before and after a build names those files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ASTRO_CACHE_DIR = join('node_modules', '.astro');
const MANIFEST = 'incremental-build.json';

interface Manifest {
  routes?: Record<string, { paths?: Record<string, { outputFile?: string }> }>;
}

/** The files (relative to `dist/`) of the keyed pages of the last build; null when there is no usable manifest. */
export function builtPages(cacheDir = ASTRO_CACHE_DIR): Set<string> | null {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(join(cacheDir, MANIFEST), 'utf8')) as Manifest;
  } catch {
    return null;
  }
  const files = new Set<string>();
  for (const route of Object.values(manifest.routes ?? {})) for (const path of Object.values(route.paths ?? {})) if (path.outputFile) files.add(path.outputFile);
  return files;
}

/** Files built before and not now: to remove from `dist/`. */
export function stalePages(before: ReadonlySet<string>, after: ReadonlySet<string>): string[] {
  return [...before].filter((file) => !after.has(file)).sort();
}
