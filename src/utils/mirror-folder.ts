/**
 * Makes a folder hold exactly the files of another, by hard links: a file already linked to
 * the same inode is left alone (its mtime and bytes untouched), and so is one with the same bytes
 * as the source's (the indexer rewrites every file of a shard it indexes again, most of them as
 * they were: the source then takes the published file's inode back), a new or changed one is
 * linked in, one the source no longer has is removed. The search index is built in a cache folder
 * that outlives `dist/` and mirrored into it this way: one link per file instead of a copy,
 * and nothing at all for the shards that did not change. Falls back to copying where links
 * cannot be made (another file system).
 */
import { copyFileSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, unlinkSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

export interface MirrorReport {
  linked: number;
  kept: number;
  removed: number;
}

export function mirrorFolder(from: string, to: string): MirrorReport {
  const report: MirrorReport = { linked: 0, kept: 0, removed: 0 };
  const wanted = new Set<string>();
  for (const file of filesUnder(from)) {
    const rel = relative(from, file);
    wanted.add(rel);
    const target = join(to, rel);
    const source = lstatSync(file);
    let existing;
    try {
      existing = lstatSync(target);
    } catch {
      existing = null;
    }
    if (existing && existing.ino === source.ino && existing.dev === source.dev) {
      report.kept++;
      continue;
    }
    if (existing?.isFile() && existing.size === source.size && readFileSync(target).equals(readFileSync(file))) {
      linkBack(target, file, `${from.replace(/[\\/]+$/, '')}.relink`);
      report.kept++;
      continue;
    }
    if (existing) unlinkSync(target);
    else mkdirSync(dirname(target), { recursive: true });
    try {
      linkSync(file, target);
    } catch {
      copyFileSync(file, target);
    }
    report.linked++;
  }
  for (const file of filesUnder(to)) {
    if (!wanted.has(relative(to, file))) {
      rmSync(file, { force: true });
      report.removed++;
    }
  }
  removeEmptyFolders(to);
  return report;
}

/**
 * Makes `file` a link to `published` (same bytes), so that the two stay linked; on another file
 * system both stay as they are. `temp` is outside the mirrored folder, so that a run stopped
 * half-way leaves nothing there to publish.
 */
function linkBack(published: string, file: string, temp: string): void {
  try {
    linkSync(published, temp);
    renameSync(temp, file);
  } catch {
    rmSync(temp, { force: true });
  }
}

function* filesUnder(root: string): Generator<string> {
  let entries;
  try {
    entries = readdirSync(root, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const path = join(root, e.name);
    if (e.isDirectory()) yield* filesUnder(path);
    else yield path;
  }
}

function removeEmptyFolders(dir: string): boolean {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return false;
  }
  let empty = true;
  for (const e of entries) {
    if (e.isDirectory() && removeEmptyFolders(join(dir, e.name))) rmSync(join(dir, e.name), { recursive: true, force: true });
    else empty = false;
  }
  return empty;
}
