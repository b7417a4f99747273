/**
 * Content hashes kept between builds (src/offline/kept-hashes.ts): a file that is still the one
 * hashed (same size, mtime and inode) is not read again; any other is.
 */
import { mkdtempSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentHash } from '../../../src/offline/content-hash.ts';
import { KeptHashes } from '../../../src/offline/kept-hashes.ts';

const dir = mkdtempSync(join(tmpdir(), 'kept-hashes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const kept = join(dir, 'cache', 'hashes.json');
const hashOf = (text: string) => contentHash(new TextEncoder().encode(text));

/** Rewrites a file in place with other bytes of the same size, and gives it back its mtime. */
function swapInPlace(path: string, text: string): void {
  const { atimeMs, mtimeMs } = statSync(path);
  writeFileSync(path, text);
  utimesSync(path, atimeMs / 1000, mtimeMs / 1000);
}

describe('content hashes kept between builds', () => {
  it('hashes each file, and takes an unchanged one from what the last build kept', async () => {
    const page = join(dir, 'page.html');
    writeFileSync(page, 'first');
    const first = KeptHashes.none();
    expect(await first.facts(page, 'page.html')).toEqual({ bytes: 5, hash: await hashOf('first') });
    await first.write(kept);
    // Same size, mtime and inode: the kept hash answers, so the new bytes are not read.
    swapInPlace(page, 'other');
    expect(await KeptHashes.read(kept).facts(page, 'page.html')).toEqual({ bytes: 5, hash: await hashOf('first') });
  });

  it('hashes again a file rewritten, or replaced by another file', async () => {
    const page = join(dir, 'replaced.html');
    writeFileSync(page, 'first');
    const first = KeptHashes.none();
    await first.facts(page, 'replaced.html');
    await first.write(kept);
    const { mtimeMs } = statSync(page);
    // Another file moved into its place with the same mtime: another inode.
    writeFileSync(`${page}.new`, 'swaps');
    utimesSync(`${page}.new`, mtimeMs / 1000, mtimeMs / 1000);
    renameSync(`${page}.new`, page);
    expect((await KeptHashes.read(kept).facts(page, 'replaced.html')).hash).toBe(await hashOf('swaps'));
    // Rewritten in place: another mtime.
    writeFileSync(page, 'third');
    utimesSync(page, new Date(), new Date(mtimeMs + 60_000));
    expect((await KeptHashes.read(kept).facts(page, 'replaced.html')).hash).toBe(await hashOf('third'));
  });

  it('keeps only the files met in the last build, and starts afresh from a broken file', async () => {
    const page = join(dir, 'only.html');
    writeFileSync(page, 'only');
    const hashes = KeptHashes.none();
    await hashes.facts(page, 'only.html');
    await hashes.write(kept);
    expect(JSON.parse(readFileSync(kept, 'utf8')).map(([key]: [string]) => key)).toEqual(['only.html']);
    writeFileSync(kept, '[["only.html", ');
    swapInPlace(page, 'ONLY');
    expect((await KeptHashes.read(kept).facts(page, 'only.html')).hash).toBe(await hashOf('ONLY'));
  });
});
