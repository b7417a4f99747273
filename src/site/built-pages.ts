/**
 * What a kept `dist/` holds between builds. Astro builds incrementally (astro.config.mjs) and
 * leaves `dist/` as it is (`emptyOutDir: false`): a page whose cache key did not change is
 * neither rendered nor written, and Astro trusts the file already there. So a kept `dist/`
 * must be the last build's own output, and files the build no longer makes (a paper removed,
 * a topic page no longer needed, an old script chunk) must go.
 *
 * - The last build's output folder is recorded beside Astro's cache, with a digest of Astro's
 *   manifest (`incremental-build.json`): a folder that is not the one recorded, or a manifest
 *   another build has rewritten since (a build into another folder, with other settings), and
 *   the folder is emptied before the build, which then starts clean.
 * - After `astro build`, a file it neither wrote (inode and mtime as before the build) nor kept
 *   as a cached page (in its manifest) is stale and removed.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const ASTRO_CACHE_DIR = join('node_modules', '.astro');
const MANIFEST = 'incremental-build.json';
const RECORD = 'paper-digest-dist.json';

interface Manifest {
  routes?: Record<string, { paths?: Record<string, { outputFile?: string }> }>;
}

interface DistRecord {
  outDir: string;
  manifest: string;
}

function manifestDigest(cacheDir: string): string | null {
  try {
    return createHash('sha256').update(readFileSync(join(cacheDir, MANIFEST))).digest('hex');
  } catch {
    return null;
  }
}

/** True when `dist` is the folder the last completed build wrote, with Astro's record of it unchanged since. */
export function isLastBuildOutput(dist: string, cacheDir = ASTRO_CACHE_DIR): boolean {
  let record: DistRecord;
  try {
    record = JSON.parse(readFileSync(join(cacheDir, RECORD), 'utf8')) as DistRecord;
  } catch {
    return false;
  }
  const digest = manifestDigest(cacheDir);
  return digest !== null && record.outDir === resolve(dist) && record.manifest === digest;
}

/** Forgets the last build's folder: called before a build starts, so one that fails leaves the next to start clean. */
export function forgetLastBuild(cacheDir = ASTRO_CACHE_DIR): void {
  rmSync(join(cacheDir, RECORD), { force: true });
}

/** Records `dist` as the last completed build's output. */
export function recordLastBuild(dist: string, cacheDir = ASTRO_CACHE_DIR): void {
  const digest = manifestDigest(cacheDir);
  if (digest) writeFileSync(join(cacheDir, RECORD), JSON.stringify({ outDir: resolve(dist), manifest: digest } satisfies DistRecord));
}

/** The files (relative to `dist/`, `/`-separated) of the keyed pages of the last build; empty without a manifest. */
export function builtPages(cacheDir = ASTRO_CACHE_DIR): Set<string> {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(join(cacheDir, MANIFEST), 'utf8')) as Manifest;
  } catch {
    return new Set();
  }
  const files = new Set<string>();
  for (const route of Object.values(manifest.routes ?? {})) for (const path of Object.values(route.paths ?? {})) if (path.outputFile) files.add(path.outputFile);
  return files;
}

/**
 * Every file under `dist` (relative, `/`-separated) with its inode and mtime, what a build that
 * leaves it alone does not change; files `others` claims (other steps' output) are not looked at,
 * nor folders it claims, asked as `folder/` (the search index's 100,000 files at 100,000 papers).
 * Read a folder at a time: listing a whole 200,000-file site at once took 230 MB, held by the
 * build's own process while `astro build` ran.
 */
export function fileStates(dist: string, others: (file: string) => boolean): Map<string, string> {
  const states = new Map<string, string>();
  const walk = (folder: string) => {
    let entries;
    try {
      entries = readdirSync(join(dist, folder), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const file = folder === '' ? entry.name : `${folder}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!others(`${file}/`)) walk(file);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && !others(file)) {
        const s = lstatSync(join(dist, file), { throwIfNoEntry: false });
        if (s) states.set(file, `${s.ino}:${s.mtimeMs}`);
      }
    }
  };
  walk('');
  return states;
}

/**
 * Removes from `dist` every file that was there before the build (`before`, from fileStates) and
 * that the build left alone (same inode and mtime), unless it is a page Astro kept (`kept`); then
 * the folders left empty. Comparing with the file's own earlier state, not the clock, holds on file systems
 * with coarse times. Returns the files removed, relative to `dist`.
 */
export function removeStaleFiles(dist: string, before: ReadonlyMap<string, string>, kept: ReadonlySet<string>): string[] {
  const removed: string[] = [];
  for (const [file, state] of before) {
    if (kept.has(file)) continue;
    const path = join(dist, file);
    const s = lstatSync(path, { throwIfNoEntry: false });
    if (!s || `${s.ino}:${s.mtimeMs}` !== state) continue;
    rmSync(path, { force: true });
    removed.push(file);
    removeEmptyParents(dirname(path), dist);
  }
  return removed.sort();
}

function removeEmptyParents(dir: string, root: string): void {
  for (let d = dir; resolve(d) !== resolve(root); d = dirname(d)) {
    try {
      rmdirSync(d);
    } catch {
      return;
    }
  }
}
