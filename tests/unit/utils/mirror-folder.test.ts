/** A folder mirrored from another by hard links (src/utils/mirror-folder.ts): what did not change is not touched. */
import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mirrorFolder } from '../../../src/utils/mirror-folder.ts';

let root: string;
let from: string;
let to: string;
const write = (dir: string, name: string, text: string) => {
  mkdirSync(join(dir, name, '..'), { recursive: true });
  writeFileSync(join(dir, name), text);
};
/** Rewrites a file of the source as a new file (a new inode), as an indexer does. */
const rewrite = (name: string, text: string) => {
  rmSync(join(from, name));
  write(from, name, text);
};
const state = (path: string) => {
  const s = statSync(path);
  return { ino: s.ino, mtimeMs: s.mtimeMs };
};

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'mirror-'));
  from = join(root, 'from');
  to = join(root, 'to');
  write(from, 'pagefind.js', 'code');
  write(from, 'shards/0/index.pf', 'index 0');
  write(from, 'shards/1/index.pf', 'index 1');
  mirrorFolder(from, to);
  // Older than anything written from here on, so that a rewrite shows in the mtime too.
  for (const name of ['pagefind.js', 'shards/0/index.pf', 'shards/1/index.pf']) utimesSync(join(to, name), 1_000, 1_000);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('mirroring a folder', () => {
  it('links a new or changed file in and removes one the source no longer has', () => {
    rewrite('shards/0/index.pf', 'index 0, changed');
    write(from, 'shards/2/index.pf', 'index 2');
    rmSync(join(from, 'shards/1'), { recursive: true });
    expect(mirrorFolder(from, to)).toEqual({ linked: 2, kept: 1, removed: 1 });
    expect(readFileSync(join(to, 'shards/0/index.pf'), 'utf8')).toBe('index 0, changed');
    expect(readFileSync(join(to, 'shards/2/index.pf'), 'utf8')).toBe('index 2');
    expect(existsSync(join(to, 'shards/1'))).toBe(false);
  });

  it('leaves a file rewritten with the same bytes as it was, and links the source to it', () => {
    const before = state(join(to, 'pagefind.js'));
    const changedBefore = state(join(to, 'shards/1/index.pf'));
    rewrite('pagefind.js', 'code');
    rewrite('shards/1/index.pf', 'index 1, changed');
    expect(mirrorFolder(from, to)).toEqual({ linked: 1, kept: 2, removed: 0 });
    expect(state(join(to, 'pagefind.js'))).toEqual(before);
    expect(state(join(from, 'pagefind.js')).ino).toBe(before.ino);
    expect(state(join(to, 'shards/1/index.pf'))).not.toEqual(changedBefore);
    // Linked again, the next mirror has nothing to compare.
    expect(mirrorFolder(from, to)).toEqual({ linked: 0, kept: 3, removed: 0 });
  });

  it('links a file of the same size but other bytes', () => {
    rewrite('pagefind.js', 'CODE');
    expect(mirrorFolder(from, to).linked).toBe(1);
    expect(readFileSync(join(to, 'pagefind.js'), 'utf8')).toBe('CODE');
  });
});
