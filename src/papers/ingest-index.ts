/**
 * The ingest index (`content/.papers-index.json`, beside the papers folder): what ingest needs
 * to know of the archive without reading it. For each paper file, its size and modification
 * time when last seen and what finds it (title key, arXiv id, the start of its abstract); for
 * each listing merged without an error, a hash of its bytes and the papers its records went to.
 *
 * One more day then reads only its own listing and the few paper files its records can reach:
 * a listing whose bytes are unchanged (and whose papers are all still there) is not read
 * again, and a paper file whose size and time are unchanged is known from the index until a
 * listing touches it. Any file that changed, by hand or otherwise, is read as before. The index
 * is a cache: a missing or unreadable one costs a full read, never a paper; it is written last.
 *
 * It also holds the papers folder's own modification time when it was written. While the folder
 * still has it, no file was added, removed or renamed there since (git, `rm`, `mv` and editors
 * that save by renaming all change it), so ingest need not `stat` every file to know the archive:
 * it checks only the files a record can reach (ingest.ts).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { writeAtomic } from '../utils/atomic-write.ts';

const indexedPaper = z.object({
  size: z.number(),
  mtimeMs: z.number(),
  key: z.string(),
  arxiv: z.string().nullable(),
  fingerprint: z.string().nullable(),
});

const indexedListing = z.object({
  hash: z.string(),
  slugs: z.array(z.string()),
  /** The file's size and mtime when it was hashed, and the capture date stated then: all unchanged, it is not even read to be hashed again. */
  size: z.number(),
  mtimeMs: z.number(),
  statedDate: z.string().nullable(),
});

const ingestIndex = z.object({
  version: z.literal(2),
  /** The papers folder's mtime once this run's files were written; absent in an index of older code. */
  folderMtimeMs: z.number().optional(),
  papers: z.record(z.string(), indexedPaper),
  listings: z.record(z.string(), indexedListing),
});

export type IndexedPaper = z.infer<typeof indexedPaper>;
export type IndexedListing = z.infer<typeof indexedListing>;
export type IngestIndex = z.infer<typeof ingestIndex>;

/**
 * The index is read as `ingestIndex` says, its papers checked by hand: zod's parse of a record of
 * 100,000 papers takes 0.5 s of a one-more-day ingest that should take 2, this check 0.07 s.
 */
function parseIndex(raw: unknown): IngestIndex | null {
  const outline = ingestIndex.omit({ papers: true }).safeParse(raw);
  const papers = (raw as { papers?: unknown } | null)?.papers;
  if (!outline.success || typeof papers !== 'object' || papers === null || Array.isArray(papers) || !Object.values(papers).every(isIndexedPaper)) return null;
  return { ...outline.data, papers: papers as Record<string, IndexedPaper> };
}

function isIndexedPaper(value: unknown): value is IndexedPaper {
  if (typeof value !== 'object' || value === null) return false;
  const { size, mtimeMs, key, arxiv, fingerprint } = value as Record<string, unknown>;
  const stringOrNull = (v: unknown) => v === null || typeof v === 'string';
  return typeof size === 'number' && typeof mtimeMs === 'number' && typeof key === 'string' && stringOrNull(arxiv) && stringOrNull(fingerprint);
}

export const EMPTY_INDEX: IngestIndex = { version: 2, papers: {}, listings: {} };

export function ingestIndexPath(papersDir: string): string {
  return join(dirname(papersDir), `.${basename(papersDir)}-index.json`);
}

/** The index as the last run left it; empty when there is none or it cannot be trusted. */
export async function readIngestIndex(papersDir: string): Promise<IngestIndex> {
  try {
    return parseIndex(JSON.parse(await readFile(ingestIndexPath(papersDir), 'utf8'))) ?? EMPTY_INDEX;
  } catch {
    return EMPTY_INDEX;
  }
}

export async function writeIngestIndex(papersDir: string, index: IngestIndex): Promise<void> {
  await writeAtomic(ingestIndexPath(papersDir), JSON.stringify(index));
}

/** A listing's identity for the index: its bytes and the capture date the maintainer stated, if any. */
export function listingHash(bytes: Uint8Array, statedDate: string | null): string {
  return createHash('sha256').update(bytes).update(`\0${statedDate ?? ''}`).digest('hex');
}

/** Whether a file is as the index saw it. */
export function unchangedSince(indexed: IndexedPaper | undefined, size: number, mtimeMs: number): indexed is IndexedPaper {
  return indexed !== undefined && indexed.size === size && indexed.mtimeMs === mtimeMs;
}
