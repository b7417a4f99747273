/**
 * Counting files: which ones a phase wrote (by comparing snapshots of the scratch
 * project taken before and after it), and what a folder such as `dist/` holds.
 */
import { lstatSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Relative path → identity of its content on disk (inode, size, modification time). */
export type Snapshot = Map<string, string>;

export function snapshot(root: string): Snapshot {
  const files: Snapshot = new Map();
  for (const path of walk(root)) {
    const s = lstatSync(path);
    files.set(relative(root, path), `${s.ino}:${s.size}:${s.mtimeMs}`);
  }
  return files;
}

export interface Writes {
  /** Files created or changed. */
  written: number;
  deleted: number;
  /** Written files by the folder they are in, two levels deep (`dist/papers`, `content/papers`). */
  byFolder: Record<string, number>;
}

export function diffSnapshots(before: Snapshot, after: Snapshot): Writes {
  const byFolder: Record<string, number> = {};
  let written = 0;
  for (const [path, identity] of after) {
    if (before.get(path) === identity) continue;
    written++;
    const folder = path.split('/').slice(0, -1).slice(0, 2).join('/') || '.';
    byFolder[folder] = (byFolder[folder] ?? 0) + 1;
  }
  const deleted = [...before.keys()].filter((path) => !after.has(path)).length;
  return { written, deleted, byFolder };
}

export interface FolderStats {
  files: number;
  bytes: number;
  /** `.html` files: the pages a static host serves. */
  pages: number;
}

export function folderStats(root: string): FolderStats {
  const stats: FolderStats = { files: 0, bytes: 0, pages: 0 };
  for (const path of walk(root)) {
    stats.files++;
    stats.bytes += lstatSync(path).size;
    if (path.endsWith('.html')) stats.pages++;
  }
  return stats;
}

/** Every regular file under `root`; symbolic links are not followed (node_modules). */
export function* walk(root: string): Generator<string> {
  let entries;
  try {
    entries = readdirSync(root, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(root, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}
