/** Reading the ingest index (src/papers/ingest-index.ts): a cache, trusted only when whole. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyIndex, ingestIndexPath, readIngestIndex, writeIngestIndex, type IngestIndex } from '../../../src/papers/ingest-index.ts';

const papersDir = () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'ingest-index-')), 'papers');
  mkdirSync(dir);
  return dir;
};
const index: IngestIndex = {
  version: 3,
  folderMtimeMs: 7.25,
  papers: new Map([
    ['mamba', { size: 10, mtimeMs: 1.5, key: 'mamba', arxiv: '2312.00752', fingerprint: null }],
    ['attention', { size: 20, mtimeMs: 2.5, key: 'attention is all you need', arxiv: null, fingerprint: 'the dominant sequence transduction' }],
  ]),
  listings: { '2026-01-02.txt': { hash: 'ab', slugs: ['attention', 'mamba'], size: 3, mtimeMs: 2, statedDate: null } },
};
/** The file as written, to damage one part of it. */
const written = async () => {
  const dir = papersDir();
  await writeIngestIndex(dir, index);
  return JSON.parse(readFileSync(ingestIndexPath(dir), 'utf8')) as Record<string, unknown> & { papers: Record<string, unknown[]> };
};

describe('reading the ingest index', () => {
  it('gives back the index as written', async () => {
    const dir = papersDir();
    await writeIngestIndex(dir, index);
    await expect(readIngestIndex(dir)).resolves.toEqual(index);
  });

  it('keeps a field per column on disk, not an object per paper', async () => {
    const file = await written();
    expect(file.papers.slug).toEqual(['mamba', 'attention']);
    expect(file.papers.arxiv).toEqual(['2312.00752', null]);
    expect(file.listings).toEqual({ '2026-01-02.txt': { hash: 'ab', papers: [1, 0], size: 3, mtimeMs: 2, statedDate: null } });
  });

  it('leaves out a listing whose papers it does not all hold, so that listing is read again', async () => {
    const dir = papersDir();
    const gone = { hash: 'cd', slugs: ['mamba', 'gone'], size: 4, mtimeMs: 3, statedDate: '2026-01-03' };
    await writeIngestIndex(dir, { ...index, listings: { ...index.listings, '2026-01-03.txt': gone } });
    await expect(readIngestIndex(dir)).resolves.toEqual(index);
  });

  it.each([
    ['a title key missing', (f: Awaited<ReturnType<typeof written>>) => ({ ...f, papers: { ...f.papers, key: ['mamba'] } })],
    ['a size in words', (f: Awaited<ReturnType<typeof written>>) => ({ ...f, papers: { ...f.papers, size: ['10', 20] } })],
    ['an arXiv id as a number', (f: Awaited<ReturnType<typeof written>>) => ({ ...f, papers: { ...f.papers, arxiv: [2312.00752, null] } })],
    ['no papers', (f: Awaited<ReturnType<typeof written>>) => ({ ...f, papers: undefined })],
    ['papers in a list', (f: Awaited<ReturnType<typeof written>>) => ({ ...f, papers: [f.papers] })],
    ['an object per paper, as older code wrote it', (f: Awaited<ReturnType<typeof written>>) => ({ ...f, version: 2, papers: Object.fromEntries(index.papers) })],
    ['a listing without its hash', (f: Awaited<ReturnType<typeof written>>) => ({ ...f, listings: { x: { papers: [], size: 3, mtimeMs: 2, statedDate: null } } })],
    ['a listing naming a paper past the last', (f: Awaited<ReturnType<typeof written>>) => ({ ...f, listings: { x: { hash: 'ab', papers: [2], size: 3, mtimeMs: 2, statedDate: null } } })],
    ['another version', (f: Awaited<ReturnType<typeof written>>) => ({ ...f, version: 1 })],
  ])('is empty when the file has %s', async (_, damage) => {
    const damaged = damage(await written());
    const dir = papersDir();
    writeFileSync(ingestIndexPath(dir), JSON.stringify(damaged));
    await expect(readIngestIndex(dir)).resolves.toEqual(emptyIndex());
  });

  it('is empty when there is none, or it is not JSON', async () => {
    await expect(readIngestIndex(papersDir())).resolves.toEqual(emptyIndex());
    const dir = papersDir();
    writeFileSync(ingestIndexPath(dir), '{"version":3,"papers":{"slug":[');
    await expect(readIngestIndex(dir)).resolves.toEqual(emptyIndex());
  });
});
