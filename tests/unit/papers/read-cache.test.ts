/**
 * Reading the papers folder with a cache of parsed files (src/papers/read.ts): a file whose
 * size and mtime are unchanged is taken from the cache, any other is parsed again, and a file
 * broken since is still named.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BrokenPaperFilesError, keptPapers, readPaperFolder } from '../../../src/papers/read.ts';

const bundled = join(import.meta.dirname, '../../../content/papers');
const scratch: string[] = [];
afterEach(() => scratch.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function folderOf(count: number): { papers: string; cache: string; names: string[] } {
  const root = mkdtempSync(join(tmpdir(), 'paper-digest-read-'));
  scratch.push(root);
  const papers = join(root, 'papers');
  const names = readdirSync(bundled).filter((n) => n.endsWith('.md')).sort().slice(0, count);
  for (const name of names) cpSync(join(bundled, name), join(papers, name));
  return { papers, cache: join(root, 'cache'), names };
}

/** Rewrites a file keeping its size and mtime, as no edit by hand would. */
function swapInPlace(path: string, text: string): void {
  const { atimeMs, mtimeMs, size } = statSync(path);
  expect(Buffer.byteLength(text)).toBe(size);
  writeFileSync(path, text);
  utimesSync(path, atimeMs / 1000, mtimeMs / 1000);
}

describe('reading the papers folder with a cache', () => {
  it('gives what a read without the cache gives', async () => {
    const { papers, cache } = folderOf(20);
    const plain = await readPaperFolder(papers);
    expect(await readPaperFolder(papers, { cacheDir: cache })).toEqual(plain);
    expect(await readPaperFolder(papers, { cacheDir: cache })).toEqual(plain);
  });

  it('takes an unchanged file from the cache and parses a changed one again', async () => {
    const { papers, cache, names } = folderOf(5);
    await readPaperFolder(papers, { cacheDir: cache });
    const [kept, edited] = names.map((n) => join(papers, n));
    const text = readFileSync(kept!, 'utf8');
    // Same size and mtime: the cache answers, so the (unreadable) bytes are not seen.
    swapInPlace(kept!, text.replace(/^---/, '+++'));
    writeFileSync(edited!, readFileSync(edited!, 'utf8').replace(/^title: .*$/m, 'title: "Edited by hand"'));
    const again = await readPaperFolder(papers, { cacheDir: cache });
    expect(again.find((p) => `${p.slug}.md` === names[1])?.data.title).toBe('Edited by hand');
    expect(again).toHaveLength(5);
    // Touched, the broken file is parsed and named.
    utimesSync(kept!, new Date(), new Date(Date.now() + 60_000));
    await expect(readPaperFolder(papers, { cacheDir: cache })).rejects.toThrow(BrokenPaperFilesError);
  });

  it('forgets a file removed from the folder', async () => {
    const { papers, cache, names } = folderOf(5);
    await readPaperFolder(papers, { cacheDir: cache });
    rmSync(join(papers, names[0]!));
    expect((await readPaperFolder(papers, { cacheDir: cache })).map((p) => `${p.slug}.md`)).toEqual(names.slice(1));
  });
});

describe('papers kept for the content loader', () => {
  it('gives a file the fields the read before parsed, for the text that was parsed only', async () => {
    const { papers, cache, names } = folderOf(3);
    const read = await readPaperFolder(papers, { cacheDir: cache });
    const kept = keptPapers(cache, papers);
    const text = readFileSync(join(papers, names[0]!), 'utf8');
    expect(kept(names[0]!, text)).toEqual(read[0]);
    expect(kept(names[0]!, text.replace(/\ntitle: /, '\ntitle: Edited '))).toBeUndefined();
    expect(kept('no-such-paper.md', text)).toBeUndefined();
  });

  it('gives nothing when no read kept papers for the folder', () => {
    const { papers, cache, names } = folderOf(1);
    expect(keptPapers(cache, papers)(names[0]!, readFileSync(join(papers, names[0]!), 'utf8'))).toBeUndefined();
  });
});
