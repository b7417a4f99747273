/**
 * Reading the papers folder with a cache of parsed files (src/papers/read.ts): a file whose
 * size and mtime are unchanged is taken from the cache, any other is parsed again, and a file
 * broken since is still named.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize } from 'node:v8';
import { afterEach, describe, expect, it } from 'vitest';
import { BrokenPaperFilesError, keptPapers, readPaperFolder, textDigest } from '../../../src/papers/read.ts';

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

const entriesIn = (cache: string, part: string) => (deserialize(readFileSync(join(cache, part))) as { papers: Map<string, unknown> }).papers.size;

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
    const { digest, ...parsed } = read[0]!;
    expect(kept(names[0]!, text)).toEqual(parsed);
    expect(digest).toBe(textDigest(text));
    expect(kept(names[0]!, text.replace(/\ntitle: /, '\ntitle: Edited '))).toBeUndefined();
    expect(kept('no-such-paper.md', text)).toBeUndefined();
  });

  it('gives nothing when no read kept papers for the folder', () => {
    const { papers, cache, names } = folderOf(1);
    expect(keptPapers(cache, papers)(names[0]!, readFileSync(join(papers, names[0]!), 'utf8'))).toBeUndefined();
  });
});

describe('the cache in parts', () => {
  it('is written whole again after a fresh checkout, every file with a new mtime and the same bytes', async () => {
    const { papers, cache, names } = folderOf(4);
    await readPaperFolder(papers, { cacheDir: cache });
    const later = new Date(Date.now() + 60_000);
    for (const name of names) utimesSync(join(papers, name), later, later);
    await readPaperFolder(papers, { cacheDir: cache });
    expect(readdirSync(cache).map((p) => entriesIn(cache, p))).toEqual([4]);
  });

  const parts = (cache: string) => readdirSync(cache).sort((a, b) => Number(a.split('.').at(-2)) - Number(b.split('.').at(-2)));
  const edit = (path: string, n: number) => writeFileSync(path, readFileSync(path, 'utf8').replace(/^title: .*$/m, `title: "Edited ${n}"`));

  it('adds a part holding only the papers read anew', async () => {
    const { papers, cache, names } = folderOf(6);
    await readPaperFolder(papers, { cacheDir: cache });
    expect(parts(cache)).toHaveLength(1);
    edit(join(papers, names[2]!), 1);
    const again = await readPaperFolder(papers, { cacheDir: cache });
    const [first, second] = parts(cache);
    expect([entriesIn(cache, first!), entriesIn(cache, second!)]).toEqual([6, 1]);
    expect(again).toEqual(await readPaperFolder(papers));
    // Nothing read anew: nothing written.
    await readPaperFolder(papers, { cacheDir: cache });
    expect(parts(cache)).toEqual([first, second]);
    // The later part wins for the kept papers too.
    expect(keptPapers(cache, papers)(names[2]!, readFileSync(join(papers, names[2]!), 'utf8'))?.data.title).toBe('Edited 1');
  });

  it('writes the whole cache in one part once the parts hold twice the papers, and the read is the same', async () => {
    const { papers, cache, names } = folderOf(3);
    await readPaperFolder(papers, { cacheDir: cache });
    for (let n = 1; n <= 3; n++) {
      edit(join(papers, names[n % 3]!), n);
      await readPaperFolder(papers, { cacheDir: cache });
    }
    // 3 + 1 + 1 entries, then a third edit would make 6 = 2 × 3: one part of 3.
    expect(parts(cache).map((p) => entriesIn(cache, p))).toEqual([3]);
    expect(await readPaperFolder(papers, { cacheDir: cache })).toEqual(await readPaperFolder(papers));
  });

  it('drops the entries of removed files once they are many, and a cache file of the older single-file form', async () => {
    const { papers, cache, names } = folderOf(6);
    await readPaperFolder(papers, { cacheDir: cache });
    const [part] = parts(cache);
    const legacy = part!.replace(/\.\d+\.v8$/, '.v8');
    writeFileSync(join(cache, legacy), 'older form');
    for (const name of names.slice(0, 4)) rmSync(join(papers, name));
    expect(await readPaperFolder(papers, { cacheDir: cache })).toEqual(await readPaperFolder(papers));
    expect(parts(cache).map((p) => entriesIn(cache, p))).toEqual([2]);
  });
});
