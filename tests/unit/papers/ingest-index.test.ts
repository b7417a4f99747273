/** Reading the ingest index (src/papers/ingest-index.ts): a cache, trusted only when whole. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMPTY_INDEX, ingestIndexPath, readIngestIndex, type IngestIndex } from '../../../src/papers/ingest-index.ts';

const papersDir = () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'ingest-index-')), 'papers');
  mkdirSync(dir);
  return dir;
};
const index: IngestIndex = {
  version: 2,
  papers: { mamba: { size: 10, mtimeMs: 1.5, key: 'mamba', arxiv: '2312.00752', fingerprint: null } },
  listings: { '2026-01-02.txt': { hash: 'ab', slugs: ['mamba'], size: 3, mtimeMs: 2, statedDate: null } },
};

describe('reading the ingest index', () => {
  it('gives back the index as written', async () => {
    const dir = papersDir();
    writeFileSync(ingestIndexPath(dir), JSON.stringify(index));
    await expect(readIngestIndex(dir)).resolves.toEqual(index);
  });

  it.each([
    ['a paper entry without its title key', { ...index, papers: { mamba: { ...index.papers.mamba, key: undefined } } }],
    ['a paper entry with a size in words', { ...index, papers: { mamba: { ...index.papers.mamba, size: '10' } } }],
    ['no papers', { ...index, papers: undefined }],
    ['papers in a list', { ...index, papers: [index.papers.mamba] }],
    ['a listing without its hash', { ...index, listings: { x: { ...index.listings['2026-01-02.txt'], hash: undefined } } }],
    ['another version', { ...index, version: 1 }],
  ])('is empty when the file has %s', async (_, damaged) => {
    const dir = papersDir();
    writeFileSync(ingestIndexPath(dir), JSON.stringify(damaged));
    await expect(readIngestIndex(dir)).resolves.toEqual(EMPTY_INDEX);
  });

  it('is empty when there is none', async () => {
    await expect(readIngestIndex(papersDir())).resolves.toEqual(EMPTY_INDEX);
  });
});
