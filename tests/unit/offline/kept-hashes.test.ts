/**
 * Content hashes kept between builds (src/offline/kept-hashes.ts): a file with the size and
 * mtime it had when hashed is not read again; any other is.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentHash } from '../../../src/offline/content-hash.ts';
import { KeptHashes } from '../../../src/offline/kept-hashes.ts';

const dir = mkdtempSync(join(tmpdir(), 'kept-hashes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const hashOf = (text: string) => contentHash(new TextEncoder().encode(text));

/** Rewrites a file with other bytes of the same size, and gives it back its mtime. */
function swapInPlace(path: string, text: string): void {
  const { atimeMs, mtimeMs } = statSync(path);
  writeFileSync(path, text);
  utimesSync(path, atimeMs / 1000, mtimeMs / 1000);
}

/** A file hashed once, its hashes kept in a file of their own. */
async function hashedOnce(name: string, text: string): Promise<{ page: string; kept: string }> {
  const page = join(dir, name);
  const kept = join(dir, 'cache', `${name}.json`);
  writeFileSync(page, text);
  const first = KeptHashes.none();
  expect(await first.facts(page, name)).toEqual({ bytes: Buffer.byteLength(text), hash: await hashOf(text) });
  await first.write(kept);
  return { page, kept };
}

describe('content hashes kept between builds', () => {
  it('takes the hash of a file with the size and mtime it had from what the last build kept', async () => {
    const { page, kept } = await hashedOnce('page.html', 'first');
    // Same size and mtime: the kept hash answers, so the new bytes are not read.
    swapInPlace(page, 'other');
    expect(await (await KeptHashes.read(kept)).facts(page, 'page.html')).toEqual({ bytes: 5, hash: await hashOf('first') });
  });

  it('hashes again a file rewritten or grown', async () => {
    const { page, kept } = await hashedOnce('rewritten.html', 'first');
    const { mtimeMs } = statSync(page);
    writeFileSync(page, 'third');
    utimesSync(page, new Date(), new Date(mtimeMs + 60_000));
    expect((await (await KeptHashes.read(kept)).facts(page, 'rewritten.html')).hash).toBe(await hashOf('third'));
    swapInPlace(page, 'longer text');
    expect((await (await KeptHashes.read(kept)).facts(page, 'rewritten.html')).hash).toBe(await hashOf('longer text'));
  });

  it('keeps only the files met in the last build, and starts afresh from a broken file or another hash function', async () => {
    const { page, kept } = await hashedOnce('only.html', 'only');
    expect((JSON.parse(readFileSync(kept, 'utf8')) as { files: Array<[string]> }).files.map(([key]) => key)).toEqual(['only.html']);
    swapInPlace(page, 'ONLY');
    const text = readFileSync(kept, 'utf8');
    for (const broken of ['{"format": ', text.replace(/"format":"[0-9a-f]+"/, '"format":"another"')]) {
      writeFileSync(kept, broken);
      expect((await (await KeptHashes.read(kept)).facts(page, 'only.html')).hash).toBe(await hashOf('ONLY'));
    }
  });

  it('says in one line, and goes on, when the hashes cannot be kept', async () => {
    const hashes = KeptHashes.none();
    writeFileSync(join(dir, 'a-file'), 'not a folder');
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (line: string) => warnings.push(line);
    try {
      await hashes.write(join(dir, 'a-file', 'hashes.json'));
    } finally {
      console.warn = warn;
    }
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^offline: the files' hashes could not be kept in .*a-file\/hashes\.json/);
  });
});
